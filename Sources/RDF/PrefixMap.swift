/// Namespace prefixes for Turtle, TriG and JSON-LD compaction.
public struct PrefixMap: Sendable, Hashable {
  /// `(prefix, namespace)` pairs in the order they are written.
  public private(set) var entries: [(prefix: String, namespace: String)] = []

  public init(_ entries: [(String, String)] = []) {
    for (prefix, namespace) in entries { add(prefix, namespace) }
  }

  public mutating func add(_ prefix: String, _ namespace: String) {
    entries.removeAll { $0.prefix == prefix }
    entries.append((prefix, namespace))
  }

  public static func == (lhs: PrefixMap, rhs: PrefixMap) -> Bool {
    lhs.entries.elementsEqual(rhs.entries) { $0.prefix == $1.prefix && $0.namespace == $1.namespace }
  }
  public func hash(into hasher: inout Hasher) {
    for entry in entries {
      hasher.combine(entry.prefix)
      hasher.combine(entry.namespace)
    }
  }
}

// MARK: - Lookup

extension PrefixMap {
  /// The namespace bound to `prefix`, if any.
  public func namespace(for prefix: String) -> String? {
    entries.first { $0.prefix == prefix }?.namespace
  }

  /// Splits `iri` at the longest namespace of the map that it starts with.
  ///
  /// The local part is returned unchecked: each syntax decides whether it can write it
  /// (Turtle: ``TurtleSyntax/PN_LOCAL(_:)``).
  public func split(_ iri: IRI) -> (prefix: String, local: Substring)? {
    var best: (prefix: String, namespace: String)?
    for entry in entries where hasUTF8Prefix(iri.value, entry.namespace) {
      if best == nil || entry.namespace.utf8.count > best!.namespace.utf8.count { best = entry }
    }
    guard let best else { return nil }
    let localStart = iri.value.utf8.index(iri.value.utf8.startIndex, offsetBy: best.namespace.utf8.count)
    return (best.prefix, iri.value[localStart...])
  }
}
