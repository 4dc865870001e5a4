import Extraction
import Foundation
import Testing

@testable import Graph

/// Graphs for the diff tests, built through ``GraphBuilder`` as the pipeline builds them.
enum DiffFixtures {
  typealias Entity = (key: String, label: String, type: EntityType, aliases: [String])
  struct Statement {
    var subject: String
    var predicate: String
    var relationClass: String?
    var object: String
    var sentence: Int
    var modality: Modality = .asserted
    var polarity: Polarity = .positive
  }

  static func graph(_ id: String, _ entities: [Entity], _ claims: [Statement]) -> KnowledgeGraph {
    var builder = GraphBuilder()
    builder.add(
      ArticleExtraction(
        article: ArticleInfo(id: id, source: id, title: nil, url: nil, date: nil),
        entities: entities.map { entity in
          ExtractedEntity(
            key: entity.key, label: entity.label, type: entity.type, aliases: entity.aliases,
            mentions: [Mention(text: entity.label, sentence: 0, tokens: 0..<1, span: 0..<entity.label.count)])
        },
        claims: claims.map { claim in
          Claim(
            subject: claim.subject, predicate: claim.predicate, relationClass: claim.relationClass,
            object: claim.object, modality: claim.modality, polarity: claim.polarity, confidence: 0.6,
            sentence: claim.sentence, span: (claim.sentence * 100)..<(claim.sentence * 100 + 50),
            evidence: "sentence \(claim.sentence) of \(id)")
        }, sentenceCount: (claims.map(\.sentence).max() ?? 0) + 1, tokenCount: 10))
    return builder.build()
  }

  static let northKorea: Entity = ("country:north-korea", "North Korea", .country, ["Pyongyang"])
  static let russia: Entity = ("country:russia", "Russia", .country, [])
  static let ukraine: Entity = ("country:ukraine", "Ukraine", .country, [])
  static let soldiers: Entity = ("concept:soldiers", "soldiers", .concept, [])
  static let troops: Entity = ("concept:troops", "troops", .concept, [])
  static let shells: Entity = ("concept:artillery-shells", "artillery shells", .concept, [])

  /// "Pyongyang sent soldiers to Russia." as the extractor gives it.
  static let sent = graph(
    "a", [northKorea, soldiers, russia],
    [
      Statement(
        subject: northKorea.key, predicate: "send", relationClass: "aid", object: soldiers.key, sentence: 0)
    ])
  /// "North Korea deployed troops in Russia."
  static let deployed = graph(
    "b", [northKorea, troops, russia],
    [
      Statement(
        subject: northKorea.key, predicate: "deploy", relationClass: "aid", object: troops.key, sentence: 0)
    ])

  static let gazetteer: Gazetteer = try! Gazetteer.bundled()
}

@Suite struct GraphDiffTests {
  typealias S = DiffFixtures.Statement

  // MARK: - Matching

