/// RDF 1.1 terms: https://www.w3.org/TR/rdf11-concepts/#section-rdf-graph
///
/// Bad RDF cannot be built: a subject is an IRI or a blank node, a predicate is an IRI.

/// An absolute IRI. https://www.w3.org/TR/rdf11-concepts/#section-IRIs
public struct IRI: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let value: String

  /// Validates `value` as an absolute IRI that N-Triples can carry in an `IRIREF`.
  public init(_ value: String) throws(RDFError) {
    guard IRI.isValid(value) else { throw .invalidIRI(value) }
    self.value = value
  }

  /// For constants of our own vocabularies and IRIs built from already-escaped parts only.
  public init(unchecked value: String) { self.value = value }

  /// A scheme, then `:`, and no character that `IRIREF` forbids.
  /// https://www.w3.org/TR/n-triples/#grammar-production-IRIREF
  public static func isValid(_ value: String) -> Bool {
    NTriplesSyntax.withUTF8(value) { bytes in
      guard let colon = schemeColon(bytes) else { return false }
      return !NTriplesSyntax.containsForbiddenIRIREFByte(UnsafeBufferPointer(rebasing: bytes[(colon + 1)...]))
    }
  }

  /// The index of the `:` that ends a valid scheme at the start of `bytes`, if there is one:
  /// `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`, RFC 3986 §3.1.
  static func schemeColon(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    guard let first = bytes.first, isLetter(first) else { return nil }
    var index = 1
    while index < bytes.count && bytes[index] != UInt8(ascii: ":") {
      let byte = bytes[index]
      guard isLetter(byte) || (0x30...0x39).contains(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E
      else {
        return nil
      }
      index += 1
    }
    return index < bytes.count ? index : nil
  }

  /// Orders by UTF-8 bytes (code point order), so that sorting never depends on Unicode
  /// normalization and the same quads always sort the same way.
  public static func < (lhs: IRI, rhs: IRI) -> Bool { codePointOrder(lhs.value, rhs.value) < 0 }
  /// Equal when their code points are (RDF's IRI equality), not when they are only canonically
  /// equivalent as `String`s: then `==` agrees with `<`, and every writer and the sort see the
  /// same terms.
  public static func == (lhs: IRI, rhs: IRI) -> Bool { codePointsEqual(lhs.value, rhs.value) }
  public func hash(into hasher: inout Hasher) { hashCodePoints(value, into: &hasher) }
  public var description: String { value }
}

/// A blank node with a document-local label.
public struct BlankNode: Hashable, Comparable, Sendable {
  public let id: String
  public init(_ id: String) { self.id = id }
  public static func < (lhs: BlankNode, rhs: BlankNode) -> Bool { codePointOrder(lhs.id, rhs.id) < 0 }
  public static func == (lhs: BlankNode, rhs: BlankNode) -> Bool { codePointsEqual(lhs.id, rhs.id) }
  public func hash(into hasher: inout Hasher) { hashCodePoints(id, into: &hasher) }
}

/// A literal: lexical form with a datatype, or a language-tagged string.
/// https://www.w3.org/TR/rdf11-concepts/#section-Graph-Literal
public struct Literal: Hashable, Sendable {
  public let lexicalForm: String
  public let datatype: IRI
  public let language: String?

  public init(_ lexicalForm: String, datatype: IRI = XSD.string) {
    self.lexicalForm = lexicalForm
    self.datatype = datatype
    self.language = nil
  }

  public init(_ lexicalForm: String, language: String) {
    self.lexicalForm = lexicalForm
    self.datatype = RDFVocabulary.langString
    self.language = language.lowercased()
  }

  public init(integer: Int) { self.init(String(integer), datatype: XSD.integer) }

  /// An `xsd:boolean` literal in canonical form.
  public init(boolean: Bool) { self.init(boolean ? "true" : "false", datatype: XSD.boolean) }

  /// Term equality (RDF 1.1 §3.3): the same code points in lexical form and datatype, and the same
  /// language tag.
  public static func == (lhs: Literal, rhs: Literal) -> Bool {
    codePointsEqual(lhs.lexicalForm, rhs.lexicalForm) && lhs.datatype == rhs.datatype
      && codePointsEqual(lhs.language ?? "", rhs.language ?? "")
      && (lhs.language == nil) == (rhs.language == nil)
  }

  public func hash(into hasher: inout Hasher) {
    hashCodePoints(lexicalForm, into: &hasher)
    hasher.combine(datatype)
    if let language { hashCodePoints(language, into: &hasher) }
  }
}

