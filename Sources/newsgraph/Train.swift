import ArgumentParser
import Foundation
import NLP

/// `newsgraph train tagger|parser`: reproducible training of the NLP models.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train a model from annotated data (deterministic: same data and options give the same file).",
    subcommands: [TrainTagger.self, TrainParser.self, TrainNER.self, PruneModel.self]
  )
}

/// Reads a CoNLL-U file, naming it in errors.
func readCoNLLU(_ path: String) throws -> [CoNLLUSentence] {
  try CoNLLU.parse(InputFile.text(path), file: path)
}

func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}

func percent(_ x: Double) -> String { String(format: "%.2f", x) }

struct TrainTagger: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tagger",
    abstract: "Train the UPOS/XPOS tagger and the lemmatizer (one model file)."
  )

  @Option(help: "Training data (CoNLL-U).") var train: String
  @Option(help: "Development data (CoNLL-U), scored after each iteration.") var dev: String?
  @Option(name: .shortAndLong, help: "Model file to write.") var output: String
  @Option(help: "Training iterations.") var iterations = TaggerTrainingOptions.default.iterations
  @Option(help: "Random seed for shuffling.") var seed = TaggerTrainingOptions.default.seed
  @Option(
    help:
      "Models trained with seeds seed, seed+1, ... (one per core) and averaged into one (same tagging speed)."
  )
  var seeds = TaggerTrainingOptions.default.seeds
  @Option(help: "Drop averaged weights with a smaller magnitude.") var prune = TaggerTrainingOptions.default
    .pruneThreshold
  @Option(help: "Tag dictionary: minimum count of a word.") var dictMinCount = TaggerTrainingOptions.default
    .tagDictionaryMinCount
  @Option(help: "Tag dictionary: minimum share of its most frequent tag.") var dictMinShare =
    TaggerTrainingOptions.default.tagDictionaryMinShare
  @Flag(
    inversion: .prefixedNo,
    help:
      "Read whether words touch their neighbours in the text (SpaceAfter=No, # text; stored in the model).")
  var spacing = TaggerTrainingOptions.default.spacing
  @Option(help: "Share of the sentences of each pass whose spacing training hides (for text without it).")
  var unknownSpacingShare = TaggerTrainingOptions.default.unknownSpacingShare
  @Flag(
    inversion: .prefixedNo,
    help:
      "Score a word's affixes, word classes and dictionary parts of speech only when it is rare (seen fewer than 3 times in training; stored in the model)."
  )
  var rareWordFeatures = TaggerTrainingOptions.default.rareWordFeatures
  /// The parser trained on this tagger uses the same classes.
  @OptionGroup var wordClassOptions: WordClassOptions
  @Option(
    help: ArgumentHelp(
      "WordNet 3.0 database folder: the parts of speech it lists for each word become features (stored in the model).",
      valueName: "folder"))
  var wordnet: String?

  func run() throws {
    let started = Date()
    let trainSentences = try readCoNLLU(train)
    let devSentences = try dev.map(readCoNLLU)
    let wordClasses = try wordClassOptions.learn()
    let categories = try wordnet.map { try WordCategories(wordNetFolder: $0) } ?? .empty
    if wordnet != nil { printError("WordNet: \(categories.formCount) word forms") }
    var options = TaggerTrainingOptions.default
    options.iterations = iterations
    options.seed = seed
    options.seeds = seeds
    options.pruneThreshold = prune
    options.tagDictionaryMinCount = dictMinCount
    options.tagDictionaryMinShare = dictMinShare
    options.spacing = spacing
    options.unknownSpacingShare = unknownSpacingShare
    options.rareWordFeatures = rareWordFeatures
    let lemmatizer = Lemmatizer.train(trainSentences)
    var last = EvaluationReport()
    let tagger = Tagger.train(
      trainSentences, classes: wordClasses, categories: categories, options: options
    ) { iteration, tagger in
      guard let devSentences else {
        printError("iteration \(iteration)")
        return
      }
      let annotator = SyntaxAnnotator(
        tagging: TaggingModel(
          header: ModelHeader(kind: "tagger", labels: [], trainingData: "", trainingChecksum: ""),
          tagger: tagger, lemmatizer: lemmatizer), parsing: nil)
      let report =
        (try? Evaluation.goldTokens(gold: devSentences, predicted: annotator.annotate(devSentences)))
        ?? .init()
      last = report
      printError(
        "iteration \(iteration): dev UPOS \(percent(report.upos)) XPOS \(percent(report.xpos)) lemma \(percent(report.lemma)) (\(Int(Date().timeIntervalSince(started)))s)"
      )
    }
    var scores: [String: Double] = [:]
    if devSentences != nil {
      scores = ["dev.UPOS": last.upos, "dev.XPOS": last.xpos, "dev.Lemmas": last.lemma]
    }
    let header = ModelHeader(
      kind: "tagger", labels: [], trainingData: URL(fileURLWithPath: train).lastPathComponent,
      trainingChecksum: try FeatureHash.fileChecksum(train), scores: scores,
      options: [
        "iterations": String(iterations), "seed": String(seed), "seeds": String(seeds),
        "prune": String(prune), "dictMinCount": String(dictMinCount), "dictMinShare": String(dictMinShare),
        "spacing": spacing ? "yes (unknown in \(unknownSpacingShare) of the sentences)" : "no",
        "rareWordFeatures": rareWordFeatures ? "yes" : "no",
        "dev": dev.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "",
        "wordClasses": wordClassOptions.describe(wordClasses),
        "wordCategories": wordnet == nil
          ? "none" : "WordNet 3.0 (Princeton University, WordNet licence): \(categories.formCount) forms",
      ])
    let model = TaggingModel(header: header, tagger: tagger, lemmatizer: lemmatizer)
    try model.write(to: output)
    printError("wrote \(output) in \(Int(Date().timeIntervalSince(started)))s")
  }
}

