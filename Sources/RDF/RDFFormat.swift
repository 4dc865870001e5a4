/// The RDF syntaxes NewsGraph writes; the raw value is the file extension.
public enum RDFFormat: String, CaseIterable, Sendable {
  case turtle = "ttl"
  case ntriples = "nt"
  case nquads = "nq"
  case trig
  case jsonld

  /// The file extension, without the dot.
  public var fileExtension: String { rawValue }

  /// The registered media type.
  public var mediaType: String {
    switch self {
    case .turtle: "text/turtle"
    case .ntriples: "application/n-triples"
    case .nquads: "application/n-quads"
    case .trig: "application/trig"
    case .jsonld: "application/ld+json"
    }
  }

  /// Whether the syntax keeps named graphs; the others write the union of all graphs.
  public var keepsGraphNames: Bool { self == .nquads || self == .trig }

  /// A streaming serializer for this syntax. Without a context, JSON-LD uses one made of the
  /// prefixes alone.
  public func serializer(prefixes: PrefixMap, context: JSONLDContext? = nil) -> any QuadSerializer {
    switch self {
    case .turtle: TurtleSerializer(prefixes: prefixes)
    case .ntriples: NTriplesSerializer()
    case .nquads: NQuadsSerializer()
    case .trig: TriGSerializer(prefixes: prefixes)
    case .jsonld: JSONLDSerializer(context: context ?? JSONLDContext(prefixes: prefixes))
    }
  }

  /// Writes a whole dataset. `quads` should be in ``Quad`` order (the order is kept for N-Quads and
  /// TriG); syntaxes without graph names get the union of the graphs, sorted by subject,
  /// predicate and object without duplicates, so that each subject is written once.
  ///
  /// `unionOrder`, when given, is `quads.unionOrder()`, computed once for several writers.
  public func write(
    _ quads: [Quad], prefixes: PrefixMap, context: JSONLDContext? = nil, unionOrder: [Int]? = nil,
    to output: inout some TextOutputStream
  ) {
    // Concrete serializer types, so that the compiler specializes the loop for each syntax.
    func union() -> [Int] { unionOrder ?? quads.unionOrder() }
    switch self {
    case .turtle: Self.write(quads, with: TurtleSerializer(prefixes: prefixes), order: union(), to: &output)
    case .ntriples: Self.write(quads, with: NTriplesSerializer(), order: union(), to: &output)
    case .nquads: Self.write(quads, with: NQuadsSerializer(), order: nil, to: &output)
    case .trig: Self.write(quads, with: TriGSerializer(prefixes: prefixes), order: nil, to: &output)
    case .jsonld:
      Self.write(
        quads, with: JSONLDSerializer(context: context ?? JSONLDContext(prefixes: prefixes)), order: union(),
        to: &output)
    }
  }

  /// Whether the syntax has no graph names and is written from the union of the graphs.
  public var writesUnion: Bool { self == .turtle || self == .ntriples || self == .jsonld }

  /// Writes `quads` in their order, or their triples in `order` (the union of the graphs), as
  /// bytes handed to `output` in large blocks.
  static func write(
    _ quads: [Quad], with serializer: some ByteQuadSerializer, order: [Int]?,
    to output: inout some TextOutputStream
  ) {
    var serializer = serializer
    var bytes = ByteOutput()
    if let order {
      // The serializers of `order` syntaxes ignore graph names.
      for index in order {
        serializer.write(quads[index], into: &bytes)
        bytes.flushIfFull(to: &output)
      }
    } else {
      for quad in quads {
        serializer.write(quad, into: &bytes)
        bytes.flushIfFull(to: &output)
      }
    }
    serializer.finish(into: &bytes)
    bytes.flush(to: &output)
  }
}
