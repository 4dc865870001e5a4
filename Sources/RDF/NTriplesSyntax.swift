/// Escaping for N-Triples and N-Quads terms, one function per grammar rule.
/// https://www.w3.org/TR/n-triples/#n-triples-grammar
///
/// Turtle, TriG and N-Quads share these productions for IRIs, strings and language tags, so
/// their writers call these functions too.
public enum NTriplesSyntax {
  // MARK: - Terminals

  /// `IRIREF ::= '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>'`
  /// https://www.w3.org/TR/n-triples/#grammar-production-IRIREF
  ///
  /// A checked ``IRI`` never needs escaping; characters that `IRIREF` forbids can only come from
  /// ``IRI/init(unchecked:)`` and are written as `UCHAR` so that the output still parses.
  public static func IRIREF(_ iri: IRI, to output: inout some TextOutputStream) {
    output.write("<")
    if needsIRIREFEscape(iri.value) {
      var escaped = ""
      for scalar in iri.value.unicodeScalars {
        if scalar.value <= 0x20 || (scalar.isASCII && isForbiddenInIRIREF(UInt8(scalar.value))) {
          escaped += UCHAR(scalar)
        } else {
          escaped.unicodeScalars.append(scalar)
        }
      }
      output.write(escaped)
    } else {
      output.write(iri.value)
    }
    output.write(">")
  }

  /// `STRING_LITERAL_QUOTE ::= '"' ([^#x22#x5C#xA#xD] | ECHAR | UCHAR)* '"'`
  /// https://www.w3.org/TR/n-triples/#grammar-production-STRING_LITERAL_QUOTE
  ///
  /// Quotes, backslashes and the control characters with an `ECHAR` get one; other control
  /// characters (C0, DEL, C1) and U+2028/U+2029 get a `UCHAR`, so that no line-breaking or
  /// invisible character reaches the file raw. Everything else, U+FFFD included, stays UTF-8.
  public static func STRING_LITERAL_QUOTE(_ value: String, to output: inout some TextOutputStream) {
    output.write("\"")
    if needsStringEscape(value) {
      var escaped = ""
      escaped.reserveCapacity(value.utf8.count + 8)
      for scalar in value.unicodeScalars {
        switch scalar {
        case "\"": escaped += "\\\""
        case "\\": escaped += "\\\\"
        case "\n": escaped += "\\n"
        case "\r": escaped += "\\r"
        case "\t": escaped += "\\t"
        case "\u{08}": escaped += "\\b"
        case "\u{0C}": escaped += "\\f"
        default:
          if isEscapedControl(scalar) {
            escaped += UCHAR(scalar)
          } else {
            escaped.unicodeScalars.append(scalar)
          }
        }
      }
      output.write(escaped)
    } else {
      output.write(value)
    }
    output.write("\"")
  }

