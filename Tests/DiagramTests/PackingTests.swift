import Extraction
import Graph
import Testing

@testable import Diagram

/// Laying out connected parts one by one, packing them into the shape of a screen, and drawing
/// fewer entities until the picture fits.
struct PackingTests {
  // MARK: - Packing

  typealias Size = ComponentPacker.Size

  static func overlaps(_ a: (DrawingLayout.Point, Size), _ b: (DrawingLayout.Point, Size)) -> Bool {
    a.0.x < b.0.x + b.1.width && b.0.x < a.0.x + a.1.width
      && a.0.y < b.0.y + b.1.height && b.0.y < a.0.y + a.1.height
  }

  @Test(arguments: [
    [
      Size(width: 300, height: 800), Size(width: 200, height: 60), Size(width: 180, height: 60),
      Size(width: 260, height: 120), Size(width: 90, height: 40),
    ],
    (0..<12).map { Size(width: 100 + Double($0 % 3) * 40, height: 50 + Double($0 % 4) * 30) },
    [Size(width: 500, height: 500)],
  ])
  func packedPartsStayInsideTheBoxAndNeverOverlap(sizes: [Size]) {
    let packing = ComponentPacker.pack(sizes, aspect: 16.0 / 9.0, gap: 10)
    #expect(packing.offsets.count == sizes.count)
    let placed = Array(zip(packing.offsets, sizes))
    for (offset, size) in placed {
      #expect(offset.x >= 0 && offset.y >= 0)
      #expect(offset.x + size.width <= packing.width + 1e-6)
      #expect(offset.y + size.height <= packing.height + 1e-6)
    }
    for i in placed.indices {
      for j in placed.indices where j > i { #expect(!Self.overlaps(placed[i], placed[j])) }
    }
  }

  @Test func manyEqualPartsFormAGridOfAboutTheWantedShape() {
    let sizes = [Size](repeating: Size(width: 100, height: 100), count: 16)
    let wide = ComponentPacker.pack(sizes, aspect: 2, gap: 0)
    // 16 squares in a box of aspect 2: 6 per row, 3 rows (600 × 300), not one long strip.
    #expect(wide.width == 600 && wide.height == 300)
    let tall = ComponentPacker.pack(sizes, aspect: 0.5, gap: 0)
    #expect(tall.width == 300 && tall.height == 600)
  }

  @Test func aTallPartGetsTheSmallOnesBesideIt() {
    let sizes = [Size(width: 300, height: 600)] + [Size](repeating: Size(width: 150, height: 100), count: 6)
    let packing = ComponentPacker.pack(sizes, aspect: 16.0 / 9.0, gap: 0)
    // Stacked, the picture would be 600 + 600 tall; beside the tall part it stays 600.
    #expect(packing.height == 600)
    #expect(packing.offsets[0].x == 0)
  }

  @Test func connectedPartsComeInTheOrderOfTheirFirstNode() {
    #expect(ConnectedParts.of(count: 6, edges: [(4, 0), (3, 5), (0, 2)]) == [[0, 2, 4], [1], [3, 5]])
    #expect(ConnectedParts.of(count: 0, edges: []).isEmpty)
  }

  // MARK: - Graphviz coordinates

  @Test(arguments: [
    ("27,18", "37,13"),
    ("e,101.25,18 54.2,18 70.5,18.75 85,18", "e,111.25,13 64.2,13 80.5,13.75 95,13"),
    ("s,1,2 e,3,4 5,6 7,8", "s,11,-3 e,13,-1 15,1 17,3"),
    ("not a point", "not a point"),
  ])
  func positionsMoveEveryPointOfASpline(position: String, moved: String) {
    #expect(DrawingLayout.shifted(position, by: .init(x: 10, y: -5)) == moved)
  }

  @Test(arguments: [(12.5, "12.5"), (-3, "-3"), (0.25, "0.25"), (7.006, "7.01"), (100.10, "100.1")])
  func numbersAreWrittenWithoutLocale(value: Double, text: String) {
    #expect(DrawingLayout.number(value) == text)
  }

  // MARK: - Drawing

  /// Ten unconnected pairs: `dot` alone stacks them into a strip ten pairs tall.
  static let pairs: KnowledgeGraph = ExampleGraphs.graph(
    entities: (0..<20).map { ("p\($0)", "Entity \($0)", EntityType.person) },
    relations: (0..<10).map { ("p\(2 * $0)", "meet", "p\(2 * $0 + 1)", 1, Modality.asserted) })

  @Test func unconnectedPartsArePackedIntoTheShapeOfTheScreen() throws {
    let options = DiagramRenderer.Options(pruning: .everything, fit: nil)
    let packed = try DiagramRenderer().render(Self.pairs, options: options)
    let svg = try #require(SVGStructure(packed.bytes))
    #expect(svg.nodes.count == 20)
    #expect(svg.edges.count == 10)
    let width = try #require(svg.width)
    let height = try #require(svg.height)

    // The same DOT laid out by dot in one piece, for comparison.
    let whole = try GraphvizRenderer().render(dot: packed.dot, format: .svg, layout: .dot)
    let strip = try #require(SVGStructure(whole))
    let stripHeight = try #require(strip.height)
    // Two columns of five pairs instead of one of ten: about half the drawing's height, plus the
    // same title on both.
    #expect(height < stripHeight * 0.7)
    #expect(width > height)
    // Every edge label survives the placing.
    #expect(svg.edges.allSatisfy { $0.texts == ["meet"] })
  }

  @Test func theDefaultDiagramFitsAFullHDScreen() throws {
    let diagram = try DiagramRenderer().render(GraphPrunerTests.large)
    let svg = try #require(SVGStructure(diagram.bytes))
    // 1920 × 1080 CSS pixels are 1440 × 810 points.
    #expect(try #require(svg.width) <= 1440)
    #expect(try #require(svg.height) <= 810)
    #expect(diagram.fitted == .screen)
    #expect(svg.nodes.count == diagram.summary.shownEntities)
    #expect(diagram.summary.shownEntities < 40)
    #expect(diagram.summary.shownEntities >= Fit.screen.minimumEntities)
    #expect(svg.graphTexts.contains { $0.contains("showing \(diagram.summary.shownEntities) of 3,000") })
  }

  @Test func aSmallGraphIsDrawnWholeAndNotMarkedFitted() throws {
    let diagram = try DiagramRenderer().render(Self.pairs)
    #expect(diagram.fitted == nil)
    #expect(diagram.summary.shownEntities == 20)
  }

  @Test(arguments: [(3000.0, 400.0, 40, 12), (1000.0, 1000.0, 40, 26), (1400.0, 700.0, 40, nil)])
  func fittingShrinksTheCountByTheAreaTooMuch(width: Double, height: Double, shown: Int, next: Int?) {
    #expect(Fit.screen.fewerEntities(than: shown, width: width, height: height) == next)
  }
}