struct TrainParser: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parser",
    abstract: "Train the dependency parser (arc-hybrid, dynamic oracle, pseudo-projective)."
  )

  enum TrainingTags: String, ExpressibleByArgument {
    case gold, predicted, jackknife
  }

  @Option(help: "Folds for --train-tags jackknife (each fold tagged by a tagger trained on the others).")
  var folds = 5
  @Option(help: "Tagger iterations for each jackknife fold (default: those of the given tagger).")
  var foldIterations: Int?
  @Flag(
    inversion: .prefixedNo,
    help: "Jackknife fold taggers read the text's spacing when the tagger does (--no-fold-spacing: never).")
  var foldSpacing = true
  @Flag(
    inversion: .prefixedNo,
    help:
      "Jackknife fold taggers score spelling features of rare words only when the tagger does (--no-fold-rare-word-features: of every word)."
  )
  var foldRareWordFeatures = true

  @Option(help: "Training data (CoNLL-U).") var train: String
  @Option(help: "Development data (CoNLL-U), scored after each iteration with predicted tags.") var dev:
    String?
  @Option(name: .shortAndLong, help: "Model file to write.") var output: String
  @Option(help: "Tagger model for predicted tags (default: the bundled one).") var tagger: String?
  @Option(help: "Tags the parser trains on: gold, or predicted by the tagger.") var trainTags = TrainingTags
    .predicted
  @Option(help: "Training iterations.") var iterations = ParserTrainingOptions.default.iterations
  @Option(help: "Random seed for shuffling and exploration.") var seed = ParserTrainingOptions.default.seed
  @Option(
    help:
      "Models trained with seeds seed, seed+1, ... (one per core) and averaged into one (same parsing speed)."
  )
  var seeds = ParserTrainingOptions.default.seeds
  @Option(help: "Drop averaged weights with a smaller magnitude.") var prune = ParserTrainingOptions.default
    .pruneThreshold

  func run() throws {
    let started = Date()
    let trainSentences = try readCoNLLU(train)
    let devSentences = try dev.map(readCoNLLU)
    let tagging =
      try tagger.map { try TaggingModel(contentsOf: $0) }
      ?? TaggingModel(contentsOf: SyntaxAnnotator.bundledPath(SyntaxAnnotator.taggerResource))
    let tagsOnly = SyntaxAnnotator(tagging: tagging, parsing: nil)
    let trainTagHashes: [[UInt64]]
    switch trainTags {
    case .gold:
      trainTagHashes = trainSentences.map { $0.words.map { Parser.tagHash(upos: $0.upos, xpos: $0.xpos) } }
    case .predicted:
      trainTagHashes = tagsOnly.annotate(trainSentences).map {
        $0.words.map { Parser.tagHash(upos: $0.upos, xpos: $0.xpos) }
      }
    case .jackknife:
      // Sentence i belongs to fold i % folds; the tagger options are those the given tagger was trained with.
      var taggerOptions = TaggerTrainingOptions.default
      if let n = tagging.header.options["iterations"].flatMap(Int.init) { taggerOptions.iterations = n }
      if let foldIterations { taggerOptions.iterations = foldIterations }
      if let n = tagging.header.options["dictMinCount"].flatMap(Int.init) {
        taggerOptions.tagDictionaryMinCount = n
      }
      if let x = tagging.header.options["dictMinShare"].flatMap(Double.init) {
        taggerOptions.tagDictionaryMinShare = x
      }
      taggerOptions.spacing = tagging.tagger.usesSpacing && foldSpacing
      taggerOptions.rareWordFeatures = tagging.tagger.rareWordFeatures && foldRareWordFeatures
      // Folds are independent: one per core.
      let foldOptions = taggerOptions
      let tagged = concurrentMap(folds) { fold in
        let rest = trainSentences.indices.filter { $0 % folds != fold }.map { trainSentences[$0] }
        let heldOut = trainSentences.indices.filter { $0 % folds == fold }
        let foldTagger = Tagger.train(
          rest, classes: tagging.tagger.classes, categories: tagging.tagger.categories, options: foldOptions)
        let annotator = SyntaxAnnotator(
          tagging: TaggingModel(header: tagging.header, tagger: foldTagger, lemmatizer: tagging.lemmatizer),
          parsing: nil)
        return (heldOut, annotator.annotate(heldOut.map { trainSentences[$0] }))
      }
      var hashes = [[UInt64]](repeating: [], count: trainSentences.count)
      for (heldOut, sentences) in tagged {
        for (i, s) in zip(heldOut, sentences) {
          hashes[i] = s.words.map { Parser.tagHash(upos: $0.upos, xpos: $0.xpos) }
        }
      }
      printError("jackknife: \(folds) folds tagged (\(Int(Date().timeIntervalSince(started)))s)")
      trainTagHashes = hashes
    }
    var options = ParserTrainingOptions.default
    options.iterations = iterations
    options.seed = seed
    options.seeds = seeds
    options.pruneThreshold = prune
    var last = EvaluationReport()
    // The tagger's word classes serve the parser too (stored again in the parser's file).
    let parser = Parser.train(
      trainSentences, tags: trainTagHashes, classes: tagging.tagger.classes, options: options, log: printError
    ) {
      iteration, parser in
      guard let devSentences else { return }
      let annotator = SyntaxAnnotator(
        tagging: tagging, parsing: ParsingModel(header: tagging.header, parser: parser))
      let report =
        (try? Evaluation.goldTokens(gold: devSentences, predicted: annotator.annotate(devSentences)))
        ?? .init()
      last = report
      printError(
        "iteration \(iteration): dev UAS \(percent(report.uas)) LAS \(percent(report.las)) (\(Int(Date().timeIntervalSince(started)))s)"
      )
    }
    var scores: [String: Double] = [:]
    if devSentences != nil { scores = ["dev.UAS": last.uas, "dev.LAS": last.las, "dev.UPOS": last.upos] }
    let header = ModelHeader(
      kind: "parser", labels: parser.labels, trainingData: URL(fileURLWithPath: train).lastPathComponent,
      trainingChecksum: try FeatureHash.fileChecksum(train), scores: scores,
      options: [
        "iterations": String(iterations), "seed": String(seed), "prune": String(prune),
        "trainTags": trainTags.rawValue, "folds": String(folds), "seeds": String(seeds),
        "foldIterations": foldIterations.map(String.init) ?? "as the tagger",
        "foldSpacing": foldSpacing ? "as the tagger" : "no",
        "foldRareWordFeatures": foldRareWordFeatures ? "as the tagger" : "no",
        "tagger": tagging.header.trainingChecksum, "transitionSystem": "arc-hybrid, dynamic oracle",
        "nonProjective": "pseudo-projective (Nivre & Nilsson 2005, head encoding)",
        "dev": dev.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "",
      ])
    try ParsingModel(header: header, parser: parser).write(to: output)
    printError("wrote \(output) in \(Int(Date().timeIntervalSince(started)))s")
  }
}

