// MARK: - Tagger training

/// Options for ``Tagger/train(_:options:afterIteration:)``.
public struct TaggerTrainingOptions: Sendable {
  public var iterations = 10
  public var seed: UInt64 = 1
  /// A word enters the tag dictionary when seen at least this often...
  public var tagDictionaryMinCount = 20
  /// ...and its most frequent class covers at least this share of its occurrences.
  public var tagDictionaryMinShare = 0.995
  /// Words seen at least this often get an ambiguity class (their set of frequent tags) as a feature.
  public var ambiguityMinCount = 3
  /// Averaged weights with a smaller magnitude are dropped from the model.
  public var pruneThreshold: Float = 0.0
  /// Models trained with seeds `seed`, `seed + 1`, ... whose weights are averaged (1: one model).
  public var seeds = 1
  /// Whether the tagger reads the words' ``Spacing``, and in what share of the sentences of each
  /// pass training hides it (so that text without spacing, such as IOB2 files without `# text`, is
  /// tagged nearly as well as by a tagger that never reads it).
  public var spacing = true
  public var unknownSpacingShare = 0.2
  /// Whether a word's affixes, classes and dictionary parts of speech are features of rare words
  /// only (``Tagger/rareWordFeatures``).
  public var rareWordFeatures = true

  public static let `default` = TaggerTrainingOptions()
  public init() {}
}

extension Tagger {
  /// Trains a tagger on gold sentences, deterministically; `afterIteration` sees each
  /// iteration's averaged model (for reporting development scores).
  public static func train(
    _ sentences: [CoNLLUSentence], classes: WordClasses = .empty, categories: WordCategories = .empty,
    options: TaggerTrainingOptions = .default,
    afterIteration: (Int, Tagger) -> Void = { _, _ in }
  ) -> Tagger {
    // Classes: (UPOS, XPOS) pairs in order of first appearance.
    var classIDs: [String: Int] = [:]
    var upos: [String] = []
    var xpos: [String] = []
    var gold: [[Int32]] = []
    var counts: [UInt64: [Int32: Int]] = [:]
    for s in sentences {
      var tags: [Int32] = []
      for w in s.words {
        let key = w.upos + "\t" + w.xpos
        let id: Int
        if let existing = classIDs[key] {
          id = existing
        } else {
          id = upos.count
          classIDs[key] = id
          upos.append(w.upos)
          xpos.append(w.xpos)
        }
        tags.append(Int32(id))
        counts[WordHashes(w.form).form, default: [:]][Int32(id), default: 0] += 1
      }
      gold.append(tags)
    }
    // Tag dictionary.
    var dictionary = FeatureTable(minimumCapacity: 4096)
    for key in counts.keys.sorted() {
      let c = counts[key]!
      let total = c.values.reduce(0, +)
      guard total >= options.tagDictionaryMinCount else { continue }
      let top = c.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!
      if Double(top.value) / Double(total) >= options.tagDictionaryMinShare {
        dictionary.insert(key, id: top.key)
      }
    }
    // Ambiguity classes: the set of classes covering at least 10% of a word's occurrences.
    var ambiguity = FeatureTable(minimumCapacity: counts.count)
    var ambiguityIDs: [[Int32]: Int32] = [:]
    for key in counts.keys.sorted() {
      let c = counts[key]!
      let total = c.values.reduce(0, +)
      guard total >= options.ambiguityMinCount else { continue }
      let set = c.filter { Double($0.value) >= 0.1 * Double(total) }.keys.sorted()
      let id = ambiguityIDs[set] ?? Int32(ambiguityIDs.count)
      ambiguityIDs[set] = id
      ambiguity.insert(key, id: id)
    }
    let shell = Tagger(
      upos: upos, xpos: xpos, model: PerceptronTrainer(classCount: 1).freeze(), tagDictionary: dictionary,
      ambiguity: ambiguity, classes: classes, categories: categories, usesSpacing: options.spacing,
      rareWordFeatures: options.rareWordFeatures)
    let hasCategories = categories.formCount > 0
    let hashes: [[WordHashes]] = sentences.map { s in
      var words = s.words.map { shell.wordHashes($0.form) }
      if options.spacing {
        for (k, code) in s.spacing().enumerated() { words[k].spacing = UInt64(code) }
      }
      return [.padding, .padding] + words + [.padding, .padding]
    }
    let unknownSpacingShare = options.spacing ? options.unknownSpacingShare : 0
    let classCount = upos.count
    let seeds = TrainingSeed.seeds(
      options.seeds, from: options.seed, classCount: classCount, order: Array(sentences.indices)
    ) { Workspace(classCount: classCount) }
    // Constants that the seeds' concurrent epochs may share.
    let (goldClasses, frequentWords) = (gold, dictionary)
    /// One pass over the sentences in a new shuffled order, for one seed.
    @Sendable func epoch(_ iteration: Int, _ seedIndex: Int, _ run: TrainingSeed<Workspace>) {
      run.rng.shuffle(&run.order)
      for si in run.order {
        let tags = goldClasses[si]
        var sentence = hashes[si]
        // Which sentences hide their spacing is drawn apart from the shuffling, whose order stays
        // that of a tagger trained without spacing.
        let draw = FeatureHash.combine(
          FeatureHash.combine(options.seed &+ UInt64(seedIndex), UInt64(iteration)), UInt64(si))
        if unknownSpacingShare > 0 && Double(draw >> 11) / Double(1 << 53) < unknownSpacingShare {
          for k in 2..<(sentence.count - 2) { sentence[k].spacing = UInt64(Spacing.unknown) }
        }
        sentence.withUnsafeBufferPointer { words in
          run.scratch.features.withUnsafeMutableBufferPointer { feats in
            run.scratch.scores.withUnsafeMutableBufferPointer { sc in
              let casing = Tagger.casing(words)
              var p1: UInt64 = 0
              var p2: UInt64 = 0
              for i in 0..<tags.count {
                var guess = frequentWords.find(words[i + 2].form)
                if guess < 0 {
                  let n = Tagger.features(
                    words, i, p1: p1, p2: p2, casing: casing, dictionary: hasCategories,
                    spacing: shell.usesSpacing, rareOnly: shell.rareWordFeatures, out: feats.baseAddress!)
                  let f = UnsafeBufferPointer(rebasing: feats[0..<n])
                  run.trainer.score(f, into: sc)
                  guess = Int32(argmax(UnsafeBufferPointer(sc)))
                  run.trainer.tick()
                  run.trainer.update(f, truth: Int(tags[i]), guess: Int(guess))
                }
                p2 = p1
                p1 = UInt64(guess) + 1
              }
            }
          }
        }
      }
    }
    var tagger = shell
    for iteration in 1...max(1, options.iterations) {
      // Seeds are independent until their weights are averaged: one per core.
      _ = concurrentMap(seeds.count) { epoch(iteration, $0, seeds[$0]) }
      tagger = Tagger(
        upos: upos, xpos: xpos,
        model: PerceptronTrainer.freeze(averaging: seeds.map(\.trainer), threshold: options.pruneThreshold),
        tagDictionary: dictionary, ambiguity: ambiguity, classes: classes, categories: categories,
        usesSpacing: options.spacing,
        rareWordFeatures: options.rareWordFeatures)
      afterIteration(iteration, tagger)
    }
    return tagger
  }
}

