import Foundation
import Testing
import Text

@testable import NLP

/// Small models trained once on a slice of EWT train (never the committed models).
enum TinyModels {
  static let trainSlice = Array(Fixtures.train.prefix(600))
  static let devSlice = Array(Fixtures.dev.prefix(150))

  /// Word classes learnt from the slice's forms, so that round trips carry classes too.
  static let classes = WordClasses.learn(
    trainSlice.map { $0.words.map(\.form) }, granularities: [8, 16, 32], minimumCount: 3, iterations: 2)

  /// Dictionary categories of the nouns and verbs of EWT train (a dictionary lists more words
  /// than the slice has), so that round trips carry them too.
  static let categories = WordCategories(
    forms: Dictionary(
      Fixtures.train.flatMap { $0.words }.compactMap { w in
        w.upos == "NOUN"
          ? (w.form.lowercased(), WordCategories.Bit.noun)
          : w.upos == "VERB" ? (w.form.lowercased(), WordCategories.Bit.verb) : nil
      }, uniquingKeysWith: |))

  static let tagging: TaggingModel = {
    var options = TaggerTrainingOptions.default
    options.iterations = 3
    let tagger = Tagger.train(trainSlice, classes: classes, categories: categories, options: options)
    let header = ModelHeader(kind: "tagger", labels: [], trainingData: "slice", trainingChecksum: "none")
    return TaggingModel(header: header, tagger: tagger, lemmatizer: Lemmatizer.train(trainSlice))
  }()

  static let parsing: ParsingModel = {
    var options = ParserTrainingOptions.default
    options.iterations = 3
    let tags = trainSlice.map { $0.words.map { Parser.tagHash(upos: $0.upos, xpos: $0.xpos) } }
    let parser = Parser.train(trainSlice, tags: tags, classes: classes, options: options)
    return ParsingModel(
      header: ModelHeader(kind: "parser", labels: [], trainingData: "slice", trainingChecksum: "none"),
      parser: parser)
  }()
}

@Test(.enabled(if: Fixtures.ewtAvailable, "needs ../shared/data/ud-english-ewt"))
func taggerTrainedOnASliceBeatsTheMajorityBaseline() throws {
  let annotator = SyntaxAnnotator(tagging: TinyModels.tagging, parsing: nil)
  let report = try Evaluation.goldTokens(
    gold: TinyModels.devSlice, predicted: annotator.annotate(TinyModels.devSlice))
  // Majority baseline: the most frequent UPOS of the training slice for every word.
  var counts: [String: Int] = [:]
  for s in TinyModels.trainSlice { for w in s.words { counts[w.upos, default: 0] += 1 } }
  let majority = counts.max { $0.value < $1.value }!.key
  let words = TinyModels.devSlice.flatMap(\.words)
  let baseline = 100 * Double(words.filter { $0.upos == majority }.count) / Double(words.count)
  #expect(baseline < 25)
  #expect(report.upos > 80)
  #expect(report.xpos > 75)
  #expect(report.lemma > 85)
}

@Test(.enabled(if: Fixtures.ewtAvailable, "needs ../shared/data/ud-english-ewt"))
func parserTrainedOnASliceBeatsAttachingToTheNextWord() throws {
  let annotator = SyntaxAnnotator(tagging: TinyModels.tagging, parsing: TinyModels.parsing)
  let report = try Evaluation.goldTokens(
    gold: TinyModels.devSlice, predicted: annotator.annotate(TinyModels.devSlice))
  let words = TinyModels.devSlice.flatMap(\.words)
  let nextWord = 100 * Double(words.filter { $0.head == $0.id + 1 }.count) / Double(words.count)
  #expect(nextWord < 40)
  #expect(report.uas > 60)
  #expect(report.las > 50)
}

@Test(.enabled(if: Fixtures.ewtAvailable, "needs ../shared/data/ud-english-ewt"))
func savedModelsLoadWithIdenticalPredictions() throws {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nlp-test-\(getpid())")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  let taggerPath = folder.appendingPathComponent("t.model").path
  let parserPath = folder.appendingPathComponent("p.model").path
  var tagging = TinyModels.tagging
  tagging.header.scores = ["dev.UPOS": 12.5]
  try tagging.write(to: taggerPath)
  try TinyModels.parsing.write(to: parserPath)
  let loadedTagging = try TaggingModel(contentsOf: taggerPath)
  let loadedParsing = try ParsingModel(contentsOf: parserPath)
  #expect(loadedTagging.header.scores == ["dev.UPOS": 12.5])
  #expect(loadedTagging.header.formatVersion == ModelArchive.formatVersion)
  #expect(loadedTagging.tagger.classes.wordCount == TinyModels.classes.wordCount)
  #expect(loadedTagging.tagger.categories.formCount == TinyModels.categories.formCount)
  #expect(TinyModels.categories.formCount > 100)
  #expect(loadedParsing.parser.classes.wordCount == TinyModels.classes.wordCount)
  let before = SyntaxAnnotator(tagging: TinyModels.tagging, parsing: TinyModels.parsing).annotate(
    TinyModels.devSlice)
  let after = SyntaxAnnotator(tagging: loadedTagging, parsing: loadedParsing).annotate(TinyModels.devSlice)
  #expect(before == after)
}

