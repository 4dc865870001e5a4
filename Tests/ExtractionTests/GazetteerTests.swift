import Extraction
import Foundation
import Testing

@Suite struct GazetteerLookupTests {
  let gazetteer = LinkingFixture.gazetteer

  @Test(arguments: [
    ("U.S.", "country:united-states"), ("US", "country:united-states"), ("USA", "country:united-states"),
    ("United States", "country:united-states"), ("the United States", "country:united-states"),
    ("America", "country:united-states"), ("United States of America", "country:united-states"),
    ("U.N.", "organization:united-nations"), ("UN", "organization:united-nations"),
    ("United Nations", "organization:united-nations"), ("The United Nations", "organization:united-nations"),
    ("DPRK", "country:north-korea"), ("Democratic People's Republic of Korea", "country:north-korea"),
    ("Democratic People’s Republic of Korea", "country:north-korea"), ("NATO", "organization:nato"),
    ("Nato", "organization:nato"), ("North Atlantic Treaty Organization", "organization:nato"),
    ("Britain", "country:united-kingdom"), ("U.K.", "country:united-kingdom"), ("Turkey", "country:turkiye"),
    ("IAEA", "organization:iaea"), ("European Union", "organization:european-union"),
  ])
  func variantsAndAbbreviationsFindTheirEntry(name: String, key: String) {
    #expect(gazetteer.lookup(name)?.entry.key == key)
  }

  @Test(arguments: [
    ("Côte d'Ivoire", "country:ivory-coast"), ("Cote d’Ivoire", "country:ivory-coast"),
    ("COTE D'IVOIRE", "country:ivory-coast"), ("Türkiye", "country:turkiye"), ("Turkiye", "country:turkiye"),
    ("São Tomé and Príncipe", "country:sao-tome-and-principe"),
    ("Sao Tome and Principe", "country:sao-tome-and-principe"), ("Curaçao", "country:curacao"),
    ("Curacao", "country:curacao"), ("Kim Jong Un", "person:kim-jong-un"),
    ("Kim Jong-un", "person:kim-jong-un"),
  ])
  func lookupIgnoresDiacriticsCaseAndHyphens(name: String, key: String) {
    #expect(gazetteer.lookup(name)?.entry.key == key)
  }

  @Test(arguments: ["us", "who", "it", "in", "no", "IN", "IT"])
  func lowercaseWordsAndBareCodesAreNotAbbreviations(word: String) {
    #expect(gazetteer.lookup(word) == nil)
  }

  @Test func whoInCapitalsIsTheWorldHealthOrganization() {
    #expect(gazetteer.lookup("WHO")?.entry.key == "organization:world-health-organization")
    #expect(gazetteer.lookup("Who") == nil)
  }

  @Test(arguments: [
    ("North Korean", "country:north-korea", Gazetteer.NameKind.demonym),
    ("North Koreans", "country:north-korea", .demonymPlural), ("Russian", "country:russia", .demonym),
    ("Russians", "country:russia", .demonymPlural), ("Chinese", "country:china", .demonym),
    ("American", "country:united-states", .demonym), ("Ukrainian", "country:ukraine", .demonym),
    ("South Korean", "country:south-korea", .demonym), ("British", "country:united-kingdom", .demonym),
    ("Congolese", "country:dr-congo", .demonym),
  ])
  func demonymsLinkToTheirCountry(name: String, key: String, kind: Gazetteer.NameKind) {
    let found = gazetteer.lookup(name)
    #expect(found?.entry.key == key)
    #expect(found?.kind == kind)
  }

  @Test(arguments: [
    ("Pyongyang", "country:north-korea", Gazetteer.NameKind.capital), ("Moscow", "country:russia", .capital),
    ("Kyiv", "country:ukraine", .capital), ("Kiev", "country:ukraine", .capital),
    ("Washington", "country:united-states", .capital), ("Seoul", "country:south-korea", .capital),
    ("Kremlin", "country:russia", .seat), ("White House", "country:united-states", .seat),
  ])
  func capitalsAndSeatsStandForTheirGovernment(name: String, key: String, kind: Gazetteer.NameKind) {
    let found = gazetteer.lookup(name)
    #expect(found?.entry.key == key)
    #expect(found?.kind == kind)
    #expect(found?.kind.isMetonymy == true)
  }

