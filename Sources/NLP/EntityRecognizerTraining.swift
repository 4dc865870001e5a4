import Foundation

// MARK: - Training

/// Options for ``EntityRecognizer/train(_:names:options:afterIteration:)``.
public struct EntityRecognizerTrainingOptions: Sendable {
  public var iterations = 12
  public var seed: UInt64 = 1
  /// Averaged weights with a smaller magnitude are dropped from the model.
  public var pruneThreshold: Float = 0.0
  /// Folds for training a second, document-level pass (0: no second pass).
  public var secondPassFolds = 0
  /// Models trained with seeds `seed`, `seed + 1`, ... whose weights are averaged (1: one model).
  public var seeds = 1
  /// Forms without an uppercase letter seen at least this often in training, never inside a name,
  /// are labelled O without scoring (``EntityRecognizer/plainWords``; 0: none). Training itself
  /// scores every word, so the weights are the same either way.
  public var plainMinimumCount = 0
  /// Whether a word that is the acronym of a capitalized phrase of its document is a feature.
  public var acronymFeatures = true

  public static let `default` = EntityRecognizerTrainingOptions()
  public init() {}
}

extension EntityRecognizer {
  /// BILOU classes for IOB2 gold tags (types outside `types` are `O`).
  static func classes(_ gold: [String], types: [String]) -> [Int32] {
    var classes = [Int32](repeating: 0, count: gold.count)
    for span in IOB2.spans(gold) {
      guard let k = types.firstIndex(of: span.label) else { continue }
      let base = Int32(1 + 4 * k)
      if span.tokens.count == 1 {
        classes[span.tokens.lowerBound] = base + 3
      } else {
        for i in span.tokens { classes[i] = base + 1 }
        classes[span.tokens.lowerBound] = base
        classes[span.tokens.upperBound - 1] = base + 2
      }
    }
    return classes
  }

  /// Trains a recognizer, deterministically: documents are shuffled with a fixed generator and
  /// their sentences kept in order, so that the document memory sees what it sees at prediction.
  /// `afterIteration` sees each iteration's averaged model (of the second pass, when there is one).
  ///
  /// With ``EntityRecognizerTrainingOptions/secondPassFolds`` set, the first pass's labels of the
  /// training documents come from first-pass models trained on the other folds (jackknifing), so
  /// that the second pass learns from labels as good as at prediction time, not better.
  public static func train(
    _ sentences: [NERSentence], names: NameLexicon, classes: WordClasses = .empty,
    brown: BrownClusters = .empty, types: [String] = IOB2.types,
    options: EntityRecognizerTrainingOptions = .default,
    afterIteration: (Int, EntityRecognizer) -> Void = { _, _ in }
  ) -> EntityRecognizer {
    let header = ModelHeader(kind: "ner", labels: [], trainingData: "", trainingChecksum: "")
    var shell = EntityRecognizer(
      header: header, types: types, model: PerceptronTrainer(classCount: 1).freeze(), names: names,
      classes: classes, brown: brown)
    shell.acronymFeatures = options.acronymFeatures
    let gold = sentences.map { Self.classes($0.gold, types: types) }
    let plain = plainWords(sentences, gold: gold, minimumCount: options.plainMinimumCount)
    /// A trained recognizer, with the plain words.
    func recognizer(_ model: LinearModel, second: LinearModel? = nil) -> EntityRecognizer {
      var r = EntityRecognizer(
        header: header, types: types, model: model, second: second, names: names, classes: classes,
        brown: brown)
      r.plainWords = plain
      r.acronymFeatures = options.acronymFeatures
      return r
    }
    let documents = NERSentence.documents(sentences)
    let folds = options.secondPassFolds
    guard folds >= 2 && documents.count >= folds else {
      let model = shell.trainPass(sentences, gold: gold, documents: documents, options: options) { k, model in
        afterIteration(k, recognizer(model))
      }
      return recognizer(model)
    }
    // First-pass labels of each fold from a model trained on the other folds.
    var firstLabels = [[Int32]](repeating: [], count: sentences.count)
    for fold in 0..<folds {
      let training = documents.indices.filter { $0 % folds != fold }.map { documents[$0] }
      let model = shell.trainPass(sentences, gold: gold, documents: training, options: options) { _, _ in }
      recognizer(model).label(
        sentences, documents: documents.indices.filter { $0 % folds == fold }.map { documents[$0] },
        into: &firstLabels)
    }
    let first = shell.trainPass(sentences, gold: gold, documents: documents, options: options) { _, _ in }
    let inputs = sentences.map {
      SentenceInput(forms: $0.forms, range: 0..<$0.forms.count, xpos: $0.xposHashes, upos: $0.uposHashes)
    }
    var votes = [[UInt64]](repeating: [], count: sentences.count)
    for d in documents {
      for (k, v) in zip(d, shell.votes(Array(inputs[d]), Array(firstLabels[d]))) { votes[k] = v }
    }
    let second = shell.trainPass(
      sentences, gold: gold, documents: documents, options: options, first: firstLabels, votes: votes
    ) { k, model in
      afterIteration(k, recognizer(first, second: model))
    }
    return recognizer(first, second: second)
  }

