/// Escaping and abbreviation for Turtle and TriG terms, one function per grammar rule.
/// https://www.w3.org/TR/turtle/#sec-grammar
///
/// IRIs, strings and blank node labels share their productions with N-Triples
/// (``NTriplesSyntax``); this type adds what only Turtle has: prefixed names, `a`, and the
/// bare number and boolean literals.
public enum TurtleSyntax {
  // MARK: - Prefixed names

  /// The local part written in Turtle form, or `nil` when `local` cannot be a `PN_LOCAL`.
  ///
  /// `PN_LOCAL ::= (PN_CHARS_U | ':' | [0-9] | PLX) ((PN_CHARS | '.' | ':' | PLX)* (PN_CHARS | ':' | PLX))?`
  /// https://www.w3.org/TR/turtle/#grammar-production-PN_LOCAL
  ///
  /// Characters that `PN_LOCAL_ESC` allows are escaped with a backslash, `%` followed by two hex
  /// digits is kept as a `PERCENT`. A `.` at either end returns `nil` (the writer then falls back
  /// to `<full-iri>`): it could be escaped, but common parsers (rdflib 7) reject `ex:a\.`.
  public static func PN_LOCAL(_ local: Substring) -> String? {
    var output = ByteOutput(capacity: local.utf8.count + 8)
    return PN_LOCAL(local, into: &output) ? output.string : nil
  }

  /// ``PN_LOCAL(_:)`` as bytes: appends the written local part and returns `true`, or appends
  /// nothing and returns `false`.
  static func PN_LOCAL(_ local: Substring, into output: inout ByteOutput) -> Bool {
    if let written = local.utf8.withContiguousStorageIfAvailable({ PN_LOCAL($0, into: &output) }) {
      return written
    }
    var copy = String(local)
    return copy.withUTF8 { PN_LOCAL($0, into: &output) }
  }

