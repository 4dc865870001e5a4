import Foundation
import RDF

/// Streams statements into a store in chunks: `newsgraph load`, as a library.
///
/// At most ``LoadOptions/chunkSize`` statements are held at a time, whatever the input's size.
/// Replacing a graph sends its first chunk with PUT and the rest with POST, so a graph is replaced
/// once even when its statements are spread over the input.
public struct GraphLoader: Sendable {
  public let client: GraphStoreClient
  public let options: LoadOptions
  /// Called after every request with the report so far, e.g. to draw a progress line.
  public let progress: (@Sendable (LoadReport) -> Void)?

  public init(
    client: GraphStoreClient, options: LoadOptions = .default,
    progress: (@Sendable (LoadReport) -> Void)? = nil
  ) {
    self.client = client
    self.options = options
    self.progress = progress
  }

  // MARK: - Entry points

  /// Loads one of our graph files (`.nq`, `.nt`).
  public func load(file path: String) async throws(StoreError) -> LoadReport {
    var source = try GraphFileSource(path: path)
    return try await load(from: &source)
  }

  /// Loads quads built in memory (the pipeline's hook for loading articles without a file).
  public func load<S: Sequence<Quad>>(quads: S) async throws(StoreError) -> LoadReport {
    var source = QuadSource(quads)
    return try await load(from: &source)
  }

  /// Loads every statement of `source`, then verifies when asked.
  public func load<S: StatementSource>(from source: inout S) async throws(StoreError) -> LoadReport {
    var upload = Upload(client: client, options: options, sourceName: source.name, progress: progress)
    while let statement = try source.next() {
      try await upload.add(statement)
    }
    try await upload.finish()
    var report = upload.report
    if options.verify { try await verify(&report) }
    return report
  }

  // MARK: - Verification

  /// Counts the triples of every graph written with `SELECT (COUNT(*) AS ?n)` and records them.
  private func verify(_ report: inout LoadReport) async throws(StoreError) {
    let namedCount = report.graphs.filter { if case .named = $0.graph { true } else { false } }.count
    // One grouped query beats thousands of single ones when every article has its graph.
    let named = namedCount > 1 ? try await client.countTriplesInNamedGraphs() : [:]
    for index in report.graphs.indices {
      switch report.graphs[index].graph {
      case .defaultGraph:
        report.graphs[index].stored = try await client.countTriples(in: .defaultGraph)
      case .named(let iri):
        report.graphs[index].stored =
          namedCount > 1 ? named[iri, default: 0] : try await client.countTriples(in: .named(iri))
      }
    }
    report.verified = report.mismatches.isEmpty
  }
}

// MARK: - Chunking

/// The loader's state while it streams: what is buffered, which graphs were started, what was sent.
private struct Upload {
  /// Serialized statements waiting for one graph, or for the dataset.
  struct Pending {
    var body = Data()
    var count = 0
    /// The first and last input lines in the body, for messages; 0 when unknown.
    var firstLine = 0
    var lastLine = 0

    mutating func note(line: Int) {
      guard line > 0 else { return }
      if firstLine == 0 || line < firstLine { firstLine = line }
      lastLine = max(lastLine, line)
    }
  }

  let client: GraphStoreClient
  let options: LoadOptions
  let sourceName: String
  let progress: (@Sendable (LoadReport) -> Void)?
  var report: LoadReport
  /// Keys in first-seen order, so requests go out in input order.
  private var order: [GraphSelector] = []
  private var pending: [GraphSelector: Pending] = [:]
  /// For datasets: the graphs of the statements in `datasetBody`, in first-seen order.
  private var datasetBody = Pending()
  private var datasetGraphs: [GraphSelector] = []
  private var buffered = 0
  /// Graphs that already got their first request (so later ones append).
  private var started: Set<GraphSelector> = []
  /// Where in `report.graphs` each graph's count is.
  private var reportIndex: [GraphSelector: Int] = [:]
  private var sawBlankNode = false
  /// With `--verify`: hashes of (graph, triple) seen, and distinct triples per graph. Eight bytes a
  /// triple plus the set's overhead, far less than the file; a 64-bit collision is negligible.
  private var seen: Set<Int> = []
  private var distinct: [GraphSelector: Int] = [:]

  init(
    client: GraphStoreClient, options: LoadOptions, sourceName: String,
    progress: (@Sendable (LoadReport) -> Void)?
  ) {
    self.progress = progress
    self.client = client
    self.options = options
    self.sourceName = sourceName
    self.report = LoadReport(store: client.storeURL, mode: options.mode)
  }

