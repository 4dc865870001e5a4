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

  @Test func skipsAByteOrderMarkOnTheFirstLineOnly() throws {
    var parser = NQuadsParser()
    let line = "\u{FEFF}<http://a/s> <http://a/p> <http://a/o> ."
    #expect(try parser.parse(line: line, lineNumber: 1) != nil)
    #expect(throws: RDFError.self) { try parser.parse(line: line, lineNumber: 2) }
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

@Suite struct NQuadsParserRobustnessTests {
  /// A deterministic generator, so that a failure reproduces.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// The quad with blank nodes renamed as the writer renames labels it cannot write (with `:`).
  static func relabeled(_ quad: Quad) -> Quad {
    func label(_ node: BlankNode) -> BlankNode {
      BlankNode(NTriplesSyntax.blankNodeLabel(node, allowsColon: false))
    }
    let subject: Subject =
      switch quad.subject {
      case .blank(let node): .blank(label(node))
      case .iri: quad.subject
      }
    let object: Term =
      switch quad.object {
      case .blank(let node): .blank(label(node))
      default: quad.object
      }
    let graph: GraphName? =
      switch quad.graph {
      case .blank(let node)?: .blank(label(node))
      default: quad.graph
      }
    return Quad(subject, quad.predicate, object, graph: graph)
  }

  /// Mutated lines either fail with a syntax error or parse to a quad that survives a write/read
  /// round trip unchanged; nothing crashes.
  @Test func mutatedLinesFailCleanlyOrRoundTrip() throws {
    var text = ""
    RDFFormat.nquads.write(SampleDataset.quads, prefixes: SampleDataset.prefixes, to: &text)
    let lines = text.split(separator: "\n").map { Array($0.utf8) }
    let alphabet = Array("<>\"\\_:.@^# \tuU0aZ\u{7F}é".utf8) + [0xFF, 0xC3]
    var random = SplitMix(state: 42)
    var parsed = 0
    var rejected = 0
    for _ in 0..<20_000 {
      var bytes = lines.randomElement(using: &random)!
      for _ in 0...Int.random(in: 0...2, using: &random) where !bytes.isEmpty {
        let index = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: bytes[index] = alphabet.randomElement(using: &random)!
        case 1: bytes.remove(at: index)
        default: bytes.insert(alphabet.randomElement(using: &random)!, at: index)
        }
      }
      var parser = NQuadsParser(source: "fuzz")
      let quad: Quad?
      do {
        quad = try bytes.withUnsafeBufferPointer { buffer throws(RDFError) in
          try parser.parse(bytes: buffer, lineNumber: 1)
        }
      } catch {
        guard case .syntax = error else { throw error }
        rejected += 1
        continue
      }
      guard let quad else { continue }
      parsed += 1
      var written = ""
      var serializer = NQuadsSerializer()
      serializer.write(quad, to: &written)
      var reparser = NQuadsParser(source: "again")
      #expect(try reparser.parse(line: written, lineNumber: 1) == Self.relabeled(quad), "\(written)")
    }
    #expect(parsed > 1000 && rejected > 1000)
  }
}