/// Whether two strings hold the same code points (byte for byte in UTF-8).
@inline(__always)
func codePointsEqual(_ lhs: String, _ rhs: String) -> Bool {
  lhs.utf8.count == rhs.utf8.count && codePointOrder(lhs, rhs) == 0
}

/// Feeds the string's UTF-8 bytes and their count to `hasher`: a hash that agrees with
/// ``codePointsEqual(_:_:)``, as `String`'s own, which normalizes, does not.
@inline(__always)
func hashCodePoints(_ value: String, into hasher: inout Hasher) {
  NTriplesSyntax.withUTF8(value) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  hasher.combine(value.utf8.count)
}

/// A triple's subject. Ordered IRIs first, then blank nodes.
public enum Subject: Hashable, Sendable {
  case iri(IRI)
  case blank(BlankNode)

  /// The subject as an object term.
  public var term: Term {
    switch self {
    case .iri(let iri): .iri(iri)
    case .blank(let node): .blank(node)
    }
  }
}

/// Any RDF term, as a triple's object. Ordered IRIs, then blank nodes, then literals.
public enum Term: Hashable, Sendable {
  case iri(IRI)
  case blank(BlankNode)
  case literal(Literal)

  /// The IRI, when the term is one.
  public var iri: IRI? {
    if case .iri(let iri) = self { return iri }
    return nil
  }

  /// The literal, when the term is one.
  public var literal: Literal? {
    if case .literal(let literal) = self { return literal }
    return nil
  }
}

/// The graph a quad belongs to; `nil` in ``Quad/graph`` means the default graph.
public enum GraphName: Hashable, Sendable {
  case iri(IRI)
  case blank(BlankNode)
}

public struct Triple: Hashable, Sendable {
  public let subject: Subject
  public let predicate: IRI
  public let object: Term
  public init(_ subject: Subject, _ predicate: IRI, _ object: Term) {
    self.subject = subject
    self.predicate = predicate
    self.object = object
  }
}

public struct Quad: Hashable, Sendable {
  public let subject: Subject
  public let predicate: IRI
  public let object: Term
  /// `nil` for the default graph.
  public let graph: GraphName?
  public init(_ subject: Subject, _ predicate: IRI, _ object: Term, graph: GraphName? = nil) {
    self.subject = subject
    self.predicate = predicate
    self.object = object
    self.graph = graph
  }
  public init(_ triple: Triple, graph: GraphName? = nil) {
    self.init(triple.subject, triple.predicate, triple.object, graph: graph)
  }
  public var triple: Triple { Triple(subject, predicate, object) }
}

/// Hard failures of the RDF module.
public enum RDFError: Error, Hashable, Sendable, CustomStringConvertible {
  case invalidIRI(String)
  /// A syntax error in N-Triples/N-Quads input; `line` counts from 1.
  case syntax(source: String, line: Int, column: Int, reason: String)
  /// A file could not be opened or read.
  case io(path: String, reason: String)

  public var description: String {
    switch self {
    case .invalidIRI(let value): "not an absolute IRI: \(value.debugDescription)"
    case .io(let path, let reason): "\(path): \(reason)"
    case .syntax(let source, let line, let column, let reason):
      "\(source):\(line):\(column): \(reason)"
    }
  }
}

// MARK: - Standard vocabularies

public enum XSD {
  public static let ns = "http://www.w3.org/2001/XMLSchema#"
  public static let string = IRI(unchecked: ns + "string")
  public static let integer = IRI(unchecked: ns + "integer")
  public static let decimal = IRI(unchecked: ns + "decimal")
  public static let double = IRI(unchecked: ns + "double")
  public static let boolean = IRI(unchecked: ns + "boolean")
  public static let date = IRI(unchecked: ns + "date")
  public static let dateTime = IRI(unchecked: ns + "dateTime")
  public static let anyURI = IRI(unchecked: ns + "anyURI")
}

public enum RDFVocabulary {
  public static let ns = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  public static let type = IRI(unchecked: ns + "type")
  public static let langString = IRI(unchecked: ns + "langString")
  public static let statement = IRI(unchecked: ns + "Statement")
  public static let subject = IRI(unchecked: ns + "subject")
  public static let predicate = IRI(unchecked: ns + "predicate")
  public static let object = IRI(unchecked: ns + "object")
}

public enum RDFS {
  public static let ns = "http://www.w3.org/2000/01/rdf-schema#"
  public static let label = IRI(unchecked: ns + "label")
  public static let comment = IRI(unchecked: ns + "comment")
}

public enum OWL {
  public static let ns = "http://www.w3.org/2002/07/owl#"
  public static let sameAs = IRI(unchecked: ns + "sameAs")
}
