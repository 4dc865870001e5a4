import Text

/// Entities of one document with the token positions that mention them.
public struct LinkedMentions: Sendable {
  public var entities: [ExtractedEntity]
  /// For each document token, the index in ``entities`` of the entity it mentions, or -1.
  public var entityAtToken: [Int32]

  public init(entities: [ExtractedEntity], entityAtToken: [Int32]) {
    self.entities = entities
    self.entityAtToken = entityAtToken
  }
}

/// Turns candidate spans into canonical entities (within one article).
public protocol MentionLinker: Sendable {
  func link(_ candidates: [CandidateMention], in document: Document) -> LinkedMentions
}
