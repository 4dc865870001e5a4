import Foundation
import RDF
import Synchronization
import Testing

@testable import Store

/// `load` against a real Oxigraph server: what arrives, where, and how failures read.
///
/// `scripts/test.sh` runs this suite in a test process of its own: see the comment there.
@Suite("GraphLoader against Oxigraph")
struct GraphLoaderOxigraphTests {
  let fixture = ModelFixture()

  func loader(_ server: OxigraphServer, _ options: LoadOptions) throws -> GraphLoader {
    GraphLoader(
      client: try GraphStoreClient(store: server.storeURL, retry: RetryPolicy(maxAttempts: 1)),
      options: options)
  }

  func count(_ client: GraphStoreClient, _ pattern: String) async throws -> Int {
    let rows = try await client.select(
      """
      PREFIX rdf: <\(ModelFixture.rdf)> PREFIX schema: <\(ModelFixture.schema)>
      PREFIX ng: <\(ModelFixture.ng)> PREFIX ngr: <\(ModelFixture.ngr)>
      SELECT (COUNT(*) AS ?n) WHERE { \(pattern) }
      """)
    return Int(rows.first?["n"] ?? "") ?? -1
  }

  @Test func perArticleGraphsPutEntitiesRelationsAndStatementsWhereTheModelSays() async throws {
    let file = try fixture.write()
    defer { try? FileManager.default.removeItem(at: file) }
    try await OxigraphServer.with { server in
      let report = try await loader(server, LoadOptions(target: .sourceGraphs, mode: .replace, verify: true))
        .load(file: file.path)
      let client = try GraphStoreClient(store: server.storeURL)

      // Entities sit in the default graph.
      #expect(try await count(client, "?e a ng:Entity") == fixture.entities.count)
      // Articles too, as schema:NewsArticle.
      #expect(try await count(client, "?a a schema:NewsArticle") == fixture.articles.count)
      // Each article's named graph holds its plain relations and its statement nodes.
      for article in fixture.articles {
        #expect(
          try await count(client, "GRAPH <\(article.iri)> { ?s a ng:Statement }") == article.claims.count)
        for claim in article.claims {
          #expect(
            try await count(
              client,
              "GRAPH <\(article.iri)> { <\(claim.subject.iri)> ngr:\(claim.relation) <\(claim.object.iri)> }")
              == 1)
        }
      }
      // The named graphs are exactly the articles.
      let graphs = try await client.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").compactMap {
        $0["g"]
      }
      #expect(Set(graphs) == Set(fixture.articles.map(\.iri)))
      // The report says how many triples went where, and the store agrees.
      let expected = fixture.countsByGraph
      #expect(report.graphs.count == expected.count)
      for graph in report.graphs {
        switch graph.graph {
        case .defaultGraph: #expect(graph.sent == expected[nil])
        case .named(let iri): #expect(graph.sent == expected[iri.value])
        }
      }
      #expect(report.verified == true)
    }
  }

  @Test func loadingTwiceWithReplaceLeavesTheSameCount() async throws {
    let file = try fixture.write()
    defer { try? FileManager.default.removeItem(at: file) }
    try await OxigraphServer.with { server in
      let client = try GraphStoreClient(store: server.storeURL)
      let loader = try loader(server, LoadOptions(target: .sourceGraphs, mode: .replace))
      _ = try await loader.load(file: file.path)
      let first = try await count(client, "{ ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } }")
      _ = try await loader.load(file: file.path)
      let second = try await count(client, "{ ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } }")
      #expect(first == fixture.countsByGraph.values.reduce(0, +))
      #expect(second == first)
    }
  }

  @Test func replaceDropsWhatTheGraphHeldBeforeAndAppendKeepsIt() async throws {
    let file = try fixture.write()
    defer { try? FileManager.default.removeItem(at: file) }
    let article = fixture.articles[0].iri
    let stale = Data("<http://example.org/stale> <http://example.org/p> \"old\" .\n".utf8)
    try await OxigraphServer.with { server in
      let client = try GraphStoreClient(store: server.storeURL)
      let inArticle = "GRAPH <\(article)> { ?s ?p ?o }"

      try await client.post(stale, as: .nTriples, into: .named(IRI(unchecked: article)))
      _ = try await loader(server, LoadOptions(target: .sourceGraphs, mode: .append)).load(file: file.path)
      #expect(try await count(client, inArticle) == fixture.countsByGraph[article]! + 1)

      _ = try await loader(server, LoadOptions(target: .sourceGraphs, mode: .replace)).load(file: file.path)
      #expect(try await count(client, inArticle) == fixture.countsByGraph[article]!)
    }
  }

  /// With small chunks every graph gets several requests; only the first may replace.
  @Test(arguments: [1, 3, 7])
  func replacingInSmallChunksKeepsEveryStatement(chunkSize: Int) async throws {
    let file = try fixture.write()
    defer { try? FileManager.default.removeItem(at: file) }
    try await OxigraphServer.with { server in
      let report = try await loader(
        server, LoadOptions(target: .sourceGraphs, mode: .replace, chunkSize: chunkSize, verify: true)
      ).load(file: file.path)
      #expect(report.requests > report.graphs.count)
      #expect(report.totalSent == fixture.countsByGraph.values.reduce(0, +))
      #expect(report.mismatches.isEmpty)
      #expect(report.verified == true)
    }
  }

  @Test func progressIsReportedAfterEveryRequest() async throws {
    let file = try fixture.write()
    defer { try? FileManager.default.removeItem(at: file) }
    let seen = Mutex<[Int]>([])
    try await OxigraphServer.with { server in
      let client = try GraphStoreClient(store: server.storeURL)
      let loader = GraphLoader(
        client: client, options: LoadOptions(mode: .replace, chunkSize: 4),
        progress: { report in seen.withLock { $0.append(report.totalSent) } })
      let report = try await loader.load(file: file.path)
      let sent = seen.withLock { $0 }
      #expect(sent.count == report.requests)
      #expect(sent == sent.sorted())
      #expect(sent.last == report.totalSent)
    }
  }

  @Test func datasetModeKeepsGraphNamesAndReplacesThem() async throws {
    let file = try fixture.write()
    defer { try? FileManager.default.removeItem(at: file) }
    try await OxigraphServer.with { server in
      let loader = try loader(
        server, LoadOptions(target: .dataset, mode: .replace, chunkSize: 5, verify: true))
      _ = try await loader.load(file: file.path)
      let report = try await loader.load(file: file.path)
      #expect(report.verified == true)
      for article in fixture.articles {
        #expect(
          report.graphs.first { $0.graph == .named(IRI(unchecked: article.iri)) }?.stored
            == fixture.countsByGraph[article.iri])
      }
    }
  }

  @Test func oneNamedGraphTakesEverythingAndDropsGraphNames() async throws {
    let file = try fixture.write()
    defer { try? FileManager.default.removeItem(at: file) }
    // '&', '#', '=' and '+' must survive as one query parameter.
    let target = try IRI("http://example.org/graphs/all?run=1&x=a+b#latest")
    try await OxigraphServer.with { server in
      let client = try GraphStoreClient(store: server.storeURL)
      let report = try await loader(server, LoadOptions(target: .graph(target), mode: .replace, verify: true))
        .load(file: file.path)
      #expect(report.graphs.map(\.graph) == [.named(target)])
      #expect(report.graphs.first?.sent == fixture.countsByGraph.values.reduce(0, +))
      // The condemnation reported by both articles is one triple once graph names are gone.
      #expect(fixture.distinctTriples < report.totalSent)
      #expect(try await count(client, "GRAPH <\(target.value)> { ?s ?p ?o }") == fixture.distinctTriples)
      #expect(report.verified == true)
      #expect(try await count(client, "GRAPH ?g { ?s ?p ?o } FILTER(?g != <\(target.value)>)") == 0)
      #expect(try await count(client, "?s ?p ?o") == 0)
    }
  }

  @Test func nTriplesGoToTheDefaultGraph() async throws {
    let triples =
      "<http://example.org/a> <http://example.org/p> \"x\" .\n<http://example.org/a> <http://example.org/p> \"y\" .\n"
    let file = try fixture.write(triples, ext: "nt")
    defer { try? FileManager.default.removeItem(at: file) }
    try await OxigraphServer.with { server in
      let report = try await loader(server, LoadOptions(mode: .replace, verify: true)).load(file: file.path)
      #expect(report.graphs == [LoadReport.GraphCount(graph: .defaultGraph, sent: 2, distinct: 2, stored: 2)])
    }
  }

  @Test func quadsFromMemoryArriveWithTheirEscapesIntact() async throws {
    let text = "quote \" backslash \\ newline \n return \r tab \t é 東京 \u{2028}"
    let graph = IRI(unchecked: ModelFixture.base + "article/memory")
    let subject = IRI(unchecked: ModelFixture.base + "entity/person/x")
    let quads = [
      Quad(.iri(subject), RDFS.label, .literal(Literal(text, language: "en")), graph: .iri(graph)),
      Quad(.iri(subject), RDFS.comment, .literal(Literal("42", datatype: XSD.integer))),
    ]
    try await OxigraphServer.with { server in
      let client = try GraphStoreClient(store: server.storeURL)
      let report = try await loader(server, LoadOptions(mode: .replace)).load(quads: quads)
      #expect(report.totalSent == 2)
      let rows = try await client.select(
        "SELECT ?o WHERE { GRAPH <\(graph.value)> { <\(subject.value)> ?p ?o } }")
      #expect(rows.map { $0["o"] } == [text])
      let typed = try await client.select(
        "SELECT ?o WHERE { <\(subject.value)> ?p ?o FILTER(DATATYPE(?o) = <\(XSD.integer.value)>) }")
      #expect(typed.map { $0["o"] } == ["42"])
    }
  }

  @Test func aMalformedStatementShowsTheServersMessage() async throws {
    // Our reader checks the grammar; the bad percent-encoding is for the store to reject.
    let file = try fixture.write("<http://example.org/%zz> <http://example.org/p> \"x\" .\n", ext: "nt")
    defer { try? FileManager.default.removeItem(at: file) }
    try await OxigraphServer.with { server in
      do {
        _ = try await loader(server, LoadOptions(mode: .append)).load(file: file.path)
        Issue.record("the store accepted a malformed IRI")
      } catch let error as StoreError {
        guard case .rejected(let url, let graph, let method, let status, let message) = error else {
          Issue.record("expected a 4xx refusal, got \(error)")
          return
        }
        #expect(status == 400)
        #expect(method == "POST")
        #expect(url.hasPrefix(server.storeURL.absoluteString))
        #expect(graph == "default graph")
        #expect(!message.isEmpty)
        let serverWords = message.components(separatedBy: "\n")[0]
        #expect(!serverWords.isEmpty)
        #expect(error.description.contains(serverWords))
        #expect(message.contains("from line 1 of \(file.path)"))
        #expect(error.description.contains("HTTP 400"))
      }
    }
  }

  @Test func verifyCountsDuplicateStatementsOnce() async throws {
    let line = "<http://example.org/a> <http://example.org/p> \"x\" .\n"
    let file = try fixture.write(line + line, ext: "nt")
    defer { try? FileManager.default.removeItem(at: file) }
    try await OxigraphServer.with { server in
      let report = try await loader(server, LoadOptions(mode: .replace, verify: true)).load(file: file.path)
      #expect(report.graphs == [LoadReport.GraphCount(graph: .defaultGraph, sent: 2, distinct: 1, stored: 1)])
      #expect(report.verified == true)
    }
  }

  /// One blank node split over two requests becomes two nodes in the store: --verify must say so.
  @Test func verifyNoticesBlankNodesSplitAcrossRequests() async throws {
    let text = "_:b <http://example.org/p> \"x\" .\n_:b <http://example.org/p> \"x\" .\n"
    let file = try fixture.write(text, ext: "nt")
    defer { try? FileManager.default.removeItem(at: file) }
    try await OxigraphServer.with { server in
      let report = try await loader(server, LoadOptions(mode: .replace, chunkSize: 1, verify: true))
        .load(file: file.path)
      #expect(report.verified == false)
      #expect(
        report.mismatches == [LoadReport.GraphCount(graph: .defaultGraph, sent: 2, distinct: 1, stored: 2)])
      #expect(report.summary().contains("verification FAILED"))
      #expect(report.findings.contains { $0.contains("blank nodes") })
    }
  }
}
