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
  public func write(
    _ quads: [Quad], prefixes: PrefixMap, context: JSONLDContext? = nil,
    to output: inout some TextOutputStream
  ) {
    var serializer = self.serializer(prefixes: prefixes, context: context)
    if keepsGraphNames {
      for quad in quads { serializer.write(quad, to: &output) }
    } else {
      var triples = quads.map(\.triple)
      triples.sort()
      var previous: Triple?
      for triple in triples where triple != previous {
        serializer.write(Quad(triple), to: &output)
        previous = triple
      }
    }
    serializer.finish(to: &output)
  }
}
