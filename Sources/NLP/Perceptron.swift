import CPrefetch

// MARK: - Averaged perceptron (training)

/// A multi-class averaged perceptron over hashed features, for training.
///
/// Weights are sparse: each feature keeps a linked list of (class, weight) entries in flat arrays,
/// created the first time the feature takes part in an update. Averaging uses the usual
/// timestamp trick (Collins 2002; Daumé's lazy update), so an update costs O(features).
/// ``freeze(threshold:)`` turns the averaged weights into a compact ``LinearModel``.
public struct PerceptronTrainer: Sendable {
  public let classCount: Int
  private var table = FeatureTable(minimumCapacity: 1 << 16)
  private var head: [Int32] = []
  private var entryClass: [UInt16] = []
  private var entryWeight: [Float] = []
  private var entryTotal: [Double] = []
  private var entryStamp: [Int32] = []
  private var entryNext: [Int32] = []
  /// Number of training instances seen so far (the averaging clock).
  private(set) var instances: Int32 = 0

  public init(classCount: Int) {
    precondition(classCount > 0 && classCount <= Int(UInt16.max))
    self.classCount = classCount
  }

  public var featureCount: Int { table.count }
  public var entryCount: Int { entryClass.count }

  /// Adds the current (non-averaged) weights of `features` to `scores` (length `classCount`).
  public func score(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutableBufferPointer<Float>) {
    for i in 0..<classCount { scores[i] = 0 }
    entryClass.withUnsafeBufferPointer { cls in
      entryWeight.withUnsafeBufferPointer { w in
        entryNext.withUnsafeBufferPointer { next in
          for f in features {
            let id = table.find(f)
            if id < 0 { continue }
            var e = head[Int(id)]
            while e >= 0 {
              scores[Int(cls[Int(e)])] += w[Int(e)]
              e = next[Int(e)]
            }
          }
        }
      }
    }
  }

  /// Counts one training instance; call once per decision, whether or not it was right.
  public mutating func tick() { instances += 1 }

  /// Moves weight toward `truth` and away from `guess` for `features` (no-op when equal).
  public mutating func update(
    _ features: UnsafeBufferPointer<UInt64>, truth: Int, guess: Int, step: Float = 1
  ) {
    guard truth != guess else { return }
    for f in features {
      let (id, inserted) = table.findOrInsert(f)
      if inserted { head.append(-1) }
      add(feature: Int(id), cls: truth, value: step)
      add(feature: Int(id), cls: guess, value: -step)
    }
  }

  @inline(__always)
  private mutating func add(feature: Int, cls: Int, value: Float) {
    var e = head[feature]
    while e >= 0 {
      if Int(entryClass[Int(e)]) == cls { break }
      e = entryNext[Int(e)]
    }
    if e < 0 {
      e = Int32(entryClass.count)
      entryClass.append(UInt16(cls))
      entryWeight.append(0)
      entryTotal.append(0)
      entryStamp.append(instances)
      entryNext.append(head[feature])
      head[feature] = e
    }
    let i = Int(e)
    entryTotal[i] += Double(instances - entryStamp[i]) * Double(entryWeight[i])
    entryStamp[i] = instances
    entryWeight[i] += value
  }

