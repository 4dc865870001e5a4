import RDF

/// Statements from quads built in memory, e.g. by the pipeline for a set of articles: the hook for
/// `newsgraph load ARTICLES…`. Pass a lazy sequence to keep memory flat.
public struct QuadSource<Quads: IteratorProtocol<Quad>>: StatementSource {
  private var quads: Quads

  public init<S: Sequence<Quad>>(_ quads: S) where S.Iterator == Quads {
    self.quads = quads.makeIterator()
  }

  public var name: String { "quads in memory" }

  public mutating func next() throws(StoreError) -> SerializedStatement? {
    guard let quad = quads.next() else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(128)
    NTriplesTermEncoder.append(quad.subject, to: &bytes)
    bytes.append(UInt8(ascii: " "))
    NTriplesTermEncoder.appendIRIREF(quad.predicate, to: &bytes)
    bytes.append(UInt8(ascii: " "))
    NTriplesTermEncoder.append(quad.object, to: &bytes)
    var hasBlank = false
    if case .blank = quad.subject { hasBlank = true }
    if case .blank = quad.object { hasBlank = true }
    let graph: GraphSelector
    switch quad.graph {
    case nil: graph = .defaultGraph
    case .iri(let iri)?: graph = .named(iri)
    case .blank(let node)?:
      throw .invalidConfiguration(
        "graph _:\(node.id) is a blank node, which the Graph Store Protocol cannot address; use --graph IRI")
    }
    return SerializedStatement(triple: bytes, graph: graph, hasBlankNode: hasBlank)
  }
}

/// N-Triples term syntax, just enough for ``QuadSource``.
///
/// Stop-gap until the RDF target's N-Triples writer is merged; then ``QuadSource`` should call it,
/// so that escaping lives in one place.
enum NTriplesTermEncoder {
  static func append(_ subject: Subject, to bytes: inout [UInt8]) {
    switch subject {
    case .iri(let iri): appendIRIREF(iri, to: &bytes)
    case .blank(let node): appendBlankNodeLabel(node, to: &bytes)
    }
  }

  static func append(_ term: Term, to bytes: inout [UInt8]) {
    switch term {
    case .iri(let iri): appendIRIREF(iri, to: &bytes)
    case .blank(let node): appendBlankNodeLabel(node, to: &bytes)
    case .literal(let literal):
      appendStringLiteralQuote(literal.lexicalForm, to: &bytes)
      if let language = literal.language {
        bytes.append(UInt8(ascii: "@"))
        bytes.append(contentsOf: language.utf8)
      } else if literal.datatype != XSD.string {
        bytes.append(contentsOf: "^^".utf8)
        appendIRIREF(literal.datatype, to: &bytes)
      }
    }
  }

  /// https://www.w3.org/TR/n-triples/#grammar-production-IRIREF — forbidden characters as `\u` escapes.
  static func appendIRIREF(_ iri: IRI, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "<"))
    for scalar in iri.value.unicodeScalars {
      if scalar.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(scalar) {
        appendUCHAR(scalar, to: &bytes)
      } else {
        bytes.append(contentsOf: String(scalar).utf8)
      }
    }
    bytes.append(UInt8(ascii: ">"))
  }

  /// https://www.w3.org/TR/n-triples/#grammar-production-STRING_LITERAL_QUOTE
  static func appendStringLiteralQuote(_ text: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
      case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
      case UInt8(ascii: "\n"): bytes.append(contentsOf: "\\n".utf8)
      case UInt8(ascii: "\r"): bytes.append(contentsOf: "\\r".utf8)
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// https://www.w3.org/TR/n-triples/#grammar-production-BLANK_NODE_LABEL — other characters as `_xHH`.
  static func appendBlankNodeLabel(_ node: BlankNode, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: "_:".utf8)
    for byte in node.id.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"):
        bytes.append(byte)
      default:
        bytes.append(contentsOf: "_x".utf8)
        bytes.append(contentsOf: hex(byte, digits: 2).utf8)
      }
    }
  }

  private static func appendUCHAR(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: "\\u".utf8)
    bytes.append(contentsOf: hex(scalar.value, digits: 4).utf8)
  }

  private static func hex<T: BinaryInteger>(_ value: T, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
