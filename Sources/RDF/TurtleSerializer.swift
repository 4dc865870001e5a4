/// Writes Turtle: prefixes, then one block per subject, with `;` and `,` only where the subject
/// or the predicate repeats. https://www.w3.org/TR/turtle/
///
/// Graph names are dropped: the output is the union of all graphs. Prefix declarations that are
/// not valid `PN_PREFIX` names are skipped (IRIs in those namespaces are written in full).
public struct TurtleSerializer: QuadSerializer {
  public let prefixes: PrefixMap
  var body: TurtleBody
  var started = false

  public init(prefixes: PrefixMap) {
    self.prefixes = TurtleBody.writablePrefixes(prefixes)
    self.body = TurtleBody(indent: "")
  }

  public mutating func write(_ quad: Quad, to output: inout some TextOutputStream) {
    if !started {
      TurtleBody.writePrefixes(prefixes, to: &output)
      started = true
    }
    body.write(quad.triple, prefixes: prefixes, to: &output)
  }

  public mutating func finish(to output: inout some TextOutputStream) {
    if !started {
      TurtleBody.writePrefixes(prefixes, to: &output)
      started = true
    }
    body.finish(to: &output)
  }
}

/// Writes TriG: prefixes, the default graph's triples, then one `GRAPH { }` block per named graph,
/// in input order. https://www.w3.org/TR/trig/
public struct TriGSerializer: QuadSerializer {
  public let prefixes: PrefixMap
  var body = TurtleBody(indent: "")
  var started = false
  /// The graph whose block is open; `.some(nil)` is the default graph.
  var currentGraph: GraphName??

  public init(prefixes: PrefixMap) {
    self.prefixes = TurtleBody.writablePrefixes(prefixes)
  }

  public mutating func write(_ quad: Quad, to output: inout some TextOutputStream) {
    if !started {
      TurtleBody.writePrefixes(prefixes, to: &output)
      started = true
    }
    if currentGraph != .some(quad.graph) {
      let isFirstBlock = currentGraph == nil
      closeGraph(to: &output)
      currentGraph = .some(quad.graph)
      if let graph = quad.graph {
        if !isFirstBlock { output.write("\n") }
        switch graph {
        case .iri(let iri): TurtleSyntax.iri(iri, prefixes: prefixes, to: &output)
        case .blank(let node): TurtleSyntax.BLANK_NODE_LABEL(node, to: &output)
        }
        output.write(" {\n")
        body = TurtleBody(indent: "    ")
      } else {
        body = TurtleBody(indent: "")
      }
    }
    body.write(quad.triple, prefixes: prefixes, to: &output)
  }

  public mutating func finish(to output: inout some TextOutputStream) {
    if !started {
      TurtleBody.writePrefixes(prefixes, to: &output)
      started = true
    }
    closeGraph(to: &output)
    currentGraph = nil
  }

  mutating func closeGraph(to output: inout some TextOutputStream) {
    body.finish(to: &output)
    if case .some(.some) = currentGraph { output.write("}\n") }
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

  mutating func write(_ triple: Triple, prefixes: PrefixMap, to output: inout some TextOutputStream) {
    if triple.subject == subject {
      if triple.predicate == predicate {
        if triple.object == object { return }
        output.write(", ")
      } else {
        output.write(" ;\n")
        output.write(indent)
        output.write("    ")
        TurtleSyntax.predicate(triple.predicate, prefixes: prefixes, to: &output)
        output.write(" ")
      }
    } else {
      if subject != nil { output.write(" .\n\n") }
      output.write(indent)
      TurtleSyntax.subject(triple.subject, prefixes: prefixes, to: &output)
      output.write(" ")
      TurtleSyntax.predicate(triple.predicate, prefixes: prefixes, to: &output)
      output.write(" ")
    }
    TurtleSyntax.term(triple.object, prefixes: prefixes, to: &output)
    subject = triple.subject
    predicate = triple.predicate
    object = triple.object
  }

  mutating func finish(to output: inout some TextOutputStream) {
    if subject != nil { output.write(" .\n") }
    subject = nil
    predicate = nil
    object = nil
  }

  /// `@prefix p: <ns> .` for each prefix, in the map's order.
  static func writePrefixes(_ prefixes: PrefixMap, to output: inout some TextOutputStream) {
    for entry in prefixes.entries {
      output.write("@prefix ")
      output.write(entry.prefix)
      output.write(": ")
      NTriplesSyntax.IRIREF(IRI(unchecked: entry.namespace), to: &output)
      output.write(" .\n")
    }
    if !prefixes.entries.isEmpty { output.write("\n") }
  }

  static func writablePrefixes(_ prefixes: PrefixMap) -> PrefixMap {
    PrefixMap(
      prefixes.entries.filter { TurtleSyntax.isPN_PREFIX($0.prefix) && IRI.isValid($0.namespace) }
        .map { ($0.prefix, $0.namespace) })
  }
}
