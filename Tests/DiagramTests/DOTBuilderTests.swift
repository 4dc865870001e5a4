import Extraction
import Foundation
import Graph
import Testing

@testable import Diagram

struct DOTBuilderTests {
  /// Lays out `graph` whole (nothing pruned) and parses the SVG.
  func svg(_ graph: KnowledgeGraph, options: DOTBuilder.Options = .default) throws -> SVGStructure {
    let dot = DOTBuilder(options: options).build(graph)
    let bytes = try GraphvizRenderer().render(dot: dot, format: .svg, layout: options.engine)
    return try #require(SVGStructure(bytes), "the SVG is not well-formed")
  }

  // MARK: - Structure

  @Test func drawsOneNodePerEntityAndOneEdgePerLinkedPair() throws {
    let graph = ExampleGraphs.northKorea
    let svg = try svg(graph)
    #expect(svg.nodes.count == graph.entities.count)
    let pairs = Set(graph.relations.map { [$0.subject, $0.object] })
    #expect(pairs.count < graph.relations.count, "the example has parallel relations")
    #expect(svg.edges.count == pairs.count)
    let lines = svg.edges.reduce(0) { $0 + $1.texts.count }
    #expect(lines == graph.relations.count)
    let drawnLabels = Set(svg.nodes.map { $0.texts.joined(separator: " ") })
    #expect(drawnLabels.contains { $0.hasPrefix("Lloyd Austin") && $0.contains("Defense Secretary") })
  }

  @Test func everyNodeAndEdgeCarriesItsEvidenceAsTooltip() throws {
    let graph = ExampleGraphs.northKorea
    let svg = try svg(graph)
    let evidence = Set(graph.relations.flatMap(\.statements).map(\.evidence))
    for edge in svg.edges {
      let tooltip = try #require(edge.tooltips.first, "edge \(edge.id) has no tooltip")
      #expect(evidence.contains { tooltip.contains($0.prefix(60)) })
    }
    for node in svg.nodes {
      #expect(!node.tooltips.isEmpty, "node \(node.id) has no tooltip")
    }
    let putin = try #require(svg.nodes.first { $0.texts.first == "Vladimir Putin" })
    #expect(putin.tooltips[0].contains("high-profile meeting"))
  }

  @Test func legendListsExactlyTheTypesPresent() throws {
    let graph = ExampleGraphs.graph(
      entities: [("person:a", "A", .person), ("country:b", "B", .country)],
      relations: [("person:a", "visit", "country:b", 1, .asserted)])
    let svg = try svg(graph)
    #expect(svg.graphTexts.contains("person"))
    #expect(svg.graphTexts.contains("country"))
    #expect(!svg.graphTexts.contains("organization"))
    let noLegend = try self.svg(graph, options: DOTBuilder.Options(legend: false))
    #expect(!noLegend.graphTexts.contains("person"))
  }

  @Test func titleIsTheHeadlineOfASingleArticle() throws {
    let svg = try svg(ExampleGraphs.northKorea)
    let title = svg.graphTexts.joined(separator: " ")
    #expect(title.contains("North Korean Troops Reportedly in Russia"))
    #expect(title.contains("2024-10-23"))
  }

  @Test func titleOfManyArticlesGivesTheirCountAndDateRange() throws {
    var graph = ExampleGraphs.graph(
      entities: [("person:a", "A", .person), ("country:b", "B", .country)],
      relations: [("person:a", "visit", "country:b", 5, .asserted)])
    for index in graph.articles.indices { graph.articles[index].date = "2024-10-0\(index + 1)T08:00:00Z" }
    let title = try svg(graph).graphTexts.joined(separator: " ")
    #expect(title.contains("5 articles"))
    #expect(title.contains("2024-10-01 – 2024-10-05"))
    #expect(title.contains("and 2 more"))
  }

  // MARK: - Edge styles

  @Test func edgeShowsSupportWhenMoreThanOneArticleAndGrowsThicker() throws {
    let graph = ExampleGraphs.graph(
      entities: [("person:a", "A", .person), ("country:b", "B", .country), ("country:c", "C", .country)],
      relations: [
        ("person:a", "visit", "country:b", 3, .asserted), ("person:a", "visit", "country:c", 1, .asserted),
      ])
    let svg = try svg(graph)
    let strong = try #require(svg.edges.first { $0.texts == ["visit (3)"] })
    let weak = try #require(svg.edges.first { $0.texts == ["visit"] })
    #expect(strong.strokeWidths.contains("2.6"))
    #expect(weak.strokeWidths.allSatisfy { $0 == "1" })
  }

