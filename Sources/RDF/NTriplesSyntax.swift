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
    if needsIRIREFEscape(iri.value) {
      var bytes = ByteOutput(capacity: iri.value.utf8.count + 16)
      IRIREF(iri, into: &bytes)
      output.write(bytes.string)
    } else {
      output.write("<")
      output.write(iri.value)
      output.write(">")
    }
  }

  /// ``IRIREF(_:to:)`` as bytes.
  static func IRIREF(_ iri: IRI, into output: inout ByteOutput) {
    output.append(UInt8(ascii: "<"))
    withUTF8(iri.value) { bytes in
      guard containsForbiddenIRIREFByte(bytes) else {
        output.append(bytes)
        return
      }
      // Bytes from 0x80 up are parts of non-ASCII characters, which IRIREF allows.
      for byte in bytes {
        if byte <= 0x20 || isForbiddenInIRIREF(byte) {
          output.appendUCHAR(UInt32(byte))
        } else {
          output.append(byte)
        }
      }
    }
    output.append(UInt8(ascii: ">"))
  }

  /// `STRING_LITERAL_QUOTE ::= '"' ([^#x22#x5C#xA#xD] | ECHAR | UCHAR)* '"'`
  /// https://www.w3.org/TR/n-triples/#grammar-production-STRING_LITERAL_QUOTE
  ///
  /// Quotes, backslashes and the control characters with an `ECHAR` get one; other control
  /// characters (C0, DEL, C1) and U+2028/U+2029 get a `UCHAR`, so that no line-breaking or
  /// invisible character reaches the file raw. Everything else, U+FFFD included, stays UTF-8.
  public static func STRING_LITERAL_QUOTE(_ value: String, to output: inout some TextOutputStream) {
    if needsStringEscape(value) {
      var bytes = ByteOutput(capacity: value.utf8.count + 16)
      STRING_LITERAL_QUOTE(value, into: &bytes)
      output.write(bytes.string)
    } else {
      output.write("\"")
      output.write(value)
      output.write("\"")
    }
  }

  /// ``STRING_LITERAL_QUOTE(_:to:)`` as bytes.
  static func STRING_LITERAL_QUOTE(_ value: String, into output: inout ByteOutput) {
    output.append(UInt8(ascii: "\""))
    withUTF8(value) { escapeQuotedString($0, uppercaseHex: true, into: &output) }
    output.append(UInt8(ascii: "\""))
  }

  /// The inside of a quoted string, shared by N-Triples, Turtle and JSON (which differ only in
  /// the case of `UCHAR` hex digits): `"` and `\` escaped, `\n \r \t \b \f` for those controls,
  /// `\uXXXX` for other controls (C0, DEL, C1) and U+2028/U+2029; runs of other bytes copied whole.
  static func escapeQuotedString(
    _ bytes: UnsafeBufferPointer<UInt8>, uppercaseHex: Bool, into output: inout ByteOutput
  ) {
    var runStart = 0
    var index = 0
    let count = bytes.count
    func flushRun(upTo end: Int) {
      if end > runStart { output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
    }
    while index < count {
      let byte = bytes[index]
      // Printable ASCII other than `"` and `\`, and the bytes of non-ASCII characters other than
      // the lead bytes of C1 controls and of U+2028/U+2029, go through as they are.
      if (byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C)
        || (byte >= 0x80 && byte != 0xC2 && byte != 0xE2)
      {
        index += 1
        continue
      }
      // The escape, and how many bytes of input it replaces.
      var escape: (value: UInt32, echar: UInt8, length: Int)?
      switch byte {
      case 0x22: escape = (0, UInt8(ascii: "\""), 1)
      case 0x5C: escape = (0, UInt8(ascii: "\\"), 1)
      case 0x0A: escape = (0, UInt8(ascii: "n"), 1)
      case 0x0D: escape = (0, UInt8(ascii: "r"), 1)
      case 0x09: escape = (0, UInt8(ascii: "t"), 1)
      case 0x08: escape = (0, UInt8(ascii: "b"), 1)
      case 0x0C: escape = (0, UInt8(ascii: "f"), 1)
      case 0x00..<0x20, 0x7F: escape = (UInt32(byte), 0, 1)
      // C1 controls are C2 80...C2 9F in UTF-8.
      case 0xC2 where index + 1 < count && (0x80...0x9F).contains(bytes[index + 1]):
        escape = (UInt32(bytes[index + 1]), 0, 2)
      // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
      case 0xE2
      where index + 2 < count && bytes[index + 1] == 0x80
        && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
        escape = (bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, 0, 3)
      default: break
      }
      guard let escape else {
        index += 1
        continue
      }
      flushRun(upTo: index)
      if escape.echar != 0 {
        output.append(UInt8(ascii: "\\"))
        output.append(escape.echar)
      } else {
        output.appendUCHAR(escape.value, uppercase: uppercaseHex)
      }
      index += escape.length
      runStart = index
    }
    flushRun(upTo: count)
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

  /// ``BLANK_NODE_LABEL(_:to:)`` as bytes.
  static func BLANK_NODE_LABEL(_ node: BlankNode, into output: inout ByteOutput) {
    output.append("_:")
    output.append(blankNodeLabel(node, allowsColon: false))
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

  /// ``term(_:to:)`` as bytes.
  static func term(_ term: Term, into output: inout ByteOutput) {
    switch term {
    case .iri(let iri): IRIREF(iri, into: &output)
    case .blank(let node): BLANK_NODE_LABEL(node, into: &output)
    case .literal(let literal): self.literal(literal, into: &output)
    }
  }

  /// ``subject(_:to:)`` as bytes.
  static func subject(_ subject: Subject, into output: inout ByteOutput) {
    switch subject {
    case .iri(let iri): IRIREF(iri, into: &output)
    case .blank(let node): BLANK_NODE_LABEL(node, into: &output)
    }
  }

  /// ``literal(_:to:)`` as bytes.
  static func literal(_ literal: Literal, into output: inout ByteOutput) {
    STRING_LITERAL_QUOTE(literal.lexicalForm, into: &output)
    if let language = literal.language {
      output.append(UInt8(ascii: "@"))
      output.append(language)
    } else if literal.datatype != XSD.string {
      output.append("^^")
      IRIREF(literal.datatype, into: &output)
    }
  }

  // MARK: - Character classes

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
  ///
  /// Every IRI of every quad passes through here when it is written: the bytes are looked up in a
  /// table, eight at a time with one branch, since IRIs are long and almost never have one.
  static func containsForbiddenIRIREFByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let start = bytes.baseAddress else { return false }
    return forbiddenInIRIREF.withUnsafeBufferPointer { table in
      let table = table.baseAddress!
      let count = bytes.count
      var index = 0
      while index + 8 <= count {
        var found: UInt8 = 0
        for offset in 0..<8 { found |= table[Int(start[index + offset])] }
        if found != 0 { return true }
        index += 8
      }
      while index < count {
        if table[Int(start[index])] != 0 { return true }
        index += 1
      }
      return false
    }
  }

  /// 1 for each byte that `IRIREF` forbids (0x00-0x20 and ``isForbiddenInIRIREF(_:)``), else 0.
  static let forbiddenInIRIREF: [UInt8] = (0...255).map { byte in
    byte <= 0x20 || isForbiddenInIRIREF(UInt8(byte)) ? 1 : 0
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
