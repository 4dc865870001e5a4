import Extraction

@testable import Graph

/// A small graph with every feature the mapping writes: all entity types, aliases, Wikidata,
/// job titles, affiliations, attribution, every modality, both polarities, a relation class and
/// one without, a relation supported by two articles, nasty strings and odd ids.
enum RDFMappingFixture {
  static let graph: KnowledgeGraph = {
    let articles = [
      ArticleInfo(
        id: "bbc/001.txt", source: "data/bbc/001.txt", title: "Austin condemns \"destabilization\"",
        url: "https://www.bbc.co.uk/news/world-1?x=1&y=2", date: "2024-10-23"),
      ArticleInfo(id: "feed#7", source: "feed.jsonl:7", title: nil, url: nil, date: "2024-10-24T08:15:00Z"),
      ArticleInfo(id: "stdin", source: "-", title: "Ünïcode\u{2028}line", url: nil, date: "yesterday"),
    ]
    let entities = [
      GraphEntity(
        key: "concept:destabilization", label: "destabilization", type: .concept, articles: ["bbc/001.txt"],
        mentionCount: 1),
      GraphEntity(
        key: "country:north-korea", label: "North Korea", type: .country, aliases: ["DPRK", "Pyongyang"],
        wikidata: "Q423", articles: ["bbc/001.txt", "feed#7"], mentionCount: 5),
      GraphEntity(
        key: "country:russia", label: "Russia", type: .country, wikidata: "Q159",
        articles: ["bbc/001.txt", "feed#7"],
        mentionCount: 3),
      GraphEntity(
        key: "country:united-states", label: "United States", type: .country, wikidata: "Q30",
        articles: ["bbc/001.txt"], mentionCount: 1),
      GraphEntity(key: "city:seoul", label: "Seoul", type: .city, articles: ["feed#7"], mentionCount: 1),
      GraphEntity(
        key: "group:north-koreans", label: "North Koreans", type: .group, articles: ["stdin"], mentionCount: 2
      ),
      GraphEntity(
        key: "organization:nato", label: "NATO", type: .organization, aliases: ["the alliance"],
        wikidata: "Q7184",
        articles: ["feed#7"], mentionCount: 1),
      GraphEntity(
        key: "person:lloyd-austin", label: "Lloyd Austin", type: .person, aliases: ["Austin"],
        wikidata: "Q16204198",
        jobTitle: "Defense Secretary", affiliation: "country:united-states", articles: ["bbc/001.txt"],
        mentionCount: 2),
      GraphEntity(
        key: "place:kursk region", label: "Kursk region", type: .place, articles: ["feed#7"], mentionCount: 1),
      GraphEntity(key: "unknown:x/y.", label: "X/Y.", type: .unknown, articles: ["stdin"], mentionCount: 1),
    ].sorted { $0.key < $1.key }
    let relations = [
      GraphRelation(
        subject: "country:north-korea", predicate: "supply", relationClass: "supply",
        object: "country:russia",
        statements: [
          GraphStatement(
            article: "bbc/001.txt", sentence: 2, span: 120..<188,
            evidence: "North Korea has supplied Russia with artillery shells, officials said.",
            confidence: 0.8125,
            modality: .reported, polarity: .positive, attribution: nil),
          GraphStatement(
            article: "feed#7", sentence: 0, span: 0..<45,
            evidence: "Pyongyang may be supplying Moscow\twith troops.",
            confidence: 0.5, modality: .possible, polarity: .positive, attribution: "organization:nato"),
        ]),
      GraphRelation(
        subject: "person:lloyd-austin", predicate: "condemn", relationClass: "condemn",
        object: "concept:destabilization",
        statements: [
          GraphStatement(
            article: "bbc/001.txt", sentence: 0, span: 0..<60,
            evidence: "Lloyd Austin condemned the \"destabilization\" of the region.", confidence: 0.95,
            modality: .asserted, polarity: .positive, attribution: nil)
        ]),
      GraphRelation(
        subject: "group:north-koreans", predicate: "fight_in", relationClass: nil,
        object: "place:kursk region",
        statements: [
          GraphStatement(
            article: "stdin", sentence: 3, span: 300..<340,
            evidence: "If confirmed, North Koreans would fight in Kursk.",
            confidence: 0.3, modality: .hypothetical, polarity: .positive, attribution: nil),
          GraphStatement(
            article: "stdin", sentence: 4, span: 341..<380,
            evidence: "They are not believed to fight in Kursk.",
            confidence: 0.25, modality: .speculated, polarity: .negative, attribution: "unknown:x/y."),
        ]),
      GraphRelation(
        subject: "country:russia", predicate: "impose_on", relationClass: "sanction", object: "city:seoul",
        statements: [
          GraphStatement(
            article: "feed#7", sentence: 1, span: 46..<90,
            evidence: "Russia imposed limits on Seoul.\u{2028}",
            confidence: 1, modality: .asserted, polarity: .negative, attribution: "country:north-korea")
        ]),
    ].sorted { ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object) }
    return KnowledgeGraph(
      articles: articles.sorted { $0.id < $1.id }, entities: entities, relations: relations)
  }()
}
