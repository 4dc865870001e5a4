#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(Musl)
  import Musl
#endif

/// The canonical order of terms, triples and quads, which writers rely on to group runs and
/// which makes output deterministic.
///
/// Strings compare by UTF-8 bytes (Unicode code point order), never by Swift's
/// normalization-aware `<`, so the order is a plain byte order and cheap to compute. Each type
/// has a three-way `order` so that sorting compares each string once.

// MARK: - Strings

/// Negative, zero or positive as `lhs` sorts before, with or after `rhs` in code point order.
@inline(__always)
func codePointOrder(_ lhs: String, _ rhs: String) -> Int {
  let fast = lhs.utf8.withContiguousStorageIfAvailable { left in
    rhs.utf8.withContiguousStorageIfAvailable { right in
      let count = min(left.count, right.count)
      if count > 0 {
        let difference = memcmp(left.baseAddress!, right.baseAddress!, count)
        if difference != 0 { return Int(difference) }
      }
      return left.count - right.count
    }
  }
  if let fast, let order = fast { return order }
  // Bridged or otherwise non-contiguous strings: compare byte by byte.
  if lhs.utf8.elementsEqual(rhs.utf8) { return 0 }
  return lhs.utf8.lexicographicallyPrecedes(rhs.utf8) ? -1 : 1
}

/// Whether `value` starts with `prefix`, byte for byte (no Unicode normalization).
@inline(__always)
func hasUTF8Prefix(_ value: String, _ prefix: String) -> Bool {
  let fast = value.utf8.withContiguousStorageIfAvailable { whole in
    prefix.utf8.withContiguousStorageIfAvailable { start in
      start.count <= whole.count
        && (start.isEmpty || memcmp(whole.baseAddress!, start.baseAddress!, start.count) == 0)
    }
  }
  if let fast, let result = fast { return result }
  return value.utf8.starts(with: prefix.utf8)
}

// MARK: - Terms

extension Literal: Comparable {
  /// Lexical form, then datatype, then language tag, in code point order.
  static func order(_ lhs: Literal, _ rhs: Literal) -> Int {
    let lexical = codePointOrder(lhs.lexicalForm, rhs.lexicalForm)
    if lexical != 0 { return lexical }
    let datatype = codePointOrder(lhs.datatype.value, rhs.datatype.value)
    if datatype != 0 { return datatype }
    return codePointOrder(lhs.language ?? "", rhs.language ?? "")
  }

  public static func < (lhs: Literal, rhs: Literal) -> Bool { order(lhs, rhs) < 0 }
}

extension Subject: Comparable {
  /// IRIs before blank nodes.
  static func order(_ lhs: Subject, _ rhs: Subject) -> Int {
    switch (lhs, rhs) {
    case (.iri(let left), .iri(let right)): codePointOrder(left.value, right.value)
    case (.blank(let left), .blank(let right)): codePointOrder(left.id, right.id)
    case (.iri, .blank): -1
    case (.blank, .iri): 1
    }
  }

  public static func < (lhs: Subject, rhs: Subject) -> Bool { order(lhs, rhs) < 0 }
}

extension Term: Comparable {
  /// IRIs, then blank nodes, then literals.
  static func order(_ lhs: Term, _ rhs: Term) -> Int {
    switch (lhs, rhs) {
    case (.iri(let left), .iri(let right)): codePointOrder(left.value, right.value)
    case (.blank(let left), .blank(let right)): codePointOrder(left.id, right.id)
    case (.literal(let left), .literal(let right)): Literal.order(left, right)
    default: lhs.rank - rhs.rank
    }
  }

  var rank: Int {
    switch self {
    case .iri: 0
    case .blank: 1
    case .literal: 2
    }
  }

  public static func < (lhs: Term, rhs: Term) -> Bool { order(lhs, rhs) < 0 }
}

