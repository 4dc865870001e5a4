/// Writes Turtle: prefixes, then one block per subject, with `;` and `,` only where the subject
/// or the predicate repeats. https://www.w3.org/TR/turtle/
///
/// Graph names are dropped: the output is the union of all graphs. Prefix declarations that are
/// not valid `PN_PREFIX` names are skipped (IRIs in those namespaces are written in full).
public struct TurtleSerializer: QuadSerializer, ByteQuadSerializer {
  public let prefixes: PrefixMap
  var body: TurtleBody
  var started = false

  public init(prefixes: PrefixMap) {
    self.prefixes = TurtleBody.writablePrefixes(prefixes)
    self.body = TurtleBody(indent: "")
  }

  public mutating func write(_ quad: Quad, to output: inout some TextOutputStream) {
    writeThrough(quad, to: &output)
  }

  public mutating func finish(to output: inout some TextOutputStream) {
    finishThrough(to: &output)
  }

  mutating func write(_ quad: Quad, into output: inout ByteOutput) {
    if !started {
      TurtleBody.writePrefixes(prefixes, into: &output)
      started = true
    }
    body.write(quad.subject, quad.predicate, quad.object, prefixes: prefixes, into: &output)
  }

  mutating func finish(into output: inout ByteOutput) {
    if !started {
      TurtleBody.writePrefixes(prefixes, into: &output)
      started = true
    }
    body.finish(into: &output)
  }
}

/// Writes TriG: prefixes, the default graph's triples, then one `GRAPH { }` block per named graph,
/// in input order. https://www.w3.org/TR/trig/
public struct TriGSerializer: QuadSerializer, ByteQuadSerializer {
  public let prefixes: PrefixMap
  var body = TurtleBody(indent: "")
  var started = false
  /// The graph whose block is open; `.some(nil)` is the default graph.
  var currentGraph: GraphName??

  public init(prefixes: PrefixMap) {
    self.prefixes = TurtleBody.writablePrefixes(prefixes)
  }

  public mutating func write(_ quad: Quad, to output: inout some TextOutputStream) {
    writeThrough(quad, to: &output)
  }

  public mutating func finish(to output: inout some TextOutputStream) {
    finishThrough(to: &output)
  }

  mutating func write(_ quad: Quad, into output: inout ByteOutput) {
    if !started {
      TurtleBody.writePrefixes(prefixes, into: &output)
      started = true
    }
    if currentGraph != .some(quad.graph) {
      let isFirstBlock = currentGraph == nil
      closeGraph(into: &output)
      currentGraph = .some(quad.graph)
      if let graph = quad.graph {
        if !isFirstBlock { output.append(UInt8(ascii: "\n")) }
        switch graph {
        case .iri(let iri): TurtleSyntax.iri(iri, prefixes: prefixes, into: &output)
        case .blank(let node): NTriplesSyntax.BLANK_NODE_LABEL(node, into: &output)
        }
        output.append(" {\n" as StaticString)
        body = TurtleBody(indent: "    ")
      } else {
        body = TurtleBody(indent: "")
      }
    }
    body.write(quad.subject, quad.predicate, quad.object, prefixes: prefixes, into: &output)
  }

  mutating func finish(into output: inout ByteOutput) {
    if !started {
      TurtleBody.writePrefixes(prefixes, into: &output)
      started = true
    }
    closeGraph(into: &output)
    currentGraph = nil
  }

  mutating func closeGraph(into output: inout ByteOutput) {
    body.finish(into: &output)
    if case .some(.some) = currentGraph { output.append("}\n" as StaticString) }
  }
}

// MARK: - Shared Turtle body

/// The triples part of Turtle and of a TriG graph block: groups consecutive triples by subject
/// (`;`) and predicate (`,`), and drops a triple equal to the one before it.
struct TurtleBody {
  let indent: String
  var subject: Subject?
  var predicate: IRI?
  var object: Term?

  init(indent: String) { self.indent = indent }

  mutating func write(
    _ subject: Subject, _ predicate: IRI, _ object: Term, prefixes: PrefixMap, into output: inout ByteOutput
  ) {
    if subject == self.subject {
      if predicate == self.predicate {
        if object == self.object { return }
        output.append(", " as StaticString)
      } else {
        output.append(" ;\n" as StaticString)
        output.append(indent)
        output.append("    " as StaticString)
        TurtleSyntax.predicate(predicate, prefixes: prefixes, into: &output)
        output.append(UInt8(ascii: " "))
      }
    } else {
      if self.subject != nil { output.append(" .\n\n" as StaticString) }
      output.append(indent)
      TurtleSyntax.subject(subject, prefixes: prefixes, into: &output)
      output.append(UInt8(ascii: " "))
      TurtleSyntax.predicate(predicate, prefixes: prefixes, into: &output)
      output.append(UInt8(ascii: " "))
    }
    TurtleSyntax.term(object, prefixes: prefixes, into: &output)
    self.subject = subject
    self.predicate = predicate
    self.object = object
  }

  mutating func finish(into output: inout ByteOutput) {
    if subject != nil { output.append(" .\n" as StaticString) }
    subject = nil
    predicate = nil
    object = nil
  }

  /// `@prefix p: <ns> .` for each prefix, in the map's order.
  static func writePrefixes(_ prefixes: PrefixMap, into output: inout ByteOutput) {
    for entry in prefixes.entries {
      output.append("@prefix " as StaticString)
      output.append(entry.prefix)
      output.append(": " as StaticString)
      NTriplesSyntax.IRIREF(IRI(unchecked: entry.namespace), into: &output)
      output.append(" .\n" as StaticString)
    }
    if !prefixes.entries.isEmpty { output.append(UInt8(ascii: "\n")) }
  }

  static func writablePrefixes(_ prefixes: PrefixMap) -> PrefixMap {
    PrefixMap(
      prefixes.entries.filter { TurtleSyntax.isPN_PREFIX($0.prefix) && IRI.isValid($0.namespace) }
        .map { ($0.prefix, $0.namespace) })
  }
}
