/// Coreference scores of a response clustering against a key clustering: MUC, B³, CEAF-e and
/// their mean F1 (the CoNLL-2012 score), as defined by the reference scorer
/// (Pradhan et al. 2014, https://github.com/conll/reference-coreference-scorers).
///
/// Mentions are any hashable ids. Mentions in the key but not the response (or the reverse) are
/// allowed: they count as missed (or spurious) as in the reference scorer.
public struct CorefScores: Sendable, Hashable, Codable {
  /// Precision, recall and F1, each in 0…1.
  public struct PRF: Sendable, Hashable, Codable {
    public var p: Double
    public var r: Double
    public var f1: Double

    public init(p: Double, r: Double) {
      self.p = p
      self.r = r
      f1 = p + r > 0 ? 2 * p * r / (p + r) : 0
    }

    init(numerators pn: Double, _ pd: Double, _ rn: Double, _ rd: Double) {
      self.init(p: pd > 0 ? pn / pd : 0, r: rd > 0 ? rn / rd : 0)
    }
  }

  public var muc: PRF
  public var b3: PRF
  public var ceafe: PRF
  /// Mean of the three F1s; `p` and `r` are the means of the precisions and recalls.
  public var conll: PRF

  /// Scores `response` against `key`; each is a list of clusters of mention ids.
  public init<Mention: Hashable>(key: [[Mention]], response: [[Mention]]) {
    muc = Self.muc(key: key, response: response)
    b3 = Self.b3(key: key, response: response)
    ceafe = Self.ceafe(key: key, response: response)
    conll = PRF(p: 0, r: 0)
    conll.p = (muc.p + b3.p + ceafe.p) / 3
    conll.r = (muc.r + b3.r + ceafe.r) / 3
    conll.f1 = (muc.f1 + b3.f1 + ceafe.f1) / 3
  }

  // MARK: - MUC

  /// MUC (Vilain et al. 1995): recall is, over key clusters K, Σ(|K| − |p(K)|) / Σ(|K| − 1), where
  /// p(K) is K's partition by the response (mentions missing from the response are their own
  /// parts); precision swaps key and response.
  static func muc<M: Hashable>(key: [[M]], response: [[M]]) -> PRF {
    func links(_ clusters: [[M]], partitionedBy other: [[M]]) -> (Double, Double) {
      let owner = clusterIndex(other)
      var numerator = 0
      var denominator = 0
      for cluster in clusters {
        var parts = Set<Int>()
        var alone = 0
        for mention in cluster {
          if let index = owner[mention] { parts.insert(index) } else { alone += 1 }
        }
        numerator += cluster.count - (parts.count + alone)
        denominator += cluster.count - 1
      }
      return (Double(numerator), Double(denominator))
    }
    let (rn, rd) = links(key, partitionedBy: response)
    let (pn, pd) = links(response, partitionedBy: key)
    return PRF(numerators: pn, pd, rn, rd)
  }

  // MARK: - B³

  /// B³ (Bagga and Baldwin 1998): recall averages, over key mentions, |K ∩ R| / |K| for the
  /// mention's key cluster K and response cluster R; precision swaps key and response.
  static func b3<M: Hashable>(key: [[M]], response: [[M]]) -> PRF {
    func score(_ clusters: [[M]], against other: [[M]]) -> (Double, Double) {
      let owner = clusterIndex(other)
      var total = 0.0
      var mentions = 0
      for cluster in clusters {
        var overlap: [Int: Int] = [:]
        for mention in cluster { if let index = owner[mention] { overlap[index, default: 0] += 1 } }
        // Each mention of `cluster` in other cluster j scores |C ∩ O_j| / |C|: summed, Σ_j n_j² / |C|.
        total += Double(overlap.values.reduce(0) { $0 + $1 * $1 }) / Double(cluster.count)
        mentions += cluster.count
      }
      return (total, Double(mentions))
    }
    let (rn, rd) = score(key, against: response)
    let (pn, pd) = score(response, against: key)
    return PRF(numerators: pn, pd, rn, rd)
  }

  // MARK: - CEAF-e

