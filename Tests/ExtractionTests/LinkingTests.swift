import Extraction
import Testing
import Text

@Suite struct LinkingTitleTests {
  struct TitleCase: Sendable, CustomStringConvertible {
    var text: String
    var person: String
    var title: String
    var affiliation: String
    var description: String { text }
  }

  @Test(arguments: [
    TitleCase(
      text: "U.S. Defense Secretary Lloyd Austin spoke on Monday.", person: "person:lloyd-austin",
      title: "Defense Secretary", affiliation: "country:united-states"),
    TitleCase(
      text: "Russian President Vladimir Putin spoke on Monday.", person: "person:vladimir-putin",
      title: "President",
      affiliation: "country:russia"),
    TitleCase(
      text: "South Korean Foreign Minister Park Jin spoke on Monday.", person: "person:park-jin",
      title: "Foreign Minister", affiliation: "country:south-korea"),
    TitleCase(
      text: "Japan’s Prime Minister Fumio Kishida spoke on Monday.", person: "person:fumio-kishida",
      title: "Prime Minister", affiliation: "country:japan"),
    TitleCase(
      text: "He met North Korean leader Kim Jong-un in September.", person: "person:kim-jong-un",
      title: "leader",
      affiliation: "country:north-korea"),
    TitleCase(
      text: "UN Secretary-General Antonio Guterres spoke on Monday.", person: "person:antonio-guterres",
      title: "Secretary-General", affiliation: "organization:united-nations"),
    TitleCase(
      text: "The State Department spokesperson Matthew Miller said so.", person: "person:matthew-miller",
      title: "spokesperson", affiliation: "organization:state-department"),
    TitleCase(
      text: "“It matters,” says Bruce Klingner, a senior research fellow at the Heritage Foundation.",
      person: "person:bruce-klingner", title: "senior research fellow",
      affiliation: "organization:heritage-foundation"),
  ])
  func titlesGiveAPersonAJobTitleAndAnAffiliation(_ example: TitleCase) throws {
    let (_, linked) = LinkingFixture.link(example.text)
    let person = try #require(linked.entity(example.person), "entities: \(linked.entities.map(\.key))")
    #expect(person.type == .person)
    #expect(person.jobTitle == example.title)
    #expect(person.affiliation == example.affiliation)
    // The title is not part of the person's name or mention.
    #expect(person.mentions.allSatisfy { !$0.text.contains(example.title) })
  }

