import Extraction
import Foundation
import Testing

@testable import Graph

@Suite struct EntityResolverTests {
  func entity(
    _ key: String, _ label: String, _ type: EntityType, aliases: [String] = [], qid: String? = nil,
    affiliation: String? = nil, article: String = "a"
  ) -> GraphEntity {
    GraphEntity(
      key: key, label: label, type: type, aliases: aliases, wikidata: qid, affiliation: affiliation,
      articles: [article], mentionCount: 1)
  }

  func resolve(_ entities: [GraphEntity], relations: [GraphRelation] = []) -> EntityResolver.Resolution {
    EntityResolver().resolve(
      KnowledgeGraph(entities: entities.sorted { $0.key < $1.key }, relations: relations))
  }

  // MARK: - Layers

  @Test func sameWikidataIdMerges() {
    let result = resolve([
      entity("organization:un", "UN", .organization, qid: "Q1065"),
      entity("organization:world-body", "World body", .organization, qid: "Q1065", article: "b"),
    ])
    #expect(result.graph.entities.count == 1)
    #expect(result.merges.map(\.layer) == [.wikidata])
    #expect(result.graph.entities.first?.articles == ["a", "b"])
  }

  @Test(arguments: [
    ("Société Générale", "Societe Generale"), ("Apple Inc.", "Apple"), ("Dr. Angela Merkel", "Angela Merkel"),
    ("The Kremlin", "Kremlin"), ("U.S. Steel Corp", "US Steel"), ("Seth MacFarlane's", "Seth MacFarlane"),
    ("on Friday", "Friday"),
  ])
  func normalizedNamesMerge(first: String, second: String) {
    let type: EntityType = first.contains("Merkel") || first.contains("Seth") ? .person : .organization
    let result = resolve([
      entity("x:" + GazetteerKey.slug(first), first, type),
      entity("y:" + GazetteerKey.slug(second), second, type),
    ])
    #expect(result.graph.entities.count == 1, "\(first) ↔ \(second)")
    #expect(result.merges.first?.layer == .name)
  }

  @Test func honorificsAreNotStrippedFromOrganizations() {
    let result = resolve([
      entity("organization:general-motors", "General Motors", .organization),
      entity("organization:motors", "Motors", .organization),
    ])
    #expect(result.graph.entities.count == 2)
  }

