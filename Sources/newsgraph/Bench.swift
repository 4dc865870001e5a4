import ArgumentParser
import Foundation
import NLP
import Text

/// `newsgraph bench ...`: throughput benchmarks of pipeline stages (run on release builds).
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure the speed of pipeline stages (use a release build).",
    subcommands: [BenchNLP.self, BenchNER.self, BenchPipeline.self, BenchDiagram.self]
  )
}

struct BenchNLP: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nlp",
    abstract:
      "Tokens per second of the tagger, tagger + lemmatizer, and tagger + lemmatizer + parser, on one core.",
    discussion: """
      Reads the articles of the corpus folder as `build` does, splits them into sentences and tokens once
      (not timed, with the Text target's segmenter), then times each stage
      over the whole corpus several times on one thread and reports the median of tokens per
      CPU-second of that thread (robust on a shared machine), and the wall-clock rate on stderr.
      """
  )

  @Option(help: "Folder of articles (searched recursively, as `build` reads it).") var corpus: String
  @Option(help: "Timed runs per stage.") var runs = 5
  @Option(help: "Tagger model (default: bundled).") var tagger: String?
  @Option(help: "Parser model (default: bundled).") var parser: String?
  @Flag(help: "Print JSON.") var json = false
  @Flag(help: "Time the tagger and lemmatizer only.") var noParser = false

  func run() throws {
    let taggerPath = try tagger ?? SyntaxAnnotator.bundledPath(SyntaxAnnotator.taggerResource)
    let parserPath = try parser ?? SyntaxAnnotator.bundledPath(SyntaxAnnotator.parserResource)
    func loadTime(_ load: () throws -> Void) rethrows -> Double {
      var times: [Double] = []
      for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        try load()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      }
      return times.sorted()[2]
    }
    let taggerLoad = try loadTime { _ = try TaggingModel(contentsOf: taggerPath) }
    printError("load: tagger model \(String(format: "%.1f", taggerLoad)) ms (median of 5, wall clock)")
    if !noParser {
      let parserLoad = try loadTime { _ = try ParsingModel(contentsOf: parserPath) }
      printError("load: parser model \(String(format: "%.1f", parserLoad)) ms (median of 5, wall clock)")
    }
    let tagging = try TaggingModel(contentsOf: taggerPath)
    let documents = try BenchCorpus.articles([corpus]).map { Document.segmented($0) }
    let tokens = documents.reduce(0) { $0 + $1.tokenCount }
    printError("corpus: \(documents.count) articles, \(tokens) tokens")
    let tagsOnly = SyntaxAnnotator(tagging: tagging, parsing: nil)
    func measure(_ name: String, _ body: (Document) -> Int) -> Double {
      var rates: [Double] = []
      var wallRates: [Double] = []
      var sink = 0
      for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = threadCPUSeconds()
        for d in documents { sink &+= body(d) }
        let cpu = threadCPUSeconds() - cpuStart
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        rates.append(Double(tokens) / cpu)
        wallRates.append(Double(tokens) / seconds)
      }
      rates.sort()
      wallRates.sort()
      let median = rates[rates.count / 2]
      printError(
        "\(name): median \(Int(median)) tokens per CPU-second over \(runs) runs (min \(Int(rates.first!)), max \(Int(rates.last!))); wall-clock median \(Int(wallRates[wallRates.count / 2])) tokens/s  [\(sink & 1)]"
      )
      return median
    }
    let t = measure("tagger") { d in tagging.tagger.tagClasses(d).count }
    let tl = measure("tagger+lemmatizer") { d in
      var d = d
      tagsOnly.annotate(&d)
      return d.lemmas.count
    }
    var tlp = 0.0
    if !noParser {
      let parsing = try ParsingModel(contentsOf: parserPath)
      let full = SyntaxAnnotator(tagging: tagging, parsing: parsing)
      tlp = measure("tagger+lemmatizer+parser") { d in
        var d = d
        full.annotate(&d)
        return d.heads.count
      }
    }
    if json {
      print(
        "{\"articles\": \(documents.count), \"tokens\": \(tokens), \"runs\": \(runs), \"tagger\": \(Int(t)), \"taggerLemmatizer\": \(Int(tl)), \"taggerLemmatizerParser\": \(Int(tlp))}"
      )
    } else {
      print(
        "tokens per CPU-second of one thread (median of \(runs)): tagger \(Int(t)), tagger+lemmatizer \(Int(tl)), tagger+lemmatizer+parser \(Int(tlp))"
      )
    }
  }
}

/// CPU time of the calling thread: on a shared machine this measures one core's work, not the wait.
func threadCPUSeconds() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// The articles of a benchmark corpus, read as `build` reads them (a folder's README is none).
enum BenchCorpus {
  /// The articles and what could not be read.
  static func read(_ corpus: [String]) -> (articles: [Article], findings: [IngestFinding]) {
    var articles: [Article] = []
    var findings: [IngestFinding] = []
    for item in ArticleStream(corpus) {
      switch item {
      case .article(let article): articles.append(article)
      case .finding(let finding): findings.append(finding)
      }
    }
    return (articles, findings)
  }

  /// The articles of ``read(_:)``; what could not be read goes to standard error, and a corpus
  /// without articles (a missing or empty folder) is an error, not a benchmark of nothing.
  static func articles(_ corpus: [String]) throws -> [Article] { try checked(read(corpus), corpus: corpus) }

  static func checked(_ read: (articles: [Article], findings: [IngestFinding]), corpus: [String]) throws
    -> [Article]
  {
    for finding in read.findings where finding.severity >= .skipped { printError(finding.description) }
    guard !read.articles.isEmpty else {
      throw ValidationError("\(corpus.joined(separator: ", ")): no articles to measure")
    }
    return read.articles
  }
}
