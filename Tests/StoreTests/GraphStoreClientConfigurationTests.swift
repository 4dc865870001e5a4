import Foundation
import RDF
import Testing

@testable import Store

@Suite("GraphStoreClient configuration")
struct GraphStoreClientConfigurationTests {
  @Test(
    arguments: [
      ("http://127.0.0.1:7878/store", "http://127.0.0.1:7878/query"),
      ("http://localhost:3030/news/data", "http://localhost:3030/news/query"),
      (
        "http://localhost:7200/repositories/news/rdf-graphs/service",
        "http://localhost:7200/repositories/news"
      ),
      ("https://example.org/sparql/store/", "https://example.org/sparql/query"),
      ("http://localhost:8890/sparql-graph-crud", nil),
    ] as [(String, String?)])
  func derivesTheQueryEndpointOfCommonStores(store: String, query: String?) {
    #expect(GraphStoreClient.derivedQueryEndpoint(from: URL(string: store)!)?.absoluteString == query)
  }

  @Test func anExplicitQueryEndpointWins() throws {
    let client = try GraphStoreClient(
      store: URL(string: "http://127.0.0.1:7878/store")!,
      queryEndpoint: URL(string: "http://127.0.0.1:9999/sparql")!)
    #expect(client.queryURL?.absoluteString == "http://127.0.0.1:9999/sparql")
  }

  @Test(arguments: [
    (GraphSelector.defaultGraph, "http://h/store?default"),
    (.named(IRI(unchecked: "http://e.org/a b#c")), "http://h/store?graph=http%3A%2F%2Fe.org%2Fa%20b%23c"),
    (.named(IRI(unchecked: "urn:x:ü")), "http://h/store?graph=urn%3Ax%3A%C3%BC"),
  ])
  func graphURLsEncodeTheIRIAsOneParameter(graph: GraphSelector, url: String) throws {
    let client = try GraphStoreClient(store: URL(string: "http://h/store")!)
    #expect(client.url(for: graph).absoluteString == url)
  }

  @Test func anExistingQueryStringIsKept() throws {
    let client = try GraphStoreClient(store: URL(string: "http://h/gsp?repo=news")!)
    #expect(client.url(for: .defaultGraph).absoluteString == "http://h/gsp?repo=news&default")
  }

  @Test(arguments: ["http://user:pw@h/store", "ftp://h/store", "store"])
  func refusesURLsThatCannotOrMustNotBeUsed(text: String) {
    #expect(throws: StoreError.self) { try GraphStoreClient(store: URL(string: text)!) }
  }

  @Test func aURLWithCredentialsIsRefusedWithoutEchoingThem() throws {
    do {
      _ = try GraphStoreClient(store: URL(string: "http://user:hunter2@h/store")!)
      Issue.record("accepted credentials in a URL")
    } catch {
      #expect(!error.description.contains("hunter2"))
    }
  }

  @Test(
    arguments: [
      ([:], nil),
      (["NEWSGRAPH_STORE_TOKEN": "t0k"], StoreCredentials.bearer(token: "t0k")),
      (["NEWSGRAPH_STORE_USER": "u", "NEWSGRAPH_STORE_PASSWORD": "p"], .basic(user: "u", password: "p")),
      (["NEWSGRAPH_STORE_USER": "", "NEWSGRAPH_STORE_PASSWORD": ""], nil),
    ] as [([String: String], StoreCredentials?)])
  func readsCredentialsFromTheEnvironment(environment: [String: String], expected: StoreCredentials?) throws {
    #expect(try StoreCredentials.fromEnvironment(environment) == expected)
  }

  @Test(arguments: [
    ["NEWSGRAPH_STORE_USER": "u"],
    ["NEWSGRAPH_STORE_PASSWORD": "p"],
    ["NEWSGRAPH_STORE_TOKEN": "t", "NEWSGRAPH_STORE_USER": "u", "NEWSGRAPH_STORE_PASSWORD": "p"],
  ])
  func refusesHalfOrDoubleCredentials(environment: [String: String]) {
    #expect(throws: StoreError.self) { try StoreCredentials.fromEnvironment(environment) }
  }

  @Test func backoffDoublesUpToTheCap() {
    let policy = RetryPolicy(maxAttempts: 6, initialDelay: 0.5, maxDelay: 3)
    #expect((1...5).map(policy.delay(afterAttempt:)) == [0.5, 1, 2, 3, 3])
  }

  @Test(arguments: ["graph.ttl", "graph.trig", "graph.jsonld"])
  func unstreamableFormatsAreRefusedWithAWayOut(path: String) throws {
    do {
      _ = try GraphFileSource.format(ofPath: path)
      Issue.record("accepted \(path)")
    } catch {
      #expect(error.description.contains(path))
      #expect(error.description.contains(".nq"))
    }
  }
}
