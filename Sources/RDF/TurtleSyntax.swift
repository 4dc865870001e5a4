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
    if isPlainASCIILocal(local) { return String(local) }
    let scalars = Array(local.unicodeScalars)
    guard scalars.first != ".", scalars.last != "." else { return nil }
    var result = ""
    result.reserveCapacity(local.utf8.count)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      let isFirst = index == 0
      if NTriplesSyntax.isPN_CHARS_U(scalar) || scalar == ":" || ("0"..."9").contains(scalar) {
        result.unicodeScalars.append(scalar)
      } else if scalar == "%" {
        if index + 2 < scalars.count, isHex(scalars[index + 1]), isHex(scalars[index + 2]) {
          result.unicodeScalars.append(contentsOf: scalars[index...(index + 2)])
          index += 3
          continue
        }
        result += "\\%"
      } else if !isFirst && (NTriplesSyntax.isPN_CHARS(scalar) || scalar == ".") {
        result.unicodeScalars.append(scalar)
      } else if isPN_LOCAL_ESC(scalar) {
        result += "\\"
        result.unicodeScalars.append(scalar)
      } else {
        return nil
      }
      index += 1
    }
    return result
  }

  /// The common case, checked without allocating: ASCII letters, digits, `_` and `:` anywhere,
  /// `-` and `.` after the first character, and no `.` at the end.
  static func isPlainASCIILocal(_ local: Substring) -> Bool {
    var isFirst = true
    var last: UInt8 = 0
    for byte in local.utf8 {
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
  static func isPN_LOCAL_ESC(_ scalar: Unicode.Scalar) -> Bool {
    "_~.-!$&'()*+,;=/?#@%".unicodeScalars.contains(scalar)
  }

  static func isHex(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
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
    if let (prefix, local) = prefixes.split(iri), let escaped = PN_LOCAL(local) {
      output.write(prefix)
      output.write(":")
      output.write(escaped)
    } else {
      NTriplesSyntax.IRIREF(iri, to: &output)
    }
  }

  /// A subject, abbreviated where possible.
  public static func subject(_ subject: Subject, prefixes: PrefixMap, to output: inout some TextOutputStream)
  {
    switch subject {
    case .iri(let value): iri(value, prefixes: prefixes, to: &output)
    case .blank(let node): BLANK_NODE_LABEL(node, to: &output)
    }
  }

  /// A predicate: `a` for `rdf:type`, else an abbreviated IRI.
  public static func predicate(_ predicate: IRI, prefixes: PrefixMap, to output: inout some TextOutputStream)
  {
    if predicate == RDFVocabulary.type {
      output.write("a")
    } else {
      iri(predicate, prefixes: prefixes, to: &output)
    }
  }

  /// An object term, abbreviated where possible.
  public static func term(_ term: Term, prefixes: PrefixMap, to output: inout some TextOutputStream) {
    switch term {
    case .iri(let value): iri(value, prefixes: prefixes, to: &output)
    case .blank(let node): BLANK_NODE_LABEL(node, to: &output)
    case .literal(let value): literal(value, prefixes: prefixes, to: &output)
    }
  }

  /// `RDFLiteral | NumericLiteral | BooleanLiteral`: integers, decimals and booleans bare when their
  /// lexical form matches the Turtle production (which then yields the same datatype), else quoted.
  /// https://www.w3.org/TR/turtle/#abbrev
  public static func literal(_ literal: Literal, prefixes: PrefixMap, to output: inout some TextOutputStream)
  {
    if literal.language == nil, isBareLiteral(literal) {
      output.write(literal.lexicalForm)
      return
    }
    NTriplesSyntax.STRING_LITERAL_QUOTE(literal.lexicalForm, to: &output)
    if let language = literal.language {
      output.write("@")
      output.write(language)
    } else if literal.datatype != XSD.string {
      output.write("^^")
      iri(literal.datatype, prefixes: prefixes, to: &output)
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