  /// ``PN_LOCAL(_:)`` over UTF-8 bytes (valid UTF-8, as a `String` holds).
  static func PN_LOCAL(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout ByteOutput) -> Bool {
    let count = bytes.count
    if count > 0 && (bytes[0] == UInt8(ascii: ".") || bytes[count - 1] == UInt8(ascii: ".")) { return false }
    if isPlainASCIILocal(bytes) {
      output.append(bytes)
      return true
    }
    let mark = output.count
    var index = 0
    while index < count {
      let byte = bytes[index]
      let isFirst = index == 0
      guard byte >= 0x80 else {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: ":"):
          output.append(byte)
        case UInt8(ascii: "%"):
          // `PERCENT ::= '%' HEX HEX` stays as it is; a lone `%` is escaped.
          if index + 2 < count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
            output.append(UnsafeBufferPointer(rebasing: bytes[index..<(index + 3)]))
            index += 3
            continue
          }
          output.append("\\%")
        case UInt8(ascii: "-") where !isFirst, UInt8(ascii: ".") where !isFirst:
          output.append(byte)
        default:
          guard isPN_LOCAL_ESC(byte) else {
            output.truncate(to: mark)
            return false
          }
          output.append(UInt8(ascii: "\\"))
          output.append(byte)
        }
        index += 1
        continue
      }
      // A non-ASCII character: decode its scalar from the 2 to 4 bytes of its UTF-8 form.
      let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
      guard index + length <= count else {
        output.truncate(to: mark)
        return false
      }
      var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
      for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
      guard let scalar = Unicode.Scalar(value),
        NTriplesSyntax.isPN_CHARS_U(scalar) || (!isFirst && NTriplesSyntax.isPN_CHARS(scalar))
      else {
        output.truncate(to: mark)
        return false
      }
      output.append(UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
      index += length
    }
    return true
  }

  /// The common case, checked without allocating: ASCII letters, digits, `_` and `:` anywhere,
  /// `-` and `.` after the first character, and no `.` at the end.
  static func isPlainASCIILocal(_ local: UnsafeBufferPointer<UInt8>) -> Bool {
    var isFirst = true
    var last: UInt8 = 0
    for byte in local {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: ":"):
        break
      case UInt8(ascii: "-"), UInt8(ascii: "."): if isFirst { return false }
      default: return false
      }
      isFirst = false
      last = byte
    }
    return last != UInt8(ascii: ".")
  }

  /// `PN_PREFIX ::= PN_CHARS_BASE ((PN_CHARS | '.')* PN_CHARS)?`, or the empty prefix.
  /// https://www.w3.org/TR/turtle/#grammar-production-PN_PREFIX
  public static func isPN_PREFIX(_ prefix: String) -> Bool {
    var scalars = prefix.unicodeScalars.makeIterator()
    guard let first = scalars.next() else { return true }
    guard NTriplesSyntax.isPN_CHARS_BASE(first) else { return false }
    var last = first
    while let scalar = scalars.next() {
      guard NTriplesSyntax.isPN_CHARS(scalar) || scalar == "." else { return false }
      last = scalar
    }
    return last != "."
  }

  /// `PN_LOCAL_ESC ::= '\' ('_' | '~' | '.' | '-' | '!' | '$' | '&' | "'" | '(' | ')' | '*' | '+' | ',' | ';' | '=' | '/' | '?' | '#' | '@' | '%')`
  static func isPN_LOCAL_ESC(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "!"),
      UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
      UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
      UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "%"):
      true
    default: false
    }
  }

  static func isHex(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
      UInt8(ascii: "A")...UInt8(ascii: "F"):
      true
    default: false
    }
  }

  // MARK: - Terms

  /// `BLANK_NODE_LABEL`: the same as ``NTriplesSyntax/BLANK_NODE_LABEL(_:to:)``.
  /// https://www.w3.org/TR/turtle/#grammar-production-BLANK_NODE_LABEL
  public static func BLANK_NODE_LABEL(_ node: BlankNode, to output: inout some TextOutputStream) {
    NTriplesSyntax.BLANK_NODE_LABEL(node, to: &output)
  }

  /// `iri ::= IRIREF | PrefixedName`: the longest matching prefix when its local part is a valid
  /// `PN_LOCAL`, else `<full-iri>`.
  public static func iri(_ iri: IRI, prefixes: PrefixMap, to output: inout some TextOutputStream) {
    var bytes = ByteOutput(capacity: iri.value.utf8.count + 8)
    self.iri(iri, prefixes: prefixes, into: &bytes)
    output.write(bytes.string)
  }

  /// ``iri(_:prefixes:to:)`` as bytes.
  static func iri(_ iri: IRI, prefixes: PrefixMap, into output: inout ByteOutput) {
    if let (prefix, local) = prefixes.split(iri) {
      let mark = output.count
      output.append(prefix)
      output.append(UInt8(ascii: ":"))
      if PN_LOCAL(local, into: &output) { return }
      output.truncate(to: mark)
    }
    NTriplesSyntax.IRIREF(iri, into: &output)
  }

  /// A subject, abbreviated where possible.
  public static func subject(_ subject: Subject, prefixes: PrefixMap, to output: inout some TextOutputStream)
  {
    var bytes = ByteOutput(capacity: 64)
    self.subject(subject, prefixes: prefixes, into: &bytes)
    output.write(bytes.string)
  }

  /// ``subject(_:prefixes:to:)`` as bytes.
  static func subject(_ subject: Subject, prefixes: PrefixMap, into output: inout ByteOutput) {
    switch subject {
    case .iri(let value): iri(value, prefixes: prefixes, into: &output)
    case .blank(let node): NTriplesSyntax.BLANK_NODE_LABEL(node, into: &output)
    }
  }

  /// A predicate: `a` for `rdf:type`, else an abbreviated IRI.
  public static func predicate(_ predicate: IRI, prefixes: PrefixMap, to output: inout some TextOutputStream)
  {
    var bytes = ByteOutput(capacity: 64)
    self.predicate(predicate, prefixes: prefixes, into: &bytes)
    output.write(bytes.string)
  }

  /// ``predicate(_:prefixes:to:)`` as bytes.
  static func predicate(_ predicate: IRI, prefixes: PrefixMap, into output: inout ByteOutput) {
    if predicate == RDFVocabulary.type {
      output.append(UInt8(ascii: "a"))
    } else {
      iri(predicate, prefixes: prefixes, into: &output)
    }
  }

  /// An object term, abbreviated where possible.
  public static func term(_ term: Term, prefixes: PrefixMap, to output: inout some TextOutputStream) {
    var bytes = ByteOutput(capacity: 64)
    self.term(term, prefixes: prefixes, into: &bytes)
    output.write(bytes.string)
  }

  /// ``term(_:prefixes:to:)`` as bytes.
  static func term(_ term: Term, prefixes: PrefixMap, into output: inout ByteOutput) {
    switch term {
    case .iri(let value): iri(value, prefixes: prefixes, into: &output)
    case .blank(let node): NTriplesSyntax.BLANK_NODE_LABEL(node, into: &output)
    case .literal(let value): literal(value, prefixes: prefixes, into: &output)
    }
  }

  /// `RDFLiteral | NumericLiteral | BooleanLiteral`: integers, decimals and booleans bare when their
  /// lexical form matches the Turtle production (which then yields the same datatype), else quoted.
  /// https://www.w3.org/TR/turtle/#abbrev
  public static func literal(_ literal: Literal, prefixes: PrefixMap, to output: inout some TextOutputStream)
  {
    var bytes = ByteOutput(capacity: literal.lexicalForm.utf8.count + 16)
    self.literal(literal, prefixes: prefixes, into: &bytes)
    output.write(bytes.string)
  }

  /// ``literal(_:prefixes:to:)`` as bytes.
  static func literal(_ literal: Literal, prefixes: PrefixMap, into output: inout ByteOutput) {
    if literal.language == nil, isBareLiteral(literal) {
      output.append(literal.lexicalForm)
      return
    }
    NTriplesSyntax.STRING_LITERAL_QUOTE(literal.lexicalForm, into: &output)
    if let language = literal.language {
      output.append(UInt8(ascii: "@"))
      output.append(language)
    } else if literal.datatype != XSD.string {
      output.append("^^")
      iri(literal.datatype, prefixes: prefixes, into: &output)
    }
  }

  /// Whether the literal can be written without quotes and still mean the same.
  static func isBareLiteral(_ literal: Literal) -> Bool {
    switch literal.datatype {
    case XSD.integer: isINTEGER(literal.lexicalForm)
    case XSD.decimal: isDECIMAL(literal.lexicalForm)
    case XSD.boolean: literal.lexicalForm == "true" || literal.lexicalForm == "false"
    default: false
    }
  }

  /// `INTEGER ::= [+-]? [0-9]+`
  static func isINTEGER(_ value: String) -> Bool {
    var bytes = Substring(value).utf8[...]
    if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
      bytes = bytes.dropFirst()
    }
    return !bytes.isEmpty && bytes.allSatisfy { (0x30...0x39).contains($0) }
  }

  /// `DECIMAL ::= [+-]? [0-9]* '.' [0-9]+`
  static func isDECIMAL(_ value: String) -> Bool {
    var bytes = Substring(value).utf8[...]
    if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
      bytes = bytes.dropFirst()
    }
    guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return false }
    let fraction = bytes[bytes.index(after: dot)...]
    return bytes[..<dot].allSatisfy { (0x30...0x39).contains($0) } && !fraction.isEmpty
      && fraction.allSatisfy { (0x30...0x39).contains($0) }
  }
}