  /// The mean of several trainers' averaged weights (trainers over the same classes, e.g. with
  /// different shuffling seeds) as one frozen model: a cheap ensemble that lowers the variance
  /// that the order of the training data gives a perceptron.
  public static func freeze(averaging trainers: [PerceptronTrainer], threshold: Float = 0) -> LinearModel {
    precondition(!trainers.isEmpty)
    if trainers.count == 1 { return trainers[0].freeze(threshold: threshold) }
    let classCount = trainers[0].classCount
    // The union of the keys, sorted; each key's row is summed in a scratch row, trainer by trainer
    // (a dense row per key would not fit in memory for a parser's hundreds of transitions).
    var allKeys: [UInt64] = []
    for trainer in trainers { allKeys += trainer.table.pairsByID().map(\.0) }
    allKeys.sort()
    var keys: [UInt64] = []
    var rowStart: [Int32] = [0]
    var classes: [UInt16] = []
    var weights: [Float] = []
    var row = [Float](repeating: 0, count: classCount)
    var touched = [Bool](repeating: false, count: classCount)
    var touchedList: [Int] = []
    var previous: UInt64? = nil
    for key in allKeys where key != previous {
      previous = key
      touchedList.removeAll(keepingCapacity: true)
      for trainer in trainers {
        let id = trainer.table.find(key)
        guard id >= 0 else { continue }
        let time = Double(max(trainer.instances, 1))
        var e = trainer.head[Int(id)]
        while e >= 0 {
          let i = Int(e)
          let c = Int(trainer.entryClass[i])
          let total =
            trainer.entryTotal[i] + Double(trainer.instances - trainer.entryStamp[i])
            * Double(trainer.entryWeight[i])
          if !touched[c] {
            touched[c] = true
            touchedList.append(c)
          }
          row[c] += Float(total / time) / Float(trainers.count)
          e = trainer.entryNext[i]
        }
      }
      touchedList.sort()
      let before = classes.count
      for c in touchedList {
        let w = row[c]
        if abs(w) > threshold && w != 0 {
          classes.append(UInt16(c))
          weights.append(w)
        }
        row[c] = 0
        touched[c] = false
      }
      if classes.count == before { continue }
      keys.append(key)
      rowStart.append(Int32(classes.count))
    }
    return LinearModel(
      classCount: classCount, keys: keys, rowStart: rowStart, classes: classes, weights: weights)
  }

  /// The averaged weights as a frozen model, dropping entries whose magnitude is below `threshold`.
  public func freeze(threshold: Float = 0) -> LinearModel {
    let pairs = table.pairsByID()
    var keys: [UInt64] = []
    var rowStart: [Int32] = [0]
    var classes: [UInt16] = []
    var weights: [Float] = []
    let time = Double(max(instances, 1))
    var row: [(UInt16, Float)] = []
    for (key, id) in pairs {
      row.removeAll(keepingCapacity: true)
      var e = head[Int(id)]
      while e >= 0 {
        let i = Int(e)
        let total = entryTotal[i] + Double(instances - entryStamp[i]) * Double(entryWeight[i])
        let average = Float(total / time)
        if abs(average) > threshold && average != 0 { row.append((entryClass[i], average)) }
        e = entryNext[i]
      }
      if row.isEmpty { continue }
      row.sort { $0.0 < $1.0 }
      keys.append(key)
      for (c, w) in row {
        classes.append(c)
        weights.append(w)
      }
      rowStart.append(Int32(classes.count))
    }
    return LinearModel(
      classCount: classCount, keys: keys, rowStart: rowStart, classes: classes, weights: weights)
  }
}

// MARK: - Frozen linear model (prediction)

/// Averaged perceptron weights for prediction.
///
/// Each feature's nonzero class weights sit together in one flat array of packed entries
/// (class id in the high 16 bits, weight quantized to a signed 16-bit integer in the low bits),
/// found through an open-addressing table of buckets, each one cache line of eight slots that
/// hold a key's check bits and its row's place. A lookup thus touches one cache line of the table
/// (almost always) and one run of entries. All weights share one scale, so scores are computed in
/// quantized units (the argmax does not change).
public struct LinearModel: Sendable {
  public let classCount: Int
  /// Feature keys, row starts (`rowStart[i]..<rowStart[i+1]` in ``entries``), packed entries.
  let keys: [UInt64]
  let rowStart: [Int32]
  let entries: [UInt32]
  /// Weight = quantized value × scale.
  let scale: Float
  private let table: SlotBuckets
  private let shift: UInt64

