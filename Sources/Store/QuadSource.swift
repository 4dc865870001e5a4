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
    return try SerializedStatement(quad, line: 0, source: name)
  }
}

extension SerializedStatement {
  /// `quad` in N-Triples form, written by the RDF target's escaping functions.
  init(_ quad: Quad, line: Int, source: String) throws(StoreError) {
    var text = ""
    text.reserveCapacity(160)
    NTriplesSyntax.subject(quad.subject, to: &text)
    text += " "
    NTriplesSyntax.IRIREF(quad.predicate, to: &text)
    text += " "
    NTriplesSyntax.term(quad.object, to: &text)
    var hasBlank = false
    if case .blank = quad.subject { hasBlank = true }
    if case .blank = quad.object { hasBlank = true }
    let graph: GraphSelector
    switch quad.graph {
    case nil: graph = .defaultGraph
    case .iri(let iri)?: graph = .named(iri)
    case .blank(let node)?:
      let place = line > 0 ? "\(source):\(line): " : "\(source): "
      throw .invalidConfiguration(
        place
          + "graph _:\(node.id) is a blank node, which the Graph Store Protocol cannot address; use --graph IRI"
      )
    }
    self.init(triple: Array(text.utf8), graph: graph, hasBlankNode: hasBlank, line: line)
  }
}
