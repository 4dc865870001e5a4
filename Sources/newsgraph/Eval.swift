import ArgumentParser
import Foundation
import NLP
import Text

/// `newsgraph eval ...`: accuracy of the models against gold data (the README's numbers come from here).
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score the models against gold annotation.",
    subcommands: [
      EvalPOS.self, EvalParse.self, EvalNER.self, EvalCaRB.self, EvalCoref.self, EvalSimilarity.self,
    ]
  )
}

/// Options shared by `eval pos` and `eval parse`.
struct SyntaxEvalOptions: ParsableArguments {
  @Option(help: "Gold CoNLL-U file.") var gold: String
  @Option(help: "Tagger model (default: bundled).") var tagger: String?
  @Flag(
    help:
      "Start from the raw text (rebuilt from the gold file) with our own segmentation; align words by character offsets."
  )
  var raw = false
  @Flag(help: "Print the scores as JSON.") var json = false

  func taggingModel() throws -> TaggingModel {
    try tagger.map { try TaggingModel(contentsOf: $0) }
      ?? TaggingModel(contentsOf: SyntaxAnnotator.bundledPath(SyntaxAnnotator.taggerResource))
  }

  func evaluate(_ annotator: SyntaxAnnotator) throws -> EvaluationReport {
    let goldSentences = try readCoNLLU(gold)
    if !raw {
      return try Evaluation.goldTokens(gold: goldSentences, predicted: annotator.annotate(goldSentences))
    }
    let goldText = RawTextGold(goldSentences)
    var document = Document(article: Article(id: gold, source: gold, text: goldText.text))
    Segmenter().segment(&document)
    annotator.annotate(&document)
    return goldText.evaluate(document)
  }

  func print(_ report: EvaluationReport, fields: [(String, Double)]) {
    var all: [(String, Double)] = []
    if raw { all += [("Words", report.words), ("Sentences", report.sentences)] }
    all += fields
    if json {
      let body = all.map { "\"\($0.0)\": \(String(format: "%.2f", $0.1))" }.joined(separator: ", ")
      Swift.print(
        "{\"gold\": \"\(gold)\", \"mode\": \"\(raw ? "raw" : "gold-tokens")\", \"goldWords\": \(report.goldWords), \(body)}"
      )
    } else {
      Swift.print("\(gold) (\(raw ? "raw text" : "gold tokens"), \(report.goldWords) words)")
      for (name, value) in all {
        Swift.print("\(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(percent(value))")
      }
    }
  }
}

struct EvalPOS: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pos", abstract: "UPOS, XPOS and lemma accuracy over all words (CoNLL 2018 conventions).")
  @OptionGroup var options: SyntaxEvalOptions

  func run() throws {
    let annotator = SyntaxAnnotator(tagging: try options.taggingModel(), parsing: nil)
    let report = try options.evaluate(annotator)
    options.print(report, fields: [("UPOS", report.upos), ("XPOS", report.xpos), ("Lemmas", report.lemma)])
  }
}

struct EvalParse: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract:
      "UAS and LAS over all words including punctuation, with predicted tags (CoNLL 2018 conventions).")
  @OptionGroup var options: SyntaxEvalOptions
  @Option(help: "Parser model (default: bundled).") var parser: String?

  func run() throws {
    let parsing =
      try parser.map { try ParsingModel(contentsOf: $0) }
      ?? ParsingModel(contentsOf: SyntaxAnnotator.bundledPath(SyntaxAnnotator.parserResource))
    let annotator = SyntaxAnnotator(tagging: try options.taggingModel(), parsing: parsing)
    let report = try options.evaluate(annotator)
    options.print(
      report,
      fields: [
        ("UPOS", report.upos), ("XPOS", report.xpos), ("Lemmas", report.lemma), ("UAS", report.uas),
        ("LAS", report.las),
      ])
  }
}