  /// A table slot in 8 bytes, so that the table is half the size a whole key would make it (and
  /// misses the cache less): the key's high bits choose the slot's bucket, its low 32 bits are
  /// checked here. Two keys that share both would need 2^-32 luck; at build time, a key whose
  /// check equals that of a key in a bucket of its probe run is left out and counted (a lookup of
  /// it would find the other key's row).
  enum Slot {
    /// `place << 6 | length`: a sparse row's first entry and its length (below 62), a dense
    /// row's index with length 63, or a row of one entry with length 62 and the entry itself
    /// (class << 16 | weight) as its place; `UInt32.max` marks an empty slot.
    static let empty = UInt32.max
    static let denseLength: UInt32 = 63
    /// A row of one entry (a third of the bundled parser's rows: pruning leaves them) is kept in
    /// the slot, where it costs no second cache miss.
    static let inlineLength: UInt32 = 62
    /// Classes an entry kept in the slot can name: the place has 26 bits, 16 are the weight's.
    static let inlineClasses = 1 << 10

    /// The check bits of a (normalized) key: its low 32 bits, 0 read as 1 (an empty slot's check is 0).
    @inline(__always)
    static func check(_ key: UInt64) -> UInt32 { max(UInt32(truncatingIfNeeded: key), 1) }
  }

  /// The most entries (and keys) a model may have: a row's place has 26 bits.
  static let maxEntries = 1 << 26

  /// Rows with at least this many entries are kept dense (all classes) for scoring, as
  /// ``denseWords`` 32-bit words a row: class 2k in the low half of word k, stored plus 32768
  /// (so unsigned), class 2k + 1 in the high half as it is (signed). One word thus yields both
  /// weights with one mask and one arithmetic shift: a load, a mask, a shift and two additions
  /// per 8 classes (see ``addDenseRows``).
  private let dense: [UInt32]
  /// Words in a dense row: `classCount` rounded up to a multiple of ``denseBlock`` classes, halved.
  private let denseWords: Int
  /// Classes summed per pass over the dense rows: their sums stay in registers.
  static let denseBlock = 16

  /// Keys that could not be stored (see ``Slot``); almost always 0.
  let unreachableKeys: Int

  init(classCount: Int, keys: [UInt64], rowStart: [Int32], entries: [UInt32], scale: Float) {
    precondition(entries.count < Self.maxEntries && keys.count < Self.maxEntries, "model too large")
    self.classCount = classCount
    self.keys = keys
    self.rowStart = rowStart
    self.entries = entries
    self.scale = scale
    var buckets = 2
    // At most 70% of the slots full: a bucket seldom overflows into the next one.
    while buckets * SlotBuckets.width * 7 < keys.count * 10 { buckets <<= 1 }
    let shift = UInt64(64 - buckets.trailingZeroBitCount)
    let table = SlotBuckets(count: buckets)
    var dense: [UInt32] = []
    let denseWords = (classCount + Self.denseBlock - 1) / Self.denseBlock * Self.denseBlock / 2
    let denseFrom = min(max(8, classCount / 6), Int(Slot.inlineLength))
    let inline = classCount <= Slot.inlineClasses
    var unreachable = 0
    nextKey: for (i, k) in keys.enumerated() where rowStart[i + 1] > rowStart[i] {
      // (A row without entries adds nothing: its key is left out, so that no stored row is 0.)
      let key = FeatureTable.normalize(k)
      let check = Slot.check(key)
      // The first free slot of the first bucket with one, from the key's own bucket on.
      var bucket = FeatureTable.home(key, shift: shift)
      var place = -1
      while place < 0 {
        let words = table.bucket(bucket)
        for s in 0..<SlotBuckets.width {
          if words[SlotBuckets.width + s] == Slot.empty {
            place = s
            break
          }
          if words[s] == check {
            unreachable += 1
            continue nextKey
          }
        }
        if place < 0 { bucket = (bucket + 1) & (buckets - 1) }
      }
      let start = Int(rowStart[i])
      let end = Int(rowStart[i + 1])
      let row: UInt32
      if end - start >= denseFrom {
        let offset = dense.count
        dense.append(contentsOf: repeatElement(0x8000, count: denseWords))  // weight 0 everywhere
        for e in entries[start..<end] {
          let cls = Int(e >> 16)
          let bits = UInt32(UInt16(truncatingIfNeeded: e))
          if cls & 1 == 0 {
            dense[offset + cls / 2] = dense[offset + cls / 2] & 0xFFFF_0000 | (bits ^ 0x8000)
          } else {
            dense[offset + cls / 2] = dense[offset + cls / 2] & 0xFFFF | bits << 16
          }
        }
        row = UInt32(offset / max(denseWords, 1)) << 6 | Slot.denseLength
      } else if end - start == 1 && inline {
        row = entries[start] << 6 | Slot.inlineLength
      } else {
        row = UInt32(start) << 6 | UInt32(end - start)
      }
      table.bucket(bucket)[place] = check
      table.bucket(bucket)[SlotBuckets.width + place] = row
    }
    precondition(dense.count < Int(UInt32.max), "model too large")
    self.table = table
    self.shift = shift
    self.dense = dense
    self.denseWords = denseWords
    self.unreachableKeys = unreachable
  }