  /// `LANGTAG ::= '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*`
  /// https://www.w3.org/TR/n-triples/#grammar-production-LANGTAG
  public static func isLANGTAG(_ tag: String) -> Bool {
    func isAlpha(_ byte: UInt8) -> Bool {
      (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
    func isAlphaNumeric(_ byte: UInt8) -> Bool { isAlpha(byte) || (0x30...0x39).contains(byte) }
    let parts = tag.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
    guard let first = parts.first, !first.isEmpty, first.allSatisfy(isAlpha) else { return false }
    return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy(isAlphaNumeric) }
  }

  /// `BLANK_NODE_LABEL ::= '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?`
  /// https://www.w3.org/TR/n-triples/#grammar-production-BLANK_NODE_LABEL
  ///
  /// N-Triples 1.1's `PN_CHARS_U` allows `:` but Turtle's does not, and Oxigraph rejects it in
  /// N-Triples too, so labels are written with Turtle's rule everywhere (the reader accepts `:`).
  /// An id that is not a valid label is written as `x` and the hex of its UTF-8 bytes, which is
  /// deterministic and keeps distinct ids distinct.
  public static func BLANK_NODE_LABEL(_ node: BlankNode, to output: inout some TextOutputStream) {
    output.write("_:")
    output.write(blankNodeLabel(node, allowsColon: false))
  }

  /// The label written after `_:` for `node`.
  static func blankNodeLabel(_ node: BlankNode, allowsColon: Bool) -> String {
    if isValidBlankNodeLabel(node.id, allowsColon: allowsColon) { return node.id }
    var label = "x"
    for byte in node.id.utf8 { label += hexByte(byte) }
    return label
  }

  // MARK: - Terms

  /// An object term in N-Triples form.
  public static func term(_ term: Term, to output: inout some TextOutputStream) {
    switch term {
    case .iri(let iri): IRIREF(iri, to: &output)
    case .blank(let node): BLANK_NODE_LABEL(node, to: &output)
    case .literal(let literal): self.literal(literal, to: &output)
    }
  }

  /// A subject in N-Triples form.
  public static func subject(_ subject: Subject, to output: inout some TextOutputStream) {
    switch subject {
    case .iri(let iri): IRIREF(iri, to: &output)
    case .blank(let node): BLANK_NODE_LABEL(node, to: &output)
    }
  }

  /// `literal ::= STRING_LITERAL_QUOTE ('^^' IRIREF | LANGTAG)?`; `xsd:string` is left implicit.
  public static func literal(_ literal: Literal, to output: inout some TextOutputStream) {
    STRING_LITERAL_QUOTE(literal.lexicalForm, to: &output)
    if let language = literal.language {
      output.write("@")
      output.write(language)
    } else if literal.datatype != XSD.string {
      output.write("^^")
      IRIREF(literal.datatype, to: &output)
    }
  }

  // MARK: - Character classes

  /// `UCHAR ::= '\u' HEX HEX HEX HEX | '\U' HEX HEX HEX HEX HEX HEX HEX HEX`
  static func UCHAR(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    if scalar.value <= 0xFFFF {
      return "\\u" + String(repeating: "0", count: 4 - hex.utf8.count) + hex
    }
    return "\\U" + String(repeating: "0", count: 8 - hex.utf8.count) + hex
  }

  static func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]], as: UTF8.self)
  }

  @inline(__always)
  static func isForbiddenInIRIREF(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
      UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "\\"):
      true
    default: false
    }
  }

  /// Controls (C0, DEL, C1) and the two Unicode line separators.
  @inline(__always)
  static func isEscapedControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
  }

  /// Whether a string needs any escape in a quoted literal; scans bytes so the common case
  /// (plain text) writes the string as is.
  static func needsStringEscape(_ value: String) -> Bool {
    withUTF8(value) { bytes in
      var previous: UInt8 = 0
      var beforePrevious: UInt8 = 0
      for byte in bytes {
        if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
        // C1 controls are C2 80...C2 9F; U+2028/U+2029 are E2 80 A8 / E2 80 A9.
        if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
        if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9) { return true }
        beforePrevious = previous
        previous = byte
      }
      return false
    }
  }

  /// Whether an IRI has a character that `IRIREF` forbids (only possible for unchecked IRIs).
  static func needsIRIREFEscape(_ value: String) -> Bool {
    withUTF8(value, containsForbiddenIRIREFByte)
  }

  /// Whether `bytes` has one that `IRIREF` forbids: 0x00-0x20 " < > \\ ^ ` { | }. Bytes from 0x80
  /// up (UTF-8 of non-ASCII characters) are allowed.
  static func containsForbiddenIRIREFByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    // Bit n of `low` (bytes 0-63) and `high` (64-127) marks a forbidden byte.
    let low: UInt64 = 0x5000_0005_ffff_ffff
    let high: UInt64 = 0x3800_0001_5000_0000
    for byte in bytes where byte < 0x80 {
      let mask = byte < 64 ? low >> byte : high >> (byte - 64)
      if mask & 1 != 0 { return true }
    }
    return false
  }

  /// Runs `body` on the string's UTF-8 bytes in place (native strings are contiguous), which is
  /// much faster than iterating `String.UTF8View`.
  @inline(__always)
  static func withUTF8<Result>(_ value: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = value.utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = value
    return copy.withUTF8(body)
  }

  /// `PN_CHARS_BASE`: https://www.w3.org/TR/turtle/#grammar-production-PN_CHARS_BASE
  static func isPN_CHARS_BASE(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
      0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
      0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
      true
    default: false
    }
  }

  /// `PN_CHARS_U ::= PN_CHARS_BASE | '_'` (Turtle).
  static func isPN_CHARS_U(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || isPN_CHARS_BASE(scalar)
  }

  /// `PN_CHARS ::= PN_CHARS_U | '-' | [0-9] | #x00B7 | [#x0300-#x036F] | [#x203F-#x2040]`
  static func isPN_CHARS(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2D, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
    default: isPN_CHARS_U(scalar)
    }
  }

  static func isValidBlankNodeLabel(_ label: String, allowsColon: Bool) -> Bool {
    var scalars = label.unicodeScalars.makeIterator()
    guard let first = scalars.next(),
      isPN_CHARS_U(first) || ("0"..."9").contains(first) || (allowsColon && first == ":")
    else {
      return false
    }
    var last = first
    while let scalar = scalars.next() {
      guard isPN_CHARS(scalar) || scalar == "." || (allowsColon && scalar == ":") else { return false }
      last = scalar
    }
    return last != "."
  }
}
