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
///
/// The sentence is scanned once, when the cues are made: a sentence with many claims (a long
/// list of names) would otherwise be scanned once per claim, in time quadratic in its length.
struct SentenceCues {
  let document: Document
  let sentence: Range<Int>
  let linked: LinkedMentions
  /// "if" or "unless" as a subordinating conjunction.
  private var hasCondition = false
  /// A hedge such as "reportedly" or "the alleged".
  private var hasReported = false
  /// The first speculation verb ("suspect", "believe"), if any.
  private var firstSpeculation = Int.max
  /// Named arguments next to a speech verb or after "according to", in sentence order: the
  /// token and the entity it mentions (places left out).
  private var speakers: [(token: Int, entity: Int)] = []

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

  init(document: Document, sentence: Range<Int>, linked: LinkedMentions) {
    self.document = document
    self.sentence = sentence
    self.linked = linked
    for token in sentence {
      let word = document.forms[token].lowercased()
      let lemma = RelationPhrase.lemma(token, document)
      let upos = document.upos[token]
      if Self.conditions.contains(word) && upos == "SCONJ" { hasCondition = true }
      // "reportedly", "the alleged cooperation"; "reported" as a main verb is speech, not a hedge.
      if Self.reportedCues.contains(word) && upos != "VERB" { hasReported = true }
      if upos == "VERB" && Self.speculationVerbs.contains(lemma) {
        firstSpeculation = min(firstSpeculation, token)
      }
      let isSpeech = upos == "VERB" && Self.speechVerbs.contains(lemma)
      let isAccordingTo =
        word == "according" && token + 1 < sentence.upperBound
        && document.forms[token + 1].lowercased() == "to"
      guard isSpeech || isAccordingTo else { continue }
      let candidates = isAccordingTo ? [token + 2] : [token - 1, token + 1]
      for candidate in candidates where sentence.contains(candidate) {
        let entity = Int(linked.entityAtToken[candidate])
        // Places do not speak; a country or city standing for its government does.
        guard entity >= 0, linked.entities[entity].type != .place else { continue }
        speakers.append((candidate, entity))
      }
    }
  }

  /// The strongest qualifier that applies to a claim with this phrase.
  func modality(for phrase: RelationPhrase) -> Modality {
    if hasCondition { return .hypothetical }
    if firstSpeculation < phrase.tokens.lowerBound { return .speculated }
    if phrase.modal { return .possible }
    if hasReported { return .reported }
    return .asserted
  }

  /// The entity whose word the sentence reports: the named argument next to a speech verb
  /// ("Austin said", "says Bruce Klingner") or after "according to".
  func attribution(excluding subject: Range<Int>) -> Int? {
    // Only speakers inside the subject are skipped, so this stops within a few steps.
    speakers.first { !subject.contains($0.token) }?.entity
  }
}
