import Foundation
import Testing

@testable import Extraction

@Suite struct VerbLexiconTests {
  // MARK: - Lookup order

  let small = VerbLexicon(entries: [
    .init(lemma: "send", relationClass: .aid, cameoCode: "070"),
    .init(lemma: "send_to", relationClass: .meet, cameoCode: "042"),
    .init(lemma: "carry_out", relationClass: .fight, cameoCode: "190"),
    .init(lemma: "impose", relationClass: .coerce, cameoCode: "170"),
  ])

  @Test func verbWithPrepositionIsTriedBeforeTheVerb() {
    #expect(small.relationClass(forPredicate: "send_to") == "meet")
    #expect(small.cameoCode(forPredicate: "send_to") == "042")
  }

  @Test func verbAloneIsUsedWhenTheVerbWithPrepositionIsUnknown() {
    #expect(small.relationClass(forPredicate: "impose_on") == "coerce")
    #expect(small.relationClass(forPredicate: "send_by") == "aid")
  }

  @Test func longerPredicatesShortenOneWordAtATime() {
    #expect(small.relationClass(forPredicate: "carry_out_against") == "fight")
    #expect(small.relationClass(forPredicate: "send_to_back") == "meet")
  }

  @Test(arguments: ["", "_", "frobnicate", "frobnicate_to", "to_send", "sending"])
  func unknownPredicatesHaveNoClass(predicate: String) {
    #expect(small.relationClass(forPredicate: predicate) == nil)
    #expect(small.cameoCode(forPredicate: predicate) == nil)
  }

  // MARK: - Table format

  @Test func tableRoundTripsThroughText() throws {
    let text = small.tsv(header: ["a test table"])
    #expect(text.hasPrefix("# a test table\ncarry_out\tfight\t190\nimpose\tcoerce\t170\nsend\taid\t070\n"))
    #expect(try VerbLexicon(tsv: text, file: "t.tsv").entries == small.entries)
  }

