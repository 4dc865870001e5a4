import RDF

/// Which graph of the store a request addresses: the default graph or a named graph.
/// https://www.w3.org/TR/sparql11-http-rdf-update/#indirect-graph-identification
public enum GraphSelector: Hashable, Sendable, Comparable, CustomStringConvertible {
  case defaultGraph
  case named(IRI)

  /// The query string that selects this graph: `default` or `graph=` and the percent-encoded IRI.
  public var queryString: String {
    switch self {
    case .defaultGraph: "default"
    case .named(let iri): "graph=" + GraphSelector.percentEncoded(iri.value)
    }
  }

  /// `default graph` or `graph <IRI>`, for messages.
  public var description: String {
    switch self {
    case .defaultGraph: "default graph"
    case .named(let iri): "graph <\(iri.value)>"
    }
  }

  public static func < (lhs: GraphSelector, rhs: GraphSelector) -> Bool {
    switch (lhs, rhs) {
    case (.defaultGraph, .defaultGraph): false
    case (.defaultGraph, .named): true
    case (.named, .defaultGraph): false
    case (.named(let a), .named(let b)): a < b
    }
  }

  /// Percent-encodes everything but RFC 3986 unreserved characters, so `&`, `#`, `+` and `=` in an IRI
  /// survive as one query parameter. https://www.rfc-editor.org/rfc/rfc3986#section-2.3
  static func percentEncoded(_ value: String) -> String {
    var result = ""
    result.reserveCapacity(value.utf8.count)
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        result.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        result.unicodeScalars.append("%")
        result.unicodeScalars.append(hex[Int(byte >> 4)])
        result.unicodeScalars.append(hex[Int(byte & 0x0F)])
      }
    }
    return result
  }
}

/// The RDF media types the loader sends.
public enum RDFMediaType: String, Sendable {
  /// https://www.w3.org/TR/n-triples/#sec-mediaReg
  case nTriples = "application/n-triples"
  /// https://www.w3.org/TR/n-quads/#sec-mediatype
  case nQuads = "application/n-quads"
  /// https://www.w3.org/TR/turtle/#sec-mediaReg
  case turtle = "text/turtle"
}
