import Text

/// A relation phrase between two arguments: a verb group, optionally followed by nouns and a
/// preposition (ReVerb's `V | V P | V W* P`). Determiners and adjectives just before the object
/// belong to the object, not to the phrase.
struct RelationPhrase {
  /// The tokens of the phrase itself.
  let tokens: Range<Int>
  /// The verb lemma with its particle or preposition: `condemn`, `send_to`, `impose_on`.
  let predicate: String
  let negated: Bool
  /// A modal auxiliary of possibility ("may", "could") governs the verb.
  let modal: Bool

  static let maximumLength = 8
  static let negations: Set<String> = ["not", "n't", "never", "no"]
  static let possibilityModals: Set<String> = ["may", "might", "could", "can", "would", "should"]
  static let relativePronouns: Set<String> = ["which", "who", "that"]

  init?(document: Document, between gap: Range<Int>) {
    var start = gap.lowerBound
    var end = gap.upperBound
    // ", which has imposed ...": a relative clause whose subject is the argument before it.
    if start < end, document.forms[start] == "," { start += 1 }
    if start < end, Self.relativePronouns.contains(document.forms[start].lowercased()) { start += 1 }
    // Object modifiers: "condemned [the alleged] military cooperation".
    while end > start, ["DET", "ADJ", "NUM"].contains(document.upos[end - 1]) { end -= 1 }
    guard start < end, end - start <= Self.maximumLength else { return nil }

    var negated = false
    var modal = false
    var verb: Int?
    var index = start
    // The verb group: auxiliaries, adverbs, negation, then one or more verbs.
    while index < end {
      let tag = document.upos[index]
      let word = document.forms[index].lowercased()
      if tag == "VERB" {
        verb = index
      } else if tag == "AUX" || tag == "ADV" || tag == "PART" {
        if verb != nil && tag != "PART" { break }
        if Self.negations.contains(word) { negated = true }
        if tag == "AUX" && Self.possibilityModals.contains(word) { modal = true }
        if verb != nil { break }  // a particle after the verb: handled below
      } else {
        break
      }
      index += 1
    }
    guard let mainVerb = verb else { return nil }
    var predicate = Self.lemma(mainVerb, document)
    // What follows the verb group: nothing, a particle/preposition, or nouns then a preposition.
    if index < end {
      let remaining = index..<end
      let last = end - 1
      let lastTag = document.upos[last]
      guard lastTag == "ADP" || (lastTag == "PART" && document.forms[last].lowercased() == "to") else {
        return nil
      }
      for token in remaining.dropLast() {
        guard ["NOUN", "ADJ", "ADV", "DET", "PRON", "NUM", "ADP", "PART"].contains(document.upos[token]),
          !(Self.negations.contains(document.forms[token].lowercased()))
        else { return nil }
      }
      predicate += "_" + Self.lemma(last, document)
    }
    self.tokens = start..<end
    self.predicate = predicate
    self.negated = negated
    self.modal = modal
  }

  static func lemma(_ token: Int, _ document: Document) -> String {
    let lemma = document.lemmas.isEmpty ? document.forms[token] : document.lemmas[token]
    return lemma.lowercased()
  }
}

/// Cue words of a sentence that qualify its claims: hedges, conditions, and attribution.
struct SentenceCues {
  let document: Document
  let sentence: Range<Int>
  let linked: LinkedMentions

  static let reportedCues: Set<String> = [
    "reportedly", "allegedly", "alleged", "reported", "purportedly", "apparently", "rumored",
    "rumoured", "supposedly",
  ]
  static let speculationVerbs: Set<String> = [
    "speculate", "suspect", "believe", "rumor", "rumour", "guess", "assume", "suggest", "fear",
  ]
  static let conditions: Set<String> = ["if", "unless"]
  static let speechVerbs: Set<String> = [
    "say", "tell", "state", "announce", "claim", "warn", "confirm", "add", "note", "report",
    "insist", "emphasize", "emphasise", "deny", "accuse", "argue", "write", "declare", "stress",
  ]

  /// The strongest qualifier that applies to a claim with this phrase.
  func modality(for phrase: RelationPhrase) -> Modality {
    var hasReported = false
    var hasSpeculation = false
    var hasCondition = false
    for token in sentence {
      let word = document.forms[token].lowercased()
      let lemma = RelationPhrase.lemma(token, document)
      if Self.conditions.contains(word) && document.upos[token] == "SCONJ" { hasCondition = true }
      // "reportedly", "the alleged cooperation"; "reported" as a main verb is speech, not a hedge.
      if Self.reportedCues.contains(word) && document.upos[token] != "VERB" { hasReported = true }
      if document.upos[token] == "VERB" && Self.speculationVerbs.contains(lemma)
        && token < phrase.tokens.lowerBound
      {
        hasSpeculation = true
      }
    }
    if hasCondition { return .hypothetical }
    if hasSpeculation { return .speculated }
    if phrase.modal { return .possible }
    if hasReported { return .reported }
    return .asserted
  }

  /// The entity whose word the sentence reports: the named argument next to a speech verb
  /// ("Austin said", "says Bruce Klingner") or after "according to".
  func attribution(excluding subject: Range<Int>) -> Int? {
    for token in sentence {
      let lemma = RelationPhrase.lemma(token, document)
      let isSpeech = document.upos[token] == "VERB" && Self.speechVerbs.contains(lemma)
      let isAccordingTo =
        document.forms[token].lowercased() == "according" && token + 1 < sentence.upperBound
        && document.forms[token + 1].lowercased() == "to"
      guard isSpeech || isAccordingTo else { continue }
      let candidates = isAccordingTo ? [token + 2] : [token - 1, token + 1]
      for candidate in candidates where sentence.contains(candidate) {
        let entity = Int(linked.entityAtToken[candidate])
        guard entity >= 0, !subject.contains(candidate) else { continue }
        // Places do not speak; a country or city standing for its government does.
        if linked.entities[entity].type != .place { return entity }
      }
    }
    return nil
  }
}
