import Testing

@testable import NLP

/// `LinearModel.score` keeps long rows in a packed dense layout and adds them block by block, and
/// rows of one entry in the table slot; its sums must equal adding every stored entry one by one,
/// for any class count and any weights.
@Suite struct LinearModelScoringTests {
  /// A model of `keyCount` features with random rows: about half long enough to be stored dense,
  /// the rest short; weights anywhere in Int16, extremes included.
  static func randomModel(classCount: Int, keyCount: Int, seed: UInt64) -> LinearModel {
    var random = SplitMix64(seed: seed)
    var keys: [UInt64] = []
    var rowStart: [Int32] = [0]
    var entries: [UInt32] = []
    for k in 0..<keyCount {
      keys.append(UInt64(k + 1) &* 0x9E37_79B9_7F4A_7C15)
      let long = random.next(below: 2) == 0
      let size = long ? classCount : 1 + random.next(below: min(classCount, 7))
      var classes = Array(0..<classCount)
      random.shuffle(&classes)
      for cls in classes.prefix(size).sorted() {
        let weight: Int16 =
          switch random.next(below: 8) {
          case 0: .max
          case 1: .min
          case 2: 0
          default: Int16(truncatingIfNeeded: Int(random.next(below: 65536)) - 32768)
          }
        entries.append(UInt32(cls) << 16 | UInt32(UInt16(bitPattern: weight)))
      }
      rowStart.append(Int32(entries.count))
    }
    return LinearModel(classCount: classCount, keys: keys, rowStart: rowStart, entries: entries, scale: 1)
  }

  /// The sums the slow way: every entry of every found feature, one at a time.
  static func reference(_ model: LinearModel, _ features: [UInt64]) -> [Float] {
    var sums = [Int](repeating: 0, count: model.classCount)
    for feature in features {
      guard let row = model.keys.firstIndex(of: feature) else { continue }
      for entry in model.entries[Int(model.rowStart[row])..<Int(model.rowStart[row + 1])] {
        sums[Int(entry >> 16)] += Int(Int16(bitPattern: UInt16(truncatingIfNeeded: entry)))
      }
    }
    return sums.map(Float.init)
  }

  /// 1024 classes is the most whose one-entry rows fit in a slot; 1025 keeps them all in the entries.
  @Test(arguments: [1, 2, 3, 15, 16, 17, 33, 141, 200, 1024, 1025])
  func scoresEqualTheEntryByEntrySums(classCount: Int) {
    let model = Self.randomModel(classCount: classCount, keyCount: 60, seed: UInt64(classCount))
    var random = SplitMix64(seed: 7)
    for _ in 0..<50 {
      // Known features (some twice, some absent keys too), in random order.
      let features = (0..<(1 + random.next(below: 80))).map { _ in
        random.next(below: 10) == 0
          ? UInt64(random.next(below: 1000)) : model.keys[random.next(below: model.keys.count)]
      }
      var scores = [Float](repeating: .nan, count: classCount)
      features.withUnsafeBufferPointer { f in
        scores.withUnsafeMutableBufferPointer { model.score(f, into: $0) }
      }
      #expect(scores == Self.reference(model, features))
    }
  }

  @Test(arguments: [1024, 1025])
  func oneEntryRowsKeepTheirClassAndWeight(classCount: Int) {
    let last = UInt32(classCount - 1)
    let entries: [UInt32] = [
      last << 16 | UInt32(UInt16(bitPattern: .min)), 0 << 16 | UInt32(UInt16(bitPattern: .max)),
      last << 16 | UInt32(UInt16(bitPattern: -1)),
    ]
    let model = LinearModel(
      classCount: classCount, keys: [11, 12, 13], rowStart: [0, 1, 2, 3], entries: entries, scale: 1)
    var scores = [Float](repeating: .nan, count: classCount)
    let features: [UInt64] = [11, 12, 13, 11]
    features.withUnsafeBufferPointer { f in
      scores.withUnsafeMutableBufferPointer { model.score(f, into: $0) }
    }
    #expect(scores[0] == 32767)
    #expect(scores[classCount - 1] == -32768 * 2 - 1)
    #expect(scores[1..<(classCount - 1)].allSatisfy { $0 == 0 })
  }

