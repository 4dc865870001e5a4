import Extraction

/// The merged knowledge graph of many articles. Every array is sorted, so that the same input
/// gives the same graph whatever the order in which articles were processed.
public struct KnowledgeGraph: Sendable, Hashable {
  /// Articles sorted by id.
  public var articles: [ArticleInfo]
  /// Entities sorted by key.
  public var entities: [GraphEntity]
  /// Relations sorted by (subject, predicate, object).
  public var relations: [GraphRelation]

  public init(articles: [ArticleInfo] = [], entities: [GraphEntity] = [], relations: [GraphRelation] = []) {
    self.articles = articles
    self.entities = entities
    self.relations = relations
  }

  /// The entity with `key`, by binary search.
  public func entity(_ key: String) -> GraphEntity? {
    var low = 0
    var high = entities.count
    while low < high {
      let mid = (low + high) / 2
      if entities[mid].key < key { low = mid + 1 } else { high = mid }
    }
    return low < entities.count && entities[low].key == key ? entities[low] : nil
  }

  /// The article with `id`, by binary search.
  public func article(_ id: String) -> ArticleInfo? {
    var low = 0
    var high = articles.count
    while low < high {
      let mid = (low + high) / 2
      if articles[mid].id < id { low = mid + 1 } else { high = mid }
    }
    return low < articles.count && articles[low].id == id ? articles[low] : nil
  }

  /// The first and last publication days (``ArticleInfo/publicationDay``) of the articles that
  /// support `relation`; `nil` when none of them has a date.
  public func dates(of relation: GraphRelation) -> (first: String, last: String)? {
    var first: String?
    var last: String?
    for id in Set(relation.statements.map(\.article)) {
      guard let day = article(id)?.publicationDay else { continue }
      if first.map({ day < $0 }) ?? true { first = day }
      if last.map({ day > $0 }) ?? true { last = day }
    }
    guard let first, let last else { return nil }
    return (first, last)
  }
}

extension ArticleInfo {
  /// The day of `date` as `YYYY-MM-DD` when it starts with a valid date (an `xsd:date` or the
  /// date part of an `xsd:dateTime`, in the article's own time zone); `nil` otherwise.
  public var publicationDay: String? {
    guard let date, RDFMapping.isDate(Array(date.utf8)[...]) else { return nil }
    return String(date.prefix(10))
  }
}

/// One entity after merging across articles.
public struct GraphEntity: Sendable, Hashable {
  public var key: String
  public var label: String
  public var type: EntityType
  /// Other names, sorted.
  public var aliases: [String]
  public var wikidata: String?
  public var jobTitle: String?
  public var affiliation: String?
  /// Ids of the articles that mention it, sorted.
  public var articles: [String]
  public var mentionCount: Int

  public init(
    key: String, label: String, type: EntityType, aliases: [String] = [], wikidata: String? = nil,
    jobTitle: String? = nil, affiliation: String? = nil, articles: [String] = [], mentionCount: Int = 0
  ) {
    self.key = key
    self.label = label
    self.type = type
    self.aliases = aliases
    self.wikidata = wikidata
    self.jobTitle = jobTitle
    self.affiliation = affiliation
    self.articles = articles
    self.mentionCount = mentionCount
  }
}

/// One edge: a subject, predicate and object, with every statement that supports it.
public struct GraphRelation: Sendable, Hashable {
  public var subject: String
  public var predicate: String
  public var relationClass: String?
  public var object: String
  /// Sorted by (article, sentence, span).
  public var statements: [GraphStatement]

  public init(
    subject: String, predicate: String, relationClass: String?, object: String,
    statements: [GraphStatement]
  ) {
    self.subject = subject
    self.predicate = predicate
    self.relationClass = relationClass
    self.object = object
    self.statements = statements
  }

  /// Number of distinct articles that support the edge.
  public var support: Int { Set(statements.map(\.article)).count }

  /// Whether the sources disagree: some statements affirm the relation and others deny it, or
  /// some put it forward as fact (asserted or reported) while others only as possible,
  /// hypothetical or speculated. Both sides stay in the graph; this marks the edge.
  public var isContested: Bool {
    var polarities = Set<Polarity>()
    var factual = false
    var tentative = false
    for statement in statements {
      polarities.insert(statement.polarity)
      switch statement.modality {
      case .asserted, .reported: factual = true
      case .possible, .hypothetical, .speculated: tentative = true
      }
    }
    return polarities.count > 1 || (factual && tentative)
  }
}

/// One claim occurrence: the evidence for an edge in one sentence of one article.
public struct GraphStatement: Sendable, Hashable {
  public var article: String
  public var sentence: Int
  public var span: Range<Int>
  public var evidence: String
  public var confidence: Double
  public var modality: Modality
  public var polarity: Polarity
  public var attribution: String?

  public init(
    article: String, sentence: Int, span: Range<Int>, evidence: String, confidence: Double,
    modality: Modality, polarity: Polarity, attribution: String?
  ) {
    self.article = article
    self.sentence = sentence
    self.span = span
    self.evidence = evidence
    self.confidence = confidence
    self.modality = modality
    self.polarity = polarity
    self.attribution = attribution
  }
}
