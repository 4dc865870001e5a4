/// The canonical order of many quads, found from the ranks of their distinct terms.
///
/// A graph repeats its terms: an entity's IRI, an article's graph name and a predicate stand in
/// thousands of quads. Sorting byte keys of whole quads holds every term's bytes once per quad (a
/// few hundred bytes each); ranking the distinct terms once and sorting quads as four integers
/// holds each distinct term once, and compares faster. The order is the one that byte keys of whole
/// quads would give (``TermSortKeys`` of graph, subject, predicate and object one after the other):
/// each component's key ends in a terminator that sorts before any byte, so comparing such keys
/// compares component by component, and the default graph sorts first.
struct QuadRanks {
  /// Per quad: its graph's rank (0 for the default graph, else 1 + the term's rank).
  private(set) var graph: [UInt32] = []
  private(set) var subject: [UInt32] = []
  private(set) var predicate: [UInt32] = []
  private(set) var object: [UInt32] = []
  /// How many cores sort the quads.
  let parts: Int

  /// A term, whatever position it stands in. Two terms are equal when their code points are
  /// (RDF's term equality, as the terms' own `==`), so that equal terms have equal sort keys.
  private struct TermID: Equatable {
    /// The kind byte of the term's sort key: 2 IRI, 3 blank node, 4 literal.
    let kind: UInt8
    let value: String
    /// A literal's datatype IRI and language tag (`""` for none and for other terms).
    let datatype: String
    let language: String

    static func iri(_ value: String) -> TermID { TermID(kind: 2, value: value, datatype: "", language: "") }
    static func blank(_ id: String) -> TermID { TermID(kind: 3, value: id, datatype: "", language: "") }
    static func literal(_ literal: Literal) -> TermID {
      TermID(
        kind: 4, value: literal.lexicalForm, datatype: literal.datatype.value,
        language: literal.language ?? "")
    }

    /// Equal exactly when their sort keys are.
    static func == (lhs: TermID, rhs: TermID) -> Bool {
      lhs.kind == rhs.kind && codePointsEqual(lhs.value, rhs.value)
        && codePointsEqual(lhs.datatype, rhs.datatype)
        && codePointsEqual(lhs.language, rhs.language)
    }

    /// A hash of the term's bytes, 8 at a time, for ``TermTable``.
    var contentHash: UInt64 {
      var hash = UInt64(kind) &* 0x9E37_79B9_7F4A_7C15
      @inline(__always) func mix(_ word: UInt64) {
        hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 29
      }
      @inline(__always) func mix(bytesOf part: String) {
        NTriplesSyntax.withUTF8(part) { bytes in
          let raw = UnsafeRawBufferPointer(bytes)
          var offset = 0
          while offset + 8 <= raw.count {
            mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
          }
          var tail = UInt64(raw.count) << 56
          for k in offset..<raw.count { tail |= UInt64(raw[k]) << (8 * (k - offset)) }
          mix(tail)
        }
      }
      mix(bytesOf: value)
      if kind == 4 {
        mix(bytesOf: datatype)
        mix(bytesOf: language)
      }
      return hash ^ hash >> 32
    }
  }

  /// Term ids by term, numbered from 0 as first seen: open addressing over 64-bit slots (32 bits
  /// of the term's hash, then its id + 1; 0 is empty), the terms kept once, in id order. A
  /// `Dictionary` of terms held each term a second time.
  private struct TermTable {
    private var terms: [TermID] = []
    private var slots: [UInt64]
    private var shift: UInt64

    init(expected: Int) {
      var capacity = 1024
      while capacity < 2 * expected { capacity *= 2 }
      slots = [UInt64](repeating: 0, count: capacity)
      shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// The id of `term`, which is numbered if it is new.
    mutating func id(_ term: TermID) -> UInt32 {
      let hash = term.contentHash
      let check = hash & 0xFFFF_FFFF
      let mask = slots.count - 1
      var index = Int(hash >> shift)
      while true {
        let slot = slots[index]
        if slot == 0 { break }
        if slot >> 32 == check && terms[Int(slot & 0xFFFF_FFFF) - 1] == term {
          return UInt32(slot & 0xFFFF_FFFF) - 1
        }
        index = (index + 1) & mask
      }
      let id = UInt32(terms.count)
      slots[index] = check << 32 | UInt64(id + 1)
      terms.append(term)
      if 2 * terms.count > slots.count { grow() }
      return id
    }

    /// Twice the slots, every term placed again.
    private mutating func grow() {
      slots = [UInt64](repeating: 0, count: 2 * slots.count)
      shift -= 1
      let mask = slots.count - 1
      for (id, term) in terms.enumerated() {
        let hash = term.contentHash
        var index = Int(hash >> shift)
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = (hash & 0xFFFF_FFFF) << 32 | UInt64(id + 1)
      }
    }

    /// The terms in id order; the table is left empty.
    mutating func takeTerms() -> [TermID] {
      slots = []
      defer { terms = [] }
      return terms
    }
  }

