import RDF
import Testing

@testable import Store

@Suite("NQuadsLineSplitter")
struct NQuadsLineSplitterTests {
  let quads = NQuadsLineSplitter(file: "g.nq", allowsGraph: true)
  let triples = NQuadsLineSplitter(file: "g.nt", allowsGraph: false)

  func split(_ splitter: NQuadsLineSplitter, _ line: String) throws -> SerializedStatement? {
    try splitter.split(ArraySlice(Array(line.utf8)), lineNumber: 7)
  }

  @Test(
    arguments: [
      // (line, expected triple, expected graph or nil for default)
      ("<http://a> <http://p> <http://o> .", "<http://a> <http://p> <http://o>", nil),
      ("<http://a> <http://p> <http://o> <http://g> .", "<http://a> <http://p> <http://o>", "http://g"),
      ("<http://a> <http://p> \"x y . z\" <http://g> .", "<http://a> <http://p> \"x y . z\"", "http://g"),
      (
        "<http://a> <http://p> \"q \\\" <http://no> .\"@en-GB <http://g> .",
        "<http://a> <http://p> \"q \\\" <http://no> .\"@en-GB", "http://g"
      ),
      (
        "<http://a> <http://p> \"0.5\"^^<http://www.w3.org/2001/XMLSchema#decimal> .",
        "<http://a> <http://p> \"0.5\"^^<http://www.w3.org/2001/XMLSchema#decimal>", nil
      ),
      (
        "  <http://a>\t<http://p>   \"\\\\\"  <http://g>.  # trailing comment",
        "<http://a>\t<http://p>   \"\\\\\"", "http://g"
      ),
      ("_:b1 <http://p> _:b.2.", "_:b1 <http://p> _:b.2", nil),
      (
        "<http://a#x> <http://p> <http://o#char=1,2> <http://g?a=1&b=2> .",
        "<http://a#x> <http://p> <http://o#char=1,2>", "http://g?a=1&b=2"
      ),
    ] as [(String, String, String?)])
  func findsTheTripleAndTheGraph(line: String, triple: String, graph: String?) throws {
    let statement = try #require(try split(quads, line))
    #expect(String(decoding: statement.triple, as: UTF8.self) == triple)
    #expect(statement.graph == (graph.map { .named(IRI(unchecked: $0)) } ?? .defaultGraph))
  }

  @Test(arguments: ["", "   ", "# a comment", "\t# indented comment"])
  func skipsEmptyAndCommentLines(line: String) throws {
    #expect(try split(quads, line) == nil)
  }

  @Test func marksStatementsWithBlankNodes() throws {
    #expect(try split(quads, "_:b <http://p> <http://o> .")?.hasBlankNode == true)
    #expect(try split(quads, "<http://s> <http://p> _:o .")?.hasBlankNode == true)
    #expect(try split(quads, "<http://s> <http://p> \"_:no\" .")?.hasBlankNode == false)
  }

  @Test(
    arguments: [
      // (line, column of the error)
      ("<http://a> <http://p> <http://o>", 33),
      ("<http://a> <http://p> \"open", 23),
      ("\"lit\" <http://p> <http://o> .", 1),
      ("<http://a> _:p <http://o> .", 15),
      ("<http://a> <http://p> <http://o> \"g\" .", 34),
      ("<http://a> <http://p> <http://o> _:g .", 34),
      ("<http://a> <http://p> <http://o> . <http://b> <http://p> <http://o> .", 36),
      ("<http://a <http://p> <http://o> .", 33),
      ("<http://a> <http://p> \"x\"@ .", 27),
    ] as [(String, Int)])
  func rejectsMalformedLinesSayingWhere(line: String, column: Int) throws {
    do {
      _ = try split(quads, line)
      Issue.record("accepted \(line)")
    } catch let error as StoreError {
      guard case .syntax(let file, let lineNumber, let errorColumn, _) = error else {
        Issue.record("expected a syntax error, got \(error)")
        return
      }
      #expect(file == "g.nq")
      #expect(lineNumber == 7)
      #expect(errorColumn == column)
    }
  }

  @Test func nTriplesRefusesAGraphName() {
    #expect(throws: StoreError.self) { try split(triples, "<http://a> <http://p> <http://o> <http://g> .") }
  }

  @Test func columnsCountCharactersNotBytes() throws {
    do {
      _ = try split(quads, "<http://a> <http://p> \"東京\" <http://g> junk")
      Issue.record("accepted a line without a final dot")
    } catch let error as StoreError {
      guard case .syntax(_, _, let column, _) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(column == 39)
    }
  }
}
