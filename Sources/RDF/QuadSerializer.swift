/// A streaming RDF serializer: configure it, push quads, then finish.
///
/// Serializers are small state machines that remember only the current graph, subject and
/// predicate, so that memory stays constant however many quads pass through. They group
/// consecutive runs; give them quads in ``Quad`` order for the most compact output. The same
/// quads in the same order always give the same bytes.
public protocol QuadSerializer {
  /// Writes one quad (syntaxes without named graphs ignore its graph name).
  mutating func write(_ quad: Quad, to output: inout some TextOutputStream)
  /// Closes what is open; call once after the last quad, even if there were none.
  mutating func finish(to output: inout some TextOutputStream)
}

extension QuadSerializer {
  /// Writes a triple into the default graph.
  public mutating func write(_ triple: Triple, to output: inout some TextOutputStream) {
    write(Quad(triple), to: &output)
  }
}

// MARK: - N-Triples

/// Writes N-Triples, one triple per line. https://www.w3.org/TR/n-triples/
///
/// Graph names are dropped: the output is the union of all graphs.
public struct NTriplesSerializer: QuadSerializer {
  public init() {}

  public mutating func write(_ quad: Quad, to output: inout some TextOutputStream) {
    NTriplesSyntax.subject(quad.subject, to: &output)
    output.write(" ")
    NTriplesSyntax.IRIREF(quad.predicate, to: &output)
    output.write(" ")
    NTriplesSyntax.term(quad.object, to: &output)
    output.write(" .\n")
  }

  public mutating func finish(to output: inout some TextOutputStream) {}
}

// MARK: - N-Quads

/// Writes N-Quads, one quad per line. https://www.w3.org/TR/n-quads/
public struct NQuadsSerializer: QuadSerializer {
  public init() {}

  public mutating func write(_ quad: Quad, to output: inout some TextOutputStream) {
    NTriplesSyntax.subject(quad.subject, to: &output)
    output.write(" ")
    NTriplesSyntax.IRIREF(quad.predicate, to: &output)
    output.write(" ")
    NTriplesSyntax.term(quad.object, to: &output)
    switch quad.graph {
    case nil: break
    case .iri(let iri):
      output.write(" ")
      NTriplesSyntax.IRIREF(iri, to: &output)
    case .blank(let node):
      output.write(" ")
      NTriplesSyntax.BLANK_NODE_LABEL(node, to: &output)
    }
    output.write(" .\n")
  }

  public mutating func finish(to output: inout some TextOutputStream) {}
}
