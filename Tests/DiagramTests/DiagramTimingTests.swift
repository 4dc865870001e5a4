import Foundation
import Testing

@testable import Diagram

/// Times of the whole path (prune, DOT, layout, SVG) on synthetic graphs of news-graph shape.
/// Not run by default: `DIAGRAM_TIMING=1 swift test -c release --filter DiagramTimingTests`.
/// Each line prints the median of 5 runs.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["DIAGRAM_TIMING"] != nil), .serialized)
struct DiagramTimingTests {
  @Test(arguments: [
    (10_000, 30_000, GraphPruner.Options.default),
    (40, 80, GraphPruner.Options(maxNodes: nil, maxEdges: nil)),
    (60, 120, GraphPruner.Options(maxNodes: nil, maxEdges: nil)),
    (120, 240, GraphPruner.Options(maxNodes: nil, maxEdges: nil)),
    (3_000, 9_000, GraphPruner.Options(maxNodes: 1_000, maxEdges: 2_000)),
  ])
  func renderTime(nodes: Int, edges: Int, pruning: GraphPruner.Options) throws {
    let graph = ExampleGraphs.large(nodes: nodes, edges: edges)
    let options = DiagramRenderer.Options(pruning: pruning)
    var times: [Duration] = []
    var diagram: RenderedDiagram?
    for _ in 0..<5 {
      let clock = ContinuousClock()
      let start = clock.now
      diagram = try DiagramRenderer().render(graph, options: options)
      times.append(clock.now - start)
    }
    let result = try #require(diagram)
    #expect(SVGStructure(result.bytes)?.nodes.count == result.summary.shownEntities)
    print(
      "diagram timing: \(nodes) entities, \(edges) relations, \(result.engine), \(result.summary): "
        + "median \(times.sorted()[2])")
  }
}
