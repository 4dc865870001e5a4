import Extraction

/// Merges the extractions of many articles into one ``KnowledgeGraph``.
///
/// Entities with the same canonical key are one node; claims with the same subject, predicate and
/// object are one edge carrying every supporting statement. The result is independent of the
/// order in which articles are added.
public struct GraphBuilder: Sendable {
  private var articles: [String: ArticleInfo] = [:]
  private var entities: [String: EntityAccumulator] = [:]
  private var relations: [RelationKey: RelationAccumulator] = [:]

  public init() {}

  /// Adds one article's entities and claims. Adding an article whose id is already present
  /// replaces nothing and adds nothing.
  public mutating func add(_ extraction: ArticleExtraction) {
    let articleID = extraction.article.id
    guard articles[articleID] == nil else { return }
    articles[articleID] = extraction.article
    for entity in extraction.entities {
      entities[entity.key, default: EntityAccumulator(key: entity.key)].add(entity, article: articleID)
    }
    for claim in extraction.claims {
      let key = RelationKey(subject: claim.subject, predicate: claim.predicate, object: claim.object)
      relations[key, default: RelationAccumulator()].add(claim, article: articleID)
    }
  }

  /// The merged graph, every array sorted.
  public func build() -> KnowledgeGraph {
    let sortedArticles = articles.values.sorted { $0.id < $1.id }
    let sortedEntities = entities.values.map { $0.entity() }.sorted { $0.key < $1.key }
    let known = Set(sortedEntities.map(\.key))
    let sortedRelations = relations.compactMap { key, accumulator -> GraphRelation? in
      // A claim always names entities of its own article; guard anyway so no edge dangles.
      guard known.contains(key.subject), known.contains(key.object) else { return nil }
      return GraphRelation(
        subject: key.subject, predicate: key.predicate, relationClass: accumulator.relationClass,
        object: key.object, statements: accumulator.sortedStatements())
    }.sorted { ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object) }
    return KnowledgeGraph(articles: sortedArticles, entities: sortedEntities, relations: sortedRelations)
  }
}

// MARK: - Accumulators

private struct RelationKey: Hashable, Sendable {
  let subject: String
  let predicate: String
  let object: String
}

private struct EntityAccumulator: Sendable {
  let key: String
  /// How often each label, type, title and affiliation was seen, so the most frequent wins and
  /// ties break by value: the same inputs give the same entity in any order.
  var labels: [String: Int] = [:]
  var types: [EntityType: Int] = [:]
  var aliases: Set<String> = []
  var wikidata: [String: Int] = [:]
  var jobTitles: [String: Int] = [:]
  var affiliations: [String: Int] = [:]
  var articles: Set<String> = []
  var mentionCount = 0

  init(key: String) { self.key = key }

  mutating func add(_ entity: ExtractedEntity, article: String) {
    let weight = max(entity.mentions.count, 1)
    labels[entity.label, default: 0] += weight
    types[entity.type, default: 0] += weight
    aliases.formUnion(entity.aliases)
    if let qid = entity.wikidata { wikidata[qid, default: 0] += 1 }
    if let title = entity.jobTitle { jobTitles[title, default: 0] += 1 }
    if let affiliation = entity.affiliation { affiliations[affiliation, default: 0] += 1 }
    articles.insert(article)
    mentionCount += entity.mentions.count
  }

  func entity() -> GraphEntity {
    let label = Self.mostFrequent(labels) ?? key
    // A specific type beats `unknown`, whatever the counts.
    var typeCounts = types
    if typeCounts.count > 1 { typeCounts[.unknown] = nil }
    return GraphEntity(
      key: key, label: label, type: Self.mostFrequent(typeCounts) ?? .unknown,
      aliases: aliases.subtracting([label]).sorted(), wikidata: Self.mostFrequent(wikidata),
      jobTitle: Self.mostFrequent(jobTitles), affiliation: Self.mostFrequent(affiliations),
      articles: articles.sorted(), mentionCount: mentionCount)
  }

  static func mostFrequent<Value: Comparable>(_ counts: [Value: Int]) -> Value? {
    counts.max { lhs, rhs in lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key > rhs.key }?.key
  }
}

private struct RelationAccumulator: Sendable {
  var relationClasses: [String: Int] = [:]
  var statements: [GraphStatement] = []

  mutating func add(_ claim: Claim, article: String) {
    if let relationClass = claim.relationClass { relationClasses[relationClass, default: 0] += 1 }
    statements.append(
      GraphStatement(
        article: article, sentence: claim.sentence, span: claim.span, evidence: claim.evidence,
        confidence: claim.confidence, modality: claim.modality, polarity: claim.polarity,
        attribution: claim.attribution))
  }

  var relationClass: String? { EntityAccumulator.mostFrequent(relationClasses) }

  func sortedStatements() -> [GraphStatement] {
    statements.sorted {
      ($0.article, $0.sentence, $0.span.lowerBound, $0.span.upperBound, $0.modality.rawValue)
        < ($1.article, $1.sentence, $1.span.lowerBound, $1.span.upperBound, $1.modality.rawValue)
    }
  }
}