  @Test func relationsMatchAcrossWordingByClassAndRoleClass() {
    let diff = GraphDiff(DiffFixtures.sent, DiffFixtures.deployed, roles: DiffFixtures.gazetteer)
    #expect(
      diff.relations.shared == [
        RelationIdentity(subject: "country:north-korea", predicate: "aid", object: "role:MIL")
      ])
    #expect(diff.relations.onlyA.isEmpty && diff.relations.onlyB.isEmpty)
    #expect(diff.entities.onlyA.isEmpty && diff.entities.onlyB.isEmpty)
    #expect(diff.label("role:MIL") == "soldiers / troops")
  }

  @Test func conceptsWithoutTheGazetteerMatchOnlyByTheirOwnKey() {
    let diff = GraphDiff(DiffFixtures.sent, DiffFixtures.deployed)
    #expect(diff.relations.shared.isEmpty)
    #expect(diff.relations.onlyA.map(\.object) == ["concept:soldiers"])
    #expect(diff.relations.onlyB.map(\.object) == ["concept:troops"])
  }

  @Test func differentRelationClassesDoNotMatch() {
    let condemned = DiffFixtures.graph(
      "c", [DiffFixtures.northKorea, DiffFixtures.troops],
      [
        S(
          subject: "country:north-korea", predicate: "withdraw", relationClass: "reduce",
          object: "concept:troops", sentence: 0)
      ])
    let diff = GraphDiff(DiffFixtures.deployed, condemned, roles: DiffFixtures.gazetteer)
    #expect(diff.relations.shared.isEmpty)
    #expect(diff.relations.onlyA.count == 1 && diff.relations.onlyB.count == 1)
  }

  @Test func predicateStandsInWhenThereIsNoRelationClass() {
    let a = DiffFixtures.graph(
      "a", [DiffFixtures.russia, DiffFixtures.ukraine],
      [
        S(
          subject: "country:russia", predicate: "border", relationClass: nil, object: "country:ukraine",
          sentence: 0)
      ])
    let diff = GraphDiff(a, a)
    #expect(diff.relations.shared.map(\.predicate) == ["border"])
  }

  @Test func resolverRunsOverTheUnionSoAShortNameMatchesTheFullName() {
    let a = DiffFixtures.graph(
      "a", [("person:lloyd-austin", "Lloyd Austin", .person, []), DiffFixtures.russia],
      [
        S(
          subject: "person:lloyd-austin", predicate: "condemn", relationClass: "condemn",
          object: "country:russia", sentence: 0)
      ])
    let b = DiffFixtures.graph(
      "b", [("person:austin", "Austin", .person, []), DiffFixtures.russia],
      [
        S(
          subject: "person:austin", predicate: "criticize", relationClass: "condemn",
          object: "country:russia", sentence: 0)
      ])
    let diff = GraphDiff(a, b)
    #expect(diff.entities.shared.contains("person:lloyd-austin"))
    #expect(diff.entities.onlyA.isEmpty && diff.entities.onlyB.isEmpty)
    #expect(diff.relations.shared.count == 1)
  }

  // MARK: - Sides

  @Test func graphAgainstItselfIsAllSharedAndSimilarityOne() {
    let graph = ExampleDiffGraphs.threeSentences
    let diff = GraphDiff(graph, graph, roles: DiffFixtures.gazetteer)
    #expect(diff.entities.onlyA.isEmpty && diff.entities.onlyB.isEmpty)
    #expect(diff.relations.onlyA.isEmpty && diff.relations.onlyB.isEmpty)
    #expect(diff.contradictions.isEmpty)
    #expect(diff.relations.shared.count == 3)
    #expect(diff.similarity == (1, 1))
  }

  /// Removing one sentence from B: exactly the relations that no other sentence supports move to
  /// only-A; a relation another sentence still supports stays shared.
  @Test(arguments: [
    (0, [String]()),  // sentence 0 only repeats "supply", which sentence 1 supports too
    (1, ["meet"]),  // "supply" keeps sentence 0; "meet" had only sentence 1
    (2, ["condemn"]),
  ])
  func removedSentenceMovesExactlyItsOwnRelationsToOnlyA(removed: Int, expected: [String]) {
    let whole = ExampleDiffGraphs.threeSentences
    let cut = ExampleDiffGraphs.threeSentences(without: removed)
    let diff = GraphDiff(whole, cut)
    #expect(diff.relations.onlyA.map(\.predicate).sorted() == expected)
    #expect(diff.relations.onlyB.isEmpty)
    // Computed from the graph itself: identities whose every statement is in the removed
    // sentence ("supply" and "ship" are one identity, class supply).
    var sentences: [RelationIdentity: Set<Int>] = [:]
    for relation in whole.relations {
      let identity = RelationIdentity(
        subject: relation.subject, predicate: relation.relationClass ?? relation.predicate,
        object: relation.object)
      sentences[identity, default: []].formUnion(relation.statements.map(\.sentence))
    }
    #expect(Set(diff.relations.onlyA) == Set(sentences.filter { $0.value == [removed] }.keys))
  }

  @Test func jaccardCountsSharedOverUnion() {
    let a = DiffFixtures.graph(
      "a", [DiffFixtures.russia, DiffFixtures.ukraine, DiffFixtures.northKorea], [])
    let b = DiffFixtures.graph("b", [DiffFixtures.russia, DiffFixtures.ukraine, DiffFixtures.shells], [])
    let diff = GraphDiff(a, b)
    #expect(diff.similarity.entities == 0.5)
    // No relation on either side: nothing differs.
    #expect(diff.similarity.relations == 1)
  }

  // MARK: - Contradictions

  @Test(arguments: [
    (
      Modality.asserted, Polarity.positive, Modality.asserted, Polarity.negative,
      GraphDiff.Contradiction.Kind?.some(.polarity)
    ),
    (.reported, .positive, .asserted, .negative, .polarity),
    (.asserted, .positive, .hypothetical, .positive, .modality),
    (.asserted, .positive, .possible, .positive, .modality),
    (.speculated, .positive, .asserted, .positive, .modality),
    (.hypothetical, .positive, .asserted, .negative, .polarity),
    (.asserted, .positive, .reported, .positive, nil),
    (.hypothetical, .positive, .possible, .positive, nil),
    (.asserted, .negative, .asserted, .negative, nil),
  ])
  func contradictionKinds(
    modalityA: Modality, polarityA: Polarity, modalityB: Modality, polarityB: Polarity,
    expected: GraphDiff.Contradiction.Kind?
  ) {
    func side(_ id: String, _ modality: Modality, _ polarity: Polarity) -> KnowledgeGraph {
      DiffFixtures.graph(
        id, [DiffFixtures.northKorea, DiffFixtures.troops],
        [
          S(
            subject: "country:north-korea", predicate: "send", relationClass: "aid", object: "concept:troops",
            sentence: 0, modality: modality, polarity: polarity)
        ])
    }
    let diff = GraphDiff(side("a", modalityA, polarityA), side("b", modalityB, polarityB))
    #expect(diff.contradictions.first?.kind == expected)
    #expect(diff.contradictions.count == (expected == nil ? 0 : 1))
    // A contradicted relation is still a shared one.
    #expect(diff.relations.shared.count == 1)
  }

  @Test func sideThatDisputesItselfContradictsNothing() {
    let disputed = DiffFixtures.graph(
      "a", [DiffFixtures.northKorea, DiffFixtures.troops],
      [
        S(
          subject: "country:north-korea", predicate: "send", relationClass: "aid", object: "concept:troops",
          sentence: 0),
        S(
          subject: "country:north-korea", predicate: "send", relationClass: "aid", object: "concept:troops",
          sentence: 1, polarity: .negative),
      ])
    #expect(GraphDiff.Stance(disputed.relations[0].statements) == .disputed)
    let diff = GraphDiff(disputed, DiffFixtures.deployed, roles: DiffFixtures.gazetteer)
    #expect(diff.relations.shared.count == 1)
    #expect(diff.contradictions.isEmpty)
  }

  // MARK: - Report

  @Test func jsonReportHasTheIssuesShape() throws {
    let denied = DiffFixtures.graph(
      "b", [DiffFixtures.northKorea, DiffFixtures.troops, DiffFixtures.ukraine],
      [
        S(
          subject: "country:north-korea", predicate: "send", relationClass: "aid", object: "concept:troops",
          sentence: 0, polarity: .negative),
        S(
          subject: "country:north-korea", predicate: "visit", relationClass: "meet",
          object: "country:ukraine", sentence: 1),
      ])
    let diff = GraphDiff(DiffFixtures.sent, denied, roles: DiffFixtures.gazetteer)
    let json = try GraphDiffReport(diff, a: "a.txt", b: "b.txt").json()
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
    #expect(Set(object.keys).isSuperset(of: ["entities", "relations", "contradictions", "similarity"]))
    let entities = try #require(object["entities"] as? [String: [String]])
    #expect(Set(entities.keys) == ["shared", "onlyA", "onlyB"])
    #expect(entities["shared"] == ["North Korea", "soldiers / troops"])
    #expect(entities["onlyA"] == ["Russia"])
    #expect(entities["onlyB"] == ["Ukraine"])
    let relations = try #require(object["relations"] as? [String: [[String: String]]])
    #expect(Set(relations.keys) == ["shared", "onlyA", "onlyB"])
    #expect(
      relations["shared"] == [["subject": "North Korea", "predicate": "aid", "object": "soldiers / troops"]])
    #expect(relations["onlyB"] == [["subject": "North Korea", "predicate": "meet", "object": "Ukraine"]])
    #expect(relations["onlyA"] == [])
    let contradictions = try #require(object["contradictions"] as? [[String: Any]])
    #expect(contradictions.count == 1)
    #expect(contradictions.first?["kind"] as? String == "polarity")
    #expect(contradictions.first?["a"] as? String == "affirmed")
    #expect(contradictions.first?["b"] as? String == "denied")
    let similarity = try #require(object["similarity"] as? [String: Double])
    #expect(similarity["entities"] == 0.5)
    #expect(similarity["relations"] == 0.5)
  }

  @Test func jsonReportIsTheSameBytesForTheSameInputs() throws {
    let first = try GraphDiffReport(GraphDiff(DiffFixtures.sent, DiffFixtures.deployed), a: "a", b: "b")
      .json()
    let second = try GraphDiffReport(GraphDiff(DiffFixtures.sent, DiffFixtures.deployed), a: "a", b: "b")
      .json()
    #expect(first == second)
  }

  @Test func textReportListsEachSectionWithItsCount() {
    let text = GraphDiffReport(GraphDiff(DiffFixtures.sent, DiffFixtures.deployed), a: "a.txt", b: "b.txt")
      .text()
    #expect(text.contains("relations only in A (1)\n  North Korea —aid→ soldiers"))
    #expect(text.contains("relations only in B (1)\n  North Korea —aid→ troops"))
    #expect(text.contains("entities shared (2)"))
  }
}

/// A three-sentence article and copies of it without one sentence.
enum ExampleDiffGraphs {
  typealias S = DiffFixtures.Statement
  static let statements = [
    S(
      subject: "country:north-korea", predicate: "supply", relationClass: "supply", object: "country:russia",
      sentence: 0),
    S(
      subject: "country:north-korea", predicate: "ship", relationClass: "supply", object: "country:russia",
      sentence: 1),
    S(
      subject: "country:north-korea", predicate: "meet", relationClass: "meet", object: "country:russia",
      sentence: 1),
    S(
      subject: "country:ukraine", predicate: "condemn", relationClass: "condemn",
      object: "country:north-korea", sentence: 2),
  ]
  static let entities = [DiffFixtures.northKorea, DiffFixtures.russia, DiffFixtures.ukraine]
  static let threeSentences = DiffFixtures.graph("whole", entities, statements)

  /// The copy: its remaining sentences renumbered, as the pipeline numbers them.
  static func threeSentences(without removed: Int) -> KnowledgeGraph {
    let kept = statements.filter { $0.sentence != removed }.map { statement in
      var copy = statement
      if copy.sentence > removed { copy.sentence -= 1 }
      return copy
    }
    return DiffFixtures.graph("cut", entities, kept)
  }
}
