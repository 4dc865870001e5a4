import Text

/// What kind of thing an entity is. Maps to classes of the ontology (schemas/newsgraph.ttl).
public enum EntityType: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
  case person
  case organization
  case country
  case city
  /// Any other place: regions, provinces, seas, peninsulas.
  case place
  /// Nationalities, ethnic and religious groups, armed forces as actors.
  case group
  /// A thing named by a common noun phrase ("destabilization", "artillery shells").
  case concept
  /// A name whose kind is not known.
  case unknown

  public static func < (lhs: EntityType, rhs: EntityType) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How a claim is put forward by its source.
public enum Modality: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
  /// Stated as fact.
  case asserted
  /// Reported or alleged ("reportedly", "alleged", "according to").
  case reported
  /// Possible ("may", "could", "likely").
  case possible
  /// Conditional ("if ... is confirmed").
  case hypothetical
  /// Speculated, suspected, believed.
  case speculated

  public static func < (lhs: Modality, rhs: Modality) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum Polarity: String, Sendable, Hashable, Codable {
  case positive
  case negative
}

/// One occurrence of an entity's name in an article.
public struct Mention: Sendable, Hashable, Codable {
  /// The text as written.
  public var text: String
  public var sentence: Int
  /// Token indices in the document.
  public var tokens: Range<Int>
  /// Unicode scalar offsets into the article text.
  public var span: Range<Int>

  public init(text: String, sentence: Int, tokens: Range<Int>, span: Range<Int>) {
    self.text = text
    self.sentence = sentence
    self.tokens = tokens
    self.span = span
  }
}

/// An entity as found in one article, with all of its mentions there.
public struct ExtractedEntity: Sendable, Hashable, Codable {
  /// The canonical key that names this entity within and across articles, such as
  /// `country:north-korea` or `person:lloyd-austin`. Entities with equal keys are the same.
  public var key: String
  /// The canonical name ("Lloyd Austin", "North Korea").
  public var label: String
  public var type: EntityType
  /// Other names seen for it ("Austin", "Pyongyang").
  public var aliases: [String]
  /// Wikidata item id (`Q423`), when known.
  public var wikidata: String?
  /// A job title seen with the name ("Defense Secretary").
  public var jobTitle: String?
  /// Key of the entity it is affiliated with ("country:united-states").
  public var affiliation: String?
  public var mentions: [Mention]

  public init(
    key: String, label: String, type: EntityType, aliases: [String] = [], wikidata: String? = nil,
    jobTitle: String? = nil, affiliation: String? = nil, mentions: [Mention] = []
  ) {
    self.key = key
    self.label = label
    self.type = type
    self.aliases = aliases
    self.wikidata = wikidata
    self.jobTitle = jobTitle
    self.affiliation = affiliation
    self.mentions = mentions
  }
}

/// A subject–predicate–object statement found in one sentence, with its evidence.
public struct Claim: Sendable, Hashable, Codable {
  /// Key of the subject entity (an ``ExtractedEntity/key``).
  public var subject: String
  /// The normalized predicate: the verb lemma with particle or preposition (`impose_on`).
  public var predicate: String
  /// A coarse relation class ("condemn", "supply", "meet"), when the verb lexicon knows one.
  public var relationClass: String?
  /// Key of the object entity.
  public var object: String
  /// Key of the entity on whose word the claim rests, when it is attributed.
  public var attribution: String?
  public var modality: Modality
  public var polarity: Polarity
  /// The extractor's confidence, within 0...1.
  public var confidence: Double
  public var sentence: Int
  /// Scalar offsets of the evidence (the sentence) in the article text.
  public var span: Range<Int>
  /// The evidence sentence's text.
  public var evidence: String

  public init(
    subject: String, predicate: String, relationClass: String? = nil, object: String,
    attribution: String? = nil, modality: Modality = .asserted, polarity: Polarity = .positive,
    confidence: Double, sentence: Int, span: Range<Int>, evidence: String
  ) {
    self.subject = subject
    self.predicate = predicate
    self.relationClass = relationClass
    self.object = object
    self.attribution = attribution
    self.modality = modality
    self.polarity = polarity
    self.confidence = confidence
    self.sentence = sentence
    self.span = span
    self.evidence = evidence
  }
}

/// Article metadata carried into the graph.
public struct ArticleInfo: Sendable, Hashable, Codable {
  public var id: String
  public var source: String
  public var title: String?
  public var url: String?
  public var date: String?

  public init(id: String, source: String, title: String?, url: String?, date: String?) {
    self.id = id
    self.source = source
    self.title = title
    self.url = url
    self.date = date
  }

  public init(_ article: Article) {
    self.init(
      id: article.id, source: article.source, title: article.title, url: article.url,
      date: article.date)
  }
}

/// Everything extracted from one article: its entities and claims.
public struct ArticleExtraction: Sendable, Hashable, Codable {
  public var article: ArticleInfo
  /// Entities sorted by key.
  public var entities: [ExtractedEntity]
  /// Claims in document order.
  public var claims: [Claim]
  public var sentenceCount: Int
  public var tokenCount: Int

  public init(
    article: ArticleInfo, entities: [ExtractedEntity], claims: [Claim], sentenceCount: Int,
    tokenCount: Int
  ) {
    self.article = article
    self.entities = entities
    self.claims = claims
    self.sentenceCount = sentenceCount
    self.tokenCount = tokenCount
  }
}

/// Turns an annotated document into entities and claims. Implementations are pure.
public protocol ClaimExtractor: Sendable {
  func extract(from document: Document) -> ArticleExtraction
}
