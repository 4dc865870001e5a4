import Extraction
import Graph
import Testing

@testable import Diagram

struct GraphPrunerTests {
  /// A star around `hub` (h → l0...l4), a chain l0 → c1 → c2 → c3, and an island x → y.
  static let star = ExampleGraphs.graph(
    entities: [
      ("person:hub", "Hub Person", .person), ("country:l0", "L0", .country), ("country:l1", "L1", .country),
      ("country:l2", "L2", .country), ("country:l3", "L3", .country), ("country:l4", "L4", .country),
      ("organization:c1", "C1", .organization), ("organization:c2", "C2", .organization),
      ("organization:c3", "C3", .organization), ("city:x", "X", .city), ("city:y", "Y", .city),
      ("concept:lonely", "Lonely", .concept),
    ],
    relations: [
      ("person:hub", "visit", "country:l0", 3, .asserted),
      ("person:hub", "visit", "country:l1", 2, .asserted),
      ("person:hub", "visit", "country:l2", 1, .reported),
      ("person:hub", "visit", "country:l3", 1, .asserted),
      ("person:hub", "visit", "country:l4", 1, .possible),
      ("country:l0", "fund", "organization:c1", 1, .asserted),
      ("organization:c1", "fund", "organization:c2", 1, .asserted),
      ("organization:c2", "fund", "organization:c3", 1, .asserted),
      ("city:x", "twin", "city:y", 1, .asserted),
    ])

  func keys(_ options: GraphPruner.Options, _ graph: KnowledgeGraph = star) throws -> [String] {
    try GraphPruner(options: options).prune(graph).graph.entities.map(\.key)
  }

  @Test func defaultDropsOnlyEntitiesWithoutRelations() throws {
    let pruned = try GraphPruner().prune(Self.star)
    #expect(pruned.graph.entities.count == 11)
    #expect(!pruned.graph.entities.contains { $0.key == "concept:lonely" })
    #expect(pruned.graph.relations == Self.star.relations)
    #expect(pruned.summary.description == "showing 11 of 12 entities and 9 of 9 relations")
  }

  @Test func everythingKeepsIsolatedEntities() throws {
    let pruned = try GraphPruner(options: .everything).prune(Self.star)
    #expect(pruned.graph == Self.star)
    #expect(pruned.summary.isComplete)
    #expect(pruned.summary.description == "showing all 12 entities and 9 relations")
  }

