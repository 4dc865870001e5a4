import Extraction
import Graph

/// Knowledge graphs built by hand for the tests.
enum ExampleGraphs {
  static let articleID = "north-korean-troops-in-russia"

  /// What a careful reader extracts from ../shared/examples/north-korean-troops-in-russia.txt:
  /// 22 entities, 18 relations, with the article's own sentences as evidence.
  static let northKorea: KnowledgeGraph = {
    let article = ArticleInfo(
      id: articleID, source: "examples/north-korean-troops-in-russia.txt",
      title: "North Korean Troops Reportedly in Russia, Says US Defense Secretary", url: nil,
      date: "2024-10-23")
    let entities: [GraphEntity] = [
      entity("country:north-korea", "North Korea", .country, aliases: ["Pyongyang"], mentions: 14),
      entity("country:russia", "Russia", .country, aliases: ["Moscow"], mentions: 13),
      entity("country:ukraine", "Ukraine", .country, aliases: ["Kyiv"], mentions: 6),
      entity(
        "country:united-states", "United States", .country, aliases: ["U.S.", "Washington"], mentions: 5),
      entity("country:south-korea", "South Korea", .country, mentions: 2),
      entity("country:japan", "Japan", .country, mentions: 2),
      entity("country:china", "China", .country, mentions: 1),
      entity(
        "person:lloyd-austin", "Lloyd Austin", .person, aliases: ["Austin"], job: "Defense Secretary",
        affiliation: "country:united-states", mentions: 4),
      entity(
        "person:vladimir-putin", "Vladimir Putin", .person, job: "President",
        affiliation: "country:russia", mentions: 1),
      entity(
        "person:kim-jong-un", "Kim Jong-un", .person, job: "leader", affiliation: "country:north-korea",
        mentions: 1),
      entity(
        "person:park-jin", "Park Jin", .person, job: "Foreign Minister", affiliation: "country:south-korea",
        mentions: 1),
      entity(
        "person:fumio-kishida", "Fumio Kishida", .person, job: "Prime Minister",
        affiliation: "country:japan", mentions: 1),
      entity(
        "person:matthew-miller", "Matthew Miller", .person, job: "State Department spokesperson",
        affiliation: "country:united-states", mentions: 1),
      entity(
        "person:bruce-klingner", "Bruce Klingner", .person, job: "senior research fellow",
        affiliation: "organization:heritage-foundation", mentions: 1),
      entity("organization:united-nations", "United Nations", .organization, mentions: 1),
      entity("organization:heritage-foundation", "Heritage Foundation", .organization, mentions: 1),
      entity("group:western-officials", "Western officials", .group, mentions: 1),
      entity("group:international-community", "international community", .group, mentions: 1),
      entity("place:korean-peninsula", "Korean Peninsula", .place, mentions: 1),
      entity("concept:artillery-shells", "artillery shells", .concept, mentions: 1),
      entity("concept:military-cooperation", "military cooperation", .concept, mentions: 2),
      entity("concept:destabilization", "destabilization of Ukraine", .concept, mentions: 1),
    ]
    let s1 =
      "U.S. Defense Secretary Lloyd Austin has confirmed that North Korean troops are reportedly present in Russia, bolstering the country's military resources."
    let s2 =
      "The U.S. claims come amid heightened scrutiny over the growing military and political alliance between Russia and North Korea, following a high-profile meeting between Russian President Vladimir Putin and North Korean leader Kim Jong-un in September."
    let s3 =
      "Western officials have speculated that the talks resulted in a secret agreement on military cooperation, with North Korea providing artillery shells and other equipment to support Russia’s war efforts in Ukraine, in exchange for advanced Russian technology and military know-how."
    let s4 =
      "“We are monitoring this situation very closely,” Austin said, “and we strongly condemn any action that contributes to the destabilization of Ukraine or violates international sanctions.”"
    let s5 =
      "South Korea and Japan have both condemned the alleged military cooperation, warning that it could further destabilize the Korean Peninsula and the broader Asia-Pacific region."
    let s6 =
      "The United Nations, which has imposed multiple sanctions on North Korea over its nuclear and missile programs, is likely to face pressure to take further action."
    let s7 =
      "The U.S. and its allies have also signaled that they may impose additional sanctions on both North Korea and Russia if the military collaboration is confirmed."
    let s8 =
      "U.S. State Department spokesperson Matthew Miller warned that Washington is “prepared to respond” if North Korea’s actions are found to violate international law or existing sanctions."
    let s9 =
      "North Korea, also heavily sanctioned and isolated, has sought to forge closer ties with Russia and China as it continues to face pressure from the U.S. and its allies over its nuclear ambitions."
    let s10 =
      "In the short term, the presence of North Korean troops in Russia may not drastically alter the battlefield situation in Ukraine, but it adds another layer of complexity to global security dynamics."
    let s11 =
      "South Korean Foreign Minister Park Jin called the reports “deeply troubling,” while Japan’s Prime Minister Fumio Kishida emphasized the need for a coordinated international response."
    let s12 =
      "“Not only does it bolster Russia’s military capabilities, but it also suggests that North Korea is more willing than ever to openly defy the international community and support what is widely seen as an illegal war.”"
    let relations: [GraphRelation] = [
      relation(
        "country:north-korea", "deploy_troops_in", "country:russia", s1, 1, .reported,
        attribution: "person:lloyd-austin"),
      relation("person:vladimir-putin", "meet", "person:kim-jong-un", s2, 3),
      relation(
        "country:north-korea", "provide", "concept:artillery-shells", s3, 4, .speculated,
        attribution: "group:western-officials"),
      relation(
        "country:north-korea", "support", "country:russia", s3, 4, .speculated,
        attribution: "group:western-officials"),
      relation("country:russia", "wage_war_in", "country:ukraine", s3, 4),
      relation("person:lloyd-austin", "condemn", "concept:destabilization", s4, 10),
      relation("country:south-korea", "condemn", "concept:military-cooperation", s5, 12),
      relation("country:japan", "condemn", "concept:military-cooperation", s5, 12),
      relation(
        "concept:military-cooperation", "destabilize", "place:korean-peninsula", s5, 12, .possible,
        attribution: "country:south-korea"),
      relation("organization:united-nations", "impose_sanctions_on", "country:north-korea", s6, 14),
      relation("country:united-states", "impose_sanctions_on", "country:north-korea", s7, 15, .hypothetical),
      relation("country:united-states", "impose_sanctions_on", "country:russia", s7, 15, .hypothetical),
      relation(
        "country:united-states", "respond_to", "country:north-korea", s8, 16, .hypothetical,
        attribution: "person:matthew-miller"),
      relation("country:north-korea", "seek_ties_with", "country:china", s9, 18),
      relation("country:north-korea", "seek_ties_with", "country:russia", s9, 18),
      relation(
        "country:north-korea", "alter_situation_in", "country:ukraine", s10, 23, .possible,
        polarity: .negative),
      relation("person:park-jin", "call_troubling", "concept:military-cooperation", s11, 13),
      relation(
        "country:north-korea", "defy", "group:international-community", s12, 21,
        attribution: "person:bruce-klingner"),
    ]
    return KnowledgeGraph(
      articles: [article], entities: entities.sorted { $0.key < $1.key },
      relations: relations.sorted {
        ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object)
      })
  }()

  static func entity(
    _ key: String, _ label: String, _ type: EntityType, aliases: [String] = [], job: String? = nil,
    affiliation: String? = nil, articles: [String] = [articleID], mentions: Int
  ) -> GraphEntity {
    GraphEntity(
      key: key, label: label, type: type, aliases: aliases, jobTitle: job, affiliation: affiliation,
      articles: articles, mentionCount: mentions)
  }

  static func relation(
    _ subject: String, _ predicate: String, _ object: String, _ evidence: String, _ sentence: Int,
    _ modality: Modality = .asserted, polarity: Polarity = .positive, attribution: String? = nil,
    article: String = articleID
  ) -> GraphRelation {
    GraphRelation(
      subject: subject, predicate: predicate, relationClass: nil, object: object,
      statements: [
        GraphStatement(
          article: article, sentence: sentence, span: 0..<evidence.unicodeScalars.count,
          evidence: evidence, confidence: 0.8, modality: modality, polarity: polarity,
          attribution: attribution)
      ])
  }

  /// A graph with one entity per label and one relation per (subject, predicate, object) triple,
  /// each relation supported by `support` articles.
  static func graph(
    entities: [(key: String, label: String, type: EntityType)],
    relations: [(subject: String, predicate: String, object: String, support: Int, modality: Modality)]
  ) -> KnowledgeGraph {
    let allArticles = Set(relations.map(\.support)).max().map { (0..<$0).map { "a\($0)" } } ?? ["a0"]
    let graphEntities = entities.map {
      GraphEntity(key: $0.key, label: $0.label, type: $0.type, articles: ["a0"], mentionCount: 1)
    }
    let graphRelations = relations.map { triple in
      GraphRelation(
        subject: triple.subject, predicate: triple.predicate, relationClass: nil, object: triple.object,
        statements: (0..<triple.support).map { index in
          GraphStatement(
            article: "a\(index)", sentence: 0, span: 0..<10,
            evidence: "\(triple.subject) \(triple.predicate).",
            confidence: 0.5, modality: triple.modality, polarity: .positive, attribution: nil)
        })
    }
    return KnowledgeGraph(
      articles: allArticles.map {
        ArticleInfo(id: $0, source: $0, title: "Article \($0)", url: nil, date: nil)
      },
      entities: graphEntities.sorted { $0.key < $1.key },
      relations: graphRelations.sorted {
        ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object)
      })
  }

  /// A random-looking but reproducible graph of `nodes` entities and `edges` relations whose
  /// degrees are skewed, like a merged news graph.
  static func large(nodes: Int, edges: Int) -> KnowledgeGraph {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let types = EntityType.allCases
    let keys = (0..<nodes).map { "e\($0)" }
    var triples: [(subject: String, predicate: String, object: String, support: Int, modality: Modality)] = []
    var seen = Set<String>()
    while triples.count < edges {
      // Products skew both ends towards low indices: a few hubs, joined to each other as the
      // main actors of a story are, and many leaves.
      let a = next(nodes) * next(nodes) / nodes
      let b = next(nodes) * next(nodes) / nodes
      let predicate = ["meet", "criticize", "support", "visit", "sanction"][next(5)]
      guard a != b, seen.insert("\(a) \(predicate) \(b)").inserted else { continue }
      triples.append((keys[a], predicate, keys[b], 1 + next(3) / 2, next(4) == 0 ? .reported : .asserted))
    }
    return graph(
      entities: keys.enumerated().map { ($1, "Entity \($0)", types[$0 % types.count]) }, relations: triples)
  }
}
