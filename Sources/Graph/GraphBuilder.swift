import Extraction

/// Merges the extractions of many articles into one ``KnowledgeGraph``.
///
/// Entities with the same canonical key are one node; claims with the same subject, predicate and
/// object are one edge carrying every supporting statement. The result is independent of the
/// order in which articles are added.
///
/// Incremental builds: a builder seeded with a graph (``init(seed:)``) and then given more
/// articles builds the same graph as one given every article at once. That holds because every
/// choice the builder makes depends only on data the graph keeps: the label is chosen from all
/// names seen (the graph keeps them as label and aliases), the type, Wikidata id, job title,
/// affiliation and relation class are each the first of all values seen in a fixed order, never
/// the most frequent (the graph keeps no counts). Each rule picks the best of a set, so it is
/// associative: choosing among the survivors of an earlier build and new values gives what
/// choosing among all values gives.
public struct GraphBuilder: Sendable {
  private var articles: [String: ArticleInfo] = [:]
  private var entities: [String: EntityAccumulator] = [:]
  private var relations: [RelationKey: RelationAccumulator] = [:]

  public init() {}

  /// A builder that already holds `graph`: adding its articles again adds nothing, and adding
  /// new ones gives the graph of all of them (see the type's documentation).
  public init(seed graph: KnowledgeGraph) {
    for article in graph.articles { articles[article.id] = article }
    for entity in graph.entities { entities[entity.key] = EntityAccumulator(seed: entity) }
    for relation in graph.relations {
      let key = RelationKey(subject: relation.subject, predicate: relation.predicate, object: relation.object)
      relations[key] = RelationAccumulator(seed: relation)
    }
  }

  /// Whether an article with this id is already in the builder.
  public func contains(article id: String) -> Bool { articles[id] != nil }

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

struct RelationKey: Hashable, Sendable {
  let subject: String
  let predicate: String
  let object: String
}

struct EntityAccumulator: Sendable {
  let key: String
  /// Every name seen: labels and aliases. The graph keeps them all (label plus aliases), so the
  /// label can be chosen again after a round trip through RDF.
  var names: Set<String> = []
  var types: Set<EntityType> = []
  var wikidata: Set<String> = []
  var jobTitles: Set<String> = []
  var affiliations: Set<String> = []
  var articles: Set<String> = []
  var mentionCount = 0

  init(key: String) { self.key = key }

  init(seed entity: GraphEntity) {
    self.init(key: entity.key)
    absorb(entity)
  }

  /// Adds everything a merged entity carries (the resolver folds several keys into one).
  mutating func absorb(_ entity: GraphEntity) {
    names.formUnion(entity.aliases)
    names.insert(entity.label)
    types.insert(entity.type)
    if let qid = entity.wikidata { wikidata.insert(qid) }
    if let title = entity.jobTitle { jobTitles.insert(title) }
    if let affiliation = entity.affiliation { affiliations.insert(affiliation) }
    articles.formUnion(entity.articles)
    mentionCount += entity.mentionCount
  }

  mutating func add(_ entity: ExtractedEntity, article: String) {
    names.insert(entity.label)
    names.formUnion(entity.aliases)
    types.insert(entity.type)
    if let qid = entity.wikidata { wikidata.insert(qid) }
    if let title = entity.jobTitle { jobTitles.insert(title) }
    if let affiliation = entity.affiliation { affiliations.insert(affiliation) }
    articles.insert(article)
    mentionCount += entity.mentions.count
  }

  func entity() -> GraphEntity {
    let label = Self.label(of: key, among: names)
    return GraphEntity(
      key: key, label: label, type: Self.type(of: key, among: types),
      aliases: names.subtracting([label]).sorted(), wikidata: wikidata.min(),
      jobTitle: jobTitles.min(), affiliation: affiliations.min(),
      articles: articles.sorted(), mentionCount: mentionCount)
  }

  /// The name the key was made from (its slug is the key's local part) wins; then the longest
  /// name, then the first in code-point order. A total order, so the choice is associative.
  static func label(of key: String, among names: Set<String>) -> String {
    let local = key.firstIndex(of: ":").map { String(key[key.index(after: $0)...]) } ?? key
    func rank(_ name: String) -> (Int, Int) {
      (GazetteerKey.slug(name) == local ? 0 : 1, -name.count)
    }
    return names.min { lhs, rhs in
      let (l, r) = (rank(lhs), rank(rhs))
      return l != r ? l < r : lhs < rhs
    } ?? key
  }

  /// The type the key names (`person:…` is a person) if it was seen; else the first specific type
  /// in declaration order; `unknown` only when nothing else was seen.
  static func type(of key: String, among types: Set<EntityType>) -> EntityType {
    let prefix = key.firstIndex(of: ":").map { String(key[..<$0]) } ?? ""
    if let named = EntityType(rawValue: prefix), types.contains(named) { return named }
    return EntityType.allCases.first { $0 != .unknown && types.contains($0) } ?? .unknown
  }
}

struct RelationAccumulator: Sendable {
  var relationClasses: Set<String> = []
  var statements: [GraphStatement] = []

  init() {}

  init(seed relation: GraphRelation) { absorb(relation) }

  /// Adds an edge's class and statements (the resolver folds edges whose ends merged).
  mutating func absorb(_ relation: GraphRelation) {
    if let relationClass = relation.relationClass { relationClasses.insert(relationClass) }
    statements.append(contentsOf: relation.statements)
  }

  mutating func add(_ claim: Claim, article: String) {
    if let relationClass = claim.relationClass { relationClasses.insert(relationClass) }
    statements.append(
      GraphStatement(
        article: article, sentence: claim.sentence, span: claim.span, evidence: claim.evidence,
        confidence: claim.confidence, modality: claim.modality, polarity: claim.polarity,
        attribution: claim.attribution))
  }

  /// The first class in code-point order: the graph keeps one class per edge, not counts.
  var relationClass: String? { relationClasses.min() }

  func sortedStatements() -> [GraphStatement] {
    // Edges folded together by the resolver may carry the same statement twice.
    Array(Set(statements)).sorted(by: Self.precedes)
  }

  /// The order of an edge's statements: article, sentence, span, modality.
  static func precedes(_ lhs: GraphStatement, _ rhs: GraphStatement) -> Bool {
    (lhs.article, lhs.sentence, lhs.span.lowerBound, lhs.span.upperBound, lhs.modality.rawValue)
      < (rhs.article, rhs.sentence, rhs.span.lowerBound, rhs.span.upperBound, rhs.modality.rawValue)
  }

  /// Whether `statements` are what ``sortedStatements()`` makes of them: in strictly increasing
  /// order, so each once.
  static func isFolded(_ statements: [GraphStatement]) -> Bool {
    zip(statements, statements.dropFirst()).allSatisfy { precedes($0, $1) }
  }
}
