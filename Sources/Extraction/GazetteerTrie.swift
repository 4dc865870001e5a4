// MARK: - Trie over key scalars

/// A read-only trie over key scalars (see ``GazetteerKey``), stored as flat arrays.
///
/// Each node's children sit in one contiguous, sorted block of `edgeLabels`/`edgeTargets`, so a
/// walk is a few array reads per scalar and allocates nothing.
struct GazetteerTrie: Sendable {
  private var firstEdge: [Int32] = []
  private var edgeCount: [Int32] = []
  private var values: [Int32] = []
  private var edgeLabels: [UInt32] = []
  private var edgeTargets: [Int32] = []

  static let root: Int32 = 0

  /// Builds the trie from keys and their values; a later duplicate key is ignored.
  init(keys: [(key: [UInt32], value: Int32)]) {
    let sorted = keys.enumerated().sorted { lhs, rhs in
      lhs.element.key.lexicographicallyPrecedes(rhs.element.key)
        || (lhs.element.key == rhs.element.key && lhs.offset < rhs.offset)
    }.map(\.element)
    _ = build(sorted, sorted.startIndex..<sorted.endIndex, depth: 0)
  }

  private mutating func build(
    _ items: [(key: [UInt32], value: Int32)], _ range: Range<Int>, depth: Int
  ) -> Int32 {
    let node = Int32(values.count)
    firstEdge.append(0)
    edgeCount.append(0)
    values.append(-1)
    var lower = range.lowerBound
    // Shorter keys sort first: a key ending here is at the front (duplicates after it are skipped).
    while lower < range.upperBound, items[lower].key.count == depth {
      if values[Int(node)] < 0 { values[Int(node)] = items[lower].value }
      lower += 1
    }
    var groups: [(label: UInt32, range: Range<Int>)] = []
    var start = lower
    while start < range.upperBound {
      let label = items[start].key[depth]
      var end = start + 1
      while end < range.upperBound, items[end].key[depth] == label { end += 1 }
      groups.append((label, start..<end))
      start = end
    }
    let block = edgeLabels.count
    firstEdge[Int(node)] = Int32(block)
    edgeCount[Int(node)] = Int32(groups.count)
    edgeLabels.append(contentsOf: groups.map(\.label))
    edgeTargets.append(contentsOf: repeatElement(-1, count: groups.count))
    for (offset, group) in groups.enumerated() {
      edgeTargets[block + offset] = build(items, group.range, depth: depth + 1)
    }
    return node
  }

  /// The child of `node` along `label`, or -1.
  @inline(__always)
  func child(_ node: Int32, _ label: UInt32) -> Int32 {
    var low = Int(firstEdge[Int(node)])
    var high = low + Int(edgeCount[Int(node)])
    while low < high {
      let middle = (low + high) >> 1
      let candidate = edgeLabels[middle]
      if candidate == label { return edgeTargets[middle] }
      if candidate < label { low = middle + 1 } else { high = middle }
    }
    return -1
  }

  /// The value stored at `node`, or -1.
  @inline(__always)
  func value(_ node: Int32) -> Int32 { values[Int(node)] }

  /// Walks the key scalars of `form` from `node`. Returns the node reached (or -1 when the walk
  /// falls off the trie) and how many scalars the form contributed.
  @inline(__always)
  func walk(_ form: String, from node: Int32) -> (node: Int32, scalars: Int) {
    var current = node
    var count = 0
    var iterator = KeyScalarIterator(form)
    while let scalar = iterator.next() {
      current = child(current, scalar.value)
      count += 1
      if current < 0 { return (-1, count) }
    }
    return (current, count)
  }

  /// The value stored under a whole key string, or -1.
  func lookup(_ key: String) -> Int32 {
    var node = GazetteerTrie.root
    for scalar in key.unicodeScalars {
      node = child(node, scalar.value)
      if node < 0 { return -1 }
    }
    return value(node)
  }

  var nodeCount: Int { values.count }
}
