import ArgumentParser
import Extraction
import Foundation
import NLP
import Text

/// `newsgraph extract`: claims of articles as JSON Lines or TSV, or Open IE tuples of sentences
/// in CaRB's format.
struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Extract claims from articles, or Open IE tuples from sentences (--format carb).",
    discussion: """
      jsonl: one ArticleExtraction per article (entities and claims). tsv: one claim per line:
      subject, predicate, relation class, object, modality, polarity, attribution, confidence,
      sentence. carb: reads one sentence per line and writes
      sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2... with the sentence exactly as read.

      Articles are read as `build` reads them: files, folders (walked in sorted order), JSON Lines, \
      and standard input. Exit status: 0 when every input was read; 3 when some were skipped (each \
      is reported on standard error); 1 when no article could be read.
      """
  )

  enum Format: String, ExpressibleByArgument { case jsonl, tsv, carb }

  @Option(help: "Output format: jsonl, tsv or carb.") var format = Format.jsonl
  @Option(help: "Tagger model (default: bundled).") var tagger: String?
  @Option(help: "Parser model (default: bundled).") var parser: String?
  @Flag(help: "Print to standard error the time spent in annotation (tagger, parser) and in extraction.")
  var timing = false
  @Argument(help: "Articles: files, folders, JSON Lines; none or '-' reads standard input.") var inputs:
    [String] = []

  func run() throws {
    let pipeline = try PipelineFactory.standard(tagger: tagger, parser: parser)
    let paths = inputs.isEmpty ? ["-"] : inputs
    var annotationTime = Duration.zero
    var extractionTime = Duration.zero
    var linkingTime = Duration.zero
    let timingLinker = timing ? EntityLinker(gazetteer: try Gazetteer.bundled()) : nil
    var tokens = 0
    var output = ""
    if format == .carb {
      for path in paths {
        let bytes = try Self.read(path)
        for line in String(decoding: bytes, as: UTF8.self).split(
          separator: "\n", omittingEmptySubsequences: true)
        {
          let sentence = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
          var document = Document(article: Article(id: "s", source: path, text: sentence))
          Segmenter().segment(&document)
          guard document.tokenCount > 0 else { continue }
          document.sentences = [0..<document.tokenCount]  // one sentence per line, as given
          for annotator in pipeline.annotators { annotator.annotate(&document) }
          for tuple in DependencyClaimExtractor.openIETuples(in: document, sentence: 0) {
            let fields =
              [sentence, String(format: "%.3f", tuple.confidence), tuple.relation] + tuple.arguments
            output +=
              fields.map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t") + "\n"
          }
          flush(&output)
        }
      }
      return
    }
    // Files, folders, JSON Lines and standard input, read as `build` reads them.
    var articles = 0
    var skipped = 0
    for item in ArticleStream(paths) {
      switch item {
      case .finding(let finding):
        if finding.severity >= .skipped { skipped += 1 }
        FileHandle.standardError.write(Data((finding.description + "\n").utf8))
      case .article(let article):
        articles += 1
        let started = ContinuousClock.now
        let document = pipeline.document(for: article)
        let annotated = ContinuousClock.now
        let extraction = pipeline.extractor.extract(from: document)
        annotationTime += annotated - started
        extractionTime += ContinuousClock.now - annotated
        tokens += document.tokenCount
        if let linker = timingLinker {
          // The linker's share of extraction, timed on its own.
          let linking = ContinuousClock.now
          _ = linker.link(document, candidates: MentionFinder().candidates(in: document))
          linkingTime += ContinuousClock.now - linking
        }
        write(extraction, to: &output)
        flush(&output)
      }
    }
    flush(&output)
    if timing {
      func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
      }
      let annotation = seconds(annotationTime)
      let extraction = seconds(extractionTime)
      let linking = seconds(linkingTime)
      FileHandle.standardError.write(
        Data(
          String(
            format:
              "%d tokens: annotation %.3f s; extraction %.3f s, of which linking %.3f s, claims %.3f s (%.1f%% of annotation)\n",
            tokens, annotation, extraction, linking, extraction - linking,
            annotation > 0 ? 100 * (extraction - linking) / annotation : 0
          ).utf8))
    }
    guard articles > 0 else { throw CLIError.noArticles(inputs: paths) }
    if skipped > 0 {
      report("\(skipped) input\(skipped == 1 ? " was" : "s were") skipped")
      throw ExitCode(ExitStatus.partial)
    }
  }

  private func write(_ extraction: ArticleExtraction, to output: inout String) {
    switch format {
    case .jsonl, .carb:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      if let data = try? encoder.encode(extraction) { output += String(decoding: data, as: UTF8.self) + "\n" }
    case .tsv:
      for claim in extraction.claims {
        let fields = [
          claim.subject, claim.predicate, claim.relationClass ?? "", claim.object, claim.modality.rawValue,
          claim.polarity.rawValue, claim.attribution ?? "", String(format: "%.2f", claim.confidence),
          claim.evidence.replacingOccurrences(of: "\n", with: " "),
        ]
        output += fields.map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t") + "\n"
      }
    }
  }

  private func flush(_ output: inout String) {
    FileHandle.standardOutput.write(Data(output.utf8))
    output = ""
  }

  static func read(_ path: String) throws -> [UInt8] { try InputFile.bytes(path) }
}

