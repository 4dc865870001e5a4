import Extraction

/// Runs ``EntityResolver`` over gold entity mentions and scores its chains against the gold ones.
///
/// Every mention becomes one entity (key `mention:<document>:<m_id>`, label the mention's words),
/// and the resolver sees all mentions of the chosen topics together, without their topic labels.
/// The default resolver is the one `newsgraph build` runs, so the scores describe the build.
/// Each document is one article, so the context layer compares documents by the words of the
/// mentions they contain, as it compares articles by the names of their entities in a build.
public struct CorefEvaluation: Sendable {
  public var scores: CorefScores
  /// The same scores with singleton chains removed from key and response.
  public var scoresWithoutSingletons: CorefScores
  public var mentionCount: Int
  public var goldChainCount: Int
  public var responseChainCount: Int

  public init(
    corpus: ECBPlusCorpus,
    resolver: EntityResolver = EntityResolver()
  ) {
    let entities = corpus.mentions.map { mention in
      GraphEntity(
        key: "mention:" + mention.id, label: mention.text, type: Self.type(of: mention.tag),
        articles: [mention.document], mentionCount: 1)
    }.sorted { $0.key < $1.key }
    let resolution = resolver.resolve(KnowledgeGraph(entities: entities))
    func root(_ key: String) -> String { resolution.canonical[key] ?? key }
    let response = Dictionary(grouping: corpus.mentions.map(\.id)) { root("mention:" + $0) }.values.map { $0 }
    let key = corpus.goldChains
    scores = CorefScores(key: key, response: response)
    scoresWithoutSingletons = CorefScores(
      key: key.filter { $0.count > 1 }, response: response.filter { $0.count > 1 })
    mentionCount = corpus.mentions.count
    goldChainCount = key.count
    responseChainCount = response.count
  }

  /// The entity type a markable's class stands for. Times and non-human participants are
  /// concepts here; the resolver never lets two types disagree.
  static func type(of tag: String) -> EntityType {
    switch tag {
    case "HUMAN_PART_PER": .person
    case "HUMAN_PART_ORG": .organization
    case "HUMAN_PART_GPE": .country
    case _ where tag.hasPrefix("HUMAN_PART"): .group
    case _ where tag.hasPrefix("LOC_"): .place
    case _ where tag.hasPrefix("TIME_"): .unknown
    default: .concept
    }
  }
}
