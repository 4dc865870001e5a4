import Extraction
import Graph
import Testing

@testable import Diagram

/// Structure of the diff diagram, read from the SVG Graphviz draws (never its bytes).
@Suite struct DiffDiagramTests {
  static func graph(_ id: String, _ claims: [(String, String, String, Polarity)]) -> KnowledgeGraph {
    let names = [
      "country:north-korea": ("North Korea", EntityType.country), "country:russia": ("Russia", .country),
      "country:ukraine": ("Ukraine", .country), "country:japan": ("Japan", .country),
      "person:kim-jong-un": ("Kim Jong-un", .person),
    ]
    let keys = Set(claims.flatMap { [$0.0, $0.2] })
    var builder = GraphBuilder()
    builder.add(
      ArticleExtraction(
        article: ArticleInfo(id: id, source: id, title: nil, url: nil, date: nil),
        entities: keys.sorted().map { key in
          ExtractedEntity(
            key: key, label: names[key]!.0, type: names[key]!.1,
            mentions: [Mention(text: names[key]!.0, sentence: 0, tokens: 0..<1, span: 0..<1)])
        },
        claims: claims.enumerated().map { index, claim in
          Claim(
            subject: claim.0, predicate: claim.1, relationClass: claim.1, object: claim.2, polarity: claim.3,
            confidence: 0.6, sentence: index, span: 0..<10, evidence: "\(id) sentence \(index)")
        }, sentenceCount: claims.count, tokenCount: 10))
    return builder.build()
  }

  /// A and B share "supply", contradict on "meet", and each has one relation of its own.
  static let diff: GraphDiff = {
    let a = graph(
      "a",
      [
        ("country:north-korea", "supply", "country:russia", .positive),
        ("person:kim-jong-un", "meet", "country:russia", .positive),
        ("country:north-korea", "threaten", "country:japan", .positive),
      ])
    let b = graph(
      "b",
      [
        ("country:north-korea", "supply", "country:russia", .positive),
        ("person:kim-jong-un", "meet", "country:russia", .negative),
        ("country:russia", "attack", "country:ukraine", .positive),
      ])
    return GraphDiff(a, b)
  }()

  func svg(_ options: DiffDiagram.Options = DiffDiagram.Options(nameA: "monday.nq", nameB: "tuesday.nq"))
    throws
    -> SVGStructure
  {
    try #require(SVGStructure(try DiffDiagram(options: options).render(Self.diff)))
  }

  @Test func nodesAreMarkedWithTheirSide() throws {
    let drawing = try svg()
    let sides = drawing.nodes.map { String($0.id.prefix { $0 != "-" }) }.sorted()
    #expect(sides == ["onlyA", "onlyB", "shared", "shared", "shared"])
    let onlyA = try #require(drawing.nodes.first { $0.id.hasPrefix("onlyA-") })
    #expect(onlyA.texts == ["Japan"])
    #expect(onlyA.strokes.contains("#0072b2") || onlyA.strokes.contains("#0072B2"))
    let onlyB = try #require(drawing.nodes.first { $0.id.hasPrefix("onlyB-") })
    #expect(onlyB.texts == ["Ukraine"])
  }

  @Test func edgesAreMarkedSharedOnlyAOnlyBOrContradiction() throws {
    let drawing = try svg()
    let sides = drawing.edges.map { String($0.id.prefix { $0 != "-" }) }.sorted()
    #expect(sides == ["contradiction", "onlyA", "onlyB", "shared"])
    let shared = try #require(drawing.edges.first { $0.id.hasPrefix("shared-") })
    #expect(shared.strokes.allSatisfy { $0.lowercased() == "#999999" })
  }

  @Test func contradictionIsBoldRedAndNamesBothStances() throws {
    let drawing = try svg()
    let edge = try #require(drawing.edges.first { $0.id.hasPrefix("contradiction-") })
    #expect(edge.texts.joined(separator: " ").contains("A affirmed, B denied"))
    #expect(edge.strokes.contains { $0.lowercased() == "#c0392b" })
    #expect(edge.strokeWidths.contains("2.6"))
    #expect(edge.tooltips.contains { $0.contains("a sentence 1") && $0.contains("b sentence 1") })
  }

  @Test func legendNamesAAndB() throws {
    let drawing = try svg()
    #expect(drawing.graphTexts.contains("only in A: monday.nq"))
    #expect(drawing.graphTexts.contains("only in B: tuesday.nq"))
    #expect(drawing.graphTexts.contains("in both"))
    #expect(drawing.graphTexts.contains { $0.contains("contradiction") })
  }

  @Test func namesFromArticlesAreEscaped() throws {
    let drawing = try svg(DiffDiagram.Options(nameA: "<script>&\"a\".txt", nameB: "b\\N.txt"))
    #expect(drawing.graphTexts.contains("only in A: <script>&\"a\".txt"))
    #expect(!drawing.elementNames.contains("script"))
  }

  @Test func maxNodesKeepsTheEntitiesOfContradictionsFirst() throws {
    let drawing = try svg(DiffDiagram.Options(nameA: "a", nameB: "b", maxNodes: 2))
    #expect(drawing.nodes.flatMap(\.texts).sorted() == ["Kim Jong-un", "Russia"])
    #expect(drawing.edges.map { String($0.id.prefix { $0 != "-" }) } == ["contradiction"])
    #expect(drawing.graphTexts.contains { $0.contains("showing 2 of 5 entities and 1 of 4 relations") })
  }
}

extension DiffDiagramTests {
  @Test func sameDiffGivesTheSameDOT() {
    let options = DiffDiagram.Options(nameA: "a", nameB: "b")
    #expect(DiffDiagram(options: options).dot(Self.diff) == DiffDiagram(options: options).dot(Self.diff))
  }

  @Test func identicalSidesDrawOnlySharedElements() throws {
    let a = Self.graph("a", [("country:north-korea", "supply", "country:russia", .positive)])
    let drawing = try #require(SVGStructure(try DiffDiagram().render(GraphDiff(a, a))))
    #expect(drawing.nodes.allSatisfy { $0.id.hasPrefix("shared-") })
    #expect(drawing.edges.map(\.id) == ["shared-e0"])
  }
}