  @Test func aliasAndAcronymMerge() {
    let result = resolve([
      entity("organization:united-nations", "United Nations", .organization),
      entity("organization:un", "UN", .organization, article: "b"),
      entity("organization:pentagon", "Pentagon", .organization, aliases: ["Defense Department"]),
      entity("organization:defense-department", "Defense Department", .unknown, article: "c"),
    ])
    // The cluster keeps the key of its longest name.
    #expect(
      result.graph.entities.map(\.key) == ["organization:defense-department", "organization:united-nations"])
    #expect(result.graph.entities.first?.aliases == ["Pentagon"])
    #expect(result.merges.allSatisfy { $0.layer == .alias })
    #expect(result.merges.contains { $0.merged == "organization:un" && $0.reason.contains("acronym") })
  }

  @Test func surnameMergesWithTheOnlyFullNameOfAPerson() {
    let relation = GraphRelation(
      subject: "person:austin", predicate: "visit", relationClass: nil, object: "country:peru",
      statements: [
        GraphStatement(
          article: "b", sentence: 0, span: 0..<5, evidence: "Austin visited Peru", confidence: 0.5,
          modality: .asserted, polarity: .positive, attribution: nil)
      ])
    let result = resolve(
      [
        entity("person:lloyd-austin", "Lloyd Austin", .person),
        entity("person:austin", "Austin", .person, article: "b"),
        entity("country:peru", "Peru", .country),
      ], relations: [relation])
    #expect(result.graph.entity("person:lloyd-austin")?.aliases == ["Austin"])
    #expect(result.graph.entity("person:austin") == nil)
    #expect(result.graph.relations.first?.subject == "person:lloyd-austin")
    #expect(result.merges.first?.layer == .personName)
  }

  @Test func aShortNameMergesOnlyWhenOnePersonsNameHoldsItsWordsInARow() {
    let result = resolve([
      entity("person:kim-jong-un", "Kim Jong-un", .person),
      entity("person:kim-yo-jong", "Kim Yo-jong", .person),
      entity("person:kim", "Kim", .person, article: "b"),  // in both names: stays apart
      entity("person:yo-jong", "Yo-jong", .person, article: "c"),  // a run of one name only
      entity("person:un-kim", "Un Kim", .person, article: "d"),  // both words, not in a row
    ])
    #expect(result.merges.map(\.merged) == ["person:yo-jong"])
    #expect(result.graph.entity("person:kim-yo-jong")?.aliases == ["Yo-jong"])
    #expect(result.graph.entity("person:kim") != nil)
    #expect(result.graph.entity("person:un-kim") != nil)
  }

  @Test func foldingJoinsEveryEdgeOnAMovedKeyAndOrdersTheStatementsOfTheRest() {
    func statement(_ article: String, _ sentence: Int) -> GraphStatement {
      GraphStatement(
        article: article, sentence: sentence, span: 0..<5, evidence: "Sentence \(sentence) of \(article)",
        confidence: 0.5, modality: .asserted, polarity: .positive, attribution: nil)
    }
    func relation(_ subject: String, _ predicate: String, _ object: String, _ statements: [GraphStatement])
      -> GraphRelation
    {
      GraphRelation(
        subject: subject, predicate: predicate, relationClass: nil, object: object, statements: statements)
    }
    let host = relation(
      "country:peru", "host", "person:lloyd-austin", [statement("a", 1), statement("a", 2)])
    let result = resolve(
      [
        entity("person:lloyd-austin", "Lloyd Austin", .person),
        entity("person:austin", "Austin", .person, article: "b"),
        entity("country:peru", "Peru", .country),
      ],
      relations: [
        host,
        // Moves onto the key of the edge after next: both fold into one.
        relation("person:austin", "visit", "country:peru", [statement("b", 0)]),
        // Out of order and repeated: folding orders and deduplicates them even though no end moved.
        relation(
          "person:lloyd-austin", "meet", "country:peru",
          [statement("a", 3), statement("a", 0), statement("a", 3)]),
        relation("person:lloyd-austin", "visit", "country:peru", [statement("a", 0)]),
      ])
    #expect(result.graph.relations.map(\.predicate) == ["host", "meet", "visit"])
    #expect(result.graph.relations[0] == host)
    #expect(result.graph.relations[1].statements == [statement("a", 0), statement("a", 3)])
    #expect(result.graph.relations[2].subject == "person:lloyd-austin")
    #expect(result.graph.relations[2].statements == [statement("a", 0), statement("b", 0)])
  }

  // MARK: - Context layer

  /// `entities` plus, for each article named in `contexts`, context entities mentioned there.
  func withContexts(_ entities: [GraphEntity], _ contexts: [String: [String]]) -> [GraphEntity] {
    var all = entities
    for (article, names) in contexts {
      for name in names {
        all.append(entity("concept:\(article)-\(GazetteerKey.slug(name))", name, .concept, article: article))
      }
    }
    return all
  }

  @Test func contextLayerMergesADescriptionWithANameWhenArticlesAgree() {
    let result = resolve(
      withContexts(
        [
          entity("place:the-rehab-center", "the rehab center", .place, article: "a"),
          entity("place:promises-treatment-center", "Promises Treatment Center", .place, article: "b"),
        ], ["a": ["Tara Reid", "Malibu", "actress"], "b": ["Tara Reid", "Malibu", "rehab"]]))
    #expect(result.canonical["place:the-rehab-center"] == "place:promises-treatment-center")
    let merge = result.merges.first { $0.layer == .context }
    #expect(merge?.reason.contains("\"center\"") == true)
    #expect(merge?.reason.contains("cosine") == true)
  }

  @Test func contextLayerKeepsSameHeadApartWhenArticlesDisagree() {
    let result = resolve(
      withContexts(
        [
          entity("place:the-rehab-center", "the rehab center", .place, article: "a"),
          entity("place:promises-treatment-center", "Promises Treatment Center", .place, article: "b"),
        ], ["a": ["Lindsay Lohan", "Betty Ford", "probation"], "b": ["Tara Reid", "Malibu", "rehab"]]))
    #expect(result.canonical["place:the-rehab-center"] == "place:the-rehab-center")
    #expect(!result.merges.contains { $0.layer == .context })
  }

  @Test(arguments: [Float(0.0), 0.3, 0.99])
  func contextLayerMergesOnlyAtOrAboveItsThreshold(threshold: Float) {
    // Two of three context words are shared: the cosine lies strictly between 0.3 and 0.99.
    let entities = withContexts(
      [
        entity("organization:the-academy", "the Academy", .organization, article: "a"),
        entity(
          "organization:academy-of-motion-picture-arts", "Academy of Motion Picture Arts", .organization,
          article: "b"),
      ], ["a": ["Oscars", "Hollywood"], "b": ["Oscars", "Hollywood", "Kodak"]])
    let resolver = EntityResolver(contextThreshold: threshold)
    let result = resolver.resolve(KnowledgeGraph(entities: entities.sorted { $0.key < $1.key }))
    let merged = result.merges.contains { $0.layer == .context }
    #expect(merged == (threshold < 0.9))
  }

  // MARK: - Guards

  /// Pairs that share a name word and identical contexts, yet name different things.
  @Test(arguments: [
    ("George Washington", EntityType.person, "Washington", EntityType.city),
    ("Kim Jong-un", .person, "Kim Yo-jong", .person),
    ("Ministry of Defence", .organization, "Ministry of Finance", .organization),
    ("Michael Jordan", .person, "Jordan", .country),
    ("Oxford University", .organization, "Oxford University Library Services", .organization),
    ("Metropolitan Police", .organization, "Metropolitan Police Authority", .organization),
  ])
  func contextLayerNeverMergesAcrossGuards(
    first: String, firstType: EntityType, second: String, secondType: EntityType
  ) {
    let result = resolve(
      withContexts(
        [
          entity("\(firstType.rawValue):\(GazetteerKey.slug(first))", first, firstType, article: "a"),
          entity("\(secondType.rawValue):\(GazetteerKey.slug(second))", second, secondType, article: "b"),
        ], ["a": ["Pyongyang", "summit", "Seoul"], "b": ["Pyongyang", "summit", "Seoul"]]))
    #expect(result.merges.isEmpty, "\(first) ↔ \(second)")
  }

  @Test func contextLayerKeepsDefenceMinistriesOfTwoCountriesApart() {
    let result = resolve(
      withContexts(
        [
          entity(
            "organization:ministry-of-defence", "Ministry of Defence", .organization,
            affiliation: "country:uk",
            article: "a"),
          entity(
            "organization:defence-ministry", "Defence Ministry", .organization, affiliation: "country:russia",
            article: "b"),
        ], ["a": ["troops", "Ukraine"], "b": ["troops", "Ukraine"]]))
    #expect(result.merges.isEmpty)
  }

  @Test func bareKimJoinsTheKimWhoseContextAgrees() {
    let result = resolve(
      withContexts(
        [
          entity("person:kim-jong-un", "Kim Jong-un", .person, article: "a"),
          entity("person:kim-yo-jong", "Kim Yo-jong", .person, article: "b"),
          entity("person:kim", "Kim", .person, article: "c"),
        ],
        [
          "a": ["missile", "Pyongyang", "launch"], "b": ["sister", "statement", "balloons"],
          "c": ["missile", "Pyongyang", "test"],
        ]))
    #expect(result.canonical["person:kim"] == "person:kim-jong-un")
    #expect(result.merges.map(\.layer) == [.context])
  }

  @Test func bareKimBetweenTwoEquallyFittingKimsStaysAlone() {
    let context = ["missile", "Pyongyang", "launch"]
    let result = resolve(
      withContexts(
        [
          entity("person:kim-jong-un", "Kim Jong-un", .person, article: "a"),
          entity("person:kim-yo-jong", "Kim Yo-jong", .person, article: "b"),
          entity("person:kim", "Kim", .person, article: "c"),
        ], ["a": context, "b": context, "c": context]))
    #expect(result.merges.isEmpty)
  }

  @Test func capitalIsNotThePresident() {
    let result = resolve([
      entity("person:george-washington", "George Washington", .person),
      entity("city:washington", "Washington", .city, article: "b"),
    ])
    #expect(result.graph.entities.count == 2)
    #expect(result.merges.isEmpty)
  }

  @Test func twoKimsStayApartAndABareKimMatchesNeither() {
    let result = resolve([
      entity("person:kim-jong-un", "Kim Jong-un", .person),
      entity("person:kim-yo-jong", "Kim Yo-jong", .person),
      entity("person:kim", "Kim", .person, article: "b"),
    ])
    #expect(result.graph.entities.count == 3)
    #expect(result.merges.isEmpty)
  }

  @Test func ministriesOfTwoCountriesStayApart() {
    let result = resolve([
      entity(
        "organization:ministry-of-defence", "Ministry of Defence", .organization, affiliation: "country:uk"),
      entity(
        "organization:the-ministry-of-defence", "the Ministry of Defence", .organization,
        affiliation: "country:russia"),
    ])
    #expect(result.graph.entities.count == 2)
  }

  @Test func differentWikidataIdsBlockANameMerge() {
    let result = resolve([
      entity("person:john-smith", "John Smith", .person, qid: "Q1"),
      entity("person:john-smith-2", "John Smith", .person, qid: "Q2"),
    ])
    #expect(result.graph.entities.count == 2)
  }

  @Test func guardsHoldAcrossAWholeCluster() {
    // "Washington" (unknown) could join either; once joined to the city it may not pull in the person.
    let result = resolve([
      entity("city:washington", "Washington", .city),
      entity("person:washington", "Washington", .unknown, article: "b"),
      entity("person:george-washington", "George Washington", .person, article: "c"),
    ])
    #expect(result.graph.entity("person:george-washington") != nil)
    #expect(result.graph.entities.count == 2)
  }

  // MARK: - Report

  @Test func mergeReportRoundTripsAndNamesEveryMerge() throws {
    let result = resolve([
      entity("person:lloyd-austin", "Lloyd Austin", .person), entity("person:austin", "Austin", .person),
    ])
    let bytes = try MergeReport.json(result.merges)
    #expect(try MergeReport.read(Data(bytes)) == result.merges)
    #expect(String(decoding: bytes, as: UTF8.self).contains("\"merged\" : \"person:austin\""))
    #expect(result.canonical["person:austin"] == "person:lloyd-austin")
  }
}