  /// Quantizes float rows.
  init(classCount: Int, keys: [UInt64], rowStart: [Int32], classes: [UInt16], weights: [Float]) {
    let maxAbs = weights.reduce(Float(0)) { max($0, abs($1)) }
    let scale = maxAbs > 0 ? maxAbs / 32767 : 1
    var entries: [UInt32] = []
    entries.reserveCapacity(weights.count)
    for (c, w) in zip(classes, weights) {
      let q = Int16(clamping: Int((w / scale).rounded()))
      entries.append(UInt32(c) << 16 | UInt32(UInt16(bitPattern: q)))
    }
    self.init(classCount: classCount, keys: keys, rowStart: rowStart, entries: entries, scale: scale)
  }

  public var featureCount: Int { keys.count }
  public var weightCount: Int { entries.count }

  /// A copy without the entries whose weight magnitude is at most `threshold`.
  public func pruned(threshold: Float) -> LinearModel {
    // Quantized weights are 16-bit: any limit past Int16.max drops them all, and converting a
    // huge (or infinite) ratio to an integer directly would trap.
    let ratio = (threshold / scale).rounded(.down)
    let limit: Int32 =
      ratio.isNaN || ratio < 0 ? -1 : ratio > Float(Int16.max) ? Int32(Int16.max) : Int32(ratio)
    var newKeys: [UInt64] = []
    var newRows: [Int32] = [0]
    var newEntries: [UInt32] = []
    for (i, k) in keys.enumerated() {
      let before = newEntries.count
      for e in entries[Int(rowStart[i])..<Int(rowStart[i + 1])] {
        let q = Int32(Int16(bitPattern: UInt16(truncatingIfNeeded: e)))
        if abs(q) > limit { newEntries.append(e) }
      }
      if newEntries.count > before {
        newKeys.append(k)
        newRows.append(Int32(newEntries.count))
      }
    }
    return LinearModel(
      classCount: classCount, keys: newKeys, rowStart: newRows, entries: newEntries, scale: scale)
  }