  @Test func wordsBeforeATitleQualifyItAndAClauseAfterTheNameIsNoTitle() throws {
    let (_, linked) = LinkingFixture.link(
      "On Monday, Tory MP Michael Mates, who is a member of the committee, spoke.")
    let person = try #require(
      linked.entity("person:michael-mates"), "entities: \(linked.entities.map(\.key))")
    #expect(person.jobTitle == "Tory MP")
    #expect(person.mentions.map(\.text) == ["Michael Mates"])
    let (_, day) = LinkingFixture.link("Then Tuesday Captain Manohar Nambiar spoke.")
    #expect(
      day.entity("person:manohar-nambiar")?.jobTitle == "Captain", "entities: \(day.entities.map(\.key))")
    let (_, two) = LinkingFixture.link("On Monday, Lib Dem MP Lembit Opik spoke.")
    #expect(
      two.entity("person:lembit-opik")?.jobTitle == "Lib Dem MP", "entities: \(two.entities.map(\.key))")
  }

  @Test func lettersAfterANameMakeItAPersonsAndTheAppositiveAfterThemIsTheirTitle() throws {
    let (_, linked) = LinkingFixture.link(
      "A book by Philippe Sands QC, a senior fellow at the club, appeared.")
    let person = try #require(
      linked.entity("person:philippe-sands"), "entities: \(linked.entities.map(\.key))")
    #expect(person.jobTitle == "senior fellow")
  }

  @Test func anHonorificBeforeATitleAloneNamesNobody() {
    let (_, linked) = LinkingFixture.link("On Monday the Lord Chancellor defended the plans.")
    #expect(linked.entities.isEmpty, "entities: \(linked.entities.map(\.key))")
  }

  @Test func anHonorificTitleBeforeThePersonsOwnHonorificIsTheirTitle() throws {
    let (_, linked) = LinkingFixture.link("Then the Lord Chancellor Lord Falconer spoke.")
    let person = try #require(linked.entity("person:falconer"), "entities: \(linked.entities.map(\.key))")
    #expect(person.jobTitle == "Lord Chancellor")
    #expect(linked.entities.count == 1)
  }

  @Test func wordsBeforeARankArePartOfTheTitle() throws {
    let (_, linked) = LinkingFixture.link("Then Carnegie Mellon Professor Raj Reddy spoke.")
    let person = try #require(linked.entity("person:raj-reddy"), "entities: \(linked.entities.map(\.key))")
    #expect(person.jobTitle == "Carnegie Mellon Professor")
    #expect(linked.entities.count == 1, "entities: \(linked.entities.map(\.key))")
  }

  @Test(arguments: [
    ("Archbishop Desmond Tutu", "person:desmond-tutu", "Archbishop"),
    ("Judge Richard Mawrey", "person:richard-mawrey", "Judge"),
    ("Rabbi Marvin Hier", "person:marvin-hier", "Rabbi"),
    ("Rev Dr Tom Wright", "person:tom-wright", "Rev"),
  ])
  func religiousAndJudicialRanksMakeAPersonAndAreTheirTitle(_ text: String, key: String, title: String) throws
  {
    let (_, linked) = LinkingFixture.link("Then \(text) spoke.")
    let person = try #require(linked.entity(key), "entities: \(linked.entities.map(\.key))")
    #expect(person.jobTitle == title)
  }

  @Test func anHonorificWithoutANameNamesNobody() {
    let (_, linked) = LinkingFixture.link("Then the Ayatollah spoke to the Supreme Leader Ayatollah.")
    #expect(linked.entities.isEmpty, "entities: \(linked.entities.map(\.key))")
  }

  @Test func aRankEndingANameIsASurname() {
    let (_, linked) = LinkingFixture.link("Then the chairman Elvis Bishop spoke.")
    #expect(linked.entities.map(\.key) == ["person:elvis-bishop"])
  }

  @Test func anOfficeNamedWithOfIsNoPerson() {
    let (_, linked) = LinkingFixture.link("Then the Archbishop of Canterbury spoke.")
    #expect(!linked.entities.contains { $0.type == .person }, "entities: \(linked.entities.map(\.key))")
  }

  @Test(arguments: ["Prof Joni Lovenduski", "Professor Joni Lovenduski"])
  func academicTitlesMakeAPersonAndAreTheirTitle(_ text: String) throws {
    let (_, linked) = LinkingFixture.link("Then \(text) spoke.")
    let person = try #require(
      linked.entity("person:joni-lovenduski"), "entities: \(linked.entities.map(\.key))")
    #expect(person.jobTitle == String(text.split(separator: " ")[0]))
  }

  @Test(arguments: [("Mr Charles Harris QC", "person:charles-harris"), ("Mr Howard OBE", "person:howard")])
  func lettersAfterANameAreNotPartOfIt(_ text: String, key: String) {
    let (_, linked) = LinkingFixture.link("Then \(text) spoke.")
    #expect(linked.entities.map(\.key) == [key])
  }

  @Test func leadersOf2022NamedInFullGetTheirQID() throws {
    let (_, linked) = LinkingFixture.link("Russian President Vladimir Putin met Xi Jinping.")
    #expect(linked.entity("person:vladimir-putin")?.wikidata == "Q7747")
    #expect(linked.entity("person:xi-jinping")?.wikidata == "Q15031")
  }

  @Test func aTitleAloneMakesNoEntity() {
    let (_, linked) = LinkingFixture.link("The U.S. Defense Secretary emphasized the point.")
    #expect(linked.entities.map(\.key) == ["country:united-states"])
  }

  @Test func pluralGroupNounsTitleNobody() {
    let (_, linked) = LinkingFixture.link("North Korean Troops Reportedly in Russia")
    #expect(linked.entities.map(\.key) == ["country:north-korea", "country:russia"])
  }
}

@Suite struct LinkingGazetteerTests {
  @Test func demonymAdjectivesLinkToTheirCountry() throws {
    let (document, linked) = LinkingFixture.link("North Korean troops are in Russia.")
    let first = try #require(linked.links.first)
    #expect(first.key == "country:north-korea")
    #expect(first.kind == .demonym)
    #expect(first.tokens == 0..<2)
    #expect(linked.key(atToken: 0) == "country:north-korea")
    #expect(linked.key(atToken: 2) == nil)
    #expect(document.forms[2] == "troops")
    #expect(linked.entity("country:north-korea")?.aliases == ["North Korean"])
  }

