import Foundation
import RDF
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A client of one SPARQL 1.1 Graph Store HTTP Protocol endpoint and its query endpoint.
/// https://www.w3.org/TR/sparql11-http-rdf-update/
///
/// Requests are sent one at a time. Connection errors and 5xx answers are retried with bounded
/// exponential backoff; a 4xx answer fails at once with the server's message. A connection left
/// idle for `idleConnectionLimit` seconds is not reused (see ``SessionSource``).
public struct GraphStoreClient: Sendable {
  /// The Graph Store Protocol endpoint, e.g. `http://127.0.0.1:7878/store` for Oxigraph.
  public let storeURL: URL
  /// The SPARQL 1.1 Protocol query endpoint, e.g. `http://127.0.0.1:7878/query`; `nil` when it
  /// could not be derived from `storeURL` and none was given.
  public let queryURL: URL?
  public let retry: RetryPolicy
  /// Seconds to wait for one answer.
  public let timeout: Double
  private let credentials: StoreCredentials?
  private let sessions: SessionSource

  /// What the server answered to a successful request.
  public struct Answer: Sendable, Equatable {
    public let status: Int
    /// The body as text, shortened to a readable length.
    public let message: String
    /// How many attempts it took, the successful one included.
    public let attempts: Int
  }

  /// Checks the URLs; credentials come from ``StoreCredentials/fromEnvironment(_:)``, never from a URL.
  public init(
    store: URL, queryEndpoint: URL? = nil, credentials: StoreCredentials? = nil,
    retry: RetryPolicy = .default, timeout: Double = 300, idleConnectionLimit: Double = 20
  ) throws(StoreError) {
    for url in [store, queryEndpoint].compactMap({ $0 }) {
      guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil
      else {
        throw .invalidConfiguration("not an http(s) URL: \(url.absoluteString)")
      }
      if url.user != nil || url.password != nil {
        // Printing the URL in a message would print the secret: say where the secret goes instead.
        throw .invalidConfiguration(
          "the store URL must not contain credentials; set \(StoreCredentials.userVariable) and "
            + "\(StoreCredentials.passwordVariable), or \(StoreCredentials.tokenVariable), instead")
      }
    }
    self.storeURL = store
    self.queryURL = queryEndpoint ?? GraphStoreClient.derivedQueryEndpoint(from: store)
    self.credentials = credentials
    self.retry = retry
    self.timeout = timeout
    self.sessions = SessionSource(timeout: timeout, idleLimit: idleConnectionLimit)
  }

  // MARK: - Endpoints

  /// The query endpoint next to a Graph Store endpoint, for the layouts of common stores:
  /// Oxigraph `…/store` → `…/query`; Apache Jena Fuseki `…/ds/data` → `…/ds/query`;
  /// GraphDB and RDF4J `…/repositories/R/rdf-graphs/service` → `…/repositories/R`.
  public static func derivedQueryEndpoint(from store: URL) -> URL? {
    guard var components = URLComponents(url: store, resolvingAgainstBaseURL: false) else { return nil }
    var path = components.path
    while path.hasSuffix("/") { path.removeLast() }
    if path.hasSuffix("/rdf-graphs/service") {
      path.removeLast("/rdf-graphs/service".count)
    } else if path.hasSuffix("/store") {
      path.removeLast("store".count)
      path += "query"
    } else if path.hasSuffix("/data") {
      path.removeLast("data".count)
      path += "query"
    } else {
      return nil
    }
    components.path = path
    components.query = nil
    return components.url
  }

  /// The Graph Store URL addressing `graph`, or the store itself (the whole dataset) for `nil`.
  public func url(for graph: GraphSelector?) -> URL {
    guard let graph, var components = URLComponents(url: storeURL, resolvingAgainstBaseURL: false) else {
      return storeURL
    }
    let existing = components.percentEncodedQuery.map { $0.isEmpty ? "" : $0 + "&" } ?? ""
    components.percentEncodedQuery = existing + graph.queryString
    return components.url ?? storeURL
  }

  // MARK: - Graph Store Protocol

  /// Replaces the content of `graph` with `body`. https://www.w3.org/TR/sparql11-http-rdf-update/#http-put
  @discardableResult
  public func put(_ body: Data, as type: RDFMediaType, into graph: GraphSelector) async throws(StoreError)
    -> Answer
  {
    try await send(
      method: "PUT", url: url(for: graph), body: body, contentType: type, target: graph.description)
  }

