import Text

/// A span of tokens that may name an entity, before linking.
public struct CandidateMention: Sendable, Hashable {
  public var tokens: Range<Int>
  public var sentence: Int
  /// A type suggested by the recognizer, if one ran.
  public var typeHint: EntityType?

  public init(tokens: Range<Int>, sentence: Int, typeHint: EntityType? = nil) {
    self.tokens = tokens
    self.sentence = sentence
    self.typeHint = typeHint
  }
}

/// Finds candidate name spans: the recognizer's spans when it ran, else runs of proper nouns.
public struct MentionFinder: Sendable {
  public init() {}

  public func candidates(in document: Document) -> [CandidateMention] {
    var sentenceOfToken = [Int32](repeating: -1, count: document.tokenCount)
    for (index, sentence) in document.sentences.enumerated() {
      for token in sentence { sentenceOfToken[token] = Int32(index) }
    }
    if !document.entities.isEmpty {
      return document.entities.compactMap { span in
        guard !span.tokens.isEmpty, sentenceOfToken[span.tokens.lowerBound] >= 0 else { return nil }
        return CandidateMention(
          tokens: span.tokens, sentence: Int(sentenceOfToken[span.tokens.lowerBound]),
          typeHint: Self.type(ofLabel: span.label))
      }
    }
    var result: [CandidateMention] = []
    for (index, sentence) in document.sentences.enumerated() {
      var token = sentence.lowerBound
      while token < sentence.upperBound {
        guard isNameToken(token, in: document, sentenceStart: sentence.lowerBound) else {
          token += 1
          continue
        }
        var end = token + 1
        while end < sentence.upperBound {
          if isNameToken(end, in: document, sentenceStart: sentence.lowerBound) {
            end += 1
          } else if end + 1 < sentence.upperBound, Self.nameConnectors.contains(document.forms[end]),
            isNameToken(end + 1, in: document, sentenceStart: sentence.lowerBound)
          {
            end += 2  // "Ministry of Defence", "Bosnia and Herzegovina"
          } else {
            break
          }
        }
        result.append(CandidateMention(tokens: token..<end, sentence: index))
        token = end
      }
    }
    return result
  }

  /// Lowercase words that may join two capitalized parts of one name.
  static let nameConnectors: Set<String> = ["of", "for", "and", "de", "al", "bin", "von", "van", "der"]

  /// A proper noun by the tagger; without a tagger, a capitalized word not at a sentence start.
  private func isNameToken(_ token: Int, in document: Document, sentenceStart: Int) -> Bool {
    let form = document.forms[token]
    guard let first = form.unicodeScalars.first, first.properties.isUppercase else { return false }
    if !document.upos.isEmpty {
      let tag = document.upos[token]
      if tag == "PROPN" { return true }
      // Demonyms and nationalities ("North Korean", "Russian") are adjectives the linker maps.
      return tag == "ADJ" && token != sentenceStart
    }
    return token != sentenceStart
  }

  static func type(ofLabel label: String) -> EntityType? {
    switch label.uppercased() {
    case "PER", "PERSON": .person
    case "ORG", "ORGANIZATION": .organization
    case "LOC", "GPE", "LOCATION": .place
    case "NORP", "OTH", "GROUP": .group
    default: nil
    }
  }
}