  @Test func demonymGroupsAreOptInGroupsAffiliatedWithTheCountry() throws {
    let document = LinkingFixture.document("North Korean troops and Russian officials met.")
    let candidates = CandidateMention.capitalizedRuns(in: document)
    let plain = LinkingFixture.linker.link(document, candidates: candidates)
    #expect(plain.entities.map(\.key) == ["country:north-korea", "country:russia"])
    let grouping = EntityLinker(gazetteer: LinkingFixture.gazetteer, options: .init(demonymGroups: true))
    let linked = grouping.link(document, candidates: candidates)
    let troops = try #require(linked.entity("group:north-korean-troops"))
    #expect(troops.type == .group)
    #expect(troops.affiliation == "country:north-korea")
    #expect(linked.entity("group:russian-officials")?.affiliation == "country:russia")
    #expect(linked.key(atToken: 0) == "group:north-korean-troops")
    #expect(linked.key(atToken: 2) == "group:north-korean-troops")
  }

  @Test(arguments: [
    ("Pyongyang", "country:north-korea", LinkKind.capital), ("Moscow", "country:russia", .capital),
    ("Kyiv", "country:ukraine", .capital), ("Washington", "country:united-states", .capital),
    ("The Kremlin", "country:russia", .seat),
  ])
  func capitalsLinkToTheirCountryAsMetonymy(subject: String, key: String, kind: LinkKind) throws {
    let (_, linked) = LinkingFixture.link("\(subject) denied the reports on Tuesday.")
    let link = try #require(linked.links.first)
    #expect(link.key == key)
    #expect(link.kind == kind)
    #expect(link.isMetonymy)
    #expect(linked.entity(key)?.type == .country)
  }

  @Test(arguments: ["U.S.", "US", "USA", "United States", "America"])
  func variantsOfOneCountryShareOneEntity(name: String) {
    let (_, linked) = LinkingFixture.link("Officials in \(name) and the United States agreed.")
    #expect(linked.entities.map(\.key) == ["country:united-states"])
    #expect(linked.entities.first?.mentions.count == 2)
  }

  @Test func theUNByAnyNameIsOneEntityWithItsQID() {
    let (_, linked) = LinkingFixture.link("The U.N. said the United Nations and the UN agree.")
    #expect(linked.entities.map(\.key) == ["organization:united-nations"])
    #expect(linked.entities.first?.wikidata == "Q1065")
    #expect(linked.entities.first?.mentions.count == 3)
  }

  @Test func gazetteerNamesOutsideCandidatesAreLinkedWhenScanning() {
    let document = LinkingFixture.document("Talks between Russia and China resumed.")
    let scanning = LinkingFixture.linker.link(document, candidates: [])
    #expect(scanning.entities.map(\.key) == ["country:china", "country:russia"])
    let notScanning = EntityLinker(gazetteer: LinkingFixture.gazetteer, options: .init(scanGazetteer: false))
      .link(document, candidates: [])
    #expect(notScanning.entities.isEmpty)
  }

  @Test(arguments: ["Michael Jordan scored twice.", "Jordan Peterson spoke."])
  func aCountryNameInsideAnUntypedNameIsNotTheCountry(text: String) {
    let (_, linked) = LinkingFixture.link(text)
    #expect(linked.entity("country:jordan") == nil)
  }

  @Test func aCountryNameInsideAPersonsNameStaysPartOfIt() {
    let document = LinkingFixture.document("Jordan Peterson spoke.")
    let linked = LinkingFixture.linker.link(
      document, candidates: [CandidateMention(EntitySpan(tokens: 0..<2, label: "PER"))])
    #expect(linked.entities.map(\.key) == ["person:jordan-peterson"])
  }
}

