import Foundation
import Testing

@testable import Store

/// Retries, refusals and credentials, against a scripted server and an empty port on 127.0.0.1.
@Suite("GraphStoreClient retries and failures")
struct GraphStoreClientRetryTests {
  let body = Data("<http://example.org/a> <http://example.org/p> \"x\" .\n".utf8)
  let fast = RetryPolicy(maxAttempts: 3, initialDelay: 0.01, maxDelay: 0.05)

  @Test func fiveHundredsAreRetriedAFixedNumberOfTimesThenFail() async throws {
    try await ScriptedHTTPServer.with(replies: [.init(status: 503, body: "busy, come back later")]) {
      server in
      let client = try GraphStoreClient(store: server.url, retry: fast)
      do {
        try await client.post(body, as: .nTriples, into: .defaultGraph)
        Issue.record("a 503 was taken for success")
      } catch let error as StoreError {
        guard case .serverFailed(_, _, let status, let message, let attempts) = error else {
          Issue.record("expected serverFailed, got \(error)")
          return
        }
        #expect(status == 503)
        #expect(attempts == fast.maxAttempts)
        #expect(message == "busy, come back later")
      }
      #expect(server.received.count == fast.maxAttempts)
    }
  }

  @Test func aRetryThatSucceedsReportsItsAttempts() async throws {
    let replies: [ScriptedHTTPServer.Reply] = [
      .init(status: 502, body: ""), .init(status: 500, body: ""), .init(status: 204, body: ""),
    ]
    try await ScriptedHTTPServer.with(replies: replies) { server in
      let client = try GraphStoreClient(store: server.url, retry: fast)
      let answer = try await client.post(body, as: .nTriples, into: .defaultGraph)
      #expect(answer.status == 204)
      #expect(answer.attempts == 3)
      #expect(server.received.count == 3)
      // Every attempt carried the whole chunk.
      #expect(server.received.allSatisfy { $0.body == String(decoding: body, as: UTF8.self) })
    }
  }

  // Oxigraph times out a kept-alive connection after 60 s idle by writing a 500 on it; a client that
  // then reuses the connection reads that 500 as its answer. The scripted server does the same
  // after `keepAlive` seconds.

  /// Posts, waits until the server has timed the connection out, and posts again: the second
  /// post's outcome, and the server.
  func secondPostAfterTheServerTimedOut(idleConnectionLimit: Double) async throws
    -> (outcome: Result<GraphStoreClient.Answer, StoreError>, received: Int, connections: Int)
  {
    try await ScriptedHTTPServer.with(replies: [.init(status: 204, body: "")], keepAlive: 0.3) { server in
      let client = try GraphStoreClient(
        store: server.url, retry: RetryPolicy(maxAttempts: 1), idleConnectionLimit: idleConnectionLimit)
      try await client.post(body, as: .nTriples, into: .defaultGraph)
      try await Task.sleep(for: .seconds(0.8))
      let outcome: Result<GraphStoreClient.Answer, StoreError>
      do {
        outcome = .success(try await client.post(body, as: .nTriples, into: .defaultGraph))
      } catch let error as StoreError {
        outcome = .failure(error)
      }
      return (outcome, server.received.count, server.connections)
    }
  }

  @Test func aConnectionIdleLongerThanTheLimitIsNotReused() async throws {
    let (outcome, received, connections) = try await secondPostAfterTheServerTimedOut(
      idleConnectionLimit: 0.1)
    #expect(try outcome.get().status == 204)
    #expect(received == 2)
    #expect(connections == 2)
  }

  @Test func withoutTheLimitTheTimedOutConnectionsStale500IsTheAnswer() async throws {
    let (outcome, received, _) = try await secondPostAfterTheServerTimedOut(idleConnectionLimit: 600)
    guard case .failure(.serverFailed(_, _, 500, let message, _)) = outcome else {
      Issue.record("expected the stale 500, got \(outcome)")
      return
    }
    #expect(message == ScriptedHTTPServer.idleTimeoutReply.body)
    // The second request never reached the server: the 500 was already waiting on the connection.
    #expect(received == 1)
  }

