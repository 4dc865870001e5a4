/// A JSON-LD context: prefixes and term definitions with type coercion.
/// https://www.w3.org/TR/json-ld11/#the-context
///
/// The serializer embeds it inline as `"@context"`, so that processors never fetch anything.
public struct JSONLDContext: Sendable, Hashable {
  /// How a term's plain JSON string values are read. https://www.w3.org/TR/json-ld11/#type-coercion
  public enum Coercion: Sendable, Hashable {
    /// `"@type": "@id"`: the string is an IRI (or a compact IRI, or a blank node label).
    case id
    /// `"@type": datatype`: the string is the lexical form of a literal of this datatype.
    case datatype(IRI)
  }

  /// A term: a short key for a property IRI.
  public struct TermDefinition: Sendable, Hashable {
    public var name: String
    public var iri: IRI
    public var coercion: Coercion?

    public init(_ name: String, _ iri: IRI, coercion: Coercion? = nil) {
      self.name = name
      self.iri = iri
      self.coercion = coercion
    }
  }

  public let prefixes: PrefixMap
  /// Sorted by name.
  public let terms: [TermDefinition]
  /// The term used for each property IRI (the first by name when several share one).
  let termsByIRI: [IRI: TermDefinition]
  /// The prefixes that can make compact IRIs (not `_`, namespace ending in a gen-delim), for
  /// the longest-namespace lookup of ``PrefixMap/split(_:)``.
  let compactingPrefixes: PrefixMap

  /// Term names must not contain `:` and must differ from the prefixes; such terms are dropped,
  /// since processors would read them as compact IRIs.
  public init(prefixes: PrefixMap, terms: [TermDefinition] = []) {
    self.prefixes = prefixes
    let prefixNames = Set(prefixes.entries.map(\.prefix))
    let valid = terms.filter {
      !$0.name.isEmpty && !$0.name.contains(":") && !$0.name.hasPrefix("@") && !prefixNames.contains($0.name)
    }
    self.terms = valid.sorted { JSONSyntax.keyPrecedes($0.name, $1.name) }
    var byIRI: [IRI: TermDefinition] = [:]
    for term in self.terms where byIRI[term.iri] == nil { byIRI[term.iri] = term }
    self.termsByIRI = byIRI
    self.compactingPrefixes = PrefixMap(
      prefixes.entries.filter { $0.prefix != "_" && Self.endsWithGenDelim($0.namespace) }.map {
        ($0.prefix, $0.namespace)
      })
  }

  // MARK: - Compaction

  /// `prefix:local` under the longest prefix that JSON-LD 1.1 accepts as one (its namespace ends
  /// with a gen-delim), else the full IRI. https://www.w3.org/TR/json-ld11/#compact-iris
  public func compactIRI(_ iri: IRI) -> String {
    guard let (prefix, local) = compactParts(iri) else { return iri.value }
    return prefix + ":" + local
  }

  /// The prefix and local part of ``compactIRI(_:)``, or `nil` when it is the full IRI.
  func compactParts(_ iri: IRI) -> (prefix: String, local: Substring)? {
    guard let (prefix, local) = compactingPrefixes.split(iri) else { return nil }
    // A suffix starting with `//` would make the whole string read as an absolute IRI.
    if local.isEmpty || local.utf8.starts(with: "//".utf8) { return nil }
    return (prefix, local)
  }

  /// ``compactIRI(_:)`` as a JSON string token, as bytes.
  func compactIRIString(_ iri: IRI, into output: inout ByteOutput) {
    output.append(UInt8(ascii: "\""))
    if let (prefix, local) = compactParts(iri) {
      JSONSyntax.stringContent(prefix, into: &output)
      output.append(UInt8(ascii: ":"))
      JSONSyntax.stringContent(local, into: &output)
    } else {
      JSONSyntax.stringContent(iri.value, into: &output)
    }
    output.append(UInt8(ascii: "\""))
  }

  /// The term for a property IRI, if the context defines one.
  public func term(for property: IRI) -> TermDefinition? { termsByIRI[property] }

  static func endsWithGenDelim(_ namespace: String) -> Bool {
    guard let last = namespace.utf8.last else { return false }
    return ":/?#[]@".utf8.contains(last)
  }

  // MARK: - Serialization

  /// The context object, with sorted keys, prefixes as strings and terms as one-line objects;
  /// `indent` is the indentation of the line the object starts on.
  public func writeObject(indent: String, to output: inout some TextOutputStream) {
    var entries: [(key: String, value: String)] = prefixes.entries.map {
      ($0.prefix, JSONSyntax.string($0.namespace))
    }
    for term in terms {
      let id = compactIRI(term.iri)
      switch term.coercion {
      case nil: entries.append((term.name, JSONSyntax.string(id)))
      case .id:
        entries.append((term.name, "{\"@id\": \(JSONSyntax.string(id)), \"@type\": \"@id\"}"))
      case .datatype(let datatype):
        entries.append(
          (
            term.name,
            "{\"@id\": \(JSONSyntax.string(id)), \"@type\": \(JSONSyntax.string(compactIRI(datatype)))}"
          ))
      }
    }
    entries.sort { JSONSyntax.keyPrecedes($0.key, $1.key) }
    output.write("{")
    for (index, entry) in entries.enumerated() {
      output.write(index == 0 ? "\n" : ",\n")
      output.write(indent)
      output.write("  ")
      output.write(JSONSyntax.string(entry.key))
      output.write(": ")
      output.write(entry.value)
    }
    output.write(entries.isEmpty ? "}" : "\n" + indent + "}")
  }

  /// A context document: `{"@context": {...}}` and a final newline, as in `schemas/context.jsonld`.
  public var document: String {
    var text = "{\n  \"@context\": "
    writeObject(indent: "  ", to: &text)
    text += "\n}\n"
    return text
  }
}
