import Foundation

// MARK: - Distributional word classes

/// Word classes learnt from unlabelled text, for the recognizer's features: for each lowercase
/// word, its class at a few granularities (the exchange algorithm of Kneser & Ney 1993 / Martin,
/// Liermann & Ney 1998, maximizing the class-bigram likelihood) and how often the word is
/// capitalized inside a sentence (a strong hint in lowercase web text: "tampa" is "Tampa" in news).
///
/// Words are keyed by ``WordHashes/lower``; the table is stored in the recognizer's model file.
public struct WordClasses: Sendable {
  /// Class counts of each granularity, coarsest first.
  public let granularities: [Int]
  /// Lowercase word hash → packed code (see ``code(_:)``).
  let table: FeatureTable

  /// No classes (features fall back to "unknown").
  public static let empty = WordClasses(granularities: [], table: FeatureTable(minimumCapacity: 16))

  public var wordCount: Int { table.count }

  init(granularities: [Int], table: FeatureTable) {
    self.granularities = granularities
    self.table = table
  }

  // MARK: Codes

  /// Bits of a packed code: capitalization bucket (3 bits), then 9 bits per granularity.
  static let capitalBits: Int32 = 3
  static let classBits: Int32 = 9

  /// The packed code of a lowercase word hash, or −1 when the word was not seen.
  @inline(__always)
  func code(_ lower: UInt64) -> Int32 { table.count == 0 ? -1 : table.find(lower) }

  /// Capitalization bucket of a code (0 = unknown word).
  @inline(__always)
  static func capitalBucket(_ code: Int32) -> UInt64 { code < 0 ? 0 : UInt64(code & 7) }

  /// Class at granularity `k` of a code, + 1 (0 = unknown word).
  @inline(__always)
  static func cluster(_ code: Int32, _ k: Int) -> UInt64 {
    code < 0 ? 0 : UInt64((code >> (capitalBits + classBits * Int32(k))) & 511) + 1
  }

  /// Capitalization bucket from the counts of inner-sentence occurrences: 1 rare (< 3 seen),
  /// then by share capitalized: 2 never (< 5%), 3 seldom, 4 often, 5 mostly, 6 always (≥ 95%).
  static func bucket(capitalized: Int, total: Int) -> Int32 {
    if total < 3 { return capitalized > 0 ? 7 : 1 }
    let r = Double(capitalized) / Double(total)
    if r < 0.05 { return 2 }
    if r < 0.3 { return 3 }
    if r < 0.7 { return 4 }
    if r < 0.95 { return 5 }
    return 6
  }

  // MARK: Learning