extension GraphName: Comparable {
  /// The default graph (`nil`) first, then IRIs, then blank nodes.
  static func order(_ lhs: GraphName?, _ rhs: GraphName?) -> Int {
    switch (lhs, rhs) {
    case (nil, nil): 0
    case (nil, _): -1
    case (_, nil): 1
    case (.iri(let left)?, .iri(let right)?): codePointOrder(left.value, right.value)
    case (.blank(let left)?, .blank(let right)?): codePointOrder(left.id, right.id)
    case (.iri?, .blank?): -1
    case (.blank?, .iri?): 1
    }
  }

  public static func < (lhs: GraphName, rhs: GraphName) -> Bool { order(lhs, rhs) < 0 }
}

// MARK: - Statements

extension Triple: Comparable {
  /// Subject, predicate, object: the order in which Turtle groups `;` and `,`.
  static func order(_ lhs: Triple, _ rhs: Triple) -> Int {
    let subject = Subject.order(lhs.subject, rhs.subject)
    if subject != 0 { return subject }
    let predicate = codePointOrder(lhs.predicate.value, rhs.predicate.value)
    if predicate != 0 { return predicate }
    return Term.order(lhs.object, rhs.object)
  }

  public static func < (lhs: Triple, rhs: Triple) -> Bool { order(lhs, rhs) < 0 }
}

extension Quad: Comparable {
  /// Subject, predicate, object, ignoring the graph: the order of the union of all graphs.
  static func tripleOrder(_ lhs: Quad, _ rhs: Quad) -> Int {
    let subject = Subject.order(lhs.subject, rhs.subject)
    if subject != 0 { return subject }
    let predicate = codePointOrder(lhs.predicate.value, rhs.predicate.value)
    if predicate != 0 { return predicate }
    return Term.order(lhs.object, rhs.object)
  }

  /// Graph (default graph first), then ``tripleOrder(_:_:)``.
  static func order(_ lhs: Quad, _ rhs: Quad) -> Int {
    let graph = GraphName.order(lhs.graph, rhs.graph)
    if graph != 0 { return graph }
    return tripleOrder(lhs, rhs)
  }

  /// The canonical order writers expect: graph (default graph first), subject, predicate, object.
  public static func < (lhs: Quad, rhs: Quad) -> Bool { order(lhs, rhs) < 0 }
}

extension Sequence<Quad> {
  /// The quads in canonical order without duplicates: what the writers want as input.
  public func canonicallySorted() -> [Quad] {
    var quads = Array(self)
    quads.sortCanonically()
    return quads
  }
}

extension Array<Quad> {
  /// Sorts the quads into canonical order and removes duplicates, in place: a large graph is never
  /// held twice. With `parts` above 1, that many cores share the work; the result is the same.
  public mutating func sortCanonically(parts: Int = 1) {
    let order = QuadRanks(self, includingGraph: true, parts: parts).sortedUniqueIndices()
    permute(keeping: order)
  }

  /// Sorts the quads as ``sortCanonically(parts:)`` does and returns their ``unionOrder(parts:)``,
  /// from one ranking of the terms instead of two: the second ranking hashed every term of every
  /// quad again.
  public mutating func sortCanonicallyWithUnionOrder(parts: Int = 1) -> [Int] {
    let ranks = QuadRanks(self, includingGraph: true, parts: parts)
    let order = ranks.sortedUniqueIndices()
    permute(keeping: order)
    return ranks.unionOrder(of: order)
  }

  /// Positions of the distinct triples in subject, predicate, object order (graph names ignored):
  /// the order of the syntaxes without graphs. Compute it once and give it to every such writer.
  public func unionOrder(parts: Int = 1) -> [Int] {
    QuadRanks(self, includingGraph: false, parts: parts).sortedUniqueIndices()
  }