  @Test func noFeaturesScoreZero() {
    let model = Self.randomModel(classCount: 141, keyCount: 10, seed: 1)
    var scores = [Float](repeating: .nan, count: 141)
    [UInt64]().withUnsafeBufferPointer { f in
      scores.withUnsafeMutableBufferPointer { model.score(f, into: $0) }
    }
    #expect(scores == [Float](repeating: 0, count: 141))
  }

  /// A slot keeps 32 bits of its key. A key whose low 32 bits equal those of a key stored earlier in
  /// its probe run could never be found: it is counted and left out, and the first key keeps its row.
  @Test func aKeyThatCannotBeToldApartIsCountedAndTheFirstKeepsItsRow() {
    // Two buckets of 8 slots: the top bit picks the bucket, 0 for all three keys; the low 32 bits
    // of the first two are equal.
    let first: UInt64 = 0x0000_0001_0000_0005
    let second: UInt64 = 0x0000_0002_0000_0005
    let third: UInt64 = 0x0000_0003_0000_0006
    let entries: [UInt32] = [1 << 16 | 7, 0 << 16 | 9, 2 << 16 | 11]
    let model = LinearModel(
      classCount: 3, keys: [first, second, third], rowStart: [0, 1, 2, 3], entries: entries, scale: 1)
    #expect(model.unreachableKeys == 1)
    var scores = [Float](repeating: 0, count: 3)
    for (features, expected) in [
      ([first], [Float(0), 7, 0]), ([third], [0, 0, 11]), ([first, third], [0, 7, 11]),
    ] {
      features.withUnsafeBufferPointer { f in
        scores.withUnsafeMutableBufferPointer { model.score(f, into: $0) }
      }
      #expect(scores == expected)
    }
  }

  /// Keys that share a bucket overflow into the next ones, the last bucket into the first; each is
  /// still found, and an absent key is looked for until a bucket with a free slot.
  @Test func keysOfAFullBucketAreFoundInTheNext() {
    // 20 keys make 4 buckets: the top 2 bits pick one. Ten keys belong to the first, ten to the last.
    let first = (1...10).map { UInt64($0) }
    let last = (101...110).map { 0xFFFF_FFFF_0000_0000 | UInt64($0) }
    var rowStart: [Int32] = [0]
    var entries: [UInt32] = []
    for (i, _) in (first + last).enumerated() {
      entries.append(UInt32(i % 5) << 16 | UInt32(UInt16(bitPattern: Int16(i + 1))))
      if i % 3 != 0 { entries.append(UInt32((i + 1) % 5) << 16 | UInt32(UInt16(bitPattern: Int16(-i)))) }
      rowStart.append(Int32(entries.count))
    }
    let model = LinearModel(
      classCount: 5, keys: first + last, rowStart: rowStart, entries: entries, scale: 1)
    #expect(model.unreachableKeys == 0)
    let absent: [UInt64] = [11, 0xFFFF_FFFF_0000_0011, 0x4000_0000_0000_0001]
    for features in [first, last, first + last + absent, absent, [last[9], first[9], last[8]]] {
      var scores = [Float](repeating: .nan, count: 5)
      features.withUnsafeBufferPointer { f in
        scores.withUnsafeMutableBufferPointer { model.score(f, into: $0) }
      }
      #expect(scores == Self.reference(model, features))
      #expect(features == absent || scores != [0, 0, 0, 0, 0])
    }
  }

  /// A key whose row has no entries (freezing never makes one, but the initializer takes any rows)
  /// adds nothing, and does not hide the key after it.
  @Test func aKeyWithoutEntriesAddsNothing() {
    let model = LinearModel(
      classCount: 2, keys: [5, 6], rowStart: [0, 0, 1], entries: [1 << 16 | 3], scale: 1)
    for (features, expected) in [([UInt64(5)], [Float(0), 0]), ([6], [0, 3]), ([5, 6, 5], [0, 3])] {
      var scores = [Float](repeating: .nan, count: 2)
      features.withUnsafeBufferPointer { f in
        scores.withUnsafeMutableBufferPointer { model.score(f, into: $0) }
      }
      #expect(scores == expected)
    }
  }

  @Test func bundledModelsLoseNoKey() throws {
    let annotator = try SyntaxAnnotator.bundled()
    #expect(annotator.tagging.tagger.model.unreachableKeys == 0)
    #expect(annotator.parsing?.parser.model.unreachableKeys == 0)
    let recognizer = try EntityRecognizer.bundled()
    #expect(recognizer.model.unreachableKeys == 0)
    #expect((recognizer.second?.unreachableKeys ?? 0) == 0)
  }
}