  /// The forms ``plainWords`` lists: without an uppercase letter, seen at least `minimumCount`
  /// times, never inside a gold span (of any type, OTH included when it is learnt).
  static func plainWords(_ sentences: [NERSentence], gold: [[Int32]], minimumCount: Int) -> FeatureTable {
    guard minimumCount > 0 else { return FeatureTable(minimumCapacity: 16) }
    var counts: [UInt64: Int] = [:]
    var inNames = Set<UInt64>()
    for (s, classes) in zip(sentences, gold) {
      for (form, cls) in zip(s.forms, classes) where !form.contains(where: \.isUppercase) {
        let key = WordHashes(form).form
        counts[key, default: 0] += 1
        if cls != 0 { inNames.insert(key) }
      }
    }
    let keys = counts.filter { $0.value >= minimumCount && !inNames.contains($0.key) }.keys.sorted()
    var table = FeatureTable(minimumCapacity: max(16, keys.count))
    for key in keys { table.insert(key, id: 0) }
    return table
  }

  /// First-pass labels of the sentences of `documents`, written to `labels`.
  func label(_ sentences: [NERSentence], documents: [Range<Int>], into labels: inout [[Int32]]) {
    let workspace = Workspace(classCount: classCount)
    for d in documents {
      let inputs = d.map {
        SentenceInput(
          forms: sentences[$0].forms, range: 0..<sentences[$0].forms.count, xpos: sentences[$0].xposHashes,
          upos: sentences[$0].uposHashes)
      }
      for (k, c) in zip(d, classify(document: inputs, workspace: workspace)) { labels[k] = c }
    }
  }

  /// Trains one pass's model over `documents` (ranges of sentences); `first` and `votes` are the
  /// second pass's inputs per sentence.
  func trainPass(
    _ sentences: [NERSentence], gold: [[Int32]], documents: [Range<Int>],
    options: EntityRecognizerTrainingOptions,
    first: [[Int32]]? = nil, votes: [[UInt64]]? = nil, afterIteration: (Int, LinearModel) -> Void
  ) -> LinearModel {
    let secondPass = first != nil
    let hasClasses = classes.wordCount > 0
    let hasBrown = brown.wordCount > 0
    let hasAcronyms = acronymFeatures
    let classCount = self.classCount
    let seeds = TrainingSeed.seeds(
      options.seeds, from: options.seed, classCount: classCount, order: Array(documents.indices)
    ) { Workspace(classCount: classCount) }
    /// One pass over the documents in a new shuffled order, for one seed.
    @Sendable func epoch(_ run: TrainingSeed<Workspace>) {
      let workspace = run.scratch
      run.rng.shuffle(&run.order)
      for d in run.order {
        workspace.newDocument()
        if acronymFeatures {
          for si in documents[d] {
            Self.acronyms(sentences[si].forms, 0..<sentences[si].forms.count, into: &workspace.acronyms)
          }
        }
        for si in documents[d] {
          let s = sentences[si]
          let truth = gold[si]
          prepare(
            s.forms, 0..<s.forms.count, xpos: s.xposHashes, upos: s.uposHashes, workspace: workspace,
            first: first?[si], votes: votes?[si])
          let count = truth.count
          workspace.tokens.withUnsafeBufferPointer { tokens in
            workspace.features.withUnsafeMutableBufferPointer { feats in
              workspace.scores.withUnsafeMutableBufferPointer { scores in
                var p1: UInt64 = 0
                var p2: UInt64 = 0
                var previous = -1
                for i in 0..<count {
                  let word = tokens[i + 2].word
                  let memory = workspace.memory[word.lower] ?? 0
                  let n = Self.features(
                    tokens, i, p1: p1, p2: p2, memory: memory, classes: hasClasses, brown: hasBrown,
                    acronyms: hasAcronyms, second: secondPass, out: feats.baseAddress!)
                  let f = UnsafeBufferPointer(rebasing: feats[0..<n])
                  run.trainer.score(f, into: scores)
                  let guess = Self.bestAllowed(
                    UnsafeBufferPointer(scores), after: previous, last: i == count - 1)
                  run.trainer.tick()
                  run.trainer.update(f, truth: Int(truth[i]), guess: guess)
                  // Continue from the prediction, as at test time (the guess is always well formed).
                  let next = guess
                  if next != 0 && Self.remembers(word) { workspace.memory[word.lower] = UInt64(next) + 1 }
                  previous = next
                  p2 = p1
                  p1 = UInt64(next) + 1
                }
              }
            }
          }
        }
      }
    }
    var model = seeds[0].trainer.freeze()
    for iteration in 1...max(1, options.iterations) {
      // Seeds are independent until their weights are averaged: one per core.
      _ = concurrentMap(seeds.count) { epoch(seeds[$0]) }
      model = PerceptronTrainer.freeze(averaging: seeds.map(\.trainer), threshold: options.pruneThreshold)
      afterIteration(iteration, model)
    }
    return model
  }
}

