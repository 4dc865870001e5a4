import Extraction
import Foundation
import RDF
import Testing

@testable import Graph

@Suite struct RDFMappingTests {
  let mapping = try! RDFMapping()
  let base = RDFMapping.defaultBaseIRI

  // MARK: - IRIs

  @Test(arguments: [
    ("person:lloyd-austin", "entity/person/lloyd-austin"),
    ("country:north-korea", "entity/country/north-korea"),
    ("place:kursk region", "entity/place/kursk%20region"),
    ("unknown:a/b?c#d", "entity/unknown/a%2Fb%3Fc%23d"),
    ("concept:é", "entity/concept/%C3%A9"),
    ("concept:..", "entity/concept/%2E%2E"),
    ("person:a:b", "entity/person/a%3Ab"),
    ("nokey", "entity/nokey"),
  ])
  func entityIRIsAreMintedFromKeys(key: String, path: String) {
    #expect(mapping.entityIRI(key).value == base + path)
  }

  @Test(arguments: [
    "person:lloyd-austin", "place:kursk region", "unknown:a/b?c#d%", "concept:é東", "person:a:b", "nokey",
    "x:",
  ])
  func entityKeysReadBackFromTheirIRIs(key: String) {
    #expect(mapping.entityKey(from: mapping.entityIRI(key)) == key)
  }

  @Test(arguments: ["bbc/001.txt", "feed#7", "stdin", "a b%c", "日本"])
  func articleIDsReadBackFromTheirIRIs(id: String) throws {
    let iri = mapping.articleIRI(id)
    #expect(IRI.isValid(iri.value))
    #expect(mapping.articleID(from: iri) == id)
  }

  @Test func evidenceIRIUsesRFC5147CharFragment() {
    let statement = GraphStatement(
      article: "a/1", sentence: 0, span: 10..<42, evidence: "x", confidence: 1, modality: .asserted,
      polarity: .positive, attribution: nil)
    #expect(mapping.evidenceIRI(statement).value == base + "article/a%2F1#char=10,42")
  }

