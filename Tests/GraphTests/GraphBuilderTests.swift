import Extraction
import Testing

@testable import Graph

@Suite struct GraphBuilderTests {
  func extraction(_ id: String, entities: [(String, String, EntityType)], claims: [(String, String, String)])
    -> ArticleExtraction
  {
    ArticleExtraction(
      article: ArticleInfo(id: id, source: id, title: nil, url: nil, date: nil),
      entities: entities.map { key, label, type in
        ExtractedEntity(
          key: key, label: label, type: type,
          mentions: [Mention(text: label, sentence: 0, tokens: 0..<1, span: 0..<label.count)])
      },
      claims: claims.enumerated().map { index, claim in
        Claim(
          subject: claim.0, predicate: claim.1, object: claim.2, confidence: 0.5, sentence: index,
          span: 0..<10, evidence: "sentence \(index)")
      }, sentenceCount: claims.count, tokenCount: 10)
  }

  @Test func sameKeyAcrossArticlesIsOneEntityWithBothArticles() {
    var builder = GraphBuilder()
    builder.add(extraction("a", entities: [("country:peru", "Peru", .country)], claims: []))
    builder.add(extraction("b", entities: [("country:peru", "Peru", .country)], claims: []))
    let graph = builder.build()
    #expect(graph.entities.count == 1)
    #expect(graph.entities.first?.articles == ["a", "b"])
    #expect(graph.entities.first?.mentionCount == 2)
  }

  @Test func sameTripleAcrossArticlesIsOneEdgeWithSupportTwo() {
    let entities: [(String, String, EntityType)] = [
      ("country:peru", "Peru", .country), ("country:chile", "Chile", .country),
    ]
    var builder = GraphBuilder()
    builder.add(extraction("a", entities: entities, claims: [("country:peru", "meet", "country:chile")]))
    builder.add(extraction("b", entities: entities, claims: [("country:peru", "meet", "country:chile")]))
    let graph = builder.build()
    #expect(graph.relations.count == 1)
    #expect(graph.relations.first?.support == 2)
    #expect(graph.relations.first?.statements.map(\.article) == ["a", "b"])
  }

  @Test func orderOfArticlesDoesNotChangeTheGraph() {
    let first = extraction(
      "a", entities: [("person:x", "X", .unknown), ("person:y", "Y", .person)],
      claims: [("person:x", "see", "person:y")])
    let second = extraction("b", entities: [("person:x", "Mr X", .person)], claims: [])
    var forward = GraphBuilder()
    forward.add(first)
    forward.add(second)
    var backward = GraphBuilder()
    backward.add(second)
    backward.add(first)
    #expect(forward.build() == backward.build())
    #expect(forward.build().entity("person:x")?.type == .person)
  }

  @Test func addingAnArticleTwiceChangesNothing() {
    let article = extraction("a", entities: [("country:peru", "Peru", .country)], claims: [])
    var once = GraphBuilder()
    once.add(article)
    var twice = once
    twice.add(article)
    #expect(once.build() == twice.build())
  }

  @Test func claimsNamingUnknownEntitiesDoNotDangle() {
    var builder = GraphBuilder()
    builder.add(
      extraction(
        "a", entities: [("country:peru", "Peru", .country)],
        claims: [("country:peru", "meet", "country:nowhere")]))
    #expect(builder.build().relations.isEmpty)
  }
}