// MARK: - Model file

extension EntityRecognizer {
  /// Loads a model file written by ``write(to:)``.
  public init(contentsOf path: String) throws {
    try self.init(archive: ModelArchive(contentsOf: path), file: path)
  }

  init(archive: ModelArchive, file: String) throws {
    guard archive.header.kind == "ner" else {
      throw NLPError.invalidModel(file: file, reason: "expected a ner model, found '\(archive.header.kind)'")
    }
    let types = try archive.strings("TYPE", file: file)
    guard !types.isEmpty else { throw NLPError.invalidModel(file: file, reason: "no entity types") }
    let model = try archive.linearModel(prefix: "N", classCount: 1 + 4 * types.count, file: file)
    let second =
      archive.has("MKEY")
      ? try archive.linearModel(prefix: "M", classCount: 1 + 4 * types.count, file: file) : nil
    let categories = try archive.strings("GCAT", file: file)
    let keys: [UInt64] = try archive.get("GKEY", file: file)
    let masks: [Int32] = try archive.get("GVAL", file: file)
    let longest: [Int32] = try archive.get("GMAX", file: file)
    guard keys.count == masks.count, longest.count == 1, categories.count <= 30 else {
      throw NLPError.invalidModel(file: file, reason: "inconsistent name list")
    }
    var table = FeatureTable(minimumCapacity: max(16, keys.count))
    for (k, v) in zip(keys, masks) { table.insert(k, id: v) }
    self.init(
      header: archive.header, types: types, model: model, second: second,
      names: NameLexicon(categories: categories, table: table, maximumRuns: Int(longest[0])),
      classes: try WordClasses(archive: archive, file: file),
      brown: try BrownClusters(archive: archive, file: file))
    acronymFeatures = archive.has("ACRN")
    if archive.has("PKEY") {
      plainWords = try archive.table(keys: "PKEY", values: "PVAL", what: "plain word list", file: file)
    }
  }

  /// The model file's contents.
  public func archive() -> ModelArchive {
    var header = header
    header.kind = "ner"
    header.labels = labels
    var a = ModelArchive(header: header)
    a.put("TYPE", strings: types)
    a.put(model, prefix: "N")
    if let second { a.put(second, prefix: "M") }
    a.put("GCAT", strings: names.categories)
    var pairs: [(UInt64, Int32)] = []
    for (k, v) in zip(names.table.keys, names.table.values) where k != 0 { pairs.append((k, v)) }
    pairs.sort { $0.0 < $1.0 }
    a.put("GKEY", pairs.map(\.0))
    a.put("GVAL", pairs.map(\.1))
    a.put("GMAX", [Int32(names.maximumRuns)])
    if classes.wordCount > 0 { classes.put(into: &a) }
    if brown.wordCount > 0 { brown.put(into: &a) }
    if acronymFeatures { a.put("ACRN", [UInt8(1)]) }
    if plainWords.count > 0 { a.put(plainWords, keys: "PKEY", values: "PVAL") }
    return a
  }

  public func write(to path: String) throws { try archive().write(to: path) }

  /// A copy without the weights whose magnitude is at most `threshold` (smaller, faster).
  public func pruned(threshold: Float) -> EntityRecognizer {
    var copy = EntityRecognizer(
      header: header, types: types, model: model.pruned(threshold: threshold),
      second: second?.pruned(threshold: threshold), names: names, classes: classes, brown: brown)
    copy.plainWords = plainWords
    copy.acronymFeatures = acronymFeatures
    return copy
  }

  /// Features and nonzero weights of the models (first and second pass together).
  public var size: (features: Int, weights: Int) {
    let models = [model] + (second.map { [$0] } ?? [])
    return (models.reduce(0) { $0 + $1.featureCount }, models.reduce(0) { $0 + $1.weightCount })
  }

  /// A copy with another header (to record scores and options after training).
  public func with(header: ModelHeader) -> EntityRecognizer {
    var copy = self
    copy.header = header
    return copy
  }
}
