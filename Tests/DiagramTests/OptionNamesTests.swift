import Extraction
import Testing

@testable import Diagram

struct OptionNamesTests {
  @Test func entityTypesParseInAnyCaseWithSpaces() throws {
    #expect(try DiagramRenderer.entityTypes("Person, COUNTRY,city") == [.person, .country, .city])
  }

  @Test func unknownEntityTypeListsTheKnownOnes() {
    #expect {
      try DiagramRenderer.entityTypes("person,persn")
    } throws: { error in
      guard case DiagramError.unknownName(let kind, let name, let known) = error else { return false }
      return kind == "entity type" && name == "persn" && known.contains("organization")
    }
  }

  @Test func modalitiesParse() throws {
    #expect(try DiagramRenderer.modalities("asserted,Reported") == [.asserted, .reported])
    #expect(throws: DiagramError.self) { try DiagramRenderer.modalities("certain") }
  }

  @Test(arguments: [("auto", nil), ("dot", LayoutEngine.dot), ("SFDP", .sfdp), ("circo", .circo)])
  func layoutNamesParseAndAutoIsNil(name: String, engine: LayoutEngine?) throws {
    #expect(try DiagramRenderer.layout(name) == engine)
  }

  @Test func unknownLayoutIsAnError() {
    #expect(throws: DiagramError.self) { try DiagramRenderer.layout("twopi2") }
  }

  @Test(arguments: [
    ("out/graph.svg", GraphvizRenderer.Format.svg), ("graph.PNG", .png), ("a.b.pdf", .pdf),
    ("graph.dot", nil), ("graph", nil),
  ])
  func formatFollowsTheFileExtension(name: String, format: GraphvizRenderer.Format?) {
    #expect(GraphvizRenderer.Format(fileName: name) == format)
  }
}
