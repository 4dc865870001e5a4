#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(Musl)
  import Musl
#endif

/// Parses N-Quads (and N-Triples) one line at a time. https://www.w3.org/TR/n-quads/#sec-grammar
///
/// Every statement of these syntaxes sits on one line, so a line is the unit of parsing and a
/// reader never needs more than one line in memory. The parser keeps a scratch buffer for
/// unescaping between lines.
public struct NQuadsParser: Sendable {
  /// Named in error messages: a file path, or `-` for standard input.
  public var source: String
  /// `false` for N-Triples, where a graph label is a syntax error.
  public var allowsGraphNames: Bool
  var scratch: [UInt8] = []

  public init(source: String = "-", allowsGraphNames: Bool = true) {
    self.source = source
    self.allowsGraphNames = allowsGraphNames
  }

  /// The quad on `line` (without its line break), or `nil` for a blank or comment-only line.
  /// `lineNumber` counts from 1 and is only used in errors.
  public mutating func parse(line: String, lineNumber: Int) throws(RDFError) -> Quad? {
    var line = line
    let result = line.withUTF8 { bytes in parseResult(bytes, lineNumber: lineNumber) }
    return try result.get()
  }

  /// Parses one line given as UTF-8 bytes; invalid UTF-8 is decoded leniently (U+FFFD).
  public mutating func parse(bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws(RDFError) -> Quad? {
    try parseResult(bytes, lineNumber: lineNumber).get()
  }

  mutating func parseResult(_ bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> Result<Quad?, RDFError> {
    // Hand the buffer over so that appending to it never copies it.
    var buffer: [UInt8] = []
    swap(&buffer, &scratch)
    var cursor = Cursor(bytes: bytes, scratch: buffer)
    // A UTF-8 byte order mark, which some editors put at the start of a file.
    if lineNumber == 1, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      cursor.position = 3
    }
    defer { swap(&cursor.scratch, &scratch) }
    do throws(Cursor.Failure) {
      return .success(try cursor.statement(allowsGraphNames: allowsGraphNames))
    } catch {
      return .failure(
        .syntax(
          source: source, line: lineNumber, column: cursor.column(of: error.position), reason: error.reason))
    }
  }
}

// MARK: - Cursor

/// A position in one line, and the productions of the grammar as methods.
struct Cursor {
  struct Failure: Error {
    var position: Int
    var reason: String
  }

  let bytes: UnsafeBufferPointer<UInt8>
  var position = 0
  var scratch: [UInt8]

  init(bytes: UnsafeBufferPointer<UInt8>, scratch: [UInt8]) {
    var end = bytes.count
    // Tolerate the CR of CRLF files and a trailing LF left by the caller.
    while end > 0 && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
    self.bytes = UnsafeBufferPointer(rebasing: bytes[0..<end])
    self.scratch = scratch
  }

  var atEnd: Bool { position >= bytes.count }
  var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  func fail(_ reason: String, at position: Int? = nil) -> Failure {
    Failure(position: position ?? self.position, reason: reason)
  }

  /// The 1-based column in Unicode scalars of a byte position, for messages.
  func column(of position: Int) -> Int {
    let prefix = UnsafeBufferPointer(rebasing: bytes[0..<min(position, bytes.count)])
    return String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
  }

  mutating func skipWhitespace() {
    while let byte = current, byte == 0x20 || byte == 0x09 { position += 1 }
  }

  // MARK: - statement

  /// `statement ::= subject predicate object graphLabel? '.'`, then an optional comment.
  mutating func statement(allowsGraphNames: Bool) throws(Failure) -> Quad? {
    skipWhitespace()
    guard let first = current, first != UInt8(ascii: "#") else { return nil }
    let subject: Subject =
      switch first {
      case UInt8(ascii: "<"): .iri(try IRIREF())
      case UInt8(ascii: "_"): .blank(try BLANK_NODE_LABEL())
      default: throw fail("expected a subject (an <IRI> or a _:blank node)")
      }
    skipWhitespace()
    guard current == UInt8(ascii: "<") else { throw fail("expected a predicate <IRI>") }
    let predicate = try IRIREF()
    skipWhitespace()
    let object: Term =
      switch current {
      case UInt8(ascii: "<"): .iri(try IRIREF())
      case UInt8(ascii: "_"): .blank(try BLANK_NODE_LABEL())
      case UInt8(ascii: "\""): .literal(try literal())
      default: throw fail("expected an object (an <IRI>, a _:blank node or a \"literal\")")
      }
    skipWhitespace()
    var graph: GraphName?
    switch current {
    case UInt8(ascii: "<"), UInt8(ascii: "_"):
      guard allowsGraphNames else { throw fail("N-Triples has no graph names; expected '.'") }
      graph = current == UInt8(ascii: "<") ? .iri(try IRIREF()) : .blank(try BLANK_NODE_LABEL())
      skipWhitespace()
    default: break
    }
    guard current == UInt8(ascii: ".") else { throw fail("expected '.' at the end of the statement") }
    position += 1
    skipWhitespace()
    if let byte = current, byte != UInt8(ascii: "#") {
      throw fail("unexpected text after the statement's '.'")
    }
    return Quad(subject, predicate, object, graph: graph)
  }

