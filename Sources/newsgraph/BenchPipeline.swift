import ArgumentParser
import Diagram
import Dispatch
import Extraction
import Foundation
import Graph
import Pipeline
import RDF
import Text

/// `newsgraph bench pipeline`: tokens per second of every stage of `build` and of the whole
/// run on one core and on all cores, over a corpus. Medians of several runs; use a release build.
struct BenchPipeline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pipeline",
    abstract: "Tokens per second of each stage of build, and end to end on 1 and on all cores.",
    discussion: """
      Stages are timed one after the other over the whole corpus, each on the previous stage's \
      output, on one core: ingest (read and decode), segment, each annotator, extraction, merge, \
      entity resolution, \
      mapping to RDF, each writer, the diagram. End to end is the same work as `newsgraph build` \
      (all formats but the diagram), timed with --jobs 1 and with every core, in turn: the \
      speed-up is the median of the rounds' ratios. \
      With --graph, only the RDF stages are timed, on a graph file that build wrote (for \
      example graph.nq): mapping (with the canonical sort), the union order on its own, mapping \
      with the union order as build does it, and each writer writing into a discarded block.
      """)

  @Option(help: "Articles: a folder, files or JSON Lines.") var corpus: [String] = []
  @Option(
    help: ArgumentHelp(
      "Time only the RDF stages (mapping, union order, writers) of the graph in this N-Quads file.",
      discussion: "The graph is read back (not timed) instead of built from --corpus."))
  var graph: String?
  @Option(help: "Timed runs of each stage; the median is reported.") var runs = 3
  @Flag(
    help:
      "Time each stage by the CPU time of its thread instead of the wall clock: steadier on a shared machine (end to end stays wall clock)."
  )
  var cpuTime = false
  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    guard (graph == nil) != corpus.isEmpty else { throw ValidationError("give --corpus or --graph") }
  }

  func run() throws {
    if let graph {
      let results = try rdfStages(try GraphReader.read(nquadsFile: graph))
      report(results.rows, articles: nil, tokens: nil, words: nil, triples: results.triples)
      return
    }
    let processor = try PipelineFactory.standard()
    var results: [(stage: String, seconds: Double, unit: String, count: Int)] = []

    var corpusRead: (articles: [Article], findings: [IngestFinding]) = ([], [])
    let ingest = median { corpusRead = BenchCorpus.read(corpus) }
    let articles = try BenchCorpus.checked(corpusRead, corpus: corpus)
    var documents: [Document] = []
    let segment = median { documents = articles.map { Document.segmented($0) } }
    let tokens = documents.reduce(0) { $0 + $1.tokenCount }
    let words = articles.reduce(0) { $0 + Self.whitespaceWords($1.text) }
    results.append(("ingest", ingest, "tokens", tokens))
    results.append(("segment", segment, "tokens", tokens))
    for annotator in processor.annotators {
      var annotated: [Document] = []
      let seconds = median {
        annotated = documents.map { document in
          var document = document
          annotator.annotate(&document)
          return document
        }
      }
      documents = annotated
      results.append((String(describing: type(of: annotator)), seconds, "tokens", tokens))
    }
    var extractions: [ArticleExtraction] = []
    let extract = median { extractions = documents.map(processor.extractor.extract(from:)) }
    results.append(("extraction", extract, "tokens", tokens))
    var graph = KnowledgeGraph()
    let merge = median {
      var builder = GraphBuilder()
      for extraction in extractions { builder.add(extraction) }
      graph = builder.build()
    }
    results.append(("merge", merge, "tokens", tokens))
    let resolve = median { graph = EntityResolver().resolve(graph).graph }
    results.append(("resolve entities", resolve, "tokens", tokens))
    let rdf = try rdfStages(graph)
    results += rdf.rows
    let diagram = try medianThrowing { _ = try DiagramRenderer().render(graph) }
    results.append(("diagram (svg, default pruning)", diagram, "graphs", 1))

    // One core and every core in turn, round after round, so that a host whose speed drifts
    // moves both alike; the speed-up is the median of the rounds' ratios.
    let cores = ProcessInfo.processInfo.activeProcessorCount
    var rounds: [(one: Double, all: Double)] = []
    for _ in 0..<max(runs, 1) {
      func wallSeconds(jobs: Int) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try endToEnd(processor: processor, mapping: try RDFMapping(), jobs: jobs)
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      }
      rounds.append((try wallSeconds(jobs: 1), try wallSeconds(jobs: cores)))
    }
    results.append(("\(Self.endToEnd), 1 core", Self.median(of: rounds.map(\.one)), "tokens", tokens))
    let allCores = "\(Self.endToEnd), \(cores) core\(cores == 1 ? "" : "s")"
    results.append((allCores, Self.median(of: rounds.map(\.all)), "tokens", tokens))
    let speedup = (cores: cores, ratio: Self.median(of: rounds.map { $0.one / $0.all }))

    report(
      results, articles: articles.count, tokens: tokens, words: words, triples: rdf.triples, speedup: speedup)
  }

  /// Words as `wc -w` counts them: runs of characters other than whitespace. Tokens count
  /// punctuation too (982,678 tokens against 854,490 such words in the BBC corpus), so a rate in
  /// words per second is the smaller figure.
  static func whitespaceWords(_ text: String) -> Int {
    var count = 0
    var inWord = false
    for byte in text.utf8 {
      let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
      if !space && !inWord { count += 1 }
      inWord = !space
    }
    return count
  }

  /// The stage name of the end-to-end rows, which also report words per second.
  static let endToEnd = "end to end"

  /// Mapping to RDF, the union order and each writer, timed on `graph`.
  private func rdfStages(_ graph: KnowledgeGraph) throws -> (
    rows: [(stage: String, seconds: Double, unit: String, count: Int)], triples: Int
  ) {
    var results: [(stage: String, seconds: Double, unit: String, count: Int)] = []
    let mapping = try RDFMapping()
    var quads: [Quad] = []
    let map = median { quads = mapping.quads(for: graph) }
    results.append(("RDF mapping", map, "triples", quads.count))
    let prefixes = mapping.dataPrefixes(for: graph)
    var unionOrder: [Int] = []
    let union = median { unionOrder = quads.unionOrder() }
    results.append(("union order (for ttl, nt, jsonld)", union, "triples", quads.count))
    let both = median { unionOrder = mapping.quadsWithUnionOrder(for: graph).unionOrder }
    results.append(("mapping with union order (build)", both, "triples", quads.count))
    for format in RDFFormat.allCases {
      let seconds = median {
        var output = DiscardingOutput()
        format.write(
          quads, prefixes: prefixes, context: RDFMapping.jsonLDContext, unionOrder: unionOrder, to: &output)
      }
      results.append(("write \(format.rawValue)", seconds, "triples", quads.count))
    }
    return (results, quads.count)
  }

  private func report(
    _ results: [(stage: String, seconds: Double, unit: String, count: Int)], articles: Int?, tokens: Int?,
    words: Int?, triples: Int, speedup: (cores: Int, ratio: Double)? = nil
  ) {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let peakMB = Double(usage.ru_maxrss) / 1024
    if json {
      let rows = results.map {
        "{\"stage\": \"\($0.stage)\", \"seconds\": \(String(format: "%.4f", $0.seconds)), \"unit\": \"\($0.unit)\", \"perSecond\": \(Int(Double($0.count) / $0.seconds))}"
      }
      print(
        "{\"articles\": \(articles ?? 0), \"tokens\": \(tokens ?? 0), \"words\": \(words ?? 0), \"runs\": \(runs), \"peakMB\": \(Int(peakMB)), "
          + (speedup.map {
            "\"speedup\": {\"cores\": \($0.cores), \"ratio\": \(String(format: "%.3f", $0.ratio))}, "
          } ?? "")
          + "\"stages\": [\(rows.joined(separator: ", "))]}"
      )
    } else {
      if let articles, let tokens, let words {
        print(
          "corpus: \(articles) articles, \(tokens) tokens (\(words) words as wc -w counts them), \(triples) triples; median of \(runs) runs"
        )
      } else {
        print("graph: \(triples) triples; median of \(runs) runs")
      }
      for row in results {
        let rate = Double(row.count) / row.seconds
        var wordRate = ""
        if let words, row.stage.hasPrefix(Self.endToEnd) {
          wordRate = "  (\(String(format: "%.0f", Double(words) / row.seconds)) words/s)"
        }
        print(
          "\(row.stage.padding(toLength: 34, withPad: " ", startingAt: 0)) "
            + "\(String(format: "%9.3f", row.seconds)) s  \(String(format: "%12.0f", rate)) \(row.unit)/s"
            + wordRate)
      }
      if let speedup {
        print(
          "speed-up on \(speedup.cores) cores: \(String(format: "%.2f", speedup.ratio))× "
            + "(median of \(runs) rounds, each one run on 1 core then one on \(speedup.cores))")
      }
      print("peak memory of this benchmark process: \(Int(peakMB)) MB (it keeps every stage's output)")
    }
  }

  /// What `build` does: read, process on `jobs` cores, merge, resolve, map, write the five RDF
  /// files (into a temporary folder, removed afterwards).
  private func endToEnd(processor: ArticleProcessor, mapping: RDFMapping, jobs: Int) throws {
    let result = GraphBuildJob(processor: processor, options: .init(jobs: jobs, batchSize: 64))
      .run(inputs: corpus)
    let graph = EntityResolver().resolve(result.graph).graph
    let folder = NSTemporaryDirectory() + "newsgraph-bench-\(ProcessInfo.processInfo.processIdentifier)"
    try FileManager.default.createFolder(folder)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let formats = OutputFormat.allCases.filter { $0.rdfFormat != nil }
    try GraphFiles.write(
      graph, mapping: mapping, formats: formats,
      to: formats.map { (folder as NSString).appendingPathComponent("graph.\($0.rawValue)") }, jobs: jobs)
  }

  private func median(_ body: () -> Void) -> Double {
    (try? medianThrowing(body)) ?? 0
  }

  private func medianThrowing(_ body: () throws -> Void) throws -> Double {
    var times: [Double] = []
    for _ in 0..<max(runs, 1) {
      let start = DispatchTime.now().uptimeNanoseconds
      let cpuStart = threadCPUSeconds()
      try body()
      times.append(
        cpuTime ? threadCPUSeconds() - cpuStart : Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return Self.median(of: times)
  }

  /// The middle of `values` (the upper middle one of an even count).
  private static func median(of values: [Double]) -> Double { values.sorted()[values.count / 2] }
}

/// Collects output in a block as large as a file's buffer and drops it when full: the writers'
/// work without the disk's. Takes the writers' blocks as bytes, as ``FileOutput`` does.
final class DiscardingOutput: ByteSink {
  var buffer: [UInt8] = []
  init() { buffer.reserveCapacity(1 << 16 + 4096) }

  func write(_ string: String) {
    var string = string
    string.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
  }

  func write(bytes: UnsafeRawBufferPointer) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { buffer.removeAll(keepingCapacity: true) }
  }
}
