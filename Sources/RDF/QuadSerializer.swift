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

/// A serializer that formats quads as bytes into a ``ByteOutput``, which ``RDFFormat`` hands to its
/// output in large blocks. Its `TextOutputStream` methods write each quad through at once.
protocol ByteQuadSerializer: QuadSerializer {
  mutating func write(_ quad: Quad, into output: inout ByteOutput)
  mutating func finish(into output: inout ByteOutput)
}

extension ByteQuadSerializer {
  /// What `write(_:to:)` does: the quad's bytes, handed on at once.
  mutating func writeThrough(_ quad: Quad, to output: inout some TextOutputStream) {
    var bytes = ByteOutput(capacity: 256)
    write(quad, into: &bytes)
    bytes.flush(to: &output)
  }

  /// What `finish(to:)` does.
  mutating func finishThrough(to output: inout some TextOutputStream) {
    var bytes = ByteOutput(capacity: 256)
    finish(into: &bytes)
    bytes.flush(to: &output)
  }
}

// MARK: - N-Triples

/// Writes N-Triples, one triple per line. https://www.w3.org/TR/n-triples/
///
/// Graph names are dropped: the output is the union of all graphs.
public struct NTriplesSerializer: QuadSerializer, ByteQuadSerializer {
  public init() {}

  public mutating func write(_ quad: Quad, to output: inout some TextOutputStream) {
    writeThrough(quad, to: &output)
  }

  public mutating func finish(to output: inout some TextOutputStream) {}

  mutating func write(_ quad: Quad, into output: inout ByteOutput) {
    Self.triple(quad, into: &output)
    output.append(" .\n" as StaticString)
  }

  /// Subject, predicate and object of `quad`, space-separated: the start of an N-Triples or
  /// N-Quads line.
  @inline(__always)
  static func triple(_ quad: Quad, into output: inout ByteOutput) {
    NTriplesSyntax.subject(quad.subject, into: &output)
    output.append(UInt8(ascii: " "))
    NTriplesSyntax.IRIREF(quad.predicate, into: &output)
    output.append(UInt8(ascii: " "))
    NTriplesSyntax.term(quad.object, into: &output)
  }

  mutating func finish(into output: inout ByteOutput) {}
}

// MARK: - N-Quads

/// Writes N-Quads, one quad per line. https://www.w3.org/TR/n-quads/
public struct NQuadsSerializer: QuadSerializer, ByteQuadSerializer {
  public init() {}

  public mutating func write(_ quad: Quad, to output: inout some TextOutputStream) {
    writeThrough(quad, to: &output)
  }

  public mutating func finish(to output: inout some TextOutputStream) {}

  mutating func write(_ quad: Quad, into output: inout ByteOutput) {
    NTriplesSerializer.triple(quad, into: &output)
    switch quad.graph {
    case nil: break
    case .iri(let iri):
      output.append(UInt8(ascii: " "))
      NTriplesSyntax.IRIREF(iri, into: &output)
    case .blank(let node):
      output.append(UInt8(ascii: " "))
      NTriplesSyntax.BLANK_NODE_LABEL(node, into: &output)
    }
    output.append(" .\n" as StaticString)
  }

  mutating func finish(into output: inout ByteOutput) {}
}