struct PruneModel: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prune",
    abstract:
      "Drop small weights from a trained model (smaller file, faster lookups); scores dev data if given."
  )

  @Option(help: "Model file to prune.") var model: String
  @Option(help: "Drop weights whose magnitude is at most this.") var threshold: Float
  @Option(help: "Development data to score the pruned model on (CoNLL-U; IOB2 for a recognizer).") var dev:
    String?
  @Option(help: "Tagger for parser scoring (default: bundled).") var tagger: String?
  @Option(name: .shortAndLong, help: "Model file to write.") var output: String

  func validate() throws {
    guard threshold.isFinite, threshold >= 0 else {
      throw ValidationError("--threshold must be a number of 0 or more, not \(threshold)")
    }
  }

  func run() throws {
    let archive = try ModelArchive(contentsOf: model)
    if archive.header.kind == "ner" {
      try pruneRecognizer()
      return
    }
    let devSentences = try dev.map(readCoNLLU)
    if archive.header.kind == "tagger" {
      let original = try TaggingModel(contentsOf: model)
      let pruned = original.tagger.pruned(threshold: threshold)
      var header = original.header
      header.options["prune"] = String(threshold)
      var result = TaggingModel(header: header, tagger: pruned, lemmatizer: original.lemmatizer)
      printError(
        "features \(original.tagger.size.features) → \(pruned.size.features), weights \(original.tagger.size.weights) → \(pruned.size.weights)"
      )
      if let devSentences {
        let r = try Evaluation.goldTokens(
          gold: devSentences, predicted: SyntaxAnnotator(tagging: result, parsing: nil).annotate(devSentences)
        )
        printError("dev UPOS \(percent(r.upos)) XPOS \(percent(r.xpos)) lemma \(percent(r.lemma))")
        result.header.scores = ["dev.UPOS": r.upos, "dev.XPOS": r.xpos, "dev.Lemmas": r.lemma]
      }
      try result.write(to: output)
    } else {
      let original = try ParsingModel(contentsOf: model)
      let pruned = original.parser.pruned(threshold: threshold)
      var header = original.header
      header.options["prune"] = String(threshold)
      var result = ParsingModel(header: header, parser: pruned)
      printError(
        "features \(original.parser.size.features) → \(pruned.size.features), weights \(original.parser.size.weights) → \(pruned.size.weights)"
      )
      if let devSentences {
        let tagging =
          try tagger.map { try TaggingModel(contentsOf: $0) }
          ?? TaggingModel(contentsOf: SyntaxAnnotator.bundledPath(SyntaxAnnotator.taggerResource))
        let r = try Evaluation.goldTokens(
          gold: devSentences,
          predicted: SyntaxAnnotator(tagging: tagging, parsing: result).annotate(devSentences))
        printError("dev UAS \(percent(r.uas)) LAS \(percent(r.las))")
        result.header.scores = ["dev.UAS": r.uas, "dev.LAS": r.las, "dev.UPOS": r.upos]
      }
      try result.write(to: output)
    }
  }
}

extension PruneModel {
  /// The recognizer branch: `--dev` is an IOB2 file here.
  func pruneRecognizer() throws {
    let original = try EntityRecognizer(contentsOf: model)
    let pruned = original.pruned(threshold: threshold)
    var header = original.header
    header.options["prune"] = String(threshold)
    printError(
      "features \(original.size.features) → \(pruned.size.features), weights \(original.size.weights) → \(pruned.size.weights)"
    )
    if let dev {
      let sentences = NERSentence.tagged(
        try NERSupport.readIOB2(dev), tagger: try NERSupport.tagging(tagger).tagger)
      let score = NERScore.score(gold: sentences.map(\.gold), predicted: pruned.recognize(sentences))
      printError(
        "dev P \(percent(score.total.precision)) R \(percent(score.total.recall)) F1 \(percent(score.total.f1))"
      )
      header.scores = ["dev.P": score.total.precision, "dev.R": score.total.recall, "dev.F1": score.total.f1]
      for (type, c) in score.byType { header.scores["dev.\(type).F1"] = c.f1 }
    }
    try pruned.with(header: header).write(to: output)
  }
}
