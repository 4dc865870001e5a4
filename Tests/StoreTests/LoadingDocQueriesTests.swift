import Foundation
import Testing

@testable import Store

/// The SPARQL examples of README.md run against the model-shaped fixture and answer as the text says.
@Suite("README.md queries")
struct LoadingDocQueriesTests {
  /// The ```sparql blocks of the README's "Three questions" section: the prefixes, then the questions.
  static func queries() throws -> [String] {
    let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("README.md")
    let readme = try String(contentsOf: docs, encoding: .utf8)
    // Only the section of the three questions: the README has other SPARQL examples.
    let section =
      readme.components(separatedBy: "### Three questions to ask the graph").dropFirst().first ?? ""
    let text = section.components(separatedBy: "\n## ").first ?? ""
    var blocks: [String] = []
    for part in text.components(separatedBy: "```sparql\n").dropFirst() {
      blocks.append(part.components(separatedBy: "```").first ?? "")
    }
    guard blocks.count == 4 else {
      throw TestFailure("expected 4 sparql blocks in \(docs.path), found \(blocks.count)")
    }
    return blocks.dropFirst().map { blocks[0] + $0 }
  }

  func answers() async throws -> [[[String: String]]] {
    let fixture = ModelFixture()
    let file = try fixture.write()
    defer { try? FileManager.default.removeItem(at: file) }
    return try await OxigraphServer.with { server in
      let client = try GraphStoreClient(store: server.storeURL)
      _ = try await GraphLoader(client: client, options: LoadOptions(mode: .replace)).load(file: file.path)
      var results: [[[String: String]]] = []
      for query in try LoadingDocQueriesTests.queries() { results.append(try await client.select(query)) }
      return results
    }
  }

  @Test func theThreeQuestionsAnswerFromTheModel() async throws {
    let results = try await answers()
    let fixture = ModelFixture()

    // Who condemned whom: Austin condemned North Korea, in both articles.
    #expect(results[0] == [["who": "Lloyd Austin", "whom": "North Korea", "articles": "2"]])

    // Which articles support North Korea —supply→ Russia: the first, with its evidence span.
    let supply = fixture.articles[0].claims[0]
    #expect(results[1].count == 1)
    #expect(results[1].first?["article"] == fixture.articles[0].iri)
    #expect(results[1].first?["modality"] == ModelFixture.ng + supply.modality)
    #expect(results[1].first?["confidence"] == supply.confidence)
    #expect(
      results[1].first?["evidence"] == "\(fixture.articles[0].iri)#char=\(supply.span.0),\(supply.span.1)")
    #expect(results[1].first?["headline"] == fixture.articles[0].headline)
    #expect(results[1].first?["quote"] == supply.quote)

    // Only reported or hypothetical: NATO's warning; Austin's condemnation is asserted by one article.
    #expect(
      results[2] == [
        [
          "subject": "NATO", "relation": ModelFixture.ngr + "warn", "object": "Russia",
          "modalities": "Hypothetical",
          "articles": "1",
        ]
      ])
  }
}