  @Test func demonymAndCapitalLookupsAcceptOnlyTheirKind() {
    #expect(gazetteer.country(forDemonym: "North Koreans")?.key == "country:north-korea")
    #expect(gazetteer.country(forDemonym: "North Korea") == nil)
    #expect(gazetteer.country(forCapital: "Kyiv")?.key == "country:ukraine")
    #expect(gazetteer.country(forCapital: "Ukrainian") == nil)
  }

  @Test(arguments: [
    ("country:north-korea", "Q423"), ("country:russia", "Q159"), ("country:united-states", "Q30"),
    ("country:ukraine", "Q212"), ("country:kosovo", "Q1246"), ("organization:united-nations", "Q1065"),
    ("organization:nato", "Q7184"), ("person:vladimir-putin", "Q7747"), ("person:kim-jong-un", "Q56226"),
    ("person:fumio-kishida", "Q359480"),
  ])
  func entriesCarryTheirWikidataItem(key: String, qid: String) {
    #expect(gazetteer.entry(forKey: key)?.wikidata == qid)
  }

  @Test func countriesKeepTheirISOCodes() {
    #expect(gazetteer.country(code: "KP")?.key == "country:north-korea")
    #expect(gazetteer.country(code: "prk")?.key == "country:north-korea")
    #expect(gazetteer.entry(forKey: "country:north-korea")?.isoAlpha3 == "PRK")
    #expect(gazetteer.entry(forKey: "country:north-korea")?.type == .country)
  }

  @Test func leadersAreDatedPositionsNotCurrentFacts() throws {
    let positions = gazetteer.positions(ofPerson: "person:vladimir-putin")
    let president = try #require(positions.first)
    #expect(president.position == "President of Russia")
    #expect(president.countryKey == "country:russia")
    #expect(president.startYear == 2012)
    #expect(president.endYear == nil)
    #expect(Gazetteer.Leader.asOf == "2022-10")
    let moon = gazetteer.leaders(ofCountry: "country:south-korea").first {
      gazetteer.entries[$0.entry].label == "Moon Jae-in"
    }
    #expect(moon?.endYear == 2022)
  }

  @Test func rolesComeFromTheAgentsDictionary() {
    #expect(gazetteer.roleCode("foreign minister") == "GOV")
    #expect(gazetteer.roleCode("Foreign Ministers") == "GOV")
    #expect(gazetteer.roleCode("troops") == "MIL")
    #expect(gazetteer.roleCode("rebel commander") == "REB")
    #expect(gazetteer.roleCode("bystander") == nil)
    #expect(gazetteer.isRoleHead("spokesperson"))
    #expect(gazetteer.isRoleHead("Minister"))
    #expect(gazetteer.isTitleWord("Defense"))
    #expect(!gazetteer.isRoleHead("Defense"))
    #expect(!gazetteer.isRoleHead("news"))
    #expect(!gazetteer.isTitleWord("Lloyd"))
  }
}

@Suite struct GazetteerScanTests {
  let gazetteer = LinkingFixture.gazetteer

  @Test func scanFindsLongestNamesLeftToRight() {
    let forms = [
      "Russian", "President", "Vladimir", "Putin", "met", "North", "Korean", "leader", "Kim", "Jong-un", "in",
      "the", "Kremlin", "and", "North", "Korea", "'s", "envoy",
    ]
    let found = gazetteer.matches(in: forms[...]).map {
      ($0.tokens, gazetteer.entries[$0.entry].key, $0.kind)
    }
    #expect(found.map(\.0) == [0..<1, 2..<4, 5..<7, 8..<10, 12..<13, 14..<16])
    #expect(
      found.map(\.1) == [
        "country:russia", "person:vladimir-putin", "country:north-korea", "person:kim-jong-un",
        "country:russia",
        "country:north-korea",
      ])
    #expect(found.map(\.2) == [.demonym, .name, .demonym, .name, .seat, .name])
  }

  @Test func scanSkipsPunctuationTokensInsideAbbreviations() {
    let forms = ["U", ".", "S", ".", "troops"]
    let found = gazetteer.matches(in: forms[...])
    #expect(found.map(\.tokens) == [0..<3])
    #expect(found.first.map { gazetteer.entries[$0.entry].key } == "country:united-states")
  }

  @Test func scanIgnoresLowercaseWordsAndKeepsSliceIndices() {
    let forms = ["let", "us", "buy", "china", "in", "Turkey", "from", "Japan"]
    let found = gazetteer.matches(in: forms[2...])
    #expect(found.map(\.tokens) == [5..<6, 7..<8])
  }

  @Test func exactMatchNeedsTheWholeSlice() {
    let forms = ["North", "Korea", "army"]
    #expect(
      gazetteer.exactMatch(forms[0..<2]).map { gazetteer.entries[$0.entry].key } == "country:north-korea")
    #expect(gazetteer.exactMatch(forms[0..<3]) == nil)
  }
}

