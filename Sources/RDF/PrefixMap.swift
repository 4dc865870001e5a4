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
