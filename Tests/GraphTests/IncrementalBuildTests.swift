import Extraction
import Testing

@testable import Graph

/// Seeding a builder with a graph (possibly read back from our own RDF) and adding more articles
/// gives the graph of all articles at once.
@Suite struct IncrementalBuildTests {
  func article(
    _ id: String,
    _ entities: [(key: String, label: String, type: EntityType, aliases: [String], qid: String?)],
    claims: [(String, String, String, String?)] = []
  ) -> ArticleExtraction {
    ArticleExtraction(
      // Dated, with the latest article first in id order, so first and last dates are tested.
      article: ArticleInfo(id: id, source: id, title: nil, url: nil, date: Self.dates[id]),
      entities: entities.map { entity in
        ExtractedEntity(
          key: entity.key, label: entity.label, type: entity.type, aliases: entity.aliases,
          wikidata: entity.qid,
          mentions: [Mention(text: entity.label, sentence: 0, tokens: 0..<1, span: 0..<entity.label.count)])
      },
      claims: claims.enumerated().map { index, claim in
        Claim(
          subject: claim.0, predicate: claim.1, relationClass: claim.3, object: claim.2,
          // Article "b" denies what the others assert: its edges are contested.
          polarity: id == "b" ? .negative : .positive, confidence: 0.5,
          sentence: index, span: 0..<10, evidence: "sentence \(index) of \(id)")
      }, sentenceCount: claims.count, tokenCount: 10)
  }

  static let dates = ["a": "2024-10-25", "b": "2024-10-23T09:00:00Z", "c": "not a date"]

  var corpus: [ArticleExtraction] {
    [
      article(
        "a",
        [
          ("person:lloyd-austin", "Austin", .unknown, ["Lloyd Austin"], nil),
          ("country:peru", "Peru", .country, [], "Q419"),
        ], claims: [("person:lloyd-austin", "visit", "country:peru", "travel")]),
      article(
        "b",
        [
          ("person:lloyd-austin", "Lloyd Austin", .person, [], nil),
          ("country:peru", "Republic of Peru", .country, ["Peru"], "Q419"),
        ], claims: [("person:lloyd-austin", "visit", "country:peru", "meeting")]),
      article(
        "c",
        [
          ("person:lloyd-austin", "Mr Austin", .person, [], nil),
          ("country:chile", "Chile", .country, [], "Q298"),
        ],
        claims: [("person:lloyd-austin", "visit", "country:chile", nil)]),
    ]
  }

  func allAtOnce(_ articles: [ArticleExtraction]) -> KnowledgeGraph {
    var builder = GraphBuilder()
    for article in articles { builder.add(article) }
    return builder.build()
  }

  @Test(arguments: [0, 1, 2, 3])
  func seededBuildEqualsAllAtOnce(split: Int) {
    for order in [corpus, corpus.reversed()] {
      var first = GraphBuilder()
      for article in order[..<split] { first.add(article) }
      var second = GraphBuilder(seed: first.build())
      for article in order[split...] { second.add(article) }
      #expect(second.build() == allAtOnce(corpus), "split at \(split)")
    }
  }

  @Test func seededBuildThroughRDFEqualsAllAtOnceByteForByte() throws {
    let mapping = try RDFMapping(baseIRI: RDFMapping.defaultBaseIRI)
    let firstGraph = allAtOnce(Array(corpus[..<2]))
    let readBack = try KnowledgeGraph(quads: mapping.quads(for: firstGraph))
    var incremental = GraphBuilder(seed: readBack)
    incremental.add(corpus[2])
    #expect(mapping.quads(for: incremental.build()) == mapping.quads(for: allAtOnce(corpus)))
  }

  @Test func edgeDatesAndContestedFlagSurviveAReadBack() throws {
    let mapping = try RDFMapping(baseIRI: RDFMapping.defaultBaseIRI)
    let graph = try KnowledgeGraph(quads: mapping.quads(for: allAtOnce(corpus)))
    let visit = try #require(graph.relations.first { $0.object == "country:peru" })
    #expect(visit.isContested)
    #expect(graph.dates(of: visit)?.first == "2024-10-23")
    #expect(graph.dates(of: visit)?.last == "2024-10-25")
    let chile = try #require(graph.relations.first { $0.object == "country:chile" })
    #expect(!chile.isContested)
    #expect(graph.dates(of: chile) == nil)
  }

  @Test func addingTheSameArticlesAgainToASeededBuilderChangesNothing() {
    let graph = allAtOnce(corpus)
    var again = GraphBuilder(seed: graph)
    for article in corpus { again.add(article) }
    #expect(again.build() == graph)
    #expect(again.contains(article: "b"))
  }

  @Test func labelIsTheNameTheKeyWasMadeFromAndLosersBecomeAliases() {
    let entity = allAtOnce(corpus).entity("person:lloyd-austin")
    #expect(entity?.label == "Lloyd Austin")
    #expect(entity?.aliases == ["Austin", "Mr Austin"])
    #expect(entity?.type == .person)
    #expect(allAtOnce(corpus).entity("country:peru")?.label == "Peru")
  }

  @Test func resolvedIncrementalBuildEqualsResolvedAllAtOnce() {
    let extra = article(
      "d", [("person:austin", "Austin", .person, [], nil), ("country:peru", "Peru", .country, [], "Q419")],
      claims: [("person:austin", "visit", "country:peru", "travel")])
    let everything = corpus + [extra]
    let resolver = EntityResolver()
    let once = resolver.resolve(allAtOnce(everything)).graph
    for split in 1..<everything.count {
      let earlier = resolver.resolve(allAtOnce(Array(everything[..<split]))).graph
      var builder = GraphBuilder(seed: earlier)
      for article in everything[split...] { builder.add(article) }
      #expect(resolver.resolve(builder.build()).graph == once, "split at \(split)")
    }
    #expect(once.entity("person:austin") == nil)
    #expect(once.relations.first { $0.object == "country:peru" }?.support == 3)
  }
}
