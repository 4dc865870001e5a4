import Foundation
import Testing

@testable import RDF

@Suite struct NQuadsParserTests {
  func parse(_ line: String, nTriples: Bool = false) throws(RDFError) -> Quad? {
    var parser = NQuadsParser(source: "test.nq", allowsGraphNames: !nTriples)
    return try parser.parse(line: line, lineNumber: 7)
  }

  @Test(arguments: ["", "   ", "\t", "# a comment", "  # indented comment"])
  func blankAndCommentLinesGiveNil(line: String) throws {
    #expect(try parse(line) == nil)
  }

  @Test func parsesAQuadWithGraphName() throws {
    let quad = try parse("<http://a/s> <http://a/p> <http://a/o> <http://a/g> .")
    #expect(
      quad
        == Quad(
          .iri(IRI(unchecked: "http://a/s")), IRI(unchecked: "http://a/p"),
          .iri(IRI(unchecked: "http://a/o")),
          graph: .iri(IRI(unchecked: "http://a/g"))))
  }

  @Test(arguments: [
    (#""plain""#, Literal("plain")),
    (#""tab\tquote\"back\\nl\ncr\rbs\bff\f'\'""#, Literal("tab\tquote\"back\\nl\ncr\rbs\u{08}ff\u{0C}''")),
    (#""\u00E9\U0001F642""#, Literal("é🙂")),
    (#""chat"@FR-ca"#, Literal("chat", language: "fr-ca")),
    (#""5"^^<http://www.w3.org/2001/XMLSchema#integer>"#, Literal(integer: 5)),
    ("\"東京\u{FFFD}\"", Literal("東京\u{FFFD}")),
  ])
  func parsesLiteralForms(object: String, expected: Literal) throws {
    let quad = try parse("<http://a/s> <http://a/p> \(object) .")
    #expect(quad?.object == .literal(expected))
  }

  @Test func parsesBlankNodesAndStopsLabelBeforeFinalDot() throws {
    let quad = try parse("_:b1 <http://a/p> _:x.y.")
    #expect(quad?.subject == .blank(BlankNode("b1")))
    #expect(quad?.object == .blank(BlankNode("x.y")))
  }

  @Test func unescapesUCHARInIRIs() throws {
    let quad = try parse(#"<http://a/caf\u00E9> <http://a/p> <http://a/o> ."#)
    #expect(quad?.subject == .iri(IRI(unchecked: "http://a/café")))
  }

  @Test func allowsTrailingCommentAndCR() throws {
    #expect(try parse("<http://a/s> <http://a/p> \"x\" . # note\r") != nil)
  }

  @Test(arguments: [
    ("<http://a/s> <http://a/p> <http://a/o>", 39, "expected '.'"),
    ("<http://a/s> <http://a/p> \"open", 27, "unterminated string"),
    ("<http://a/s <http://a/p> <http://a/o> .", 12, "not allowed in an IRI"),
    ("<rel> <http://a/p> <http://a/o> .", 1, "not an absolute IRI"),
    ("\"lit\" <http://a/p> <http://a/o> .", 1, "expected a subject"),
    ("<http://a/s> <http://a/p> \"x\\q\" .", 29, "unknown escape"),
    ("<http://a/s> <http://a/p> \"\\uD800\" .", 28, "not a Unicode scalar"),
    ("<http://a/s> <http://a/p> \"x\"@ .", 30, "invalid language tag"),
    ("<http://a/s> <http://a/p> <http://a/o> . extra", 42, "unexpected text"),
    ("<http://a/s> _:p <http://a/o> .", 14, "expected a predicate"),
  ])
  func reportsSyntaxErrorsWithPlace(line: String, column: Int, reason: String) {
    do {
      _ = try parse(line)
      Issue.record("expected an error for \(line)")
    } catch {
      guard case .syntax(let source, let lineNumber, let actualColumn, let actualReason) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(source == "test.nq")
      #expect(lineNumber == 7)
      #expect(actualColumn == column)
      #expect(actualReason.contains(reason), "\(actualReason)")
    }
  }

  @Test func nTriplesRejectsGraphNames() {
    #expect(throws: RDFError.self) {
      try parse("<http://a/s> <http://a/p> <http://a/o> <http://a/g> .", nTriples: true)
    }
  }

  @Test(arguments: [RDFFormat.nquads, .ntriples])
  func writtenQuadsReadBackEqual(format: RDFFormat) throws {
    var output = ""
    format.write(SampleDataset.quads, prefixes: SampleDataset.prefixes, to: &output)
    var parser = NQuadsParser(source: "roundtrip", allowsGraphNames: format == .nquads)
    var read: [Quad] = []
    for (index, line) in output.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if let quad = try parser.parse(line: String(line), lineNumber: index + 1) { read.append(quad) }
    }
    let expected =
      format == .nquads
      ? SampleDataset.quads : Array(Set(SampleDataset.quads.map { Quad($0.triple) })).sorted()
    #expect(read == expected)
  }

  @Test func readerStreamsAFileLineByLine() throws {
    var output = ""
    RDFFormat.nquads.write(SampleDataset.quads, prefixes: SampleDataset.prefixes, to: &output)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ng-reader-\(UInt32.random(in: 0...UInt32.max)).nq"
    ).path
    try ("# header comment\n\n" + output).write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let quads = try NQuadsReader.readAll(path: path)
    #expect(quads == SampleDataset.quads)
  }

  @Test func readerNamesFileAndLineOfAnError() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ng-bad-\(UInt32.random(in: 0...UInt32.max)).nq"
    ).path
    try "<http://a/s> <http://a/p> <http://a/o> .\n<http://a/s> <http://a/p> oops .\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect {
      _ = try NQuadsReader.readAll(path: path)
    } throws: { error in
      guard case .syntax(let source, 2, 27, _) = error as? RDFError else { return false }
      return source == path
    }
  }

  @Test func readerReportsAMissingFile() {
    #expect(throws: RDFError.self) { try NQuadsReader(path: "/nonexistent/graph.nq") }
  }
}
