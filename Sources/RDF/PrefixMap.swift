#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(Musl)
  import Musl
#endif

/// Namespace prefixes for Turtle, TriG and JSON-LD compaction.
public struct PrefixMap: Sendable, Hashable {
  /// `(prefix, namespace)` pairs in the order they are written.
  public private(set) var entries: [(prefix: String, namespace: String)] = []
  /// Each namespace once with its prefix (the first written, as ``split(_:)`` picks) and its
  /// UTF-8 length, looked up by the part of an IRI up to one of its `/` or `#`: comparing lengths,
  /// and bytes only where they match, is cheaper than hashing that part.
  private var namespaces: [(length: Int, namespace: String, prefix: String)] = []
  /// The shortest and longest of their lengths: cuts outside this range need no comparison, and
  /// IRIs outside every namespace (most in JSON-LD, whose context names vocabularies only) are
  /// rejected after a few cuts.
  private var lengths = 0...0
  /// Whether every namespace ends in `/` or `#`, which that lookup needs.
  private var delimited = true

  public init(_ entries: [(String, String)] = []) {
    for (prefix, namespace) in entries { add(prefix, namespace) }
  }

  public mutating func add(_ prefix: String, _ namespace: String) {
    entries.removeAll { $0.prefix == prefix }
    entries.append((prefix, namespace))
    namespaces = []
    for entry in entries where !namespaces.contains(where: { $0.namespace == entry.namespace }) {
      namespaces.append((entry.namespace.utf8.count, entry.namespace, entry.prefix))
    }
    lengths = (namespaces.map(\.length).min() ?? 0)...(namespaces.map(\.length).max() ?? 0)
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
      let found = NTriplesSyntax.withUTF8(value) { bytes -> (prefix: String, length: Int)? in
        var end = min(bytes.count, lengths.upperBound)
        while end >= lengths.lowerBound && end > 0 {
          end -= 1
          guard bytes[end] == 0x2F || bytes[end] == 0x23 else { continue }
          let length = end + 1
          for entry in namespaces where entry.length == length {
            let equal = NTriplesSyntax.withUTF8(entry.namespace) {
              memcmp($0.baseAddress!, bytes.baseAddress!, length) == 0
            }
            if equal { return (entry.prefix, length) }
          }
        }
        return nil
      }
      guard let found else { return nil }
      let localStart = value.utf8.index(value.utf8.startIndex, offsetBy: found.length)
      return (found.prefix, value[localStart...])
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