/// `newsgraph eval carb`: CaRB scores of Open IE output against the gold tuples.
struct EvalCaRB: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "carb",
    abstract:
      "CaRB precision, recall, best F1 and AUC of Open IE tuples (default: extract them from the gold sentences)."
  )
  @Option(help: "Gold tuples (sentence, relation, arg1, arg2...).") var gold: String
  @Option(help: "System output in CaRB format; default: run `extract --format carb` on the gold sentences.")
  var predictions: String?
  @Option(help: "Tagger model (default: bundled).") var tagger: String?
  @Option(help: "Parser model (default: bundled).") var parser: String?
  @Flag(help: "Print the scores as JSON.") var json = false

  func run() throws {
    let goldTuples = CaRBScorer.parseGold(String(decoding: try ExtractCommand.read(gold), as: UTF8.self))
    let scorer = CaRBScorer(gold: goldTuples)
    var predicted: [(sentence: String, tuple: CaRBScorer.Tuple)] = []
    if let predictions {
      predicted = CaRBScorer.parsePredictions(
        String(decoding: try ExtractCommand.read(predictions), as: UTF8.self))
    } else {
      let pipeline = try PipelineFactory.standard(tagger: tagger, parser: parser)
      var seen = Set<String>()
      for (sentence, _) in goldTuples where seen.insert(sentence).inserted {
        var document = Document(article: Article(id: "s", source: gold, text: sentence))
        Segmenter().segment(&document)
        guard document.tokenCount > 0 else { continue }
        document.sentences = [0..<document.tokenCount]
        for annotator in pipeline.annotators { annotator.annotate(&document) }
        for tuple in DependencyClaimExtractor.openIETuples(in: document, sentence: 0) {
          predicted.append(
            (
              sentence,
              CaRBScorer.Tuple(
                relation: tuple.relation, arguments: tuple.arguments, confidence: tuple.confidence)
            ))
        }
      }
    }
    let result = scorer.score(predicted)
    if json {
      print(
        String(
          format:
            "{\"gold\": \"\(gold)\", \"precision\": %.2f, \"recall\": %.2f, \"f1\": %.2f, \"auc\": %.2f, \"threshold\": %.3f, \"goldTuples\": %d, \"predictedTuples\": %d}",
          result.precision * 100, result.recall * 100, result.f1 * 100, result.auc * 100, result.threshold,
          result.goldTuples, result.predictedTuples))
    } else {
      print("\(gold): \(result.goldTuples) gold tuples, \(result.predictedTuples) predicted")
      print(
        String(
          format: "P %.2f  R %.2f  F1 %.2f  AUC %.2f  (threshold %.3f)", result.precision * 100,
          result.recall * 100, result.f1 * 100, result.auc * 100, result.threshold))
    }
  }
}
