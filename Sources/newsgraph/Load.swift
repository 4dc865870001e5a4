import ArgumentParser
import Foundation
import Graph
import RDF
import Store

/// `newsgraph load`: uploads a graph file to a SPARQL 1.1 Graph Store Protocol endpoint.
struct Load: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "load",
    abstract: "Load a graph into a triple store over the SPARQL 1.1 Graph Store HTTP Protocol.",
    discussion: """
      GRAPH is one of our graph files: .nq (N-Quads: each article's statements keep their named graph) \
      or .nt (N-Triples), streamed in chunks so memory stays flat whatever its size; or articles \
      (files, folders), built into a graph first as `newsgraph build` would.

      Credentials come from the environment only: NEWSGRAPH_STORE_USER and NEWSGRAPH_STORE_PASSWORD \
      (HTTP Basic), or NEWSGRAPH_STORE_TOKEN (Bearer).

      Store URLs: Oxigraph http://HOST:7878/store; Apache Jena Fuseki http://HOST:3030/DATASET/data; \
      GraphDB http://HOST:7200/repositories/REPO/rdf-graphs/service.

      Exit status: 0 when everything was loaded (and verified, with --verify); 3 when it was, but some \
      articles were skipped; 1 otherwise.
      """
  )

  enum Mode: String, EnumerableFlag {
    case replace, append

    static func help(for value: Mode) -> ArgumentHelp? {
      switch value {
      case .replace: "Empty each graph written to before loading into it."
      case .append: "Add to what the graphs hold."
      }
    }
  }

  @Argument(
    help: "A graph file (.nq or .nt; - reads N-Quads from standard input), or articles to build and load.")
  var inputs: [String]

  @Option(name: .customLong("base-iri"), help: "Base IRI for a graph built from articles.")
  var baseIRI: String = RDFMapping.defaultBaseIRI

  @Option(help: "The store's Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store.")
  var store: String

  @Option(help: "Load everything into this named graph (graph names in the file are dropped).")
  var graph: String?

  @Flag(help: "Keep each article's named graph from the N-Quads file (the default for .nq).")
  var perArticleGraphs = false

  @Flag(help: "Load everything into the default graph (graph names in the file are dropped).")
  var defaultGraph = false

  @Flag(help: "POST N-Quads to the store URL as a whole dataset (Oxigraph /store, Fuseki /DATASET).")
  var dataset = false

  @Flag(exclusivity: .exclusive)
  var mode: Mode = .append

  @Flag(help: "Count the triples in the store afterwards with SPARQL and compare.")
  var verify = false

  @Option(
    help: "The SPARQL query endpoint for --verify (derived from --store for Oxigraph, Fuseki and GraphDB).")
  var queryEndpoint: String?

  @Option(help: "Statements per request.")
  var chunkSize = 10_000

  @Option(help: "Attempts per request on connection errors and 5xx answers, the first included.")
  var attempts = 4

  @Option(help: "Seconds to wait for each answer.")
  var timeout: Double = 300

  func validate() throws {
    let targets = [graph != nil, perArticleGraphs, defaultGraph, dataset].filter { $0 }.count
    guard targets <= 1 else {
      throw ValidationError("choose one of --graph, --per-article-graphs, --default-graph and --dataset")
    }
    guard chunkSize > 0 else { throw ValidationError("--chunk-size must be at least 1") }
    guard attempts > 0 else { throw ValidationError("--attempts must be at least 1") }
  }

  /// A graph file goes to the store as it is; anything else is read as articles and built first.
  private var graphFile: String? {
    guard inputs.count == 1, let input = inputs.first else { return nil }
    let ext = (input as NSString).pathExtension.lowercased()
    // Turtle, TriG and JSON-LD are refused by the loader with a message, not read as articles.
    return input == "-" || GraphInputs.isGraphFile(input) || ["ttl", "trig", "jsonld"].contains(ext)
      ? input : nil
  }

  func run() async throws {
    var quads: [Quad] = []
    var skipped = 0
    if graphFile == nil {
      let mapping = try RDFMapping(baseIRI: baseIRI)
      let built = try GraphInputs.graph(from: inputs)
      // Built on every core, so mapped and sorted on every core too (the same quads as on one).
      quads = mapping.quads(for: built.graph, parts: ProcessInfo.processInfo.activeProcessorCount)
      skipped = built.skipped
    }
    do {
      let report = try await load(quads: quads)
      print(report.summary())
      if report.verified == false { throw ExitCode.failure }
      if skipped > 0 { throw ExitCode(ExitStatus.partial) }
    } catch let error as StoreError {
      FileHandle.standardError.write(Data("newsgraph load: error: \(error)\n".utf8))
      throw ExitCode.failure
    }
  }

  private func load(quads: [Quad]) async throws(StoreError) -> LoadReport {
    let target: LoadOptions.Target
    if let graph {
      guard let iri = try? IRI(graph) else {
        throw .invalidConfiguration("--graph must be an absolute IRI: \(graph.debugDescription)")
      }
      target = .graph(iri)
    } else if defaultGraph {
      target = .defaultGraph
    } else if dataset {
      target = .dataset
    } else {
      target = .sourceGraphs
    }
    let client = try GraphStoreClient(
      store: try url(store, option: "--store"),
      queryEndpoint: try queryEndpoint.map { (value) throws(StoreError) in
        try url(value, option: "--query-endpoint")
      },
      credentials: try StoreCredentials.fromEnvironment(),
      retry: RetryPolicy(maxAttempts: attempts),
      timeout: timeout)
    if verify, client.queryURL == nil {
      throw .invalidConfiguration(
        "cannot tell the query endpoint of \(store); give it with --query-endpoint for --verify")
    }
    let options = LoadOptions(
      target: target, mode: mode == .replace ? .replace : .append, chunkSize: chunkSize, verify: verify)
    // A progress line only for a person watching a terminal, never in a pipe or a log.
    let progress = isatty(STDERR_FILENO) == 1 ? Load.showProgress : nil
    defer { if progress != nil { FileHandle.standardError.write(Data("\n".utf8)) } }
    let loader = GraphLoader(client: client, options: options, progress: progress)
    if let graphFile { return try await loader.load(file: graphFile) }
    return try await loader.load(quads: quads)
  }

  @Sendable private static func showProgress(_ report: LoadReport) {
    let line =
      "\r\(report.totalSent) triples sent in \(report.requests) requests to \(report.graphs.count) graphs"
    FileHandle.standardError.write(Data(line.utf8))
  }

  private func url(_ text: String, option: String) throws(StoreError) -> URL {
    guard let url = URL(string: text) else {
      throw .invalidConfiguration("\(option) is not a URL: \(text.debugDescription)")
    }
    return url
  }
}