@Suite struct LinkingShortFormTests {
  @Test func surnameAfterFullNameIsTheSamePerson() throws {
    let (_, linked) = LinkingFixture.link(
      "Defense Secretary Lloyd Austin spoke. Later, Austin said more. Austin’s aides agreed.")
    let austin = try #require(linked.entity("person:lloyd-austin"))
    #expect(austin.mentions.map(\.text) == ["Lloyd Austin", "Austin", "Austin"])
    #expect(
      linked.links.filter { $0.key == "person:lloyd-austin" }.map(\.kind) == [
        .newName, .shortForm, .shortForm,
      ])
    #expect(linked.entities.filter { $0.type == .person }.count == 1)
  }

  @Test func koreanFamilyNameAfterFullNameIsTheSamePerson() throws {
    let (_, linked) = LinkingFixture.link("North Korean leader Kim Jong-un met envoys. Kim said little.")
    let kim = try #require(linked.entity("person:kim-jong-un"))
    #expect(kim.mentions.count == 2)
    #expect(kim.wikidata == "Q56226")
  }

  @Test func twoFullNamesSharingAFamilyNameNeverMerge() throws {
    let (_, linked) = LinkingFixture.link(
      "Leader Kim Yo-jong spoke first. Leader Kim Jong-un met officials. Then Kim left.")
    let people = linked.entities.filter { $0.type == .person }.map(\.key)
    #expect(people == ["person:kim-jong-un", "person:kim-yo-jong"])
    // The bare "Kim" goes to the nearest full name before it, never joining the two.
    #expect(linked.entity("person:kim-jong-un")?.mentions.count == 2)
    #expect(linked.entity("person:kim-yo-jong")?.mentions.count == 1)
    #expect(linked.entity("person:kim-yo-jong")?.aliases.isEmpty == true)
  }

  @Test func organisationSuffixAfterFullNameIsTheSameOrganisation() {
    let (_, linked) = LinkingFixture.link("The U.S. State Department objected. The State Department wrote.")
    #expect(linked.entities.map(\.key) == ["organization:us-state-department"])
    #expect(linked.entities.first?.affiliation == "country:united-states")
  }

  @Test func countriesListedInOneCapitalizedRunAreEachLinked() {
    // Without a recognizer, "Peru and Bolivia" and "Chile, Peru" reach the linker as one run.
    let document = parsedDocument(
      """
      Chile Chile PROPN 6 nsubj
      , , PUNCT 3 punct
      Peru Peru PROPN 1 conj
      and and CCONJ 5 cc
      Bolivia Bolivia PROPN 1 conj
      met meet VERB 0 root
      """)
    let linked = LinkingFixture.linker.link(document, candidates: MentionFinder().candidates(in: document))
    #expect(Set(linked.entities.map(\.key)) == ["country:chile", "country:peru", "country:bolivia"])
  }

  @Test func aPlaceNamedAfterAPeopleBelongsToNoCountry() {
    let (_, linked) = LinkingFixture.link("Ships from Oman crossed the Indian Ocean.")
    let ocean = linked.entities.first { $0.label == "Indian Ocean" }
    #expect(ocean?.type == .place)
    #expect(ocean != nil && ocean?.affiliation == nil)
  }

  @Test func anHonorificMakesAPersonAndTypesTheFullNameBeforeIt() throws {
    let (_, linked) = LinkingFixture.link("David McLetchie spoke first. On Tuesday Mr McLetchie agreed.")
    let person = try #require(linked.entity("person:david-mcletchie"))
    #expect(person.type == .person)
    #expect(person.mentions.map(\.text) == ["David McLetchie", "McLetchie"])
    #expect(linked.entities.count == 1)
  }

  @Test(arguments: [
    "The General Election is due in May.", "Christian Olsson won the title.",
    "On Tuesday Commission staff left.",
  ])
  func wordsThatLookLikeTitlesDoNotMakePeople(text: String) {
    let (_, linked) = LinkingFixture.link(text)
    #expect(linked.entities.filter { $0.type == .person }.isEmpty)
  }

  @Test func untypedCapitalizedWordsAreNotEntities() {
    let (document, linked) = LinkingFixture.link(
      "Speaking at a briefing, Experts said While Western talks go on.")
    #expect(linked.entities.isEmpty)
    #expect(
      linked.unresolved.map { document.forms[$0.tokens].joined(separator: " ") } == [
        "Speaking", "Experts", "Western",
      ])
  }
}

