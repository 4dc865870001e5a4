import Foundation
import RDF
import Testing

@testable import Store

@Suite("GraphFileSource")
struct GraphFileSourceTests {
  func withFile<T>(_ text: String, ext: String, _ body: (String) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "source-\(UUID().uuidString).\(ext)")
    try Data(text.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url.path)
  }

  func statements(_ text: String, ext: String = "nq") throws -> [SerializedStatement] {
    try withFile(text, ext: ext) { path in
      var source = try GraphFileSource(path: path)
      var result: [SerializedStatement] = []
      while let statement = try source.next() { result.append(statement) }
      return result
    }
  }

  @Test func readsTriplesWithTheirGraphsAndLines() throws {
    let text = """
      # a comment line
      <http://e.org/a> <http://e.org/p> "say \\"hi\\"\\n"@en-GB <http://e.org/g1> .

      <http://e.org/a> <http://e.org/p> "0.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .
      _:b1 <http://e.org/p> <http://e.org/o> <http://e.org/g2> .

      """
    let read = try statements(text)
    #expect(
      read.map { String(decoding: $0.triple, as: UTF8.self) } == [
        "<http://e.org/a> <http://e.org/p> \"say \\\"hi\\\"\\n\"@en-gb",
        "<http://e.org/a> <http://e.org/p> \"0.5\"^^<http://www.w3.org/2001/XMLSchema#decimal>",
        "_:b1 <http://e.org/p> <http://e.org/o>",
      ])
    #expect(
      read.map(\.graph) == [
        .named(IRI(unchecked: "http://e.org/g1")), .defaultGraph, .named(IRI(unchecked: "http://e.org/g2")),
      ])
    #expect(read.map(\.line) == [2, 4, 5])
    #expect(read.map(\.hasBlankNode) == [false, false, true])
  }

  @Test func aMalformedLineNamesFileLineAndColumn() throws {
    try withFile(
      "<http://e.org/a> <http://e.org/p> <http://e.org/o> .\n<http://e.org/a> <http://e.org/p> \"open .\n",
      ext: "nq"
    ) {
      path in
      var source = try GraphFileSource(path: path)
      _ = try source.next()
      do {
        _ = try source.next()
        Issue.record("accepted an unterminated literal")
      } catch let error as StoreError {
        guard case .syntax(let file, let line, let column, _) = error else {
          Issue.record("expected a syntax error, got \(error)")
          return
        }
        #expect(file == path)
        #expect(line == 2)
        #expect(column > 1)
      }
    }
  }

  @Test func nTriplesRefusesAGraphName() throws {
    #expect(throws: StoreError.self) {
      try statements("<http://e.org/a> <http://e.org/p> <http://e.org/o> <http://e.org/g> .\n", ext: "nt")
    }
  }

  @Test func aBlankNodeGraphNameIsRefusedWithItsPlace() throws {
    do {
      _ = try statements("<http://e.org/a> <http://e.org/p> <http://e.org/o> _:g .\n")
      Issue.record("accepted a blank-node graph name")
    } catch let error as StoreError {
      #expect(error.description.contains(":1: "))
      #expect(error.description.contains("--graph"))
    }
  }

  @Test func aMissingFileNamesItself() {
    do {
      _ = try GraphFileSource(path: "/nonexistent/graph.nq")
      Issue.record("opened a missing file")
    } catch {
      #expect(error.description.contains("/nonexistent/graph.nq"))
    }
  }
}