  @Test(
    arguments: [("", 0xcbf2_9ce4_8422_2325), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8)]
      as [(String, UInt64)])
  func fnv1aMatchesPublishedTestVectors(input: String, expected: UInt64) {
    #expect(RDFMapping.fnv1a64(input) == expected)
  }

  @Test func statementIRIsAreSixteenHexDigitsAndDistinct() {
    let relation = RDFMappingFixture.graph.relations[0]
    let iris = relation.statements.map { mapping.statementIRI(relation, $0).value }
    for iri in iris {
      let hex = iri.dropFirst((base + "statement/").count)
      #expect(hex.count == 16 && hex.allSatisfy(\.isHexDigit))
    }
    #expect(Set(iris).count == iris.count)
  }

  @Test(arguments: ["https://example.org/ng/", "http://localhost:8080/data", "urn:newsgraph:"])
  func acceptsAbsoluteBaseIRIs(value: String) throws {
    let mapping = try RDFMapping(baseIRI: value)
    #expect(mapping.baseIRI.hasSuffix("/") && mapping.baseIRI.hasPrefix(value))
  }

  @Test(arguments: ["relative/", "https://ex.org/a b/", "https://ex.org/#frag", "https://ex.org/?q=1", ""])
  func rejectsUnusableBaseIRIs(value: String) {
    #expect(throws: RDFMappingError.self) { try RDFMapping(baseIRI: value) }
  }

  // MARK: - Literals

  @Test(arguments: [
    (0.8125, "0.813"), (1, "1.0"), (0, "0.0"), (0.5, "0.5"), (0.1 + 0.2, "0.3"), (-0.25, "-0.25"),
    (0.0004, "0.0"), (0.9996, "1.0"), (Double.nan, "0.0"), (Double.infinity, "0.0"),
  ])
  func confidenceIsADecimalWithAtMostThreeDecimals(value: Double, lexical: String) {
    #expect(RDFMapping.decimal(value) == lexical)
  }

  @Test(arguments: [
    ("2024-10-23", XSD.date), ("2024-02-29", XSD.date), ("2023-02-29", XSD.string),
    ("2024-13-01", XSD.string),
    ("2024-10-23T08:15:00Z", XSD.dateTime), ("2024-10-23T08:15:00.5+02:00", XSD.dateTime),
    ("2024-10-23T08:15:00", XSD.dateTime), ("2024-10-23T25:00:00Z", XSD.string),
    ("2024-10-23 08:15", XSD.string),
    ("yesterday", XSD.string), ("", XSD.string),
  ])
  func datePublishedIsTypedOnlyWhenValid(value: String, datatype: IRI) {
    #expect(RDFMapping.dateLiteral(value) == Literal(value, datatype: datatype))
  }

  // MARK: - Quads

  var quads: [Quad] { mapping.quads(for: RDFMappingFixture.graph) }

  func objects(_ subject: IRI, _ predicate: IRI, graph: GraphName? = nil) -> [Term] {
    quads.filter { $0.subject == .iri(subject) && $0.predicate == predicate && $0.graph == graph }.map(
      \.object)
  }

  @Test func quadsAreSortedCanonicallyWithoutDuplicates() {
    let quads = self.quads
    #expect(quads == quads.sorted())
    #expect(Set(quads).count == quads.count)
  }

  @Test(arguments: [1, 2])
  func anEmptyGraphHasNoQuads(parts: Int) {
    let mapped = mapping.quadsWithUnionOrder(for: KnowledgeGraph(), parts: parts)
    #expect(mapped.quads.isEmpty)
    #expect(mapped.unionOrder.isEmpty)
  }

  @Test func mappingOnTwoCoresGivesTheQuadsOfOne() {
    // 5,000 relations, enough for two parts (a part needs 2,048); statements of one sentence
    // share their evidence node across relations that fall into different parts.
    let articles = (0..<50).map {
      ArticleInfo(
        id: "a\($0)", source: "a\($0).txt", title: "A \($0)", url: nil, date: "2024-10-\(10 + $0 % 20)")
    }
    let entities = (0..<300).map {
      GraphEntity(
        key: "person:p\($0)", label: "P \($0)", type: .person, articles: ["a\($0 % 50)"], mentionCount: 1)
    }
    let relations = (0..<5_000).map { k in
      GraphRelation(
        subject: "person:p\(k % 300)", predicate: "verb\(k % 17)", relationClass: k % 2 == 0 ? "say" : nil,
        object: "person:p\((7 * k + 1) % 300)",
        statements: [
          GraphStatement(
            article: "a\(k % 50)", sentence: k % 7, span: 0..<10, evidence: "Sentence \(k % 7).",
            confidence: 0.5,
            modality: .asserted, polarity: .positive, attribution: nil)
        ])
    }.sorted { ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object) }
    let graph = KnowledgeGraph(
      articles: articles.sorted { $0.id < $1.id }, entities: entities.sorted { $0.key < $1.key },
      relations: relations)
    let one = mapping.quadsWithUnionOrder(for: graph, parts: 1)
    let two = mapping.quadsWithUnionOrder(for: graph, parts: 2)
    #expect(two.quads == one.quads)
    #expect(two.unionOrder == one.unionOrder)
    // Each part made the labels of the predicates it used and the evidence nodes of its
    // statements: repeats that the sort dropped.
    #expect(
      mapping.unsortedQuads(for: graph, parts: 2).count > mapping.unsortedQuads(for: graph, parts: 1).count)
  }

  @Test(arguments: EntityType.allCases)
  func entitiesGetNGEntityAndTheirTypesClass(type: EntityType) {
    var graph = KnowledgeGraph()
    graph.entities = [GraphEntity(key: "\(type.rawValue):x", label: "X", type: type)]
    let types = mapping.quads(for: graph).filter { $0.predicate == RDFVocabulary.type }.compactMap(
      \.object.iri)
    let expected = [NG.Entity] + (RDFMapping.entityClass(type).map { [$0] } ?? [])
    #expect(Set(types) == Set(expected))
    #expect(types.count == (type == .unknown ? 1 : 2))
  }

  @Test func articleHasItsMetadataInTheDefaultGraph() {
    let article = mapping.articleIRI("bbc/001.txt")
    #expect(objects(article, RDFVocabulary.type) == [.iri(Schema.NewsArticle)])
    #expect(objects(article, Schema.identifier) == [.literal(Literal("bbc/001.txt"))])
    #expect(
      objects(article, Schema.url) == [
        .literal(Literal("https://www.bbc.co.uk/news/world-1?x=1&y=2", datatype: XSD.anyURI))
      ])
    #expect(objects(article, Schema.datePublished) == [.literal(Literal("2024-10-23", datatype: XSD.date))])
    #expect(objects(article, NG.sourceFile) == [.literal(Literal("data/bbc/001.txt"))])
  }

  @Test func entityHasLabelKeyAliasesSameAsAffiliationAndMentions() {
    let austin = mapping.entityIRI("person:lloyd-austin")
    #expect(objects(austin, RDFS.label) == [.literal(Literal("Lloyd Austin"))])
    #expect(objects(austin, NG.key) == [.literal(Literal("person:lloyd-austin"))])
    #expect(objects(austin, NG.alias) == [.literal(Literal("Austin"))])
    #expect(objects(austin, OWL.sameAs) == [.iri(IRI(unchecked: WD.ns + "Q16204198"))])
    #expect(objects(austin, Schema.jobTitle) == [.literal(Literal("Defense Secretary"))])
    #expect(objects(austin, Schema.affiliation) == [.iri(mapping.entityIRI("country:united-states"))])
    #expect(objects(austin, NG.mentionCount) == [.literal(Literal(integer: 2))])
    #expect(objects(austin, NG.mentionedIn) == [.iri(mapping.articleIRI("bbc/001.txt"))])
  }

  @Test func eachStatementSitsInItsArticlesNamedGraphAsTripleAndReification() throws {
    let relation = try #require(RDFMappingFixture.graph.relations.first { $0.predicate == "impose_on" })
    let statement = relation.statements[0]
    let graph = GraphName.iri(mapping.articleIRI(statement.article))
    let subject = mapping.entityIRI(relation.subject)
    let predicate = RDFMapping.predicateIRI("impose_on")
    #expect(predicate.value == NGR.ns + "impose_on")
    #expect(objects(subject, predicate, graph: graph) == [.iri(mapping.entityIRI(relation.object))])

    let node = mapping.statementIRI(relation, statement)
    #expect(objects(node, RDFVocabulary.type, graph: graph) == [.iri(NG.Statement)])
    #expect(objects(node, RDFVocabulary.subject, graph: graph) == [.iri(subject)])
    #expect(objects(node, RDFVocabulary.predicate, graph: graph) == [.iri(predicate)])
    #expect(objects(node, NG.relationClass, graph: graph) == [.literal(Literal("sanction"))])
    #expect(objects(node, NG.modality, graph: graph) == [.iri(NG.Asserted)])
    #expect(objects(node, NG.polarity, graph: graph) == [.iri(NG.Negative)])
    #expect(objects(node, NG.confidence, graph: graph) == [.literal(Literal("1.0", datatype: XSD.decimal))])
    #expect(
      objects(node, PROV.wasAttributedTo, graph: graph) == [.iri(mapping.entityIRI("country:north-korea"))])
    #expect(objects(node, PROV.wasDerivedFrom, graph: graph) == [.iri(mapping.articleIRI("feed#7"))])

    let evidence = mapping.evidenceIRI(statement)
    #expect(objects(node, NG.evidence, graph: graph) == [.iri(evidence)])
    #expect(objects(evidence, RDFVocabulary.type, graph: graph) == [.iri(NG.Evidence)])
    #expect(objects(evidence, NG.charStart, graph: graph) == [.literal(Literal(integer: 46))])
    #expect(objects(evidence, NG.charEnd, graph: graph) == [.literal(Literal(integer: 90))])
    #expect(objects(evidence, NG.sentenceIndex, graph: graph) == [.literal(Literal(integer: 1))])
    #expect(objects(evidence, NG.text, graph: graph) == [.literal(Literal(statement.evidence))])
  }

  @Test func relationWithoutClassHasNoRelationClass() throws {
    let relation = try #require(RDFMappingFixture.graph.relations.first { $0.relationClass == nil })
    let node = mapping.statementIRI(relation, relation.statements[0])
    #expect(quads.contains { $0.subject == .iri(node) && $0.predicate == NG.relationClass } == false)
    #expect(quads.contains { $0.subject == .iri(node) })
  }

  @Test func usedPredicatesGetALabelInTheDefaultGraph() {
    for predicate in Set(RDFMappingFixture.graph.relations.map(\.predicate)) {
      #expect(objects(RDFMapping.predicateIRI(predicate), RDFS.label) == [.literal(Literal(predicate))])
    }
  }

  /// With `NEWSGRAPH_DUMP=DIR`, also writes `DIR/mapped.{ttl,nt,nq,trig,jsonld}` for the interop
  /// checks in Tests/RDFTests/Interop/check.py (rdflib, pyld, Oxigraph, pySHACL).
  @Test func sameGraphGivesByteIdenticalOutputInEveryFormat() throws {
    for format in RDFFormat.allCases {
      var first = ""
      var second = ""
      mapping.write(RDFMappingFixture.graph, format: format, to: &first)
      mapping.write(RDFMappingFixture.graph, format: format, to: &second)
      #expect(first == second && !first.isEmpty)
      if let directory = ProcessInfo.processInfo.environment["NEWSGRAPH_DUMP"] {
        try first.write(
          toFile: directory + "/mapped." + format.fileExtension, atomically: true, encoding: .utf8)
      }
    }
  }

  @Test func jsonLDEmbedsTheContextInline() {
    var output = ""
    mapping.write(RDFMappingFixture.graph, format: .jsonld, to: &output)
    var context = ""
    RDFMapping.jsonLDContext.writeObject(indent: "  ", to: &context)
    #expect(output.hasPrefix("{\n  \"@context\": " + context + ",\n  \"@graph\": ["))
  }

  // MARK: - Merged edges

  func edgeQuads(_ relation: GraphRelation, in graph: KnowledgeGraph = RDFMappingFixture.graph) -> [Quad] {
    let node = Subject.iri(mapping.relationIRI(relation))
    return mapping.quads(for: graph).filter { $0.subject == node }
  }

  func objects(_ quads: [Quad], _ predicate: IRI) -> [Term] {
    quads.filter { $0.predicate == predicate }.map(\.object)
  }

  @Test func mergedEdgeCarriesSupportSourcesAndPublicationDays() throws {
    let supply = try #require(RDFMappingFixture.graph.relations.first { $0.predicate == "supply" })
    let quads = edgeQuads(supply)
    #expect(quads.allSatisfy { $0.graph == nil })
    #expect(objects(quads, RDFVocabulary.type) == [.iri(NG.Relation)])
    #expect(objects(quads, NG.support) == [.literal(Literal(integer: 2))])
    #expect(
      Set(objects(quads, PROV.wasDerivedFrom))
        == [.iri(mapping.articleIRI("bbc/001.txt")), .iri(mapping.articleIRI("feed#7"))])
    // An xsd:date and the day of an xsd:dateTime.
    #expect(objects(quads, NG.firstDate) == [.literal(Literal("2024-10-23", datatype: XSD.date))])
    #expect(objects(quads, NG.lastDate) == [.literal(Literal("2024-10-24", datatype: XSD.date))])
    #expect(
      Set(objects(quads, NG.statement))
        == Set(supply.statements.map { .iri(mapping.statementIRI(supply, $0)) }))
  }

  @Test func edgeFromUndatedArticlesHasNoDates() throws {
    let fight = try #require(RDFMappingFixture.graph.relations.first { $0.predicate == "fight_in" })
    let quads = edgeQuads(fight)
    #expect(objects(quads, NG.firstDate).isEmpty && objects(quads, NG.lastDate).isEmpty)
    #expect(objects(quads, NG.support) == [.literal(Literal(integer: 1))])
  }

  @Test(arguments: [
    ([(Modality.asserted, Polarity.positive)], false),
    ([(.asserted, .negative)], false),
    ([(.asserted, .positive), (.reported, .positive)], false),
    ([(.possible, .positive), (.speculated, .positive)], false),
    ([(.asserted, .positive), (.asserted, .negative)], true),
    ([(.asserted, .positive), (.hypothetical, .positive)], true),
    ([(.reported, .positive), (.possible, .positive)], true),
    ([(.speculated, .negative), (.hypothetical, .positive)], true),
  ])
  func edgeIsContestedWhenSourcesDisagree(statements: [(Modality, Polarity)], contested: Bool) {
    let relation = GraphRelation(
      subject: "country:russia", predicate: "supply", relationClass: nil, object: "city:seoul",
      statements: statements.enumerated().map { index, pair in
        GraphStatement(
          article: "a\(index)", sentence: 0, span: 0..<1, evidence: "x", confidence: 1, modality: pair.0,
          polarity: pair.1, attribution: nil)
      })
    #expect(relation.isContested == contested)
    let graph = KnowledgeGraph(relations: [relation])
    #expect(objects(edgeQuads(relation, in: graph), NG.contested) == [.literal(Literal(boolean: contested))])
  }

  // MARK: - schemas/context.jsonld

  /// `NEWSGRAPH_RECORD=1` rewrites the file from ``RDFMapping/jsonLDContext``.
  @Test func schemasContextFileEqualsTheGeneratedContext() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("schemas/context.jsonld")
    let generated = RDFMapping.jsonLDContext.document
    if ProcessInfo.processInfo.environment["NEWSGRAPH_RECORD"] == "1" {
      try generated.write(to: url, atomically: true, encoding: .utf8)
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == generated)
  }
}
