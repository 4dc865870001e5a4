import ArgumentParser
import Foundation
import NLP
import Text

/// `newsgraph annotate`: tags, lemmatizes and parses CoNLL-U or raw text, writing CoNLL-U.
struct AnnotateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "annotate",
    abstract: "Predict UPOS, XPOS, LEMMA, HEAD and DEPREL; write CoNLL-U to standard output.",
    discussion: """
      From CoNLL-U, only the word forms, sentence breaks, comments (sent_id, text, ...),
      multiword-token lines and the text's spacing (SpaceAfter=No) are kept; the gold columns are
      ignored and empty nodes dropped, so the output has exactly the input's words and sentences.
      The tagger reads the spacing (a hyphen inside a word is HYPH), from SpaceAfter=No or else
      from the text comment.
      """
  )

  enum InputFormat: String, ExpressibleByArgument { case conllu, text, iob2 }
  enum OutputFormat: String, ExpressibleByArgument { case conllu, iob2 }

  @Option(help: "Input format.") var from = InputFormat.conllu
  @Option(help: "Output format.") var to = OutputFormat.conllu
  @Option(help: "Tagger model (default: bundled).") var tagger: String?
  @Option(help: "Parser model (default: bundled).") var parser: String?
  @Option(help: "Entity recognizer model for --from iob2 (default: bundled).") var ner: String?
  @Argument(help: "Input files; none or '-' reads standard input.") var inputs: [String] = []

  func run() throws {
    if from == .iob2 || to == .iob2 {
      // Predicted entity tags in the tag column; the other columns and lines stay as they are.
      guard from == .iob2 && to == .iob2 else { throw ValidationError("iob2 input gives iob2 output only") }
      let recognizer = try NERSupport.recognizer(ner)
      let tagging = try NERSupport.tagging(tagger)
      for input in inputs.isEmpty ? ["-"] : inputs {
        var output = ""
        let sentences = try NERSupport.readIOB2(input)
        IOB2.write(recognizer.annotate(sentences, tagger: tagging.tagger), to: &output)
        FileHandle.standardOutput.write(Data(output.utf8))
      }
      return
    }
    let tagging =
      try tagger.map { try TaggingModel(contentsOf: $0) }
      ?? TaggingModel(contentsOf: SyntaxAnnotator.bundledPath(SyntaxAnnotator.taggerResource))
    let parsing =
      try parser.map { try ParsingModel(contentsOf: $0) }
      ?? ParsingModel(contentsOf: SyntaxAnnotator.bundledPath(SyntaxAnnotator.parserResource))
    let annotator = SyntaxAnnotator(tagging: tagging, parsing: parsing)
    var output = ""
    for input in inputs.isEmpty ? ["-"] : inputs {
      switch from {
      case .conllu:
        let sentences = try readCoNLLU(input)
        CoNLLU.write(annotator.annotate(sentences), to: &output)
      case .text:
        let text = try readText(input)
        var document = Document(article: Article(id: input, source: input, text: text))
        Segmenter().segment(&document)
        annotator.annotate(&document)
        CoNLLU.write(Self.sentences(of: document, name: input), to: &output)
      case .iob2: break
      }
      FileHandle.standardOutput.write(Data(output.utf8))
      output = ""
    }
  }

  func readText(_ path: String) throws -> String { try InputFile.text(path) }

  /// CoNLL-U sentences from an annotated document (`sent_id` = name-number, `text`, SpaceAfter=No).
  static func sentences(of d: Document, name: String) -> [CoNLLUSentence] {
    var out: [CoNLLUSentence] = []
    for (k, s) in d.sentences.enumerated() where !s.isEmpty {
      let text = d.text(ofTokens: s).replacingOccurrences(of: "\n", with: " ")
      var sentence = CoNLLUSentence(comments: ["sent_id = \(name)-\(k + 1)", "text = \(text)"])
      for t in s {
        var w = CoNLLUWord(
          id: t - s.lowerBound + 1, form: d.forms[t], lemma: d.lemmas[t], upos: d.upos[t], xpos: d.xpos[t])
        if !d.heads.isEmpty {
          w.head = d.heads[t] < 0 ? 0 : Int(d.heads[t]) - s.lowerBound + 1
          w.deprel = d.deprels[t]
        }
        if t + 1 < s.upperBound && d.tokenEnds[t] == d.tokenStarts[t + 1] { w.misc = "SpaceAfter=No" }
        sentence.words.append(w)
      }
      out.append(sentence)
    }
    return out
  }
}