  @Test(arguments: ["Hub Person", "hub person", "PERSON:HUB", "person:hub"])
  func focusIsFoundByLabelOrKeyInAnyCase(name: String) throws {
    let kept = try keys(GraphPruner.Options(focus: name, depth: 1))
    #expect(
      Set(kept) == ["person:hub", "country:l0", "country:l1", "country:l2", "country:l3", "country:l4"])
  }

  @Test func focusIsFoundByAlias() throws {
    var graph = Self.star
    graph.entities[graph.entities.firstIndex { $0.key == "city:x" }!].aliases = ["Xville"]
    #expect(Set(try keys(GraphPruner.Options(focus: "xville"), graph)) == ["city:x", "city:y"])
  }

  @Test func depthWidensTheNeighbourhoodOneHopAtATime() throws {
    let two = Set(try keys(GraphPruner.Options(focus: "C2", depth: 1)))
    #expect(two == ["organization:c1", "organization:c2", "organization:c3"])
    let three = Set(try keys(GraphPruner.Options(focus: "C2", depth: 2)))
    #expect(three == ["organization:c1", "organization:c2", "organization:c3", "country:l0"])
    let none = try GraphPruner(options: GraphPruner.Options(focus: "C2", depth: 0)).prune(Self.star)
    #expect(none.graph.entities.map(\.key) == ["organization:c2"])
    #expect(none.summary.focus == "organization:c2")
  }

  @Test func unknownFocusIsAnErrorWithSuggestions() {
    #expect {
      try GraphPruner(options: GraphPruner.Options(focus: "hub")).prune(Self.star)
    } throws: { error in
      guard case DiagramError.focusNotFound(let name, let suggestions) = error else { return false }
      return name == "hub" && suggestions == ["Hub Person"]
    }
  }

  @Test func maxNodesKeepsTheBestSupportedAndConnected() throws {
    let kept = try keys(GraphPruner.Options(maxNodes: 3))
    // hub (weighted degree 8), l0 (3 + 1), l1 (2): the island x–y scores lower.
    #expect(Set(kept) == ["person:hub", "country:l0", "country:l1"])
  }

  @Test func mostImportantEntityComesWithItsBestNeighbour() throws {
    // c3, mentioned in 20 articles, outranks the hub; it is drawn with its only neighbour c2, and
    // the last slot goes to c2's neighbour c1 rather than to the hub, which would be alone.
    var graph = Self.star
    let c3 = graph.entities.firstIndex { $0.key == "organization:c3" }!
    graph.entities[c3].articles = (0..<20).map { "a\($0)" }
    #expect(
      Set(try keys(GraphPruner.Options(maxNodes: 3), graph)) == [
        "organization:c3", "organization:c2", "organization:c1",
      ])
    // With 4 slots, the hub comes in with its best neighbour.
    #expect(
      Set(try keys(GraphPruner.Options(maxNodes: 4), graph)) == [
        "organization:c3", "organization:c2", "person:hub", "country:l0",
      ])
  }

  @Test func everyDrawnEntityHasADrawnRelationUnderALimit() throws {
    let graph = ExampleGraphs.large(nodes: 2000, edges: 4000)
    for limit in [2, 3, 7, 40, 100] {
      let pruned = try GraphPruner(options: GraphPruner.Options(maxNodes: limit, maxEdges: nil)).prune(graph)
      #expect(pruned.graph.entities.count == limit)
      let joined = Set(pruned.graph.relations.flatMap { [$0.subject, $0.object] })
      #expect(Set(pruned.graph.entities.map(\.key)) == joined)
    }
    // The most important entity of all is drawn: the hub e0, with the highest weighted degree.
    let best = try GraphPruner(options: GraphPruner.Options(maxNodes: 5)).prune(graph)
    #expect(best.graph.entities.contains { $0.key == "e0" })
  }

  @Test func focusWithALimitKeepsTheNearestFirst() throws {
    let kept = try keys(GraphPruner.Options(focus: "L0", depth: 3, maxNodes: 3))
    // l0's neighbours are hub and c1; hub outranks c2, which is two hops away.
    #expect(Set(kept) == ["country:l0", "person:hub", "organization:c1"])
  }

  @Test func minSupportDropsThinRelations() throws {
    let pruned = try GraphPruner(options: GraphPruner.Options(minSupport: 2)).prune(Self.star)
    #expect(pruned.graph.relations.map(\.object) == ["country:l0", "country:l1"])
    #expect(Set(pruned.graph.entities.map(\.key)) == ["person:hub", "country:l0", "country:l1"])
  }

  @Test func typesKeepOnlyThoseTypes() throws {
    let kept = try keys(GraphPruner.Options(types: [.organization, .city]))
    #expect(Set(kept) == ["organization:c1", "organization:c2", "organization:c3", "city:x", "city:y"])
  }

  @Test func focusIsDrawnWhateverTheTypeFilter() throws {
    let kept = try keys(GraphPruner.Options(focus: "L0", types: [.organization]))
    #expect(Set(kept) == ["country:l0", "organization:c1"])
  }

  @Test func modalitiesFilterStatementsAndSupport() throws {
    var graph = Self.star
    // hub → l0 has three statements; make one reported.
    graph.relations[graph.relations.firstIndex { $0.object == "country:l0" }!].statements[0].modality =
      .reported
    let reported = try GraphPruner(options: GraphPruner.Options(modalities: [.reported])).prune(graph)
    #expect(reported.graph.relations.map(\.object) == ["country:l0", "country:l2"])
    #expect(reported.graph.relations.map(\.support) == [1, 1])
  }

  @Test func maxEdgesKeepsTheBestSupportedRelations() throws {
    let pruned = try GraphPruner(options: GraphPruner.Options(maxEdges: 2)).prune(Self.star)
    #expect(pruned.graph.relations.map(\.object) == ["country:l0", "country:l1"])
    // Entities left without a drawn relation are not drawn either.
    #expect(pruned.graph.entities.count == 3)
    #expect(pruned.summary.description == "showing 3 of 12 entities and 2 of 9 relations")
  }

  @Test func attributionLabelsComeFromTheWholeGraph() throws {
    var graph = Self.star
    graph.relations[0].statements[0].attribution = "concept:lonely"
    let pruned = try GraphPruner().prune(graph)
    #expect(pruned.attributionLabels == ["concept:lonely": "Lonely"])
  }

  @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (1204, "1,204"), (1_234_567, "1,234,567")])
  func summaryGroupsThousands(number: Int, text: String) {
    #expect(PruneSummary.grouped(number) == text)
  }

  // MARK: - Large graphs

  static let large = ExampleGraphs.large(nodes: 3000, edges: 9000)

  @Test func largeGraphIsPrunedToTheLimitBeforeLayout() throws {
    let diagram = try DiagramRenderer().render(Self.large, options: .init(fit: nil))
    let svg = try #require(SVGStructure(diagram.bytes))
    #expect(svg.nodes.count == 40)
    #expect(svg.edges.count <= 80)
    #expect(diagram.summary.totalEntities == 3000)
    #expect(diagram.summary.description.hasPrefix("showing 40 of 3,000 entities and "))
    #expect(svg.graphTexts.contains { $0.contains("showing 40 of 3,000 entities") })
  }

  @Test func automaticLayoutSwitchesToSFDPForBigPictures() throws {
    #expect(LayoutEngine.automatic(nodes: 40, edges: 80) == .dot)
    #expect(LayoutEngine.automatic(nodes: 60, edges: 121) == .sfdp)
    #expect(LayoutEngine.automatic(nodes: 500, edges: 900) == .sfdp)
    let options = DiagramRenderer.Options(pruning: GraphPruner.Options(maxNodes: 300, maxEdges: 600))
    let diagram = try DiagramRenderer().render(Self.large, options: options)
    #expect(diagram.engine == .sfdp)
    #expect(SVGStructure(diagram.bytes)?.nodes.count == diagram.summary.shownEntities)
  }
}
