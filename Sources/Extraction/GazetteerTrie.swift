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
    // Sort indices, not the tuples, and compare keys through their buffers.
    var order = Array(keys.indices)
    order.sort { lhs, rhs in
      let left = keys[lhs].key
      let right = keys[rhs].key
      let shared = min(left.count, right.count)
      var index = 0
      while index < shared {
        if left[index] != right[index] { return left[index] < right[index] }
        index += 1
      }
      return left.count != right.count ? left.count < right.count : lhs < rhs
    }
    let sorted = order.map { keys[$0] }
    values.reserveCapacity(sorted.count * 4)
    sorted.withUnsafeBufferPointer { items in
      _ = build(items, 0..<items.count, depth: 0)
    }
  }

  private mutating func build(
    _ items: UnsafeBufferPointer<(key: [UInt32], value: Int32)>, _ range: Range<Int>, depth: Int
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
    // First count the children, to reserve their block of edges; then build each.
    var groups = 0
    var start = lower
    while start < range.upperBound {
      let label = items[start].key[depth]
      start += 1
      while start < range.upperBound, items[start].key[depth] == label { start += 1 }
      groups += 1
    }
    let block = edgeLabels.count
    firstEdge[Int(node)] = Int32(block)
    edgeCount[Int(node)] = Int32(groups)
    edgeLabels.append(contentsOf: repeatElement(0, count: groups))
    edgeTargets.append(contentsOf: repeatElement(-1, count: groups))
    start = lower
    var group = 0
    while start < range.upperBound {
      let label = items[start].key[depth]
      var end = start + 1
      while end < range.upperBound, items[end].key[depth] == label { end += 1 }
      edgeLabels[block + group] = label
      edgeTargets[block + group] = build(items, start..<end, depth: depth + 1)
      group += 1
      start = end
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