@Suite struct LinkingOutputTests {
  @Test func mentionsCarrySentenceTokensAndScalarSpans() throws {
    let text = "Ties grew. Then Pyongyang and Moscow signed a pact."
    let (document, linked) = LinkingFixture.link(text)
    #expect(linked.tokenKeys.count == document.tokenCount)
    let russia = try #require(linked.entity("country:russia"))
    let mention = try #require(russia.mentions.first)
    #expect(mention.sentence == 1)
    #expect(mention.text == "Moscow")
    #expect(document.text(mention.span) == "Moscow")
    #expect(document.forms[mention.tokens] == ["Moscow"])
  }

  @Test func recognizerSpansCarryTheirTypeGuess() {
    #expect(CandidateMention(EntitySpan(tokens: 0..<1, label: "PER")).type == .person)
    #expect(CandidateMention(EntitySpan(tokens: 0..<1, label: "ORG")).type == .organization)
    #expect(CandidateMention(EntitySpan(tokens: 0..<1, label: "LOC")).type == .place)
    #expect(CandidateMention(EntitySpan(tokens: 0..<1, label: "MISC")).type == nil)
  }

  @Test func guessedOrganisationsAreKeptEvenWithoutAHeadWord() {
    let document = LinkingFixture.document("Gazprom cut supplies.")
    let linked = LinkingFixture.linker.link(
      document, candidates: [CandidateMention(tokens: 0..<1, type: .organization)])
    #expect(linked.entities.map(\.key) == ["organization:gazprom"])
  }
}

@Suite struct LinkingExampleArticleTests {
  @Test func exampleArticleFindsEveryNamedPersonCountryAndOrganisation() throws {
    let (_, linked) = LinkingFixture.link(try LinkingFixture.exampleArticle())
    let keys = Set(
      linked.entities.filter { [.person, .country, .organization].contains($0.type) }.map(\.key))
    #expect(
      keys == [
        "person:lloyd-austin", "person:vladimir-putin", "person:kim-jong-un", "person:park-jin",
        "person:fumio-kishida", "person:matthew-miller", "person:bruce-klingner", "country:united-states",
        "country:north-korea", "country:russia", "country:ukraine", "country:south-korea", "country:japan",
        "country:china", "organization:united-nations", "organization:heritage-foundation",
        "organization:us-state-department",
      ])
    let others = linked.entities.filter { ![.person, .country, .organization].contains($0.type) }.map(\.key)
    #expect(others == ["place:korean-peninsula"])
  }

  @Test(arguments: [
    ("country:united-states", "Q30"), ("country:north-korea", "Q423"), ("country:russia", "Q159"),
    ("country:ukraine", "Q212"), ("country:south-korea", "Q884"), ("country:japan", "Q17"),
    ("country:china", "Q148"),
    ("organization:united-nations", "Q1065"), ("person:vladimir-putin", "Q7747"),
    ("person:kim-jong-un", "Q56226"),
    ("person:fumio-kishida", "Q359480"),
  ])
  func exampleArticleEntitiesCarryTheirQIDs(key: String, qid: String) throws {
    let (_, linked) = LinkingFixture.link(try LinkingFixture.exampleArticle())
    #expect(linked.entity(key)?.wikidata == qid)
  }

  @Test func exampleArticleLinksCapitalsAndShortForms() throws {
    let (_, linked) = LinkingFixture.link(try LinkingFixture.exampleArticle())
    let metonyms = Set(linked.links.filter(\.isMetonymy).map(\.key))
    #expect(
      metonyms == ["country:north-korea", "country:russia", "country:ukraine", "country:united-states"])
    #expect(linked.entity("person:lloyd-austin")?.mentions.count == 4)
    #expect(linked.entity("person:lloyd-austin")?.jobTitle == "Defense Secretary")
  }
}

@Suite struct LinkingPartyAndLegislatorTests {
  @Test(arguments: [
    ("Then Tory Liam Fox spoke.", "person:liam-fox"),
    ("Then Liberal Democrat Sarah Teather spoke.", "person:sarah-teather"),
    ("Then Conservative Michael Howard spoke.", "person:michael-howard"),
  ])
  func aPartyBeforeAPersonsNameIsNotPartOfIt(_ text: String, key: String) {
    #expect(LinkingFixture.link(text, typed: .person).entities.map(\.key) == [key])
  }

