import Testing

@testable import RDF

/// The nasty cases for every escaping function, one table per grammar rule.
@Suite struct EscapingTests {
  static let stringCases: [(input: String, nTriples: String, json: String)] = [
    ("plain", #""plain""#, #""plain""#),
    ("say \"hi\"", #""say \"hi\"""#, #""say \"hi\"""#),
    (#"back\slash"#, #""back\\slash""#, #""back\\slash""#),
    ("line\nbreak", #""line\nbreak""#, #""line\nbreak""#),
    ("carriage\rreturn", #""carriage\rreturn""#, #""carriage\rreturn""#),
    ("tab\there", #""tab\there""#, #""tab\there""#),
    ("bell\u{07}", #""bell\u0007""#, #""bell\u0007""#),
    ("nul\u{00}", #""nul\u0000""#, #""nul\u0000""#),
    ("del\u{7F}", #""del\u007F""#, #""del\u007f""#),
    ("c1\u{85}", #""c1\u0085""#, #""c1\u0085""#),
    ("ls\u{2028}ps\u{2029}", #""ls\u2028ps\u2029""#, #""ls\u2028ps\u2029""#),
    ("café 東京 🙂", "\"café 東京 🙂\"", "\"café 東京 🙂\""),
    ("bad\u{FFFD}byte", "\"bad\u{FFFD}byte\"", "\"bad\u{FFFD}byte\""),
    // Neighbours of the escaped multi-byte characters stay raw: U+00A0 (C2 A0), U+2027 (E2 80 A7).
    ("nbsp\u{A0}dot\u{2027}", "\"nbsp\u{A0}dot\u{2027}\"", "\"nbsp\u{A0}dot\u{2027}\""),
    ("last c1\u{9F}", #""last c1\u009F""#, #""last c1\u009f""#),
    ("é\u{85}\u{2028}x\"\\", #""é\u0085\u2028x\"\\""#, #""é\u0085\u2028x\"\\""#),
    ("\"", #""\"""#, #""\"""#),
  ]

  @Test(arguments: stringCases)
  func stringLiteralQuoteEscapes(input: String, nTriples: String, json: String) {
    var output = ""
    NTriplesSyntax.STRING_LITERAL_QUOTE(input, to: &output)
    #expect(output == nTriples)
  }

  @Test(arguments: stringCases)
  func jsonStringEscapes(input: String, nTriples: String, json: String) {
    #expect(JSONSyntax.string(input) == json)
  }

  @Test(arguments: [
    "http://example.org/a b", "http://example.org/a>b", "http://example.org/a\"b", "http://example.org/{x}",
    "http://example.org/a|b", "http://example.org/a\\b", "http://example.org/a^b", "http://example.org/a`b",
    "http://example.org/a\nb", "relative/path", "", ":nothing", "1http://x",
  ])
  func iriRejectsWhatIRIREFForbids(value: String) {
    #expect(throws: RDFError.invalidIRI(value)) { try IRI(value) }
  }

  @Test(arguments: ["http://example.org/a", "urn:isbn:123", "https://例え.jp/パス", "http://ex.org/a%20b#c?d=e"])
  func iriAcceptsAbsoluteIRIs(value: String) throws {
    #expect(try IRI(value).value == value)
  }

  @Test func iriRefEscapesForbiddenCharactersOfUncheckedIRIs() {
    var output = ""
    NTriplesSyntax.IRIREF(IRI(unchecked: "http://ex.org/a b>c"), to: &output)
    #expect(output == #"<http://ex.org/a\u0020b\u003Ec>"#)
  }

  /// Every byte, at every position of an IRI longer than one 8-byte step of the scan and in its
  /// tail, is found forbidden exactly when the `IRIREF` grammar forbids it.
  @Test func forbiddenIRIREFBytesAreExactlyTheGrammars() {
    let forbidden = Set(Array(0...0x20) + Array(#""<>\^`{|}"#.utf8).map(Int.init))
    for byte in 0...255 {
      for position in 0..<19 {
        var bytes = Array("http://ex.org/abcde".utf8)
        bytes[position] = UInt8(byte)
        let found = bytes.withUnsafeBufferPointer(NTriplesSyntax.containsForbiddenIRIREFByte)
        #expect(found == forbidden.contains(byte), "byte \(byte) at \(position)")
      }
    }
  }

  @Test func iriRefKeepsNonASCIIBesideAnEscape() {
    var output = ""
    NTriplesSyntax.IRIREF(IRI(unchecked: "http://ex.org/é b東\n"), to: &output)
    #expect(output == #"<http://ex.org/é\u0020b東\u000A>"#)
  }

  /// `nil` means the local name cannot be written as a prefixed name.
  @Test(
    arguments: [
      ("alice", "alice"),
      ("", ""),
      ("1990", "1990"),
      ("impose_on", "impose_on"),
      ("a.b", "a.b"),
      ("a:b", "a:b"),
      ("a%20b", "a%20b"),
      ("100%", #"100\%"#),
      ("a~b", #"a\~b"#),
      ("path/to", #"path\/to"#),
      ("-start", #"\-start"#),
      ("q?x=1&y", #"q\?x\=1\&y"#),
      ("trailing.", nil),
      (".leading", nil),
      ("a b", nil),
      ("a<b", nil),
      ("a\"b", nil),
      ("a{b", nil),
      ("é東", "é東"),
      ("bbc%2Fbusiness%2F001.txt", "bbc%2Fbusiness%2F001.txt"),
      ("a%2F1.txt#char=1,5", ##"a%2F1.txt\#char\=1\,5"##),
      ("%2", #"\%2"#),
      ("%zz", #"\%zz"#),
      ("a\u{B7}b", "a\u{B7}b"),
      ("\u{B7}a", nil),
      ("🙂", "🙂"),
      ("a\u{2028}", nil),
      ("é.", nil),
    ] as [(String, String?)])
  func pnLocalEscapesOrRejects(local: String, expected: String?) {
    #expect(TurtleSyntax.PN_LOCAL(Substring(local)) == expected)
  }

  @Test func turtleFallsBackToFullIRIForTrailingDot() {
    var output = ""
    TurtleSyntax.iri(
      IRI(unchecked: "http://ex.org/bob."), prefixes: PrefixMap([("ex", "http://ex.org/")]), to: &output)
    #expect(output == "<http://ex.org/bob.>")
  }

  @Test func turtlePicksTheLongestMatchingNamespace() {
    var output = ""
    let prefixes = PrefixMap([("ex", "http://ex.org/"), ("exv", "http://ex.org/vocab/")])
    TurtleSyntax.iri(IRI(unchecked: "http://ex.org/vocab/term"), prefixes: prefixes, to: &output)
    #expect(output == "exv:term")
  }

  @Test(arguments: [
    (Literal(integer: -7), "-7"),
    (Literal("+3", datatype: XSD.integer), "+3"),
    (Literal("0.5", datatype: XSD.decimal), "0.5"),
    (Literal(".5", datatype: XSD.decimal), ".5"),
    (Literal(boolean: false), "false"),
    (Literal("1", datatype: XSD.decimal), "\"1\"^^xsd:decimal"),
    (Literal("1e3", datatype: XSD.integer), "\"1e3\"^^xsd:integer"),
    (Literal("TRUE", datatype: XSD.boolean), "\"TRUE\"^^xsd:boolean"),
    (Literal("1.5", datatype: XSD.double), "\"1.5\"^^xsd:double"),
    (Literal("chat", language: "FR"), "\"chat\"@fr"),
    (Literal("x", datatype: IRI(unchecked: "http://other.org/dt")), "\"x\"^^<http://other.org/dt>"),
  ])
  func turtleUsesBareLiteralsOnlyWhereLexicallyValid(literal: Literal, expected: String) {
    var output = ""
    TurtleSyntax.literal(literal, prefixes: PrefixMap([("xsd", XSD.ns)]), to: &output)
    #expect(output == expected)
  }

  @Test(arguments: [
    ("b0", "_:b0"), ("0abc", "_:0abc"), ("a.b", "_:a.b"), ("a.", "_:x612E"), ("a b", "_:x612062"),
    ("", "_:x"),
  ])
  func blankNodeLabelsAreAlwaysValid(id: String, expected: String) {
    var nTriples = ""
    NTriplesSyntax.BLANK_NODE_LABEL(BlankNode(id), to: &nTriples)
    var turtle = ""
    TurtleSyntax.BLANK_NODE_LABEL(BlankNode(id), to: &turtle)
    #expect(nTriples == expected && turtle == expected)
  }

  @Test func colonsInBlankNodeLabelsAreEncodedSinceOxigraphRejectsThem() {
    var output = ""
    NTriplesSyntax.BLANK_NODE_LABEL(BlankNode("a:b"), to: &output)
    #expect(output == "_:x613A62")
  }

  @Test(arguments: [
    ("en", true), ("en-GB", true), ("zh-Hant-TW", true), ("x-1", true), ("", false), ("en-", false),
    ("1en", false), ("en_GB", false),
  ])
  func languageTagsFollowLANGTAG(tag: String, valid: Bool) {
    #expect(NTriplesSyntax.isLANGTAG(tag) == valid)
  }
}

@Suite struct JSONLDValueTests {
  @Test(arguments: [
    ("42", true), ("0", true), ("-7", true), ("007", false), ("-0", false), ("+5", false), ("1e3", false),
    ("forty", false), ("", false), ("1234567890123456", false),
  ])
  func integersBecomeJSONNumbersOnlyWhenCanonicalAndSafe(lexical: String, isNumber: Bool) {
    #expect(JSONLDSerializer.isCanonicalSafeInteger(lexical) == isNumber)
  }
}