  @Test(arguments: [
    ("send\taid\n", 1, "found 2 fields"),
    ("# c\nsend\thelp\t070\n", 2, "unknown relation class 'help'"),
    ("send\taid\t070\n\nsend\tmeet\t070\n", 3, "not in class meet"),
    ("send\taid\tx70\n", 1, "not in class aid"),
  ])
  func badTableLinesAreReportedWithFileAndLine(text: String, line: Int, reason: String) {
    do {
      _ = try VerbLexicon(tsv: text, file: "t.tsv")
      Issue.record("no error for \(text.debugDescription)")
    } catch let VerbLexiconError.malformedLine(file, foundLine, foundReason) {
      #expect(file == "t.tsv")
      #expect(foundLine == line)
      #expect(foundReason.contains(reason), "\(foundReason)")
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test(arguments: [
    ("010", "statement"), ("0334", "intend-cooperation"), ("111", "condemn"), ("20", "mass-violence"),
  ])
  func cameoCodeNamesItsRootClass(code: String, name: String) {
    #expect(VerbLexicon.RelationClass(cameoCode: code)?.rawValue == name)
  }

  @Test(arguments: ["", "0", "000", "21", "x10", "-10"])
  func codesOutsideTheTwentyRootsHaveNoClass(code: String) {
    #expect(VerbLexicon.RelationClass(cameoCode: code) == nil)
  }

  @Test func classesAreNumberedInCameoOrder() {
    let roots = VerbLexicon.RelationClass.allCases.map(\.cameoRoot)
    #expect(roots == (1...20).map { $0 < 10 ? "0\($0)" : "\($0)" })
    for relationClass in VerbLexicon.RelationClass.allCases {
      #expect(VerbLexicon.RelationClass(cameoCode: relationClass.cameoRoot) == relationClass)
    }
  }

  // MARK: - Bundled table

  @Test(arguments: [
    ("say", "statement"), ("announce", "statement"), ("add", "statement"),
    ("ask", "appeal"), ("urge", "appeal"), ("call_for", "appeal"),
    ("promise", "intend-cooperation"), ("offer", "intend-cooperation"),
    ("meet", "meet"), ("visit", "meet"), ("host", "meet"), ("negotiate", "meet"),
    ("agree", "diplomatic-cooperation"), ("cooperate", "diplomatic-cooperation"),
    ("sign", "diplomatic-cooperation"),
    ("praise", "diplomatic-cooperation"),
    ("provide", "material-cooperation"), ("supply", "material-cooperation"), ("give", "material-cooperation"),
    ("sell", "material-cooperation"), ("arm", "material-cooperation"),
    ("help", "aid"), ("send", "aid"), ("deploy", "aid"), ("send_to", "aid"), ("transfer", "aid"),
    ("release", "yield"), ("withdraw", "yield"),
    ("investigate", "investigate"), ("demand", "demand"),
    ("condemn", "condemn"), ("criticize", "condemn"), ("criticise", "condemn"), ("accuse", "condemn"),
    ("denounce", "condemn"), ("blame", "condemn"),
    ("reject", "reject"), ("deny", "reject"), ("refuse", "reject"),
    ("threaten", "threaten"), ("warn", "threaten"), ("protest", "protest"), ("mobilize", "deploy"),
    ("sanction", "sanction"), ("impose_on", "sanction"), ("impose", "coerce"),
    ("arrest", "coerce"), ("seize", "coerce"), ("expel", "coerce"),
    ("kidnap", "assault"), ("assassinate", "assault"),
    ("attack", "fight"), ("invade", "fight"), ("kill", "fight"), ("bomb", "fight"), ("occupy", "fight"),
    ("massacre", "mass-violence"),
  ])
  func commonNewsVerbsHaveSensibleClasses(predicate: String, expected: String) {
    #expect(VerbLexicon.shared.relationClass(forPredicate: predicate) == expected)
  }

  @Test(arguments: ["take", "hold", "make", "put", "be", "have", "think", "speculate", "frobnicate"])
  func vagueOrUnknownVerbsHaveNoClass(predicate: String) {
    #expect(VerbLexicon.shared.relationClass(forPredicate: predicate) == nil)
  }

  @Test func sentTroopsAndDeployedSoldiersCompareEqual() {
    let lexicon = VerbLexicon.shared
    #expect(lexicon.relationClass(forPredicate: "send") == lexicon.relationClass(forPredicate: "deploy"))
    #expect(lexicon.relationClass(forPredicate: "provide") == lexicon.relationClass(forPredicate: "supply"))
  }

  @Test func bundledTableIsSmallAndSorted() {
    let lemmas = VerbLexicon.shared.entries.map(\.lemma)
    #expect((1000...5000).contains(lemmas.count))
    #expect(lemmas == lemmas.sorted())
  }

  /// Regenerates the table from the CAMEO dictionary and compares it, byte for byte, with the
  /// committed one. With `NEWSGRAPH_RECORD=1` it rewrites the committed table instead.
  @Test(.enabled(if: Self.cameoFile != nil, "the CAMEO dictionary is not on this machine"))
  func bundledTableMatchesTheGenerator() throws {
    let source = try #require(Self.cameoFile)
    let dictionary = try CAMEOVerbDictionary(
      parsing: try String(contentsOf: source, encoding: .utf8), file: source.path)
    let builder = VerbLexiconBuilder()
    let expected = builder.lexicon(from: dictionary).tsv(
      header: builder.tableHeader(sourceName: source.lastPathComponent))
    let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources/Extraction/Resources/verb-classes.tsv").standardizedFileURL
    if ProcessInfo.processInfo.environment["NEWSGRAPH_RECORD"] == "1" {
      try Data(expected.utf8).write(to: committed)
    }
    #expect(try String(contentsOf: committed, encoding: .utf8) == expected)
    #expect(
      VerbLexicon.shared.tsv(header: builder.tableHeader(sourceName: source.lastPathComponent)) == expected)
  }

  /// `NEWSGRAPH_CAMEO`, or `shared/data/petrarch2-dictionaries/CAMEO.2.0.txt` in a folder above
  /// this file (the shared workplace layout).
  static let cameoFile: URL? = {
    if let path = ProcessInfo.processInfo.environment["NEWSGRAPH_CAMEO"] { return URL(fileURLWithPath: path) }
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent("shared/data/petrarch2-dictionaries/CAMEO.2.0.txt")
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }()
}
