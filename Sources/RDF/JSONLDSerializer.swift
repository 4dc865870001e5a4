/// Writes JSON-LD 1.1 in compacted, flattened form: the context inline as `"@context"`, and one
/// node object per subject in a single `"@graph"` array, with sorted keys.
/// https://www.w3.org/TR/json-ld11/
///
/// Graph names are dropped (all quads of all graphs go into the one `"@graph"`), so the output
/// denotes the same triples as the Turtle of the same quads. Only the current subject's node is
/// held in memory; give triples sorted by subject so that each subject makes one node object.
public struct JSONLDSerializer: QuadSerializer, ByteQuadSerializer {
  public let context: JSONLDContext
  var started = false
  var nodeCount = 0
  var subject: Subject?
  /// The rendered JSON of the current node's types and values, which ``types`` and ``properties``
  /// point into: one buffer per node instead of a `String` per value.
  var values = ByteOutput(capacity: 4096)
  var types: [Range<Int>] = []
  /// Keys with their values, in input order.
  var properties: [(key: String, values: [Range<Int>])] = []
  /// The key and term of the last predicate seen: quads come grouped by predicate.
  var lastPredicate: (iri: IRI, key: String, term: JSONLDContext.TermDefinition?)?

  public init(context: JSONLDContext) {
    self.context = context
  }

  public mutating func write(_ quad: Quad, to output: inout some TextOutputStream) {
    writeThrough(quad, to: &output)
  }

  public mutating func finish(to output: inout some TextOutputStream) {
    finishThrough(to: &output)
  }

  mutating func write(_ quad: Quad, into output: inout ByteOutput) {
    if !started { start(into: &output) }
    if quad.subject != subject {
      flushNode(into: &output)
      subject = quad.subject
    }
    if quad.predicate == RDFVocabulary.type, case .iri(let type) = quad.object {
      let start = values.count
      context.compactIRIString(type, into: &values)
      if types.contains(where: { values.bytes[$0] == values.bytes[start...] }) {
        values.truncate(to: start)
      } else {
        types.append(start..<values.count)
      }
      return
    }
    if lastPredicate?.iri != quad.predicate {
      let term = context.term(for: quad.predicate)
      lastPredicate = (quad.predicate, term?.name ?? context.compactIRI(quad.predicate), term)
    }
    let (_, key, term) = lastPredicate!
    let start = values.count
    render(quad.object, coercion: term?.coercion, plainStrings: term == nil || term?.coercion == nil)
    let value = start..<values.count
    if let index = properties.lastIndex(where: { $0.key == key }) {
      if properties[index].values.contains(where: { values.bytes[$0] == values.bytes[value] }) {
        values.truncate(to: start)
      } else {
        properties[index].values.append(value)
      }
    } else {
      properties.append((key, [value]))
    }
  }

  mutating func finish(into output: inout ByteOutput) {
    if !started { start(into: &output) }
    flushNode(into: &output)
    output.append(nodeCount == 0 ? "]\n}\n" as StaticString : "\n  ]\n}\n")
  }

  // MARK: - Parts

  mutating func start(into output: inout ByteOutput) {
    var text = "{\n  \"@context\": "
    context.writeObject(indent: "  ", to: &text)
    text += ",\n  \"@graph\": ["
    output.append(text)
    started = true
  }

