import ArgumentParser
import Diagram
import Foundation
import Graph
import Pipeline
import RDF
import Text

/// `newsgraph build`: articles in, graph files out.
struct Build: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Build a knowledge graph from articles and write it as RDF and a diagram.",
    discussion: """
      INPUT is a file (.txt, .html, .jsonl), a folder (read recursively) or - for standard input. \
      Writes graph.ttl, graph.nt, graph.nq, graph.trig, graph.jsonld, graph.svg, graph.dot and \
      merges.json (every cross-article merge of the entity resolver and why; with --formats only when \
      --merge-report is given) into \
      the output folder (or the formats --formats names; png and pdf on request), each through a \
      temporary file and a rename, so no half-written file is ever left.

      Exit status: 0 when everything was written; 3 when outputs were written but some inputs were \
      skipped (each is reported on standard error); 1 when nothing could be written.
      """)

  @Argument(help: "Articles: files, folders, or - for standard input.")
  var inputs: [String]

  @Option(name: [.short, .long], help: "Folder for the graph files.")
  var out: String = "output"

  @Option(help: "Comma-separated formats to write: \(OutputFormat.allNames).")
  var formats: String = OutputFormat.allNames

  @Option(name: .customLong("base-iri"), help: "Base IRI under which entity and article IRIs are minted.")
  var baseIRI: String = RDFMapping.defaultBaseIRI

  @Option(
    help: ArgumentHelp(
      "An N-Quads graph written by build (graph.nq): the new articles are added to it.",
      discussion: "Entities keep their IRIs; articles already in the graph are not added again; "
        + "the result equals a build of all articles at once."))
  var into: String?

  @Flag(
    inversion: .prefixedNo,
    help:
      "Write merges.json, the entity resolver's merges and reasons (default: when --formats is not given).")
  var mergeReport: Bool?

  @Option(help: "Articles processed at once (0: one per core).")
  var jobs: Int = 0

  @Flag(help: "Print nothing but errors.")
  var quiet = false

  func run() throws {
    let started = Date()
    let selected = try OutputFormat.parse(formats)
    _ = try RDFMapping(baseIRI: baseIRI)  // an invalid base IRI fails before any work
    let pipeline = try PipelineFactory.standard()
    let job = GraphBuildJob(processor: pipeline, options: .init(jobs: jobs, batchSize: 64))
    let progress = ProgressReporter(enabled: !quiet, inputs: inputs)
    let seed =
      try into.map { path in GraphBuilder(seed: try GraphReader.read(nquadsFile: path)) } ?? GraphBuilder()
    var result = job.run(inputs: inputs, into: seed) { articles, tokens in
      progress.update(articles: articles, tokens: tokens)
    }
    progress.finish()
    for finding in result.findings { report(finding.description) }
    guard result.articleCount > 0 else { throw CLIError.noArticles(inputs: inputs) }
    let resolution = EntityResolver().resolve(result.graph)
    let graph = resolution.graph
    result.graph = KnowledgeGraph()  // the unresolved graph is not needed any more: free it

    try FileManager.default.createFolder(out)
    let paths = selected.map { (out as NSString).appendingPathComponent("graph.\($0.rawValue)") }
    let writesMerges = mergeReport ?? (formats == OutputFormat.allNames)
    let mergesPath = (out as NSString).appendingPathComponent("merges.json")
    try GraphFiles.write(
      graph, mapping: try RDFMapping(baseIRI: baseIRI), formats: selected, to: paths,
      merges: writesMerges ? (mergesPath, resolution.merges) : nil, jobs: jobs)
    let written = paths + (writesMerges ? [mergesPath] : [])

    if !quiet {
      let seconds = Date().timeIntervalSince(started)
      print(
        "\(result.articleCount) article\(result.articleCount == 1 ? "" : "s"), "
          + "\(result.tokenCount) tokens → \(graph.entities.count) entities "
          + "(\(resolution.merges.count) merged), \(graph.relations.count) relations in \(String(format: "%.2f", seconds)) s; "
          + "wrote \(written.joined(separator: ", "))")
    }
    if result.skippedCount > 0 {
      report("\(result.skippedCount) input\(result.skippedCount == 1 ? " was" : "s were") skipped")
      throw ExitCode(ExitStatus.partial)
    }
  }
}

extension FileManager {
  func createFolder(_ path: String) throws {
    do {
      try createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw CLIError.cannotCreateFolder(path: path, reason: (error as NSError).localizedDescription)
    }
  }
}