// MARK: - Tagging model file

/// The tagger and lemmatizer with their metadata, as stored in one model file.
public struct TaggingModel: Sendable {
  public var header: ModelHeader
  public let tagger: Tagger
  public let lemmatizer: Lemmatizer

  /// Tagger files before this format version used other features (no word classes).
  static let minimumFormatVersion = 2

  public init(header: ModelHeader, tagger: Tagger, lemmatizer: Lemmatizer) {
    self.header = header
    self.tagger = tagger
    self.lemmatizer = lemmatizer
  }

  /// Loads a model file written by ``write(to:)``.
  public init(contentsOf path: String) throws {
    let archive = try ModelArchive(contentsOf: path)
    try self.init(archive: archive, file: path)
  }

  init(archive: ModelArchive, file: String) throws {
    guard archive.header.kind == "tagger" else {
      throw NLPError.invalidModel(
        file: file, reason: "expected a tagger model, found '\(archive.header.kind)'")
    }
    try archive.requireFormat(Self.minimumFormatVersion, retrain: "newsgraph train tagger", file: file)
    let upos = try archive.strings("UPOS", file: file)
    let xpos = try archive.strings("XPOS", file: file)
    guard upos.count == xpos.count, !upos.isEmpty else {
      throw NLPError.invalidModel(file: file, reason: "inconsistent tag sets")
    }
    let model = try archive.linearModel(prefix: "T", classCount: upos.count, file: file)
    let dkeys: [UInt64] = try archive.get("DKEY", file: file)
    let dvals: [Int32] = try archive.get("DVAL", file: file)
    guard dkeys.count == dvals.count, dvals.allSatisfy({ $0 >= 0 && Int($0) < upos.count }) else {
      throw NLPError.invalidModel(file: file, reason: "inconsistent tag dictionary")
    }
    var dictionary = FeatureTable(minimumCapacity: dkeys.count)
    for (k, v) in zip(dkeys, dvals) { dictionary.insert(k, id: v) }
    let akeys: [UInt64] = try archive.get("AKEY", file: file)
    let avals: [Int32] = try archive.get("AVAL", file: file)
    guard akeys.count == avals.count else {
      throw NLPError.invalidModel(file: file, reason: "inconsistent ambiguity classes")
    }
    var ambiguity = FeatureTable(minimumCapacity: akeys.count)
    for (k, v) in zip(akeys, avals) { ambiguity.insert(k, id: v) }
    header = archive.header
    tagger = Tagger(
      upos: upos, xpos: xpos, model: model, tagDictionary: dictionary, ambiguity: ambiguity,
      classes: try WordClasses(archive: archive, file: file),
      categories: try WordCategories(archive: archive, file: file), usesSpacing: archive.has("SPAC"),
      rareWordFeatures: archive.has("RARE"))
    lemmatizer = try Lemmatizer(archive: archive, file: file)
  }

  /// The model file's bytes.
  public func archive() -> ModelArchive {
    var header = header
    header.kind = "tagger"
    header.labels = zip(tagger.upos, tagger.xpos).map { "\($0)\t\($1)" }
    var a = ModelArchive(header: header)
    a.put("UPOS", strings: tagger.upos)
    a.put("XPOS", strings: tagger.xpos)
    a.put(tagger.model, prefix: "T")
    let d = tagger.tagDictionary.pairsByID()
    a.put("DKEY", d.map(\.0))
    a.put("DVAL", d.map(\.1))
    let amb = tagger.ambiguity.pairsByID()
    a.put("AKEY", amb.map(\.0))
    a.put("AVAL", amb.map(\.1))
    if tagger.classes.wordCount > 0 { tagger.classes.put(into: &a) }
    if tagger.categories.formCount > 0 { tagger.categories.put(into: &a) }
    // Present when the tagger reads the words' spacing (its value is the format of the codes).
    if tagger.usesSpacing { a.put("SPAC", [UInt8(1)]) }
    // Present when only rare words have spelling, class and dictionary features.
    if tagger.rareWordFeatures { a.put("RARE", [UInt8(1)]) }
    lemmatizer.store(in: &a)
    return a
  }

  public func write(to path: String) throws { try archive().write(to: path) }
}