  /// Writes the node object of the current subject, keys sorted, one key per line.
  mutating func flushNode(into output: inout ByteOutput) {
    guard let subject else { return }
    let idStart = values.count
    switch subject {
    case .iri(let iri): context.compactIRIString(iri, into: &values)
    case .blank(let node):
      JSONSyntax.string("_:" + NTriplesSyntax.blankNodeLabel(node, allowsColon: false), into: &values)
    }
    var entries: [(key: String, values: [Range<Int>])] = [("@id", [idStart..<values.count])]
    if !types.isEmpty { entries.append(("@type", types)) }
    entries += properties
    entries.sort { JSONSyntax.keyPrecedes($0.key, $1.key) }

    output.append(nodeCount == 0 ? "\n    {" as StaticString : ",\n    {")
    values.bytes.withUnsafeBufferPointer { rendered in
      for (index, entry) in entries.enumerated() {
        output.append(index == 0 ? "\n      " as StaticString : ",\n      ")
        JSONSyntax.string(entry.key, into: &output)
        output.append(": " as StaticString)
        // One value bare, several as an array.
        if entry.values.count > 1 { output.append(UInt8(ascii: "[")) }
        for (position, range) in entry.values.enumerated() {
          if position > 0 { output.append(", " as StaticString) }
          output.append(UnsafeBufferPointer(rebasing: rendered[range]))
        }
        if entry.values.count > 1 { output.append(UInt8(ascii: "]")) }
      }
    }
    output.append("\n    }" as StaticString)
    nodeCount += 1
    self.subject = nil
    values.truncate(to: 0)
    types.removeAll(keepingCapacity: true)
    properties.removeAll(keepingCapacity: true)
  }

  /// A value in the shortest form that still expands to `term`: a plain string when the key's
  /// coercion (or the absence of one, for `xsd:string`) gives it its meaning, else an explicit
  /// `{"@id"}` or `{"@value"}` object, which coercion does not touch.
  mutating func render(_ term: Term, coercion: JSONLDContext.Coercion?, plainStrings: Bool) {
    switch term {
    case .iri(let iri):
      if coercion == .id {
        context.compactIRIString(iri, into: &values)
      } else {
        values.append("{\"@id\": " as StaticString)
        context.compactIRIString(iri, into: &values)
        values.append(UInt8(ascii: "}"))
      }
    case .blank(let node):
      let id = "_:" + NTriplesSyntax.blankNodeLabel(node, allowsColon: false)
      if coercion == .id {
        JSONSyntax.string(id, into: &values)
      } else {
        values.append("{\"@id\": " as StaticString)
        JSONSyntax.string(id, into: &values)
        values.append(UInt8(ascii: "}"))
      }
    case .literal(let literal):
      if let language = literal.language {
        values.append("{\"@language\": " as StaticString)
        JSONSyntax.string(language, into: &values)
        values.append(", \"@value\": " as StaticString)
        JSONSyntax.string(literal.lexicalForm, into: &values)
        values.append(UInt8(ascii: "}"))
      } else if literal.datatype == XSD.string {
        if plainStrings {
          JSONSyntax.string(literal.lexicalForm, into: &values)
        } else {
          values.append("{\"@value\": " as StaticString)
          JSONSyntax.string(literal.lexicalForm, into: &values)
          values.append(UInt8(ascii: "}"))
        }
      } else if coercion == .datatype(literal.datatype) {
        // JSON numbers for integers that read back as the same lexical form; decimals stay strings,
        // since processors turn fractional JSON numbers into xsd:double notation.
        if literal.datatype == XSD.integer, Self.isCanonicalSafeInteger(literal.lexicalForm) {
          values.append(literal.lexicalForm)
        } else {
          JSONSyntax.string(literal.lexicalForm, into: &values)
        }
      } else {
        values.append("{\"@type\": " as StaticString)
        context.compactIRIString(literal.datatype, into: &values)
        values.append(", \"@value\": " as StaticString)
        JSONSyntax.string(literal.lexicalForm, into: &values)
        values.append(UInt8(ascii: "}"))
      }
    }
  }

  /// `0` or `-?[1-9][0-9]*` within ±2^53, where every JSON parser keeps integers exact.
  static func isCanonicalSafeInteger(_ lexical: String) -> Bool {
    var digits = Substring(lexical).utf8[...]
    if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy({ (0x30...0x39).contains($0) }) else {
      return false
    }
    return digits.first != UInt8(ascii: "0") || (digits.count == 1 && lexical == "0")
  }
}
