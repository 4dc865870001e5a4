import RDF

/// One statement on its way to the store: the triple already in N-Triples syntax, and its graph.
///
/// The loader never needs the terms themselves, only where each line goes, so it keeps the bytes.
public struct SerializedStatement: Sendable, Equatable {
  /// Subject, predicate and object in N-Triples syntax, without the final ` .`.
  /// https://www.w3.org/TR/n-triples/#grammar-production-triple
  public var triple: [UInt8]
  /// The graph of the quad; `.defaultGraph` for a triple.
  public var graph: GraphSelector
  /// Whether a term is a blank node: blank node labels only hold together within one request.
  public var hasBlankNode: Bool
  /// The line of the input it came from, from 1; 0 when it came from no file.
  public var line: Int

  public init(triple: [UInt8], graph: GraphSelector, hasBlankNode: Bool, line: Int = 0) {
    self.triple = triple
    self.graph = graph
    self.hasBlankNode = hasBlankNode
    self.line = line
  }
}

/// A stream of statements for ``GraphLoader``: a graph file read line by line, or quads built in
/// memory by the pipeline. Nothing forces the whole graph into memory at once.
public protocol StatementSource {
  /// The next statement, or `nil` at the end.
  mutating func next() throws(StoreError) -> SerializedStatement?
  /// The input's name for messages, e.g. its path.
  var name: String { get }
}

extension StatementSource {
  public var name: String { "the input" }
}
