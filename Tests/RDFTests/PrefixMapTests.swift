import Testing

@testable import RDF

/// Splitting IRIs at the longest namespace of a prefix map.
struct PrefixMapTests {
  /// The longest namespace that `iri` starts with, the first written among equals: the definition.
  static func reference(_ map: PrefixMap, _ iri: String) -> (String, Substring)? {
    var best: (prefix: String, namespace: String)?
    for entry in map.entries where iri.hasPrefix(entry.namespace) {
      if best == nil || entry.namespace.utf8.count > best!.namespace.utf8.count { best = entry }
    }
    return best.map { ($0.prefix, iri.dropFirst($0.namespace.count)) }
  }

  static let iris = [
    "https://e.org/person/lloyd-austin", "https://e.org/person/a/b", "https://e.org/x", "https://e.org/",
    "https://e.org/person/", "https://e.org/ns#Thing", "https://e.org/ns#", "https://other.org/a",
    "urn:x:y", "https://e.org/personal/a", "https://e.org/person#frag",
  ]

  @Test(arguments: [
    // Every namespace ends in "/" or "#": the lookup by cutting the IRI.
    [
      ("ex", "https://e.org/"), ("p", "https://e.org/person/"), ("ns", "https://e.org/ns#"),
      ("q", "https://e.org/person/"),
    ],
    // One namespace ends mid-word: the scan over every namespace.
    [("ex", "https://e.org/"), ("pre", "https://e.org/person"), ("ns", "https://e.org/ns#")],
  ])
  func splitFindsTheLongestNamespaceFirstWrittenAmongEquals(entries: [(String, String)]) {
    let map = PrefixMap(entries)
    for iri in Self.iris {
      let split = map.split(IRI(unchecked: iri))
      let expected = Self.reference(map, iri)
      #expect(split?.prefix == expected?.0, "\(iri)")
      #expect(split?.local == expected?.1, "\(iri)")
    }
  }
}
