import Extraction
import Graph
import Testing

@testable import Diagram

struct DiagramRendererTests {
  @Test func emptyGraphRendersATitleAndNoNodes() throws {
    let diagram = try DiagramRenderer().render(KnowledgeGraph())
    let svg = try #require(SVGStructure(diagram.bytes))
    #expect(svg.nodes.isEmpty && svg.edges.isEmpty)
    #expect(svg.graphTexts.contains("Knowledge graph"))
  }

  @Test func relationToAnUnknownEntityIsLeftOutNotInvented() throws {
    var graph = ExampleGraphs.graph(
      entities: [("person:a", "A", .person), ("country:b", "B", .country)],
      relations: [("person:a", "visit", "country:b", 1, .asserted)])
    graph.relations.append(
      GraphRelation(
        subject: "person:a", predicate: "meet", relationClass: nil, object: "person:ghost",
        statements: graph.relations[0].statements))
    for dot in [DOTBuilder().build(graph), try DiagramRenderer().dot(graph).dot] {
      let svg = try #require(SVGStructure(try GraphvizRenderer().render(dot: dot)))
      #expect(svg.nodes.count == 2)
      #expect(svg.edges.count == 1)
    }
  }

  @Test func focusOnAnUnknownNameFailsBeforeLayout() {
    let options = DiagramRenderer.Options(pruning: GraphPruner.Options(focus: "Atlantis"))
    #expect(throws: DiagramError.focusNotFound(name: "Atlantis", suggestions: [])) {
      try DiagramRenderer().render(ExampleGraphs.northKorea, options: options)
    }
  }

  @Test func focusedDiagramSaysAroundWhomInItsTitle() throws {
    let options = DiagramRenderer.Options(pruning: GraphPruner.Options(focus: "pyongyang", depth: 1))
    let diagram = try DiagramRenderer().render(ExampleGraphs.northKorea, options: options)
    let svg = try #require(SVGStructure(diagram.bytes))
    #expect(diagram.summary.focus == "country:north-korea")
    #expect(svg.graphTexts.contains { $0.contains("around North Korea") })
    // North Korea and its distinct neighbours.
    let key = "country:north-korea"
    let neighbours = ExampleGraphs.northKorea.relations.compactMap { relation in
      relation.subject == key ? relation.object : relation.object == key ? relation.subject : nil
    }
    #expect(svg.nodes.count == Set(neighbours).count + 1)
    #expect(Set(neighbours).count == 7)
  }

  @Test func explicitLayoutIsUsedAndWrittenForInTheDOT() throws {
    let options = DiagramRenderer.Options(layout: .neato)
    let source = try DiagramRenderer().dot(ExampleGraphs.northKorea, options: options)
    #expect(source.engine == .neato)
    #expect(source.dot.contains("overlap=prism"))
    #expect(!source.dot.contains("rankdir"))
  }

  @Test func explicitDotOnABigGraphBoundsNetworkSimplex() throws {
    let graph = ExampleGraphs.large(nodes: 200, edges: 400)
    let options = DiagramRenderer.Options(
      pruning: .init(maxNodes: nil, maxEdges: nil), layout: .dot, fit: nil)
    #expect(try DiagramRenderer().dot(graph, options: options).dot.contains("nslimit=2"))
    #expect(!(try DiagramRenderer().dot(ExampleGraphs.northKorea).dot.contains("nslimit")))
  }
}