  @Test(arguments: [
    ([Modality.reported], true), ([.possible, .speculated], true), ([.hypothetical], true),
    ([.asserted], false), ([.reported, .asserted], false),
  ])
  func edgeIsDashedOnlyWhenNoStatementAssertsIt(modalities: [Modality], dashed: Bool) throws {
    var graph = ExampleGraphs.graph(
      entities: [("person:a", "A", .person), ("country:b", "B", .country)],
      relations: [("person:a", "visit", "country:b", modalities.count, .asserted)])
    for (index, modality) in modalities.enumerated() {
      graph.relations[0].statements[index].modality = modality
    }
    let svg = try svg(graph)
    #expect(svg.edges.count == 1)
    #expect(svg.edges[0].dashed == dashed)
  }

  @Test func parallelRelationsShareOneEdgeStrongestFirst() throws {
    let predicates = ["meet", "criticize", "support", "visit", "sanction"]
    var graph = ExampleGraphs.graph(
      entities: [("person:a", "A", .person), ("country:b", "B", .country)],
      relations: predicates.enumerated().map { ("person:a", $1, "country:b", 1 + $0 % 3, .asserted) })
    graph.relations[1].statements[0].polarity = .negative
    let edges = try svg(graph).edges
    #expect(edges.count == 1)
    let edge = try #require(edges.first)
    // Supports: meet 1, criticize 2, support 3, visit 1, sanction 2 (sorted by predicate in the graph).
    #expect(edge.texts == ["support (3)", "criticize (2)", "sanction (2)", "+2 more"])
    let tooltip = try #require(edge.tooltips.first)
    for predicate in predicates { #expect(tooltip.contains("\(predicate).")) }
  }

  @Test func aDeniedLineInAMixedEdgeKeepsItsColourAlone() throws {
    var graph = ExampleGraphs.graph(
      entities: [("person:a", "A", .person), ("country:b", "B", .country)],
      relations: [
        ("person:a", "visit", "country:b", 1, .asserted), ("person:a", "meet", "country:b", 1, .asserted),
      ])
    let visit = try #require(graph.relations.firstIndex { $0.predicate == "visit" })
    graph.relations[visit].statements[0].polarity = .negative
    let edge = try #require(try svg(graph).edges.first)
    #expect(Set(edge.texts) == ["meet", "not visit"])
    #expect(!edge.strokes.contains { $0.uppercased() == EdgeLook.negative })
  }

  @Test func deniedEdgeIsRedAndSaysNot() throws {
    var graph = ExampleGraphs.graph(
      entities: [("person:a", "A", .person), ("country:b", "B", .country)],
      relations: [("person:a", "visit", "country:b", 1, .asserted)])
    graph.relations[0].statements[0].polarity = .negative
    let edge = try #require(try svg(graph).edges.first)
    #expect(edge.texts == ["not visit"])
    #expect(edge.strokes.contains { $0.uppercased() == EdgeLook.negative })
  }

  @Test func predicateUnderscoresBecomeSpaces() throws {
    let graph = ExampleGraphs.graph(
      entities: [("person:a", "A", .person), ("country:b", "B", .country)],
      relations: [("person:a", "impose_sanctions_on", "country:b", 1, .asserted)])
    #expect(try svg(graph).edges.first?.texts == ["impose sanctions on"])
  }

  @Test(arguments: EntityType.allCases)
  func eachTypeHasItsOwnShapeAndColour(type: EntityType) {
    let others = EntityType.allCases.filter { $0 != type }.map(EntityStyle.of)
    let style = EntityStyle.of(type)
    #expect(!others.contains { $0.fill == style.fill })
    #expect(!others.contains { $0.shape == style.shape && $0.extraStyle == style.extraStyle })
  }

  // MARK: - Hostile text

  static let hostile = [
    "a\" -> b [color=red]", "<script>alert(1)</script>", "back\\slash\\", "two\nlines\r\nthree",
    "] } digraph x {", "<img src=x onerror=alert(1)>", "&foo; &amp; &#60;b&#62;", "\\N \\G \\E \\L",
    "<a href=\"http://evil.example/\">x</a>", "\u{0}\u{7}\u{1B}[31m", "'single' \"double\"", "",
  ]

  @Test(arguments: hostile)
  func hostileTextStaysTextInEveryPlace(text: String) throws {
    var graph = ExampleGraphs.graph(
      entities: [("person:x", text, .person), ("country:y", "Y", .country)],
      relations: [("person:x", text, "country:y", 1, .asserted)])
    graph.entities[0].aliases = [text]
    graph.entities[0].jobTitle = text
    graph.relations[0].statements[0].evidence = text
    graph.relations[0].statements[0].attribution = "person:x"
    graph.articles[0].title = text
    graph.articles[0].date = text
    let svg = try svg(graph, options: DOTBuilder.Options(title: nil))
    // The DOT stayed one graph: exactly the two nodes and one edge, no red from the text.
    #expect(svg.nodes.count == 2)
    #expect(svg.edges.count == 1)
    #expect(!svg.edges[0].strokes.contains { $0.lowercased() == "red" })
    // Nothing from the text became markup.
    #expect(svg.elementNames.isSubset(of: Self.graphvizElements), "\(svg.elementNames)")
    #expect(!svg.attributeNames.contains { $0.lowercased().hasPrefix("on") })
    #expect(svg.hrefs.isEmpty)
    // And it still reads as itself where it is visible.
    let visible = text.filter { !$0.isNewline && !($0.asciiValue.map { $0 < 0x20 } ?? false) }
    if visible.count > 3, !text.contains("\n") {
      let start = String(visible.prefix(4))
      #expect(svg.nodes.contains { Self.plain($0.texts.joined(separator: " ")).contains(start) })
      #expect(svg.edges[0].tooltips.contains { Self.plain($0).contains(start) })
    }
  }

  @Test func backslashSequencesAreNotExpandedByGraphviz() throws {
    let graph = ExampleGraphs.graph(
      entities: [("person:x", "a\\Nb", .person), ("country:y", "Y", .country)],
      relations: [("person:x", "p\\Eq", "country:y", 1, .asserted)])
    let svg = try svg(graph)
    let node = try #require(svg.nodes.first { $0.texts.joined().hasPrefix("a") })
    // \N would have become the node name "n0", \E the edge name "n0->n1".
    #expect(node.texts.joined().filter { $0 != "\u{200B}" } == "a\\Nb")
    #expect(svg.edges[0].texts.joined().filter { $0 != "\u{200B}" } == "p\\Eq")
    #expect(!svg.edges[0].tooltips[0].contains("n0"))
  }

  /// Text as the reader sees it: without the zero-width spaces and with the look-alike backslash
  /// that keep Graphviz from reading escapes.
  static func plain(_ text: String) -> String {
    String(text.filter { $0 != "\u{200B}" }.map { $0 == "\u{29F5}" ? "\\" : $0 })
  }

  /// The elements Graphviz's SVG plugin writes.
  static let graphvizElements: Set<String> = [
    "svg", "g", "title", "polygon", "ellipse", "path", "polyline", "text", "a",
  ]

  @Test(arguments: [
    (2.6, 1, "2.6"), (1.0, 1, "1.0"), (0.85, 2, "0.85"), (0.8, 2, "0.80"), (0.05, 2, "0.05"),
    (-0.5, 1, "-0.5"),
  ])
  func decimalsAreWrittenWithoutLocale(value: Double, places: Int, text: String) {
    #expect(DOTBuilder.decimal(value, places: places) == text)
  }

  // MARK: - Determinism

  @Test func sameGraphGivesSameDOT() {
    let graph = ExampleGraphs.northKorea
    #expect(DOTBuilder().build(graph) == DOTBuilder().build(graph))
    var reversed = graph
    reversed.entities.reverse()
    reversed.entities.sort { $0.key < $1.key }
    #expect(DOTBuilder().build(reversed) == DOTBuilder().build(graph))
  }

  // MARK: - The example, for looking at

  /// Renders the example article's graph; with DIAGRAM_EXAMPLE_OUT=DIR set, writes
  /// example.{svg,png,dot} there to be looked at.
  @Test func exampleArticleRendersEveryEntityWithARelation() throws {
    let diagram = try DiagramRenderer().render(ExampleGraphs.northKorea, options: .init(format: .svg))
    let svg = try #require(SVGStructure(diagram.bytes))
    let related = Set(ExampleGraphs.northKorea.relations.flatMap { [$0.subject, $0.object] })
    #expect(svg.nodes.count == related.count)
    #expect(diagram.summary.shownEntities == related.count)
    #expect(diagram.engine == .dot)
    if let directory = ProcessInfo.processInfo.environment["DIAGRAM_EXAMPLE_OUT"] {
      let png = try DiagramRenderer().render(ExampleGraphs.northKorea, options: .init(format: .png))
      try Data(diagram.bytes).write(to: URL(fileURLWithPath: directory + "/example.svg"))
      try Data(png.bytes).write(to: URL(fileURLWithPath: directory + "/example.png"))
      try diagram.dot.write(toFile: directory + "/example.dot", atomically: true, encoding: .utf8)
    }
  }
}

extension DOTBuilderTests {
  /// With DIAGRAM_EXAMPLE_OUT=DIR set, writes a pruned large graph as large.png there.
  @Test func largeGraphPictureForLooking() throws {
    guard let directory = ProcessInfo.processInfo.environment["DIAGRAM_EXAMPLE_OUT"] else { return }
    let graph = ExampleGraphs.large(nodes: 3000, edges: 9000)
    for (name, layout) in [("large-dot", LayoutEngine?.none), ("large-sfdp", .sfdp)] {
      let png = try DiagramRenderer().render(graph, options: .init(layout: layout, format: .png))
      try Data(png.bytes).write(to: URL(fileURLWithPath: directory + "/\(name).png"))
      try png.dot.write(toFile: directory + "/\(name).dot", atomically: true, encoding: .utf8)
    }
  }
}
