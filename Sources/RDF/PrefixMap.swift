/// Namespace prefixes for Turtle, TriG and JSON-LD compaction.
public struct PrefixMap: Sendable, Hashable {
  /// `(prefix, namespace)` pairs in the order they are written.
  public private(set) var entries: [(prefix: String, namespace: String)] = []
  /// The prefix of each namespace (the first written, as ``split(_:)`` picks), looked up by the
  /// part of an IRI up to one of its `/` or `#`: one hash instead of comparing every namespace.
  private var prefixOfNamespace: [Substring: String] = [:]
  /// Whether every namespace ends in `/` or `#`, which that lookup needs.
  private var delimited = true

  public init(_ entries: [(String, String)] = []) {
    for (prefix, namespace) in entries { add(prefix, namespace) }
  }

  public mutating func add(_ prefix: String, _ namespace: String) {
    entries.removeAll { $0.prefix == prefix }
    entries.append((prefix, namespace))
    prefixOfNamespace = [:]
    for entry in entries where prefixOfNamespace[entry.namespace[...]] == nil {
      prefixOfNamespace[entry.namespace[...]] = entry.prefix
    }
    delimited = entries.allSatisfy { $0.namespace.hasSuffix("/") || $0.namespace.hasSuffix("#") }
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
    if delimited {
      // The longest namespace ends at the last `/` or `#` whose prefix is a namespace.
      let value = iri.value
      var end = value.utf8.endIndex
      while let cut = value.utf8[..<end].lastIndex(where: { $0 == 0x2F || $0 == 0x23 }) {
        let localStart = value.utf8.index(after: cut)
        if let prefix = prefixOfNamespace[value[..<localStart]] { return (prefix, value[localStart...]) }
        end = cut
      }
      return nil
    }
    var best: (prefix: String, namespace: String)?
    for entry in entries where hasUTF8Prefix(iri.value, entry.namespace) {
      if best == nil || entry.namespace.utf8.count > best!.namespace.utf8.count { best = entry }
    }
    guard let best else { return nil }
    let localStart = iri.value.utf8.index(iri.value.utf8.startIndex, offsetBy: best.namespace.utf8.count)
    return (best.prefix, iri.value[localStart...])
  }
}