  /// Sets `scores` (length `classCount`) to the sum of the weights of `features`, in units of ``scale``.
  ///
  /// Looks up all features first and then adds their rows, so that the table's cache misses
  /// overlap instead of waiting one after another. Sums are exact integers until the end.
  @inline(__always)
  public func score(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutableBufferPointer<Float>) {
    let classCount = classCount
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: accumulatorWidth) { acc in
      for i in 0..<acc.count { acc[i] = 0 }
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: features.count) { rows in
        // Every slot is requested before the first is compared, so that the misses overlap.
        prefetchSlots(features)
        let found = findRows(features, adding: acc.baseAddress!, rows: rows.baseAddress!)
        addRows(UnsafeMutableBufferPointer(rebasing: rows[0..<found]), to: acc.baseAddress!)
      }
      for i in 0..<classCount { scores[i] = Float(acc[i]) }
    }
  }

  // MARK: Scoring steps

  /// Length of the integer accumulator the steps add to: the classes, padded for dense rows.
  private var accumulatorWidth: Int { max(2 * denseWords, classCount) }

  /// Asks the processor for the table bucket of each of `features` (a hint; reads nothing).
  @inline(__always)
  private func prefetchSlots(_ features: UnsafeBufferPointer<UInt64>) {
    for f in features {
      newsgraph_prefetch(table.bucket(FeatureTable.home(FeatureTable.normalize(f), shift: shift)))
    }
  }

  /// Finds the rows of `features`: a row kept in its slot is added to `acc` (``accumulatorWidth``
  /// entries) at once, the others are written to `rows` (room for one per feature); returns how
  /// many were written.
  ///
  /// A bucket's eight checks are compared without branching; the branches left (found or not,
  /// kept in the slot or not, bucket overflowed) mostly go one way.
  @inline(__always)
  private func findRows(
    _ features: UnsafeBufferPointer<UInt64>, adding acc: UnsafeMutablePointer<Int32>,
    rows: UnsafeMutablePointer<UInt32>
  ) -> Int {
    let mask = table.count - 1
    var found = 0
    for f in features {
      let key = FeatureTable.normalize(f)
      let check = Slot.check(key)
      var bucket = FeatureTable.home(key, shift: shift)
      while true {
        let words = table.bucket(bucket)
        // At most one check matches; the sum is its row, or 0 (no row is 0) when none does.
        let checks = UnsafeRawPointer(words).load(as: SIMD8<UInt32>.self)
        let rowsHere = UnsafeRawPointer(words + SlotBuckets.width).load(as: SIMD8<UInt32>.self)
        let row = rowsHere.replacing(with: 0, where: checks .!= SIMD8(repeating: check)).wrappedSum()
        if row != 0 {
          if row & 63 == Slot.inlineLength {
            let v = row >> 6
            acc[Int(v >> 16)] &+= Int32(Int16(bitPattern: UInt16(truncatingIfNeeded: v)))
          } else {
            rows[found] = row
            found += 1
          }
          break
        }
        // A bucket with a free slot never overflowed: the key is absent.
        if words[2 * SlotBuckets.width - 1] == Slot.empty { break }
        bucket = (bucket &+ 1) & mask
      }
    }
    return found
  }

  /// Adds the rows ``findRows`` wrote to `acc`; overwrites `rows`.
  @inline(__always)
  private func addRows(_ rows: UnsafeMutableBufferPointer<UInt32>, to acc: UnsafeMutablePointer<Int32>) {
    entries.withUnsafeBufferPointer { e in
      dense.withUnsafeBufferPointer { d in
        for r in rows {
          let place = Int(r >> 6)
          let length = r & 63
          if length == Slot.denseLength {
            // A dense row spans several cache lines (4 bytes per two classes).
            let start = place * denseWords
            var word = 0
            while word < denseWords {
              newsgraph_prefetch(d.baseAddress! + start + word)
              word += 16
            }
          } else if length > 0 {
            newsgraph_prefetch(e.baseAddress! + place)
            if length > 8 { newsgraph_prefetch(e.baseAddress! + place + Int(length) - 1) }
          }
        }
        // Sparse rows one entry at a time; dense rows' places gathered at the front of `rows`.
        var denseCount = 0
        for r in 0..<rows.count {
          let place = Int(rows[r] >> 6)
          let length = rows[r] & 63
          if length == Slot.denseLength {
            rows[denseCount] = UInt32(place * denseWords)
            denseCount += 1
          } else {
            for j in place..<(place + Int(length)) {
              let v = e[j]
              acc[Int(v >> 16)] &+= Int32(Int16(bitPattern: UInt16(truncatingIfNeeded: v)))
            }
          }
        }
        if denseCount > 0 {
          addDenseRows(UnsafeBufferPointer(rebasing: rows[0..<denseCount]), of: d.baseAddress!, into: acc)
        }
      }
    }
  }

  /// Adds the dense rows at word offsets `offsets` of `dense` to `acc` (``denseWords`` × 2 classes),
  /// ``denseBlock`` classes at a time: each block's sums stay in registers across all rows.
  @inline(__always)
  private func addDenseRows(
    _ offsets: UnsafeBufferPointer<UInt32>, of dense: UnsafePointer<UInt32>,
    into acc: UnsafeMutablePointer<Int32>
  ) {
    let raw = UnsafeRawPointer(dense)
    let low = SIMD4<UInt32>(repeating: 0xFFFF)
    // Every even-class weight was stored plus 32768.
    let bias = SIMD4<Int32>(repeating: Int32(offsets.count) &* 32768)
    var block = 0
    while block < denseWords {
      var even0 = SIMD4<Int32>(), even1 = SIMD4<Int32>()
      var odd0 = SIMD4<Int32>(), odd1 = SIMD4<Int32>()
      for offset in offsets {
        let p = raw + (Int(offset) + block) &* 4
        let a = p.loadUnaligned(as: SIMD4<UInt32>.self)
        let b = (p + 16).loadUnaligned(as: SIMD4<UInt32>.self)
        even0 &+= SIMD4<Int32>(truncatingIfNeeded: a & low)
        even1 &+= SIMD4<Int32>(truncatingIfNeeded: b & low)
        odd0 &+= SIMD4<Int32>(truncatingIfNeeded: a) &>> 16
        odd1 &+= SIMD4<Int32>(truncatingIfNeeded: b) &>> 16
      }
      even0 &-= bias
      even1 &-= bias
      let out = acc + 2 * block
      for i in 0..<4 {
        out[2 * i] &+= even0[i]
        out[2 * i + 1] &+= odd0[i]
        out[8 + 2 * i] &+= even1[i]
        out[8 + 2 * i + 1] &+= odd1[i]
      }
      block += Self.denseBlock / 2
    }
  }
}