  /// Rearranges the array so that it holds `self[order[0]], self[order[1]], ...` and nothing else,
  /// by following the permutation's cycles. `order` holds distinct indices.
  ///
  /// Quads are moved, not copied: a copy retains and later releases every string of the quad,
  /// which cost more than the moves themselves.
  mutating func permute(keeping order: [Int]) {
    var permutation = order
    permutation.reserveCapacity(count)
    var kept = [Bool](repeating: false, count: count)
    for index in order { kept[index] = true }
    for index in indices where !kept[index] { permutation.append(index) }
    kept = []
    var done = [Bool](repeating: false, count: count)
    withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      for start in 0..<buffer.count where !done[start] {
        // Position `p` receives the quad at `permutation[p]`; the cycle ends where it began.
        let first = (base + start).move()
        var position = start
        while true {
          done[position] = true
          let source = permutation[position]
          if source == start { break }
          (base + position).moveInitialize(from: base + source, count: 1)
          position = source
        }
        (base + position).initialize(to: first)
      }
    }
    removeLast(count - order.count)
  }
}

// MARK: - Sort keys

/// Byte strings whose `memcmp` order is the canonical order of terms, packed in one buffer.
///
/// Sorting terms directly compares enums of strings, and every comparison copies and releases
/// several references; sorting indices by these keys touches no reference count at all.
///
/// Each component is a kind byte (IRI 2, blank node 3, literal 4; none for a literal's datatype
/// and language), its UTF-8 bytes with 0x00 and 0x01 escaped as 0x01 0x01 and 0x01 0x02 (which
/// keeps their order), and a 0x00 terminator, so that a shorter component sorts first, as in
/// ``codePointOrder(_:_:)``.
struct TermSortKeys {
  var bytes: [UInt8] = []
  var starts: [Int] = [0]

  init(capacity: Int) {
    bytes.reserveCapacity(capacity * 96)
    starts.reserveCapacity(capacity + 1)
  }

  mutating func component(_ kind: UInt8, _ value: String) {
    if kind != 0 { bytes.append(kind) }
    NTriplesSyntax.withUTF8(value) { utf8 in
      guard utf8.contains(where: { $0 <= 1 }) else {
        bytes.append(contentsOf: utf8)
        return
      }
      for byte in utf8 {
        if byte <= 1 {
          bytes.append(1)
          bytes.append(byte + 1)
        } else {
          bytes.append(byte)
        }
      }
    }
    bytes.append(0)
  }

  /// Negative, zero or positive as key `lhs` of `left` sorts before, with or after key `rhs` of
  /// `right`.
  static func order(_ left: TermSortKeys, _ lhs: Int, _ right: TermSortKeys, _ rhs: Int) -> Int {
    left.bytes.withUnsafeBufferPointer { leftBytes in
      right.bytes.withUnsafeBufferPointer { rightBytes in
        let leftStart = left.starts[lhs]
        let rightStart = right.starts[rhs]
        return order(
          leftBytes.baseAddress! + leftStart, left.starts[lhs + 1] - leftStart,
          rightBytes.baseAddress! + rightStart, right.starts[rhs + 1] - rightStart)
      }
    }
  }

  @inline(__always)
  private static func order(
    _ left: UnsafePointer<UInt8>, _ leftCount: Int, _ right: UnsafePointer<UInt8>, _ rightCount: Int
  ) -> Int {
    let common = Swift.min(leftCount, rightCount)
    if common > 0 {
      let difference = memcmp(left, right, common)
      if difference != 0 { return Int(difference) }
    }
    return leftCount - rightCount
  }

  /// Indices of the keys in sorted order (equal keys in index order).
  func sortedIndices() -> [Int] {
    bytes.withUnsafeBufferPointer { bytes in
      starts.withUnsafeBufferPointer { starts in
        var order = Array(0..<(starts.count - 1))
        order.sort { lhs, rhs in
          let difference = Self.order(
            bytes.baseAddress! + starts[lhs], starts[lhs + 1] - starts[lhs], bytes.baseAddress! + starts[rhs],
            starts[rhs + 1] - starts[rhs])
          return difference != 0 ? difference < 0 : lhs < rhs
        }
        return order
      }
    }
  }
}