  /// Learns classes from tokenized sentences: words seen at least `minimumCount` times get
  /// classes (rarer words share one "rare" class per granularity); every word gets its
  /// capitalization bucket. Deterministic.
  public static func learn(
    _ sentences: [[String]], granularities: [Int] = [32, 128, 400], minimumCount: Int = 3,
    iterations: Int = 8, progress: (String) -> Void = { _ in }
  ) -> WordClasses {
    precondition(granularities.count <= 3 && granularities.allSatisfy { $0 >= 2 && $0 <= 511 })
    // Vocabulary in order of first appearance, with counts and capitalization.
    var ids = FeatureTable(minimumCapacity: 1 << 16)
    var lowerKeys: [UInt64] = []
    var counts: [Int] = []
    var inner: [Int] = []
    var capital: [Int] = []
    var corpus: [[Int32]] = []
    corpus.reserveCapacity(sentences.count)
    for s in sentences {
      var row: [Int32] = []
      row.reserveCapacity(s.count)
      for (k, form) in s.enumerated() {
        let h = WordHashes(form)
        let (id, inserted) = ids.findOrInsert(h.lower)
        if inserted {
          lowerKeys.append(h.lower)
          counts.append(0)
          inner.append(0)
          capital.append(0)
        }
        counts[Int(id)] += 1
        if k > 0 && form.first?.isLetter == true {
          inner[Int(id)] += 1
          if h.flags & 16 != 0 { capital[Int(id)] += 1 }
        }
        row.append(id)
      }
      corpus.append(row)
    }
    let v = counts.count
    // Frequent words by descending count (ties by first appearance); the rest map to `rare`.
    let frequent = (0..<v).filter { counts[$0] >= minimumCount }.sorted {
      counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1
    }
    var dense = [Int32](repeating: -1, count: v)
    for (k, w) in frequent.enumerated() { dense[w] = Int32(k) }
    let rare = Int32(frequent.count)
    let n = frequent.count + 1
    // Bigram counts over dense ids, with sentence boundaries as the rare word's neighbours
    // left out (only real bigrams count).
    var pairCounts: [UInt64: Int32] = [:]
    for row in corpus where row.count > 1 {
      for k in 1..<row.count {
        let a = dense[Int(row[k - 1])] < 0 ? rare : dense[Int(row[k - 1])]
        let b = dense[Int(row[k])] < 0 ? rare : dense[Int(row[k])]
        pairCounts[UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)), default: 0] += 1
      }
    }
    let pairs = pairCounts.keys.sorted()
    var right = [[(Int32, Int32)]](repeating: [], count: n)
    var left = [[(Int32, Int32)]](repeating: [], count: n)
    for key in pairs {
      let a = Int32(key >> 32)
      let b = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
      let c = pairCounts[key]!
      right[Int(a)].append((b, c))
      left[Int(b)].append((a, c))
    }
    var assignments: [[Int32]] = []
    for (g, k) in granularities.enumerated() {
      let started = Date()
      let classes = exchange(words: n, right: right, left: left, classCount: k, iterations: iterations)
      assignments.append(classes)
      progress(
        "word classes \(g + 1)/\(granularities.count): \(k) classes over \(n) words (\(Int(Date().timeIntervalSince(started)))s)"
      )
    }
    var table = FeatureTable(minimumCapacity: v)
    for w in 0..<v {
      var code = bucket(capitalized: capital[w], total: inner[w])
      let d = dense[w] < 0 ? rare : dense[w]
      for (g, classes) in assignments.enumerated() {
        code |= classes[Int(d)] << (capitalBits + classBits * Int32(g))
      }
      table.insert(lowerKeys[w], id: code)
    }
    return WordClasses(granularities: granularities, table: table)
  }

  /// The exchange algorithm: words start in classes by frequency rank (rank mod `classCount`),
  /// then each word in turn moves to the class that most raises the class-bigram log-likelihood
  /// Σ N(c,d) log N(c,d) − Σ N_left(c) log N_left(c) − Σ N_right(d) log N_right(d).
  static func exchange(
    words n: Int, right: [[(Int32, Int32)]], left: [[(Int32, Int32)]], classCount k: Int, iterations: Int
  ) -> [Int32] {
    @inline(__always) func f(_ x: Int) -> Double { x <= 0 ? 0 : Double(x) * log(Double(x)) }
    var cls = (0..<n).map { Int32($0 % k) }
    var m = [Int](repeating: 0, count: k * k)  // m[a * k + b]: bigrams with classes (a, b)
    var nl = [Int](repeating: 0, count: k)  // class as the left element
    var nr = [Int](repeating: 0, count: k)
    var wl = [Int](repeating: 0, count: n)  // word as the left element
    var wr = [Int](repeating: 0, count: n)
    for a in 0..<n {
      for (b, c) in right[a] {
        m[Int(cls[a]) * k + Int(cls[Int(b)])] += Int(c)
        wl[a] += Int(c)
        wr[Int(b)] += Int(c)
      }
    }
    for w in 0..<n {
      nl[Int(cls[w])] += wl[w]
      nr[Int(cls[w])] += wr[w]
    }
    var rw = [Int](repeating: 0, count: k)  // bigrams (w, class c), excluding (w, w)
    var lw = [Int](repeating: 0, count: k)
    var rTouched: [Int] = []
    var lTouched: [Int] = []
    for _ in 0..<iterations {
      var moved = 0
      for w in 0..<n where wl[w] + wr[w] > 0 {
        let wi = Int32(w)
        var selfCount = 0
        rTouched.removeAll(keepingCapacity: true)
        lTouched.removeAll(keepingCapacity: true)
        for (b, c) in right[w] {
          if b == wi {
            selfCount = Int(c)
            continue
          }
          let d = Int(cls[Int(b)])
          if rw[d] == 0 { rTouched.append(d) }
          rw[d] += Int(c)
        }
        for (a, c) in left[w] where a != wi {
          let d = Int(cls[Int(a)])
          if lw[d] == 0 { lTouched.append(d) }
          lw[d] += Int(c)
        }
        // Remove w from its class.
        let old = Int(cls[w])
        for d in rTouched { m[old * k + d] -= rw[d] }
        for d in lTouched { m[d * k + old] -= lw[d] }
        m[old * k + old] -= selfCount
        nl[old] -= wl[w]
        nr[old] -= wr[w]
        // Best class to put it in.
        var best = old
        var bestGain = -Double.infinity
        for b in 0..<k {
          var gain = 0.0
          for d in rTouched where d != b {
            let x = m[b * k + d]
            gain += f(x + rw[d]) - f(x)
          }
          for d in lTouched where d != b {
            let x = m[d * k + b]
            gain += f(x + lw[d]) - f(x)
          }
          let x = m[b * k + b]
          gain += f(x + rw[b] + lw[b] + selfCount) - f(x)
          gain -= f(nl[b] + wl[w]) - f(nl[b])
          gain -= f(nr[b] + wr[w]) - f(nr[b])
          if gain > bestGain + 1e-9 || (b == old && gain >= bestGain - 1e-9) {
            bestGain = gain
            best = b
          }
        }
        if best != old { moved += 1 }
        cls[w] = Int32(best)
        for d in rTouched { m[best * k + d] += rw[d] }
        for d in lTouched { m[d * k + best] += lw[d] }
        m[best * k + best] += selfCount
        nl[best] += wl[w]
        nr[best] += wr[w]
        for d in rTouched { rw[d] = 0 }
        for d in lTouched { lw[d] = 0 }
      }
      if moved == 0 { break }
    }
    return cls
  }

  // MARK: Model file

  func put(into archive: inout ModelArchive) {
    archive.put("WGRN", granularities.map(Int32.init))
    archive.put(table, keys: "WKEY", values: "WVAL")
  }

  /// The classes stored in `archive`, or ``empty`` for a model written without them.
  init(archive: ModelArchive, file: String) throws {
    guard archive.has("WGRN") else {
      self = .empty
      return
    }
    let granularities: [Int32] = try archive.get("WGRN", file: file)
    guard granularities.count <= 3 else {
      throw NLPError.invalidModel(file: file, reason: "inconsistent word classes")
    }
    let table = try archive.table(keys: "WKEY", values: "WVAL", what: "word classes", file: file)
    self.init(granularities: granularities.map(Int.init), table: table)
  }
}