  /// CEAF-e (Luo 2005): the one-to-one alignment of key and response clusters maximising
  /// Σ φ4(K, R) with φ4 = 2|K ∩ R| / (|K| + |R|), found with the Hungarian algorithm on each
  /// connected group of overlapping clusters; recall divides by the number of key clusters,
  /// precision by the number of response clusters.
  static func ceafe<M: Hashable>(key: [[M]], response: [[M]]) -> PRF {
    let owner = clusterIndex(response)
    // Overlaps between key cluster i and response cluster j.
    var overlaps: [Int: [Int: Int]] = [:]
    for (i, cluster) in key.enumerated() {
      for mention in cluster { if let j = owner[mention] { overlaps[i, default: [:]][j, default: 0] += 1 } }
    }
    // Connected components of the bipartite overlap graph: outside them φ4 is 0.
    var componentOfResponse: [Int: Int] = [:]
    var components: [(keys: [Int], responses: [Int])] = []
    var visitedKeys = Set<Int>()
    var responseToKeys: [Int: [Int]] = [:]
    for (i, row) in overlaps { for j in row.keys { responseToKeys[j, default: []].append(i) } }
    for start in overlaps.keys.sorted() where !visitedKeys.contains(start) {
      var keys: [Int] = []
      var responses: [Int] = []
      var stack = [start]
      visitedKeys.insert(start)
      while let i = stack.popLast() {
        keys.append(i)
        for j in overlaps[i, default: [:]].keys where componentOfResponse[j] == nil {
          componentOfResponse[j] = components.count
          responses.append(j)
          for other in responseToKeys[j, default: []] where !visitedKeys.contains(other) {
            visitedKeys.insert(other)
            stack.append(other)
          }
        }
      }
      components.append((keys, responses))
    }
    var similarity = 0.0
    for component in components {
      let weights = component.keys.map { i in
        component.responses.map { j in
          let common = Double(overlaps[i]?[j] ?? 0)
          return 2 * common / Double(key[i].count + response[j].count)
        }
      }
      similarity += Hungarian.maximumWeight(weights)
    }
    return PRF(numerators: similarity, Double(response.count), similarity, Double(key.count))
  }

  static func clusterIndex<M: Hashable>(_ clusters: [[M]]) -> [M: Int] {
    var index: [M: Int] = [:]
    for (i, cluster) in clusters.enumerated() { for mention in cluster { index[mention] = i } }
    return index
  }
}

// MARK: - Hungarian algorithm

/// The assignment problem (Kuhn–Munkres) in O(n³), with potentials (Jonker–Volgenant style).
enum Hungarian {
  /// The largest total weight of a one-to-one assignment of rows to columns (a rectangular
  /// matrix is padded with zeros).
  static func maximumWeight(_ weights: [[Double]]) -> Double {
    let rows = weights.count
    let columns = weights.first?.count ?? 0
    guard rows > 0, columns > 0 else { return 0 }
    let n = max(rows, columns)
    let top = weights.joined().max() ?? 0
    // Minimise cost = top − weight over an n×n matrix (1-based, row/column 0 are sentinels).
    func cost(_ i: Int, _ j: Int) -> Double { i <= rows && j <= columns ? top - weights[i - 1][j - 1] : top }
    var u = [Double](repeating: 0, count: n + 1)
    var v = [Double](repeating: 0, count: n + 1)
    var match = [Int](repeating: 0, count: n + 1)  // match[column] = row
    var way = [Int](repeating: 0, count: n + 1)
    for i in 1...n {
      match[0] = i
      var j0 = 0
      var minimum = [Double](repeating: .infinity, count: n + 1)
      var used = [Bool](repeating: false, count: n + 1)
      repeat {
        used[j0] = true
        let i0 = match[j0]
        var delta = Double.infinity
        var j1 = 0
        for j in 1...n where !used[j] {
          let reduced = cost(i0, j) - u[i0] - v[j]
          if reduced < minimum[j] {
            minimum[j] = reduced
            way[j] = j0
          }
          if minimum[j] < delta {
            delta = minimum[j]
            j1 = j
          }
        }
        for j in 0...n {
          if used[j] {
            u[match[j]] += delta
            v[j] -= delta
          } else {
            minimum[j] -= delta
          }
        }
        j0 = j1
      } while match[j0] != 0
      repeat {
        let j1 = way[j0]
        match[j0] = match[j1]
        j0 = j1
      } while j0 != 0
    }
    var total = 0.0
    for j in 1...n where match[j] <= rows && j <= columns { total += weights[match[j] - 1][j - 1] }
    return total
  }
}