  /// Adds `body` to `graph`. https://www.w3.org/TR/sparql11-http-rdf-update/#http-post
  @discardableResult
  public func post(_ body: Data, as type: RDFMediaType, into graph: GraphSelector) async throws(StoreError)
    -> Answer
  {
    try await send(
      method: "POST", url: url(for: graph), body: body, contentType: type, target: graph.description)
  }

  /// Adds N-Quads to the whole dataset, each quad into its own graph, by POSTing to the store URL
  /// itself. Not part of the Graph Store Protocol, but Oxigraph (`/store`), Fuseki (`/ds`) and
  /// GraphDB (`/repositories/R/statements`) accept it.
  @discardableResult
  public func postDataset(_ body: Data) async throws(StoreError) -> Answer {
    try await send(method: "POST", url: storeURL, body: body, contentType: .nQuads, target: "dataset")
  }

  /// Empties `graph`; returns `false` when the store says it did not exist (404).
  /// https://www.w3.org/TR/sparql11-http-rdf-update/#http-delete
  @discardableResult
  public func delete(_ graph: GraphSelector) async throws(StoreError) -> Bool {
    do {
      _ = try await send(
        method: "DELETE", url: url(for: graph), body: nil, contentType: nil, target: graph.description)
      return true
    } catch {
      if case .rejected(_, _, _, 404, _) = error { return false }
      throw error
    }
  }

  // MARK: - Queries

  /// The rows of a SPARQL SELECT, each variable bound to its value's lexical form.
  /// https://www.w3.org/TR/sparql11-protocol/#query-via-post-direct
  public func select(_ query: String) async throws(StoreError) -> [[String: String]] {
    guard let queryURL else {
      throw .invalidConfiguration(
        "cannot tell the query endpoint of \(storeURL.absoluteString); give it with --query-endpoint")
    }
    let answer = try await send(
      method: "POST", url: queryURL, body: Data(query.utf8), contentType: nil, target: "query",
      headers: [
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json",
      ], keepWholeBody: true)
    do {
      let results = try JSONDecoder().decode(SPARQLResults.self, from: Data(answer.message.utf8))
      return results.results.bindings.map { row in row.mapValues(\.value) }
    } catch {
      throw .unexpectedAnswer(
        server: queryURL.absoluteString,
        reason: "not SPARQL JSON results (\(error)): " + GraphStoreClient.shortened(answer.message))
    }
  }

  /// The number of triples in `graph`, by `SELECT (COUNT(*) AS ?n)`.
  public func countTriples(in graph: GraphSelector) async throws(StoreError) -> Int {
    let pattern =
      switch graph {
      case .defaultGraph: "?s ?p ?o"
      case .named(let iri): "GRAPH <\(iri.value)> { ?s ?p ?o }"
      }
    let rows = try await select("SELECT (COUNT(*) AS ?n) WHERE { \(pattern) }")
    guard let value = rows.first?["n"], let count = Int(value) else {
      throw .unexpectedAnswer(server: queryURL?.absoluteString ?? "", reason: "no count in \(rows)")
    }
    return count
  }

  /// The number of triples in every non-empty named graph, in one grouped `COUNT(*)` query.
  public func countTriplesInNamedGraphs() async throws(StoreError) -> [IRI: Int] {
    let rows = try await select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    var counts: [IRI: Int] = [:]
    for row in rows {
      guard let graph = row["g"], let value = row["n"], let count = Int(value) else {
        throw .unexpectedAnswer(
          server: queryURL?.absoluteString ?? "", reason: "a row without ?g and ?n: \(row)")
      }
      counts[IRI(unchecked: graph)] = count
    }
    return counts
  }

  // MARK: - Sending with retries

  private func send(
    method: String, url: URL, body: Data?, contentType: RDFMediaType?, target: String,
    headers: [String: String] = [:], keepWholeBody: Bool = false
  ) async throws(StoreError) -> Answer {
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.timeoutInterval = timeout
    if let contentType {
      request.setValue(contentType.rawValue + "; charset=utf-8", forHTTPHeaderField: "Content-Type")
    }
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    if let credentials {
      request.setValue(credentials.authorizationHeader, forHTTPHeaderField: "Authorization")
    }
    let server = url.absoluteString

    var attempt = 0
    while true {
      attempt += 1
      let data: Data
      let response: URLResponse
      do {
        (data, response) = try await perform(request, body: body)
      } catch {
        let reason = GraphStoreClient.describe(error)
        if GraphStoreClient.isTransient(error), attempt < retry.maxAttempts {
          await pause(afterAttempt: attempt)
          continue
        }
        throw .unreachable(server: server, graph: target, attempts: attempt, reason: reason)
      }
      guard let http = response as? HTTPURLResponse else {
        throw .unexpectedAnswer(server: server, reason: "not an HTTP answer")
      }
      let text = String(decoding: data, as: UTF8.self)
      let message = keepWholeBody ? text : GraphStoreClient.shortened(text)
      switch http.statusCode {
      case 200..<300:
        return Answer(status: http.statusCode, message: message, attempts: attempt)
      case 500..<600, 408, 429:
        // Overloaded or briefly broken: worth another try. Adding the same triples again is
        // harmless (a graph is a set), so retrying a POST is safe for IRI-only data.
        if attempt < retry.maxAttempts {
          await pause(afterAttempt: attempt)
          continue
        }
        throw .serverFailed(
          server: server, graph: target, status: http.statusCode, message: message, attempts: attempt)
      default:
        throw .rejected(
          server: server, graph: target, method: method, status: http.statusCode, message: message)
      }
    }
  }