  // MARK: - Terminals

  /// `IRIREF ::= '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>'`, which must then be an absolute IRI.
  mutating func IRIREF() throws(Failure) -> IRI {
    let start = position
    position += 1
    let contentStart = position
    // Fast path, the common case: no escape and no forbidden byte before the '>'.
    let base = bytes.baseAddress!
    if contentStart < bytes.count,
      let end = memchr(base + contentStart, Int32(UInt8(ascii: ">")), bytes.count - contentStart)
    {
      let length = UnsafeRawPointer(end) - UnsafeRawPointer(base + contentStart)
      let content = UnsafeBufferPointer(start: base + contentStart, count: length)
      if !NTriplesSyntax.containsForbiddenIRIREFByte(content) {
        guard IRI.schemeColon(content) != nil else {
          throw fail("not an absolute IRI: <\(String(decoding: content, as: UTF8.self))>", at: start)
        }
        position = contentStart + content.count + 1
        return IRI(unchecked: String(decoding: content, as: UTF8.self))
      }
    }
    var escaped = false
    scratch.removeAll(keepingCapacity: true)
    while true {
      guard let byte = current else { throw fail("unterminated IRI: missing '>'", at: start) }
      if byte == UInt8(ascii: ">") { break }
      if byte <= 0x20 || (byte != UInt8(ascii: "\\") && NTriplesSyntax.isForbiddenInIRIREF(byte)) {
        throw fail("character not allowed in an IRI: \(Self.describe(byte))")
      }
      if byte == UInt8(ascii: "\\") {
        if !escaped {
          scratch.append(contentsOf: bytes[contentStart..<position])
          escaped = true
        }
        let next = position + 1 < bytes.count ? bytes[position + 1] : 0
        guard next == UInt8(ascii: "u") || next == UInt8(ascii: "U") else {
          throw fail("only \\u and \\U escapes are allowed in an IRI")
        }
        appendUTF8(try UCHAR())
        continue
      }
      if escaped { scratch.append(byte) }
      position += 1
    }
    let value =
      escaped
      ? String(decoding: scratch, as: UTF8.self)
      : String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<position]), as: UTF8.self)
    position += 1
    guard IRI.isValid(value) else { throw fail("not an absolute IRI: <\(value)>", at: start) }
    return IRI(unchecked: value)
  }

  /// `BLANK_NODE_LABEL ::= '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?`
  /// (N-Triples' `PN_CHARS_U` also allows `:`).
  mutating func BLANK_NODE_LABEL() throws(Failure) -> BlankNode {
    guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ":") else {
      throw fail("expected '_:' to start a blank node")
    }
    position += 2
    let start = position
    guard let first = scalar(),
      NTriplesSyntax.isPN_CHARS_U(first.value) || first.value == ":"
        || ("0"..."9").contains(first.value)
    else { throw fail("a blank node label must start with a letter, digit, '_' or ':'") }
    position += first.length
    var lastNonDot = position
    while let next = scalar(), NTriplesSyntax.isPN_CHARS(next.value) || next.value == ":" || next.value == "."
    {
      position += next.length
      if next.value != "." { lastNonDot = position }
    }
    // A label cannot end with '.', which is then the statement's terminator.
    position = lastNonDot
    return BlankNode(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
  }

  /// `literal ::= STRING_LITERAL_QUOTE ('^^' IRIREF | LANGTAG)?`
  mutating func literal() throws(Failure) -> Literal {
    let lexicalForm = try STRING_LITERAL_QUOTE()
    switch current {
    case UInt8(ascii: "^"):
      guard position + 2 < bytes.count, bytes[position + 1] == UInt8(ascii: "^"),
        bytes[position + 2] == UInt8(ascii: "<")
      else { throw fail("expected '^^<datatype IRI>' after the literal") }
      position += 2
      let datatype = try IRIREF()
      return Literal(lexicalForm, datatype: datatype)
    case UInt8(ascii: "@"):
      return Literal(lexicalForm, language: try LANGTAG())
    default:
      return Literal(lexicalForm)
    }
  }

  /// `LANGTAG ::= '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*`
  mutating func LANGTAG() throws(Failure) -> String {
    let start = position
    position += 1
    while let byte = current, byte == UInt8(ascii: "-") || Self.isAlphaNumeric(byte) { position += 1 }
    let tag = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<position]), as: UTF8.self)
    guard NTriplesSyntax.isLANGTAG(tag) else { throw fail("invalid language tag '@\(tag)'", at: start) }
    return tag
  }

  /// `STRING_LITERAL_QUOTE ::= '"' ([^#x22#x5C#xA#xD] | ECHAR | UCHAR)* '"'`
  mutating func STRING_LITERAL_QUOTE() throws(Failure) -> String {
    let start = position
    position += 1
    let contentStart = position
    var escaped = false
    scratch.removeAll(keepingCapacity: true)
    while true {
      guard let byte = current else { throw fail("unterminated string: missing '\"'", at: start) }
      if byte == UInt8(ascii: "\"") { break }
      if byte == 0x0A || byte == 0x0D { throw fail("raw line break in a string; write \\n or \\r") }
      if byte == UInt8(ascii: "\\") {
        if !escaped {
          scratch.append(contentsOf: bytes[contentStart..<position])
          escaped = true
        }
        let next = position + 1 < bytes.count ? bytes[position + 1] : 0
        switch next {
        case UInt8(ascii: "u"), UInt8(ascii: "U"): appendUTF8(try UCHAR())
        default: scratch.append(try ECHAR())
        }
        continue
      }
      if escaped { scratch.append(byte) }
      position += 1
    }
    let value =
      escaped
      ? String(decoding: scratch, as: UTF8.self)
      : String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<position]), as: UTF8.self)
    position += 1
    return value
  }

  /// `ECHAR ::= '\' [tbnrf"'\]`
  mutating func ECHAR() throws(Failure) -> UInt8 {
    let next = position + 1 < bytes.count ? bytes[position + 1] : 0
    let value: UInt8
    switch next {
    case UInt8(ascii: "t"): value = 0x09
    case UInt8(ascii: "b"): value = 0x08
    case UInt8(ascii: "n"): value = 0x0A
    case UInt8(ascii: "r"): value = 0x0D
    case UInt8(ascii: "f"): value = 0x0C
    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): value = next
    default: throw fail("unknown escape: backslash before \(Self.describe(next))")
    }
    position += 2
    return value
  }

  /// `UCHAR ::= '\u' HEX HEX HEX HEX | '\U' HEX HEX HEX HEX HEX HEX HEX HEX`
  mutating func UCHAR() throws(Failure) -> Unicode.Scalar {
    let start = position
    let digits = bytes[position + 1] == UInt8(ascii: "u") ? 4 : 8
    guard position + 2 + digits <= bytes.count else { throw fail("\\u needs \(digits) hex digits") }
    var value: UInt32 = 0
    for offset in 0..<digits {
      guard let digit = Self.hexValue(bytes[position + 2 + offset]) else {
        throw fail("\\u needs \(digits) hex digits")
      }
      value = value << 4 | digit
    }
    guard let scalar = Unicode.Scalar(value) else {
      throw fail("escape is not a Unicode scalar value (a surrogate or beyond U+10FFFF)", at: start)
    }
    position += 2 + digits
    return scalar
  }

  // MARK: - Helpers

  mutating func appendUTF8(_ scalar: Unicode.Scalar) {
    UTF8.encode(scalar) { scratch.append($0) }
  }

  /// The scalar at the current position and its length in bytes (U+FFFD for invalid UTF-8).
  func scalar() -> (value: Unicode.Scalar, length: Int)? {
    guard position < bytes.count else { return nil }
    var iterator = bytes[position...].makeIterator()
    var decoder = UTF8()
    switch decoder.decode(&iterator) {
    case .scalarValue(let scalar): return (scalar, UTF8.width(scalar))
    case .emptyInput: return nil
    case .error: return ("\u{FFFD}", 1)
    }
  }

  static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  static func isAlphaNumeric(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (0x30...0x39).contains(byte)
  }

  static func describe(_ byte: UInt8) -> String {
    byte >= 0x21 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "U+" + NTriplesSyntax.hexByte(byte)
  }
}
