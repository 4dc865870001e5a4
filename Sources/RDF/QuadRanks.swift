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

  /// A term as a hashable value, whatever position it stands in.
  private enum TermID: Hashable {
    case iri(String)
    case blank(String)
    case literal(String, datatype: String, language: String?)
  }

  init(_ quads: [Quad], includingGraph: Bool) {
    var ids: [TermID: UInt32] = [:]
    // About one distinct term for every four quads in our graphs: growing the table step by step
    // rehashed every term several times.
    ids.reserveCapacity(quads.count / 4)
    var terms: [TermID] = []
    func id(_ term: TermID) -> UInt32 {
      if let known = ids[term] { return known }
      let new = UInt32(terms.count)
      ids[term] = new
      terms.append(term)
      return new
    }
    // Consecutive quads often share their graph and subject (often the very same string), which
    // one comparison finds without hashing.
    var lastGraph: (name: GraphName?, id: UInt32)?
    var lastSubject: (subject: Subject, id: UInt32)?
    graph.reserveCapacity(includingGraph ? quads.count : 0)
    subject.reserveCapacity(quads.count)
    predicate.reserveCapacity(quads.count)
    object.reserveCapacity(quads.count)
    for quad in quads {
      if includingGraph {
        if let lastGraph, lastGraph.name == quad.graph {
          graph.append(lastGraph.id)
        } else {
          let graphID: UInt32 =
            switch quad.graph {
            case nil: UInt32.max
            case .iri(let iri)?: id(.iri(iri.value))
            case .blank(let node)?: id(.blank(node.id))
            }
          graph.append(graphID)
          lastGraph = (quad.graph, graphID)
        }
      }
      if let lastSubject, lastSubject.subject == quad.subject {
        subject.append(lastSubject.id)
      } else {
        let subjectID: UInt32 =
          switch quad.subject {
          case .iri(let iri): id(.iri(iri.value))
          case .blank(let node): id(.blank(node.id))
          }
        subject.append(subjectID)
        lastSubject = (quad.subject, subjectID)
      }
      predicate.append(id(.iri(quad.predicate.value)))
      switch quad.object {
      case .iri(let iri): object.append(id(.iri(iri.value)))
      case .blank(let node): object.append(id(.blank(node.id)))
      case .literal(let literal):
        object.append(
          id(.literal(literal.lexicalForm, datatype: literal.datatype.value, language: literal.language)))
      }
    }
    ids = [:]

    // Rank the distinct terms by their byte keys.
    var keys = TermSortKeys(capacity: 0)
    keys.bytes.reserveCapacity(terms.reduce(0) { $0 + Self.size($1) })
    keys.starts.reserveCapacity(terms.count + 1)
    for term in terms {
      switch term {
      case .iri(let value): keys.component(2, value)
      case .blank(let value): keys.component(3, value)
      case .literal(let lexical, let datatype, let language):
        keys.component(4, lexical)
        keys.component(0, datatype)
        keys.component(0, language ?? "")
      }
      keys.starts.append(keys.bytes.count)
    }
    terms = []
    var rank = [UInt32](repeating: 0, count: keys.starts.count - 1)
    for (position, term) in keys.sortedUniqueIndices().enumerated() { rank[term] = UInt32(position) }
    for index in subject.indices {
      subject[index] = rank[Int(subject[index])]
      predicate[index] = rank[Int(predicate[index])]
      object[index] = rank[Int(object[index])]
    }
    for index in graph.indices {
      graph[index] = graph[index] == UInt32.max ? 0 : rank[Int(graph[index])] + 1
    }
  }

  /// The key's length of a term when nothing needs escaping.
  private static func size(_ term: TermID) -> Int {
    switch term {
    case .iri(let value), .blank(let value): value.utf8.count + 2
    case .literal(let lexical, let datatype, let language):
      lexical.utf8.count + 2 + datatype.utf8.count + 1 + (language?.utf8.count ?? 0) + 1
    }
  }

  /// Indices of the quads in canonical order, each distinct quad (or triple, without graphs) once.
  func sortedUniqueIndices() -> [Int] {
    Self.sortedUnique(
      subject.indices.map { index in
        Entry(
          high: UInt64(graph.isEmpty ? 0 : graph[index]) << 32 | UInt64(subject[index]),
          low: UInt64(predicate[index]) << 32 | UInt64(object[index]), index: index)
      })
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
      })
  }

  /// A quad's ranks as two integers that compare in canonical order, and its position.
  private struct Entry {
    var high: UInt64
    var low: UInt64
    var index: Int
  }

  /// The positions of `entries` sorted by their ranks, the first of each run of equal ranks only.
  private static func sortedUnique(_ entries: consuming [Entry]) -> [Int] {
    entries.sort {
      $0.high != $1.high ? $0.high < $1.high : $0.low != $1.low ? $0.low < $1.low : $0.index < $1.index
    }
    var unique: [Int] = []
    unique.reserveCapacity(entries.count)
    var previous: (UInt64, UInt64)?
    for entry in entries where previous.map({ $0 != (entry.high, entry.low) }) ?? true {
      unique.append(entry.index)
      previous = (entry.high, entry.low)
    }
    return unique
  }
}
