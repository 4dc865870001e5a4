/// Writes JSON-LD 1.1 in compacted, flattened form: the context inline as `"@context"`, and one
/// node object per subject in a single `"@graph"` array, with sorted keys.
/// https://www.w3.org/TR/json-ld11/
///
/// Graph names are dropped (all quads of all graphs go into the one `"@graph"`), so the output
/// denotes the same triples as the Turtle of the same quads. Only the current subject's node is
/// held in memory; give triples sorted by subject so that each subject makes one node object.
public struct JSONLDSerializer: QuadSerializer {
  public let context: JSONLDContext
  var started = false
  var nodeCount = 0
  var subject: Subject?
  var types: [String] = []
  /// Key to rendered JSON values, in input order.
  var properties: [String: [String]] = [:]

  public init(context: JSONLDContext) {
    self.context = context
  }

  public mutating func write(_ quad: Quad, to output: inout some TextOutputStream) {
    if !started { start(to: &output) }
    if quad.subject != subject {
      flushNode(to: &output)
      subject = quad.subject
    }
    if quad.predicate == RDFVocabulary.type, case .iri(let type) = quad.object {
      let compact = JSONSyntax.string(context.compactIRI(type))
      if !types.contains(compact) { types.append(compact) }
      return
    }
    let term = context.term(for: quad.predicate)
    let key = term?.name ?? context.compactIRI(quad.predicate)
    let value = render(
      quad.object, coercion: term?.coercion, plainStrings: term == nil || term?.coercion == nil)
    if !properties[key, default: []].contains(value) { properties[key, default: []].append(value) }
  }

  public mutating func finish(to output: inout some TextOutputStream) {
    if !started { start(to: &output) }
    flushNode(to: &output)
    output.write(nodeCount == 0 ? "]\n}\n" : "\n  ]\n}\n")
  }

  // MARK: - Parts

  mutating func start(to output: inout some TextOutputStream) {
    output.write("{\n  \"@context\": ")
    context.writeObject(indent: "  ", to: &output)
    output.write(",\n  \"@graph\": [")
    started = true
  }

  /// Writes the node object of the current subject, keys sorted, one key per line.
  mutating func flushNode(to output: inout some TextOutputStream) {
    guard let subject else { return }
    var entries: [(key: String, value: String)] = []
    let id: String =
      switch subject {
      case .iri(let iri): context.compactIRI(iri)
      case .blank(let node): "_:" + NTriplesSyntax.blankNodeLabel(node, allowsColon: false)
      }
    entries.append(("@id", JSONSyntax.string(id)))
    if !types.isEmpty { entries.append(("@type", Self.array(types))) }
    for (key, values) in properties { entries.append((key, Self.array(values))) }
    entries.sort { JSONSyntax.keyPrecedes($0.key, $1.key) }

    output.write(nodeCount == 0 ? "\n    {" : ",\n    {")
    for (index, entry) in entries.enumerated() {
      output.write(index == 0 ? "\n      " : ",\n      ")
      output.write(JSONSyntax.string(entry.key))
      output.write(": ")
      output.write(entry.value)
    }
    output.write("\n    }")
    nodeCount += 1
    self.subject = nil
    types.removeAll(keepingCapacity: true)
    properties.removeAll(keepingCapacity: true)
  }

  /// A value in the shortest form that still expands to `term`: a plain string when the key's
  /// coercion (or the absence of one, for `xsd:string`) gives it its meaning, else an explicit
  /// `{"@id"}` or `{"@value"}` object, which coercion does not touch.
  func render(_ term: Term, coercion: JSONLDContext.Coercion?, plainStrings: Bool) -> String {
    switch term {
    case .iri(let iri):
      let id = JSONSyntax.string(context.compactIRI(iri))
      return coercion == .id ? id : "{\"@id\": \(id)}"
    case .blank(let node):
      let id = JSONSyntax.string("_:" + NTriplesSyntax.blankNodeLabel(node, allowsColon: false))
      return coercion == .id ? id : "{\"@id\": \(id)}"
    case .literal(let literal):
      let value = JSONSyntax.string(literal.lexicalForm)
      if let language = literal.language {
        return "{\"@language\": \(JSONSyntax.string(language)), \"@value\": \(value)}"
      }
      if literal.datatype == XSD.string { return plainStrings ? value : "{\"@value\": \(value)}" }
      if coercion == .datatype(literal.datatype) {
        // JSON numbers for integers that read back as the same lexical form; decimals stay strings,
        // since processors turn fractional JSON numbers into xsd:double notation.
        if literal.datatype == XSD.integer, Self.isCanonicalSafeInteger(literal.lexicalForm) {
          return literal.lexicalForm
        }
        return value
      }
      return "{\"@type\": \(JSONSyntax.string(context.compactIRI(literal.datatype))), \"@value\": \(value)}"
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

  static func array(_ values: [String]) -> String {
    values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]"
  }
}