  @Test func requestsInQuickSuccessionShareOneConnection() async throws {
    // Long limits: a test run that starves this task for a while must not make a new connection.
    try await ScriptedHTTPServer.with(replies: [.init(status: 204, body: "")], keepAlive: 300) { server in
      let client = try GraphStoreClient(
        store: server.url, retry: RetryPolicy(maxAttempts: 1), idleConnectionLimit: 300)
      for _ in 0..<3 { try await client.post(body, as: .nTriples, into: .defaultGraph) }
      #expect(server.received.count == 3)
      #expect(server.connections == 1)
    }
  }

  @Test func aFourHundredIsNotRetried() async throws {
    try await ScriptedHTTPServer.with(replies: [.init(status: 400, body: "Parser error at line 1")]) {
      server in
      let client = try GraphStoreClient(store: server.url, retry: fast)
      await #expect(throws: StoreError.self) {
        try await client.put(body, as: .nTriples, into: .defaultGraph)
      }
      #expect(server.received.count == 1)
    }
  }

  @Test func aStoppedServerGivesAClearErrorAfterBoundedRetries() async throws {
    let port = try LocalPort.free()
    let client = try GraphStoreClient(store: URL(string: "http://127.0.0.1:\(port)/store")!, retry: fast)
    do {
      try await client.post(body, as: .nTriples, into: .defaultGraph)
      Issue.record("nothing listens on port \(port), yet the upload succeeded")
    } catch {
      guard case .unreachable(let server, _, let attempts, _) = error else {
        Issue.record("expected unreachable, got \(error)")
        return
      }
      #expect(attempts == fast.maxAttempts)
      #expect(server.contains("127.0.0.1:\(port)"))
      #expect(error.description.contains("Is the server running"))
    }
  }

  @Test func requestsUseTheGraphStoreProtocolShape() async throws {
    try await ScriptedHTTPServer.with(replies: [.init(status: 201, body: "")]) { server in
      let client = try GraphStoreClient(store: server.url, retry: fast)
      try await client.put(body, as: .nTriples, into: .named(try .init("http://example.org/g?a=1&b=2")))
      try await client.post(body, as: .nTriples, into: .defaultGraph)
      try await client.postDataset(body)
      let lines = server.received.map(\.requestLine)
      #expect(
        lines == [
          "PUT /store?graph=http%3A%2F%2Fexample.org%2Fg%3Fa%3D1%26b%3D2 HTTP/1.1",
          "POST /store?default HTTP/1.1",
          "POST /store HTTP/1.1",
        ])
      let types = server.received.map { $0.headers["content-type"] ?? "" }
      #expect(
        types == [
          "application/n-triples; charset=utf-8", "application/n-triples; charset=utf-8",
          "application/n-quads; charset=utf-8",
        ])
    }
  }

  @Test func credentialsFromTheEnvironmentGoInTheHeaderAndNeverInMessages() async throws {
    let credentials = try StoreCredentials.fromEnvironment([
      StoreCredentials.userVariable: "loader", StoreCredentials.passwordVariable: "s3cret-pw",
    ])
    try await ScriptedHTTPServer.with(replies: [.init(status: 401, body: "authentication required")]) {
      server in
      let client = try GraphStoreClient(store: server.url, credentials: credentials, retry: fast)
      do {
        try await client.post(body, as: .nTriples, into: .defaultGraph)
        Issue.record("a 401 was taken for success")
      } catch let error as StoreError {
        #expect(!error.description.contains("s3cret-pw"))
        #expect(error.description.contains(StoreCredentials.passwordVariable))
      }
      let expected = "Basic " + Data("loader:s3cret-pw".utf8).base64EncodedString()
      #expect(server.received.first?.headers["authorization"] == expected)
    }
  }
}