  mutating func add(_ statement: SerializedStatement) async throws(StoreError) {
    switch options.target {
    case .dataset:
      datasetBody.body.append(contentsOf: statement.triple)
      if case .named(let iri) = statement.graph {
        var label = " "
        NTriplesSyntax.IRIREF(iri, to: &label)
        datasetBody.body.append(contentsOf: label.utf8)
      }
      datasetBody.body.append(contentsOf: " .\n".utf8)
      datasetBody.count += 1
      datasetBody.note(line: statement.line)
      if pending[statement.graph] == nil {
        pending[statement.graph] = Pending()
        datasetGraphs.append(statement.graph)
      }
      pending[statement.graph]!.count += 1
    case .sourceGraphs, .defaultGraph, .graph:
      let graph = target(of: statement)
      if pending[graph] == nil {
        pending[graph] = Pending()
        order.append(graph)
      }
      pending[graph]!.body.append(contentsOf: statement.triple)
      pending[graph]!.body.append(contentsOf: " .\n".utf8)
      pending[graph]!.count += 1
      pending[graph]!.note(line: statement.line)
    }
    if statement.hasBlankNode { sawBlankNode = true }
    if options.verify { countDistinct(statement) }
    buffered += 1
    if buffered >= options.chunkSize { try await flush() }
  }

  mutating func finish() async throws(StoreError) {
    try await flush()
    if options.verify {
      for index in report.graphs.indices {
        report.graphs[index].distinct = distinct[report.graphs[index].graph, default: 0]
      }
    }
    // Replacing a graph with nothing still empties it.
    if options.mode == .replace, report.graphs.isEmpty {
      switch options.target {
      case .defaultGraph: try await send(Pending(), to: .defaultGraph)
      case .graph(let iri): try await send(Pending(), to: .named(iri))
      case .sourceGraphs, .dataset: break
      }
    }
    // A store gives each request's blank nodes fresh identities, so `_:b` in two requests becomes
    // two nodes. Our own output uses IRIs only; for other input, say so rather than split silently.
    if sawBlankNode, report.requests > 1 {
      report.findings.append(
        "the input has blank nodes and went out in \(report.requests) requests; a store reads the same label "
          + "in two requests as two nodes. A --chunk-size above the statement count keeps one graph together."
      )
    }
  }

  private mutating func countDistinct(_ statement: SerializedStatement) {
    let graph = target(of: statement)
    var hasher = Hasher()
    hasher.combine(graph)
    statement.triple.withUnsafeBytes { hasher.combine(bytes: $0) }
    if seen.insert(hasher.finalize()).inserted { distinct[graph, default: 0] += 1 }
  }

  private func target(of statement: SerializedStatement) -> GraphSelector {
    switch options.target {
    case .defaultGraph: .defaultGraph
    case .graph(let iri): .named(iri)
    case .sourceGraphs, .dataset: statement.graph
    }
  }

  /// Sends everything buffered: one request per graph, or one for the dataset.
  private mutating func flush() async throws(StoreError) {
    defer { buffered = 0 }
    if case .dataset = options.target {
      guard datasetBody.count > 0 else { return }
      if options.mode == .replace {
        for graph in datasetGraphs where !started.contains(graph) {
          _ = try await client.delete(graph)
          report.requests += 1
          started.insert(graph)
        }
      }
      let answer: GraphStoreClient.Answer
      do {
        answer = try await client.postDataset(datasetBody.body)
      } catch {
        throw located(error, datasetBody)
      }
      record(answer)
      for graph in datasetGraphs { count(pending[graph]!.count, into: graph) }
      progress?(report)
      datasetBody = Pending()
      datasetGraphs.removeAll(keepingCapacity: true)
      pending.removeAll(keepingCapacity: true)
      return
    }
    for graph in order {
      try await send(pending[graph]!, to: graph)
    }
    order.removeAll(keepingCapacity: true)
    pending.removeAll(keepingCapacity: true)
  }

  private mutating func send(_ chunk: Pending, to graph: GraphSelector) async throws(StoreError) {
    let first = !started.contains(graph)
    let answer: GraphStoreClient.Answer
    do {
      answer =
        if options.mode == .replace && first {
          try await client.put(chunk.body, as: .nTriples, into: graph)
        } else {
          try await client.post(chunk.body, as: .nTriples, into: graph)
        }
    } catch {
      throw located(error, chunk)
    }
    started.insert(graph)
    record(answer)
    count(chunk.count, into: graph)
    progress?(report)
  }

  /// A refusal names the input lines the request carried: the server's line numbers count from the
  /// start of the request, not of the file.
  private func located(_ error: StoreError, _ chunk: Pending) -> StoreError {
    guard case .rejected(let server, let graph, let method, let status, let message) = error,
      chunk.firstLine > 0
    else { return error }
    let lines =
      chunk.firstLine == chunk.lastLine
      ? "line \(chunk.firstLine)" : "lines \(chunk.firstLine)–\(chunk.lastLine)"
    let note =
      "\n(the request carried \(chunk.count) statement\(chunk.count == 1 ? "" : "s") from \(lines) of \(sourceName); "
      + "line numbers in the server's message count from the start of the request)"
    return .rejected(server: server, graph: graph, method: method, status: status, message: message + note)
  }

  private mutating func record(_ answer: GraphStoreClient.Answer) {
    report.requests += 1
    report.retries += answer.attempts - 1
  }

  private mutating func count(_ sent: Int, into graph: GraphSelector) {
    if let index = reportIndex[graph] {
      report.graphs[index].sent += sent
    } else {
      reportIndex[graph] = report.graphs.count
      report.graphs.append(LoadReport.GraphCount(graph: graph, sent: sent, stored: nil))
    }
  }
}