@Suite struct GazetteerKeyTests {
  @Test(arguments: [
    ("Kim Jong-un", "kim-jong-un"), ("U.S. State Department", "us-state-department"),
    ("Côte d'Ivoire", "cote-divoire"), ("Türkiye", "turkiye"), ("  Lloyd   Austin ", "lloyd-austin"),
    ("Straße", "strasse"),
  ])
  func slugsAreLowercaseASCIIWithHyphens(name: String, slug: String) {
    #expect(GazetteerKey.slug(name) == slug)
  }

  @Test(arguments: [
    ("U.S.", "us"), ("the United Nations", "unitednations"), ("Kim Jong-un", "kimjongun"),
    ("São Tomé", "saotome"), ("Ærø", "aero"),
  ])
  func keysFoldCasePunctuationAndDiacritics(name: String, key: String) {
    #expect(GazetteerKey.of(name) == key)
  }
}

@Suite struct GazetteerFileTests {
  @Test func malformedLinesNameTheFileAndLine() {
    let text = "# header\nE\tcountry:x\tX\t\t\t\nQ\tnonsense\n"
    #expect(throws: GazetteerError.malformed(file: "g.tsv", line: 3, reason: "unknown record 'Q'")) {
      try Gazetteer(tsv: text, file: "g.tsv")
    }
  }

  @Test func leadersMustReferToAnEntry() {
    let text = "L\tperson:nobody\tcountry:x\tPresident of X\t\t2020\t\n"
    #expect(throws: GazetteerError.self) { try Gazetteer(tsv: text) }
  }

  @Test func aSmallFileLoadsAndMatches() throws {
    let text = "E\tcountry:freedonia\tFreedonia\tQ1\tFD\tFRD\tdFreedonian\tcFredville\taFRD\n"
    let gazetteer = try Gazetteer(tsv: text)
    #expect(gazetteer.lookup("Freedonians") == nil)
    #expect(gazetteer.lookup("Freedonian")?.kind == .demonym)
    #expect(gazetteer.lookup("Fredville")?.entry.wikidata == "Q1")
    #expect(gazetteer.country(code: "FD")?.label == "Freedonia")
  }
}

@Suite struct GazetteerBuilderTests {
  static let shared: URL? = {
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    for _ in 0..<6 {
      let candidate = folder.appendingPathComponent("shared/data/gazetteer-sources/countries.json")
      if FileManager.default.fileExists(atPath: candidate.path) {
        return folder.appendingPathComponent("shared/data")
      }
      folder = folder.deletingLastPathComponent()
    }
    let fallback = URL(fileURLWithPath: "/work/shared/data")
    return FileManager.default.fileExists(atPath: fallback.appendingPathComponent("gazetteer-sources").path)
      ? fallback : nil
  }()

  @Test(.enabled(if: shared != nil, "needs ../shared/data"))
  func buildReproducesTheBundledResourceByteForByte() throws {
    let data = try #require(Self.shared)
    let builder = GazetteerBuilder(
      options: .init(
        sources: data.appendingPathComponent("gazetteer-sources"),
        petrarch: data.appendingPathComponent("petrarch2-dictionaries")))
    let (first, summary) = try builder.build()
    let (second, _) = try builder.build()
    #expect(first == second)
    let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/Extraction/Resources/gazetteer.tsv")
    #expect(first == (try String(contentsOf: bundled, encoding: .utf8)))
    #expect(summary.countries == 250)
    #expect(first.utf8.count < 400_000)
  }

  @Test(
    arguments: [
      ("North Korean", "North Koreans"), ("Chinese", nil), ("British", nil), ("Swiss", nil), ("French", nil),
      ("Pakistani", "Pakistanis"), ("Frenchman", "Frenchmen"), ("German", "Germans"),
    ] as [(String, String?)])
  func demonymPluralsFollowEnglishRules(singular: String, plural: String?) {
    #expect(GazetteerBuilder.demonymPlural(singular) == plural)
  }
}
