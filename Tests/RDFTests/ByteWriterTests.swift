import Testing

@testable import RDF

/// The writers format bytes into blocks (``ByteOutput``): what reaches the output must be what the
/// serializers write quad by quad, whatever falls on a block boundary.
@Suite struct ByteWriterTests {
  /// Records every block the writers hand on.
  struct RecordingOutput: TextOutputStream {
    var blocks: [String] = []
    mutating func write(_ string: String) { blocks.append(string) }
    var text: String { blocks.joined() }
  }

  /// Quads whose literals are multi-byte text and escapes, enough for several blocks.
  static let manyQuads: [Quad] = (0..<4000).map { index in
    let subject = Subject.iri(IRI(unchecked: "http://example.org/s\(index / 3)"))
    let text = "東京 🙂 café \(index) \"quoted\"\n\u{2028}" + String(repeating: "é", count: index % 7)
    return Quad(
      subject, IRI(unchecked: "http://example.org/p\(index % 3)"), .literal(Literal(text)),
      graph: .iri(IRI(unchecked: "http://example.org/g\(index % 5)")))
  }.canonicallySorted()

  static let prefixes = PrefixMap([("ex", "http://example.org/")])

  @Test(arguments: RDFFormat.allCases)
  func blocksEqualTheQuadByQuadOutput(format: RDFFormat) {
    var blocks = RecordingOutput()
    format.write(Self.manyQuads, prefixes: Self.prefixes, to: &blocks)

    var serializer = format.serializer(prefixes: Self.prefixes)
    var expected = ""
    if format.writesUnion {
      for index in Self.manyQuads.unionOrder() {
        serializer.write(Quad(Self.manyQuads[index].triple), to: &expected)
      }
    } else {
      for quad in Self.manyQuads { serializer.write(quad, to: &expected) }
    }
    serializer.finish(to: &expected)

    // More than one block, so that the comparison covers block boundaries; a boundary inside a
    // character would have turned into U+FFFD.
    #expect(blocks.blocks.count > 1)
    #expect(!blocks.text.unicodeScalars.contains("\u{FFFD}"))
    #expect(blocks.text == expected)
  }

  @Test func blocksEndBetweenTerms() {
    var blocks = RecordingOutput()
    RDFFormat.ntriples.write(Self.manyQuads, prefixes: Self.prefixes, to: &blocks)
    for block in blocks.blocks.dropLast() {
      #expect(block.utf8.count >= ByteOutput.blockSize)
      #expect(block.hasSuffix(" .\n"))
    }
  }

  @Test(arguments: [
    (0x07 as UInt32, true, #"\u0007"#), (0x7F, false, #"\u007f"#), (0x2028, true, #"\u2028"#),
    (0x1F642, true, #"\U0001F642"#),
  ])
  func ucharHasFourOrEightHexDigits(value: UInt32, uppercase: Bool, expected: String) {
    var output = ByteOutput(capacity: 16)
    output.appendUCHAR(value, uppercase: uppercase)
    #expect(output.string == expected)
  }

  @Test func truncateDropsWhatCameAfterTheMark() {
    var output = ByteOutput(capacity: 16)
    output.append("ex:")
    let mark = output.count
    output.append("local")
    output.truncate(to: mark)
    #expect(output.string == "ex:")
  }
}

/// JSON-LD compaction through the prefix map's lookup gives what the definition gives.
@Suite struct JSONLDCompactionTests {
  /// The longest namespace ending in a gen-delim (prefix `_` excluded), the first written among
  /// equals, unless the rest is empty or starts with `//`: the definition.
  static func reference(_ context: JSONLDContext, _ iri: String) -> String {
    var best: (prefix: String, namespace: String)?
    for entry in context.prefixes.entries
    where entry.prefix != "_" && iri.utf8.starts(with: entry.namespace.utf8)
      && ":/?#[]@".utf8.contains(entry.namespace.utf8.last ?? 0)
    {
      if best == nil || entry.namespace.utf8.count > best!.namespace.utf8.count { best = entry }
    }
    guard let best else { return iri }
    let local = String(Substring(iri.utf8.dropFirst(best.namespace.utf8.count)))
    if local.isEmpty || local.hasPrefix("//") { return iri }
    return best.prefix + ":" + local
  }

  static let entries = [
    ("ex", "http://e.org/"), ("p", "http://e.org/person/"), ("word", "http://e.org/vocab"),
    ("_", "http://e.org/blank/"), ("q", "http://e.org/person/"), ("ns", "http://e.org/ns#"),
  ]
  /// Every usable namespace ends in `/` or `#` (the lookup by cutting the IRI), or one ends in
  /// `:` (the scan over every namespace).
  static let contexts = [
    JSONLDContext(prefixes: PrefixMap(entries)),
    JSONLDContext(prefixes: PrefixMap(entries + [("urn", "urn:")])),
  ]
  static let context = contexts[0]

  @Test(
    arguments: contexts,
    [
      "http://e.org/person/ann", "http://e.org/vocabulary", "http://e.org/blank/b1", "http://e.org/",
      "http://e.org//x", "urn:isbn:1", "http://e.org/ns#Thing", "http://other.org/a", "http://e.org/a\"b",
    ])
  func compactIRIFollowsTheDefinition(context: JSONLDContext, iri: String) {
    #expect(context.compactIRI(IRI(unchecked: iri)) == Self.reference(context, iri))
  }

  @Test func compactIRIStringIsTheEscapedJSONOfCompactIRI() {
    let iri = IRI(unchecked: "http://e.org/person/a\"b\\c")
    var output = ByteOutput(capacity: 64)
    Self.context.compactIRIString(iri, into: &output)
    #expect(output.string == JSONSyntax.string(Self.context.compactIRI(iri)))
  }
}
