import Text

/// Links candidates by name alone, within one article: equal normalized names are one entity,
/// and a later name that is the last part of an earlier multi-word name ("Austin" after
/// "Lloyd Austin") refers to it. Types come from the recognizer's hint, else stay unknown.
public struct NameLinker: MentionLinker {
  public init() {}

  public func link(_ candidates: [CandidateMention], in document: Document) -> LinkedMentions {
    var entities: [ExtractedEntity] = []
    var indexOfSlug: [String: Int] = [:]
    /// Last word of a multi-word name → the entity, for short forms.
    var indexOfLastWord: [String: Int] = [:]
    var entityAtToken = [Int32](repeating: -1, count: document.tokenCount)
    for candidate in candidates {
      let text = document.text(ofTokens: candidate.tokens)
      let slug = NameNormalizer.slug(text)
      guard !slug.isEmpty else { continue }
      let mention = Mention(
        text: text, sentence: candidate.sentence, tokens: candidate.tokens,
        span: document.span(ofTokens: candidate.tokens))
      let index: Int
      if let known = indexOfSlug[slug] ?? (candidate.tokens.count == 1 ? indexOfLastWord[slug] : nil) {
        index = known
        if entities[index].type == .unknown, let hint = candidate.typeHint { entities[index].type = hint }
        if text != entities[index].label && !entities[index].aliases.contains(text) {
          entities[index].aliases.append(text)
        }
        entities[index].mentions.append(mention)
      } else {
        let type = candidate.typeHint ?? .unknown
        index = entities.count
        entities.append(
          ExtractedEntity(
            key: "", label: text, type: type, mentions: [mention]))
        indexOfSlug[slug] = index
        if candidate.tokens.count > 1, let last = candidate.tokens.last {
          indexOfLastWord[NameNormalizer.slug(document.forms[last]), default: index] = index
        }
      }
      for token in candidate.tokens { entityAtToken[token] = Int32(index) }
    }
    // Keys last: a later mention may have settled the type.
    for index in entities.indices {
      entities[index].key = NameNormalizer.key(type: entities[index].type, name: entities[index].label)
    }
    return LinkedMentions(entities: entities, entityAtToken: entityAtToken)
  }
}
