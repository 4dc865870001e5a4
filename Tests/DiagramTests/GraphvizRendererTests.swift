import Testing

@testable import Diagram

struct GraphvizRendererTests {
  static let small = "digraph { a -> b [label=\"x\"]; b -> c; }"

  @Test func rendersSVGWithOneGroupPerNodeAndEdge() throws {
    let bytes = try GraphvizRenderer().render(dot: Self.small, format: .svg)
    let svg = try #require(SVGStructure(bytes))
    #expect(svg.nodes.map(\.title) == ["a", "b", "c"])
    #expect(svg.edges.count == 2)
  }

  @Test(arguments: [
    (GraphvizRenderer.Format.png, [0x89, 0x50, 0x4E, 0x47] as [UInt8]),
    (GraphvizRenderer.Format.pdf, Array("%PDF".utf8)),
  ])
  func rendersBinaryFormatsThroughCairo(format: GraphvizRenderer.Format, magic: [UInt8]) throws {
    let bytes = try GraphvizRenderer().render(dot: Self.small, format: format)
    #expect(Array(bytes.prefix(magic.count)) == magic)
  }

  @Test(arguments: LayoutEngine.allCases)
  func everyLayoutEngineLaysOutTheSameNodes(engine: LayoutEngine) throws {
    let bytes = try GraphvizRenderer().render(dot: Self.small, format: .svg, layout: engine)
    let svg = try #require(SVGStructure(bytes))
    #expect(svg.nodes.count == 3)
  }

  @Test func syntaxErrorBecomesDiagramErrorWithGraphvizMessage() {
    #expect {
      try GraphvizRenderer().render(dot: "digraph { a -> ; }\n")
    } throws: { error in
      guard case DiagramError.invalidDOT(let message) = error else { return false }
      return message.contains("syntax error") && message.contains("line 1")
    }
  }

  @Test func errorMessageIsTheLatestNotAStaleOne() throws {
    // A failed parse followed by a good one of 12 lines must not report the old error, nor count
    // the earlier lines.
    _ = try? GraphvizRenderer().render(dot: "graph { ]")
    let bytes = try GraphvizRenderer().render(
      dot: "digraph {\n" + String(repeating: "a -> b\n", count: 10) + "}\n")
    #expect(SVGStructure(bytes) != nil)
    #expect {
      try GraphvizRenderer().render(dot: "digraph {\n\n a -> { }")
    } throws: { error in
      guard case DiagramError.invalidDOT(let message) = error else { return false }
      return message.contains("line 3")
    }
  }

  @Test(arguments: ["digraph { a } junk ]", "digraph { a } digraph { b }"])
  func textAfterTheGraphIsAnErrorAndDoesNotLeakIntoTheNextText(dot: String) throws {
    #expect(throws: DiagramError.self) { try GraphvizRenderer().render(dot: dot) }
    // An invalid text read next must fail on its own account, not parse the leftovers.
    #expect {
      try GraphvizRenderer().render(dot: "digraph { x -> ; }")
    } throws: { error in
      guard case DiagramError.invalidDOT(let message) = error else { return false }
      return message.contains("line 1")
    }
  }

  @Test func emptyTextIsNotAGraph() {
    #expect(throws: DiagramError.self) { try GraphvizRenderer().render(dot: "") }
  }

  @Test func renderingFromManyTasksAtOnceDoesNotCrash() async throws {
    let counts = try await withThrowingTaskGroup(of: Int.self) { group in
      for index in 0..<48 {
        group.addTask {
          let dot =
            "digraph { \((0..<(index % 7 + 2)).map { "n\($0) -> n\($0 + 1);" }.joined(separator: " ")) }"
          let format: GraphvizRenderer.Format = index % 3 == 0 ? .png : .svg
          let bytes = try GraphvizRenderer().render(
            dot: dot, format: format, layout: LayoutEngine.allCases[index % LayoutEngine.allCases.count])
          if format == .png { return bytes.isEmpty ? -1 : index % 7 + 3 }
          return SVGStructure(bytes)?.nodes.count ?? -1
        }
      }
      var counts: [Int] = []
      for try await count in group { counts.append(count) }
      return counts.sorted()
    }
    #expect(counts == (0..<48).map { $0 % 7 + 3 }.sorted())
  }

  @Test func reportsTheLibraryVersion() {
    #expect(GraphvizRenderer.version.first?.isNumber == true)
  }
}