  @Test func aPartyNameItselfStays() {
    #expect(
      LinkingFixture.link("Then the Tory Party spoke.", typed: .organization).entities.map(\.key) == [
        "organization:tory-party"
      ])
  }

  @Test(arguments: [
    ("Then Ruth Kelly MP spoke.", "person:ruth-kelly"), ("Then Mr Howard MP spoke.", "person:howard"),
  ])
  func legislatorsLettersAfterAPersonsNameAreTheTitle(_ text: String, key: String) throws {
    let entities = LinkingFixture.link(text, typed: .person).entities
    #expect(entities.map(\.key) == [key])
    #expect(entities.first?.jobTitle == "MP")
  }

  @Test(arguments: [
    ("Then a senior Tory MP spoke.", EntityType.person),
    ("Then a Plaid Cymru MP spoke.", EntityType.person),
    ("Then the Bolton West MP spoke.", EntityType.organization),
    ("Then the East Midlands MEP spoke.", EntityType.person),
  ])
  func aLegislatorsTitleAloneNamesNobody(_ text: String, type: EntityType) {
    #expect(LinkingFixture.link(text, typed: type).entities.isEmpty)
  }
}

@Suite struct LinkingOfficeTitleTests {
  @Test(arguments: [
    ("Chancellor of the Exchequer Gordon Brown spoke.", "person:gordon-brown", "Chancellor of the Exchequer"),
    (
      "Then Chief Secretary to the Treasury Paul Boateng spoke.", "person:paul-boateng",
      "Chief Secretary to the Treasury"
    ),
  ])
  func anOfficesWordBeforeANameEndsTheTitle(_ text: String, key: String, title: String) throws {
    let linked = LinkingFixture.link(text, typed: .person)
    let person = try #require(linked.entity(key), "entities: \(linked.entities.map(\.key))")
    #expect(person.jobTitle == title)
  }

  @Test(arguments: [EntityType.organization, .person])
  func anOrganisationAfterAJobStaysWhole(_ type: EntityType) {
    let linked = LinkingFixture.link("Then the director of the English National Ballet spoke.", typed: type)
    #expect(linked.entities.map(\.key).contains { $0.hasSuffix(":english-national-ballet") })
  }

  /// The recognizer reads "Exchequer Gordon Brown" as an organisation and "United States Joe
  /// Biden" as a place: the office's object still joins the title, and the rest is the person.
  @Test(arguments: [
    (
      "Chancellor of the Exchequer Gordon Brown spoke.", EntityType.organization, "person:gordon-brown",
      "Chancellor of the Exchequer", nil as String?
    ),
    (
      "The President of the United States Joe Biden spoke.", .place, "person:joe-biden",
      "President of the United States", "country:united-states"
    ),
    (
      "The President of the United States Joe Biden spoke.", .person, "person:joe-biden",
      "President of the United States", "country:united-states"
    ),
  ])
  func anOfficeBeforeAWronglyTypedSpanEndsTheTitle(
    _ text: String, typed type: EntityType, key: String, title: String, affiliation: String?
  ) throws {
    let linked = LinkingFixture.link(text, lastRunTyped: type)
    let person = try #require(linked.entity(key), "entities: \(linked.entities.map(\.key))")
    #expect(person.jobTitle == title)
    #expect(person.affiliation == affiliation)
    #expect(linked.entities.filter { $0.type == .person }.count == 1, "\(linked.entities.map(\.key))")
  }

  /// A place or an organisation after an office keeps its name when what follows is no name.
  @Test(arguments: [
    ("Then the Secretary of the Royal Society Museum Trust spoke.", "royal-society-museum-trust"),
    (
      "Then the Director of the Scottish Local Authority Management spoke.",
      "scottish-local-authority-management"
    ),
  ])
  func anOrganisationAfterAnOfficeStaysWholeWhateverItsType(_ text: String, name: String) {
    for type in [EntityType.organization, .place] {
      let linked = LinkingFixture.link(text, lastRunTyped: type)
      let keys = linked.entities.map(\.key)
      #expect(keys.contains { $0.hasSuffix(":" + name) }, "\(type): \(keys)")
      #expect(!linked.entities.contains { $0.type == .person }, "\(type): \(keys)")
    }
  }

  @Test func aPlaceAfterAnOfficeStaysWhole() {
    let linked = LinkingFixture.link("The President of the United States Joe Biden spoke.", typed: .person)
    let persons = linked.entities.filter { $0.type == .person }.map(\.key)
    #expect(persons.contains("person:joe-biden"))
    #expect(!persons.contains { $0.hasPrefix("person:states") }, "\(persons)")
  }
}