  private func perform(_ request: URLRequest, body: Data?) async throws -> (Data, URLResponse) {
    let session = sessions.session()
    defer { sessions.answered() }
    if let body { return try await session.upload(for: request, from: body) }
    return try await session.data(for: request)
  }

  private func pause(afterAttempt attempt: Int) async {
    let seconds = retry.delay(afterAttempt: attempt)
    guard seconds > 0 else { return }
    try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
  }

  /// Connection-level failures that another attempt may cure.
  static func isTransient(_ error: any Error) -> Bool {
    guard let urlError = error as? URLError else { return false }
    switch urlError.code {
    case .cannotConnectToHost, .networkConnectionLost, .timedOut, .notConnectedToInternet, .cannotFindHost,
      .dnsLookupFailed, .badServerResponse, .resourceUnavailable:
      return true
    default:
      return false
    }
  }

  static func describe(_ error: any Error) -> String {
    if let urlError = error as? URLError {
      let reason =
        switch urlError.code {
        case .cannotConnectToHost: "connection refused (nothing is listening there)"
        case .timedOut: "no answer in time"
        case .cannotFindHost, .dnsLookupFailed: "unknown host"
        case .networkConnectionLost: "the connection was lost"
        default: urlError.localizedDescription
        }
      return "\(reason) [URLError \(urlError.code.rawValue)]"
    }
    return String(describing: error)
  }

  /// The server's message, trimmed and cut to a length that fits in a terminal.
  static func shortened(_ text: String, limit: Int = 2000) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.count > limit else { return trimmed }
    return String(trimmed.prefix(limit)) + " […]"
  }
}

// MARK: - Sessions

/// The URLSession for the next request: the same one while requests keep coming, a new one (and so
/// new connections) after `idleLimit` seconds without any.
///
/// URLSession keeps each connection open after its answer, for the next request. Servers close a
/// connection left idle, and Oxigraph 0.5 first writes an unrequested "500 Resource temporarily
/// unavailable (os error 11)" on it after 60 s; libcurl then reads that as the answer to the next
/// request sent on the connection. A session idle for less than any server's timeout is safe.
final class SessionSource: Sendable {
  private let timeout: Double
  private let idleLimit: Duration
  private let state: Mutex<(session: URLSession, lastUse: ContinuousClock.Instant)>

  init(timeout: Double, idleLimit: Double) {
    self.timeout = timeout
    self.idleLimit = .seconds(max(0, idleLimit))
    state = Mutex((SessionSource.makeSession(timeout: timeout), ContinuousClock.now))
  }

  deinit {
    state.withLock { $0.session.finishTasksAndInvalidate() }
  }

  /// The session for a request starting now.
  func session() -> URLSession {
    state.withLock { state in
      let now = ContinuousClock.now
      if now - state.lastUse > idleLimit {
        // Requests still running on the old session finish; its idle connections are closed.
        state.session.finishTasksAndInvalidate()
        state.session = SessionSource.makeSession(timeout: timeout)
      }
      state.lastUse = now
      return state.session
    }
  }

  /// Marks the end of a request: idle time counts from here.
  func answered() {
    state.withLock { $0.lastUse = ContinuousClock.now }
  }

  private static func makeSession(timeout: Double) -> URLSession {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.urlCache = nil
    return URLSession(configuration: configuration)
  }
}

// MARK: - SPARQL JSON results

/// https://www.w3.org/TR/sparql11-results-json/
private struct SPARQLResults: Decodable {
  struct Results: Decodable { let bindings: [[String: Value]] }
  struct Value: Decodable { let value: String }
  let results: Results
}