@Test func modelLoaderRejectsACorruptFile() throws {
  var archive = ModelArchive(
    header: ModelHeader(kind: "tagger", labels: [], trainingData: "x", trainingChecksum: "y"))
  archive.put("UPOS", strings: ["NOUN"])
  var bytes = try archive.encoded()
  #expect(throws: NLPError.self) {
    _ = try TaggingModel(archive: ModelArchive(bytes: bytes, file: "m"), file: "m")
  }
  bytes[0] = 0
  #expect { _ = try ModelArchive(bytes: bytes, file: "m.model") } throws: { "\($0)".contains("m.model") }
}

@Test(.enabled(if: Fixtures.ewtAvailable, "needs ../shared/data/ud-english-ewt"))
func annotateKeepsTheWordsAndSentenceIDsOfItsInput() throws {
  let input = try CoNLLU.parse(Fixtures.tiny) + TinyModels.devSlice.prefix(20)
  let annotator = SyntaxAnnotator(tagging: TinyModels.tagging, parsing: TinyModels.parsing)
  var text = ""
  CoNLLU.write(annotator.annotate(input), to: &text)
  let output = try CoNLLU.parse(text)
  #expect(output.count == input.count)
  for (i, o) in zip(input, output) {
    #expect(o.words.map(\.form) == i.words.map(\.form))
    #expect(o.words.map(\.id) == i.words.map(\.id))
    #expect(o.comments == i.comments)
    #expect(o.multiwordTokens.map(\.form) == i.multiwordTokens.map(\.form))
    #expect(o.emptyNodes.isEmpty)
    // A tree: exactly one root, heads within the sentence.
    #expect(o.words.filter { $0.head == 0 }.count == 1)
    #expect(o.words.allSatisfy { $0.head >= 0 && $0.head <= o.words.count && $0.head != $0.id })
  }
}

@Test func trainingIsDeterministic() throws {
  let sentences = try CoNLLU.parse(Fixtures.tiny)
  let a = Tagger.train(sentences).model
  let b = Tagger.train(sentences).model
  #expect(a.keys == b.keys && a.entries == b.entries)
}

@Test(.enabled(if: Fixtures.ewtAvailable, "needs ../shared/data/ud-english-ewt"))
func taggerAndParserFilesOfTheFirstFormatAreRejectedWithAHint() throws {
  for (archive, command) in [
    (TinyModels.tagging.archive(), "train tagger"), (TinyModels.parsing.archive(), "train parser"),
  ] {
    var bytes = try archive.encoded()
    bytes[8] = 1  // the little-endian format version after the magic
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nlp-v1-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("old.model").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect {
      if command == "train tagger" {
        _ = try TaggingModel(contentsOf: path)
      } else {
        _ = try ParsingModel(contentsOf: path)
      }
    } throws: { error in
      let message = "\(error)"
      return message.contains("old.model") && message.contains("version 1") && message.contains(command)
    }
  }
}

/// Seeds train side by side on all cores; the averaged model must not depend on the scheduling.
@Test func seedAveragedTrainingIsDeterministicAndDiffersFromOneSeed() throws {
  let sentences = try CoNLLU.parse(Fixtures.tiny)
  var options = TaggerTrainingOptions.default
  options.seeds = 3
  let a = Tagger.train(sentences, options: options).model
  let b = Tagger.train(sentences, options: options).model
  #expect(a.keys == b.keys && a.entries == b.entries)
  let one = Tagger.train(sentences).model
  #expect(a.entries != one.entries)
  var parserOptions = ParserTrainingOptions.default
  parserOptions.iterations = 2
  parserOptions.seeds = 2
  let tags = sentences.map { $0.words.map { Parser.tagHash(upos: $0.upos, xpos: $0.xpos) } }
  let p = Parser.train(sentences, tags: tags, options: parserOptions).model
  let q = Parser.train(sentences, tags: tags, options: parserOptions).model
  #expect(p.keys == q.keys && p.entries == q.entries)
  var nerOptions = EntityRecognizerTrainingOptions()
  nerOptions.iterations = 2
  nerOptions.seeds = 3
  let ner = try NERFixtures.sentences(NERFixtures.iob2(count: 40))
  let names = NameLexicon(names: [])
  let r = EntityRecognizer.train(ner, names: names, options: nerOptions).model
  let s = EntityRecognizer.train(ner, names: names, options: nerOptions).model
  #expect(r.keys == s.keys && r.entries == s.entries)
  nerOptions.seeds = 1
  #expect(EntityRecognizer.train(ner, names: names, options: nerOptions).model.entries != r.entries)
}
