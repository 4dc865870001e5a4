import Text

/// Proposes candidate name spans for the linker: the recognizer's spans when one ran, else runs
/// of proper nouns and capitalized adjectives (demonyms) by the tagger, else capitalized runs.
public struct MentionFinder: Sendable {
  public init() {}

  public func candidates(in document: Document) -> [CandidateMention] {
    if !document.entities.isEmpty { return document.entities.map(CandidateMention.init) }
    guard !document.upos.isEmpty else { return CandidateMention.capitalizedRuns(in: document) }
    var result: [CandidateMention] = []
    for sentence in document.sentences {
      var token = sentence.lowerBound
      while token < sentence.upperBound {
        guard isNameToken(token, in: document) else {
          token += 1
          continue
        }
        var end = token + 1
        while end < sentence.upperBound {
          if isNameToken(end, in: document) {
            end += 1
          } else if end + 1 < sentence.upperBound, Self.nameConnectors.contains(document.forms[end]),
            isNameToken(end + 1, in: document)
          {
            end += 2  // "Ministry of Defence", "Bosnia and Herzegovina"
          } else {
            break
          }
        }
        result.append(CandidateMention(tokens: token..<end))
        token = end
      }
    }
    return result
  }

  /// Lowercase words that may join two capitalized parts of one name.
  static let nameConnectors: Set<String> = ["of", "for", "and", "de", "al", "bin", "von", "van", "der"]

  /// A capitalized proper noun, or a capitalized adjective ("North Korean", "Russian"), which
  /// the linker maps to a country or leaves unresolved.
  private func isNameToken(_ token: Int, in document: Document) -> Bool {
    guard let first = document.forms[token].unicodeScalars.first, first.properties.isUppercase else {
      return false
    }
    let tag = document.upos[token]
    return tag == "PROPN" || tag == "ADJ"
  }
}
