import Extraction
import Foundation
import RDF
import Testing

@testable import Graph

@Suite struct GraphReaderTests {
  /// The fixture as it reads back: confidences rounded to the 3 decimals the mapping writes.
  static var expected: KnowledgeGraph {
    var graph = RDFMappingFixture.graph
    for relation in graph.relations.indices {
      for statement in graph.relations[relation].statements.indices {
        let confidence = graph.relations[relation].statements[statement].confidence
        graph.relations[relation].statements[statement].confidence = Double(RDFMapping.decimal(confidence))!
      }
    }
    return graph
  }

  func temporaryPath(_ ext: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "ng-graph-\(UInt64.random(in: 0...UInt64.max)).\(ext)"
    )
    .path
  }

  @Test(arguments: [RDFFormat.nquads, .ntriples])
  func mappedGraphWrittenAndReadBackIsEqual(format: RDFFormat) throws {
    let mapping = try RDFMapping()
    var text = ""
    mapping.write(RDFMappingFixture.graph, format: format, to: &text)
    let path = temporaryPath(format.fileExtension)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let read = try GraphReader.read(nquadsFile: path)
    #expect(read == Self.expected)
  }

  @Test func readingFindsACustomBaseIRI() throws {
    let mapping = try RDFMapping(baseIRI: "http://news.example/kg")
    let read = try KnowledgeGraph(quads: mapping.quads(for: RDFMappingFixture.graph).shuffled())
    #expect(read == Self.expected)
  }

  @Test func readingTheGraphAgainGivesTheSameQuads() throws {
    let mapping = try RDFMapping()
    let quads = mapping.quads(for: RDFMappingFixture.graph)
    #expect(mapping.quads(for: try KnowledgeGraph(quads: quads)) == quads)
  }

  @Test func emptyInputGivesEmptyGraph() throws {
    #expect(try KnowledgeGraph(quads: []) == KnowledgeGraph())
  }

  @Test func statementWithoutEvidenceIsReportedWithItsIRI() throws {
    let mapping = try RDFMapping()
    let quads = mapping.quads(for: RDFMappingFixture.graph).filter { $0.predicate != NG.evidence }
    #expect {
      _ = try KnowledgeGraph(quads: quads, source: "broken.nq")
    } throws: { error in
      guard case .unreadableGraph(let source, let reason) = error as? RDFMappingError else { return false }
      return source == "broken.nq" && reason.contains("/statement/") && reason.contains("ng:evidence")
    }
  }

  @Test func syntaxErrorsNameTheFileAndLine() throws {
    let path = temporaryPath("nq")
    try "<http://a/s> <http://a/p> \"unterminated .\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect {
      _ = try GraphReader.read(nquadsFile: path)
    } throws: { error in
      guard case .syntax(let source, 1, _, _) = error as? RDFError else { return false }
      return source == path
    }
  }
}