/// The table of a ``LinearModel``: buckets of ``width`` checks followed by their ``width`` rows,
/// 64 bytes each and aligned to a cache line, so that a bucket costs one miss. Written only while
/// the model is built.
final class SlotBuckets: @unchecked Sendable {
  /// Slots per bucket.
  static let width = 8
  /// Number of buckets (a power of two).
  let count: Int
  private let words: UnsafeMutablePointer<UInt32>

  init(count: Int) {
    self.count = count
    let wordCount = count * 2 * Self.width
    words = UnsafeMutableRawPointer.allocate(byteCount: wordCount * 4, alignment: 64)
      .bindMemory(to: UInt32.self, capacity: wordCount)
    for b in 0..<count {
      (words + b * 2 * Self.width).initialize(repeating: 0, count: Self.width)
      (words + b * 2 * Self.width + Self.width).initialize(
        repeating: LinearModel.Slot.empty, count: Self.width)
    }
  }

  deinit { words.deallocate() }

  /// Bucket `index`'s checks (`[0..<width]`) and rows (`[width..<2 * width]`).
  @inline(__always)
  func bucket(_ index: Int) -> UnsafeMutablePointer<UInt32> { words + index &* (2 * Self.width) }
}

// MARK: - Deterministic randomness

/// SplitMix64: a small, fixed pseudo-random generator so that training shuffles identically
/// everywhere (Swift's `shuffle` algorithm is not guaranteed to stay the same).
public struct SplitMix64: Sendable {
  private var state: UInt64
  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0..<bound`.
  public mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// A uniform double in `[0, 1)`.
  public mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }

  /// Fisher–Yates shuffle.
  public mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      array.swapAt(i, next(below: i + 1))
    }
  }
}

// MARK: - Pruning whole models

extension Tagger {
  /// The same tagger without weights of magnitude at most `threshold`.
  public func pruned(threshold: Float) -> Tagger {
    Tagger(
      upos: upos, xpos: xpos, model: model.pruned(threshold: threshold), tagDictionary: tagDictionary,
      ambiguity: ambiguity, classes: classes, categories: categories, usesSpacing: usesSpacing,
      rareWordFeatures: rareWordFeatures)
  }

  /// Number of features and of nonzero weights.
  public var size: (features: Int, weights: Int) { (model.featureCount, model.weightCount) }
}

extension Parser {
  /// The same parser without weights of magnitude at most `threshold`.
  public func pruned(threshold: Float) -> Parser {
    Parser(labels: labels, model: model.pruned(threshold: threshold), classes: classes)
  }

  /// Number of features and of nonzero weights.
  public var size: (features: Int, weights: Int) { (model.featureCount, model.weightCount) }
}
