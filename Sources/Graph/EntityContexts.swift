import Extraction
import Foundation

/// The article contexts of a graph's entities, for the ``EntityResolver/Layer/context`` layer:
/// each entity's context is the bag of name words of the other entities mentioned in its
/// articles (the "linked entities" of its articles), weighted by tf-idf and compared by cosine.
///
/// Only data the graph keeps is used (entity labels and ``GraphEntity/articles``), so the same
/// graph gives the same contexts whether it was built at once or read back from RDF. An entity's
/// own name words are left out of its context: two candidates always share a name word, which
/// would otherwise count as agreement.
struct EntityContexts {
  /// Unit-length sparse vectors, word ids ascending; empty for an entity with no context.
  private var vectors: [[(word: Int32, weight: Float)]]

  /// Builds the contexts of the entities at `wanted` (indices into `entities`); `words` are the
  /// normalized name words of every entity (``NameProfile/words``).
  init(entities: [GraphEntity], words: [[String]], wanted: Set<Int>) {
    // MARK: Intern name words, skipping function words.
    var ids: [String: Int32] = [:]
    let nameIDs: [[Int32]] = words.map { list in
      list.compactMap { word -> Int32? in
        guard !NameProfile.functionWords.contains(word), !word.isEmpty else { return nil }
        if let id = ids[word] { return id }
        let id = Int32(ids.count)
        ids[word] = id
        return id
      }
    }
    // MARK: Per article: the counts of the name words of the entities it mentions.
    var articleIndex: [String: Int] = [:]
    var bags: [[Int32: Float]] = []
    for (index, entity) in entities.enumerated() {
      for article in entity.articles {
        let slot =
          articleIndex[article]
          ?? {
            articleIndex[article] = bags.count
            bags.append([:])
            return bags.count - 1
          }()
        for id in nameIDs[index] { bags[slot][id, default: 0] += 1 }
      }
    }
    // Inverse document frequency over articles: a word in every article says nothing.
    var documentFrequency = [Int](repeating: 0, count: ids.count)
    for bag in bags { for id in bag.keys { documentFrequency[Int(id)] += 1 } }
    let articleCount = Float(max(bags.count, 1))
    let idf = documentFrequency.map { count in log((articleCount + 1) / Float(count + 1)) + 1 }

    vectors = Array(repeating: [], count: entities.count)
    var counts: [Int32: Float] = [:]
    for index in wanted.sorted() {
      counts.removeAll(keepingCapacity: true)
      for article in entities[index].articles {
        guard let slot = articleIndex[article] else { continue }
        for (id, count) in bags[slot] { counts[id, default: 0] += count }
      }
      for id in Set(nameIDs[index]) { counts[id] = nil }
      var vector = counts.map { id, count in (word: id, weight: (1 + log(count)) * idf[Int(id)]) }
      // Sorted before summing: dictionary order varies between runs, and so would the rounding.
      vector.sort { $0.word < $1.word }
      let norm = vector.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
      guard norm > 0 else { continue }
      for slot in vector.indices { vector[slot].weight /= norm }
      vectors[index] = vector
    }
  }

  /// The cosine of two entities' contexts, in 0...1; 0 when either has no context.
  func similarity(_ a: Int, _ b: Int) -> Float {
    let (x, y) = (vectors[a], vectors[b])
    var (i, j) = (0, 0)
    var sum: Float = 0
    while i < x.count && j < y.count {
      if x[i].word == y[j].word {
        sum += x[i].weight * y[j].weight
        i += 1
        j += 1
      } else if x[i].word < y[j].word {
        i += 1
      } else {
        j += 1
      }
    }
    return min(sum, 1)
  }
}
