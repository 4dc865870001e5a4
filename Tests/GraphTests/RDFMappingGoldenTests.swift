import Extraction
import Foundation
import RDF
import Testing

@testable import Graph

/// The whole mapping of a one-statement graph, spelled out, so that any change to the RDF we
/// publish shows up here as a reviewable diff.
@Suite struct RDFMappingGoldenTests {
  static let graph = KnowledgeGraph(
    articles: [
      ArticleInfo(id: "a1", source: "news/a1.txt", title: "Austin condemns", url: nil, date: "2024-10-23")
    ],
    entities: [
      GraphEntity(
        key: "concept:destabilization", label: "destabilization", type: .concept, articles: ["a1"],
        mentionCount: 1),
      GraphEntity(
        key: "person:lloyd-austin", label: "Lloyd Austin", type: .person, aliases: ["Austin"],
        wikidata: "Q16204198",
        articles: ["a1"], mentionCount: 2),
    ],
    relations: [
      GraphRelation(
        subject: "person:lloyd-austin", predicate: "condemn", relationClass: "condemn",
        object: "concept:destabilization",
        statements: [
          GraphStatement(
            article: "a1", sentence: 0, span: 0..<40, evidence: "Lloyd Austin condemned destabilization.",
            confidence: 0.9, modality: .asserted, polarity: .positive, attribution: nil)
        ])
    ])

  @Test func trigOfAOneStatementGraph() throws {
    var output = ""
    try RDFMapping(baseIRI: "https://example.org/ng/").write(Self.graph, format: .trig, to: &output)
    if let dump = ProcessInfo.processInfo.environment["NEWSGRAPH_DUMP"] {
      try output.write(toFile: dump + "/golden.trig", atomically: true, encoding: .utf8)
    }
    #expect(output == Self.expectedTriG)
  }

  static let expectedTriG = ##"""
    @prefix ng: <https://w3id.org/newsgraph/ns#> .
    @prefix ngr: <https://w3id.org/newsgraph/relation/> .
    @prefix schema: <https://schema.org/> .
    @prefix prov: <http://www.w3.org/ns/prov#> .
    @prefix wd: <http://www.wikidata.org/entity/> .
    @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix owl: <http://www.w3.org/2002/07/owl#> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    @prefix article: <https://example.org/ng/article/> .
    @prefix statement: <https://example.org/ng/statement/> .
    @prefix relation: <https://example.org/ng/relation/> .
    @prefix person: <https://example.org/ng/entity/person/> .
    @prefix concept: <https://example.org/ng/entity/concept/> .

    article:a1 a schema:NewsArticle ;
        schema:datePublished "2024-10-23"^^xsd:date ;
        schema:headline "Austin condemns" ;
        schema:identifier "a1" ;
        ng:sourceFile "news/a1.txt" .

    concept:destabilization a ng:Concept, ng:Entity ;
        rdfs:label "destabilization" ;
        ng:key "concept:destabilization" ;
        ng:mentionCount 1 ;
        ng:mentionedIn article:a1 .

    person:lloyd-austin a schema:Person, ng:Entity ;
        rdfs:label "Lloyd Austin" ;
        owl:sameAs wd:Q16204198 ;
        ng:alias "Austin" ;
        ng:key "person:lloyd-austin" ;
        ng:mentionCount 2 ;
        ng:mentionedIn article:a1 .

    relation:46dcd6c64e1af3df rdf:object concept:destabilization ;
        rdf:predicate ngr:condemn ;
        rdf:subject person:lloyd-austin ;
        a ng:Relation ;
        prov:wasDerivedFrom article:a1 ;
        ng:contested false ;
        ng:firstDate "2024-10-23"^^xsd:date ;
        ng:lastDate "2024-10-23"^^xsd:date ;
        ng:relationClass "condemn" ;
        ng:statement statement:959664e2f6758cf9 ;
        ng:support 1 .

    ngr:condemn rdfs:label "condemn" .

    article:a1 {
        article:a1\#char\=0\,40 a ng:Evidence ;
            ng:article article:a1 ;
            ng:charEnd 40 ;
            ng:charStart 0 ;
            ng:sentenceIndex 0 ;
            ng:text "Lloyd Austin condemned destabilization." .

        person:lloyd-austin ngr:condemn concept:destabilization .

        statement:959664e2f6758cf9 rdf:object concept:destabilization ;
            rdf:predicate ngr:condemn ;
            rdf:subject person:lloyd-austin ;
            a ng:Statement ;
            prov:wasDerivedFrom article:a1 ;
            ng:confidence 0.9 ;
            ng:evidence article:a1\#char\=0\,40 ;
            ng:modality ng:Asserted ;
            ng:polarity ng:Positive ;
            ng:relationClass "condemn" .
    }

    """##
}