  /// Ranks the terms of `quads`; with `parts` above 1, that many contiguous parts of the quads
  /// are ranked side by side, each on its own core, and their sorted terms merged.
  init(_ quads: [Quad], includingGraph: Bool, parts requested: Int = 1) {
    let count = quads.count
    // A part of fewer quads than this is not worth a thread.
    let parts = max(1, min(requested, count / 16_384))
    self.parts = parts
    @inline(__always) func uninitialized(_ count: Int) -> [UInt32] {
      [UInt32](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
    graph = uninitialized(includingGraph ? count : 0)
    subject = uninitialized(count)
    predicate = uninitialized(count)
    object = uninitialized(count)
    let bounds = (0...parts).map { count * $0 / parts }
    var terms = [PartTerms?](repeating: nil, count: parts)
    quads.withUnsafeBufferPointer { quads in
      graph.withUnsafeMutableBufferPointer { graph in
        subject.withUnsafeMutableBufferPointer { subject in
          predicate.withUnsafeMutableBufferPointer { predicate in
            object.withUnsafeMutableBufferPointer { object in
              terms.withUnsafeMutableBufferPointer { terms in
                let ids = TermIDColumns(
                  graph: includingGraph ? graph.baseAddress : nil, subject: subject.baseAddress!,
                  predicate: predicate.baseAddress!, object: object.baseAddress!)
                inParallel(parts) { part in
                  terms[part] = Self.rankPart(quads, bounds[part]..<bounds[part + 1], into: ids)
                }
                // One rank per distinct term across the parts, then each part's ids replaced by ranks.
                let ranks = Self.mergeRanks(terms.map { $0! })
                inParallel(parts) { part in
                  let rank = ranks[part]
                  for index in bounds[part]..<bounds[part + 1] {
                    ids.subject[index] = rank[Int(ids.subject[index])]
                    ids.predicate[index] = rank[Int(ids.predicate[index])]
                    ids.object[index] = rank[Int(ids.object[index])]
                    if let graph = ids.graph {
                      graph[index] = graph[index] == UInt32.max ? 0 : rank[Int(graph[index])] + 1
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// Where ``rankPart(_:_:into:)`` writes each quad's term ids.
  private struct TermIDColumns {
    let graph: UnsafeMutablePointer<UInt32>?
    let subject: UnsafeMutablePointer<UInt32>
    let predicate: UnsafeMutablePointer<UInt32>
    let object: UnsafeMutablePointer<UInt32>
  }

  /// The distinct terms of one part of the quads, as sort keys, and their order.
  private struct PartTerms {
    var keys: TermSortKeys
    /// The terms' ids in key order.
    var sorted: [Int]
  }

  /// Numbers the distinct terms of `quads[range]` from 0, writing each quad's ids to `ids` (the
  /// default graph as `UInt32.max`), and sorts those terms' keys.
  private static func rankPart(
    _ quads: UnsafeBufferPointer<Quad>, _ range: Range<Int>, into ids: TermIDColumns
  ) -> PartTerms {
    // About one distinct term for every four quads in our graphs.
    var table = TermTable(expected: range.count / 4)
    @inline(__always) func id(_ term: TermID) -> UInt32 { table.id(term) }
    // Consecutive quads often share their graph and subject (often the very same string), which
    // one comparison finds without hashing.
    var lastGraph: (name: GraphName?, id: UInt32)?
    var lastSubject: (subject: Subject, id: UInt32)?
    for index in range {
      let quad = quads[index]
      if let graphIDs = ids.graph {
        if let lastGraph, lastGraph.name == quad.graph {
          graphIDs[index] = lastGraph.id
        } else {
          let graphID: UInt32 =
            switch quad.graph {
            case nil: UInt32.max
            case .iri(let iri)?: id(.iri(iri.value))
            case .blank(let node)?: id(.blank(node.id))
            }
          graphIDs[index] = graphID
          lastGraph = (quad.graph, graphID)
        }
      }
      if let lastSubject, lastSubject.subject == quad.subject {
        ids.subject[index] = lastSubject.id
      } else {
        let subjectID: UInt32 =
          switch quad.subject {
          case .iri(let iri): id(.iri(iri.value))
          case .blank(let node): id(.blank(node.id))
          }
        ids.subject[index] = subjectID
        lastSubject = (quad.subject, subjectID)
      }
      ids.predicate[index] = id(.iri(quad.predicate.value))
      ids.object[index] =
        switch quad.object {
        case .iri(let iri): id(.iri(iri.value))
        case .blank(let node): id(.blank(node.id))
        case .literal(let literal): id(.literal(literal))
        }
    }
    var terms = table.takeTerms()
    var keys = TermSortKeys(capacity: 0)
    keys.bytes.reserveCapacity(terms.reduce(0) { $0 + Self.size($1) })
    keys.starts.reserveCapacity(terms.count + 1)
    for term in terms {
      keys.component(term.kind, term.value)
      if term.kind == 4 {
        keys.component(0, term.datatype)
        keys.component(0, term.language)
      }
      keys.starts.append(keys.bytes.count)
    }
    terms = []
    return PartTerms(keys: keys, sorted: keys.sortedIndices())
  }

  /// For each part, its term ids' global ranks: the parts' sorted terms merged, equal keys (of
  /// the same term in several parts) given one rank.
  private static func mergeRanks(_ parts: [PartTerms]) -> [[UInt32]] {
    var ranks = parts.map { [UInt32](repeating: 0, count: $0.sorted.count) }
    var next = [Int](repeating: 0, count: parts.count)
    var previous: (part: Int, term: Int)?
    var rank: UInt32 = 0
    while true {
      var smallest = -1
      for part in parts.indices where next[part] < parts[part].sorted.count {
        if smallest < 0
          || TermSortKeys.order(
            parts[part].keys, parts[part].sorted[next[part]], parts[smallest].keys,
            parts[smallest].sorted[next[smallest]]) < 0
        {
          smallest = part
        }
      }
      guard smallest >= 0 else { break }
      let term = parts[smallest].sorted[next[smallest]]
      next[smallest] += 1
      if let previous,
        TermSortKeys.order(parts[previous.part].keys, previous.term, parts[smallest].keys, term) != 0
      {
        rank += 1
      }
      ranks[smallest][term] = rank
      previous = (smallest, term)
    }
    return ranks
  }

  /// The key's length of a term when nothing needs escaping.
  private static func size(_ term: TermID) -> Int {
    term.kind == 4
      ? term.value.utf8.count + 2 + term.datatype.utf8.count + 1 + term.language.utf8.count + 1
      : term.value.utf8.count + 2
  }

  /// Indices of the quads in canonical order, each distinct quad (or triple, without graphs) once.
  func sortedUniqueIndices() -> [Int] {
    Self.sortedUnique(
      subject.indices.map { index in
        Entry(
          high: UInt64(graph.isEmpty ? 0 : graph[index]) << 32 | UInt64(subject[index]),
          low: UInt64(predicate[index]) << 32 | UInt64(object[index]), index: index)
      }, parts: parts)
  }

  /// The union order of the quads rearranged into `order` (an order that
  /// ``sortedUniqueIndices()`` gave): positions in that arrangement of the distinct triples, in
  /// subject, predicate, object order. The terms keep their ranks whatever the arrangement.
  func unionOrder(of order: [Int]) -> [Int] {
    Self.sortedUnique(
      order.indices.map { position in
        let index = order[position]
        return Entry(
          high: UInt64(subject[index]), low: UInt64(predicate[index]) << 32 | UInt64(object[index]),
          index: position)
      }, parts: parts)
  }

  /// A quad's ranks as two integers that compare in canonical order, and its position.
  private struct Entry {
    var high: UInt64
    var low: UInt64
    var index: Int

    @inline(__always)
    static func precedes(_ lhs: Entry, _ rhs: Entry) -> Bool {
      lhs.high != rhs.high
        ? lhs.high < rhs.high : lhs.low != rhs.low ? lhs.low < rhs.low : lhs.index < rhs.index
    }
  }

  /// The positions of `entries` sorted by their ranks, the first of each run of equal ranks only.
  /// With `parts` above 1, that many parts are sorted side by side and then merged.
  private static func sortedUnique(_ entries: consuming [Entry], parts: Int) -> [Int] {
    var unique: [Int] = []
    unique.reserveCapacity(entries.count)
    var previous: (UInt64, UInt64)?
    @inline(__always) func keep(_ entry: Entry) {
      if previous.map({ $0 != (entry.high, entry.low) }) ?? true {
        unique.append(entry.index)
        previous = (entry.high, entry.low)
      }
    }
    let bounds = (0...parts).map { entries.count * $0 / parts }
    entries.withUnsafeMutableBufferPointer { entries in
      inParallel(parts) { part in
        var run = UnsafeMutableBufferPointer(rebasing: entries[bounds[part]..<bounds[part + 1]])
        run.sort(by: Entry.precedes)
      }
      // The sorted runs merged, smallest first: a full order, so the result is the same for any
      // number of parts.
      var next = Array(bounds.dropLast())
      while true {
        var smallest = -1
        for part in 0..<parts where next[part] < bounds[part + 1] {
          if smallest < 0 || Entry.precedes(entries[next[part]], entries[next[smallest]]) { smallest = part }
        }
        guard smallest >= 0 else { break }
        keep(entries[next[smallest]])
        next[smallest] += 1
      }
    }
    return unique
  }
}
