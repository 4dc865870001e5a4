import Text

/// The first claim extractor: relation phrases between two arguments of one sentence, found by
/// part-of-speech patterns in the manner of ReVerb (Fader et al. 2011): a verb group, optionally
/// followed by nouns and a preposition ("has imposed sanctions on"), between a subject and an object.
///
/// Arguments are linked entities or, where no entity stands, concept noun phrases. Modality,
/// polarity and attribution come from cue words of the clause. It needs `upos` (and uses `lemmas`
/// when present); without tags it finds entities but no claims.
public struct PatternExtractor: ClaimExtractor {
  public var linker: EntityLinker
  public var finder = MentionFinder()
  /// Gives each predicate its coarse relation class.
  public var lexicon: VerbLexicon

  public init(linker: EntityLinker, lexicon: VerbLexicon = .shared) {
    self.linker = linker
    self.lexicon = lexicon
  }

  public func extract(from document: Document) -> ArticleExtraction {
    var linked = LinkedMentions(linker.link(document, candidates: finder.candidates(in: document)))
    var claims: [Claim] = []
    if !document.upos.isEmpty {
      var reader = SentenceReader(document: document, linked: linked, lexicon: lexicon)
      for sentenceIndex in document.sentences.indices {
        claims.append(contentsOf: reader.claims(in: sentenceIndex))
      }
      reader.concepts.merge(into: &linked)
    }
    return linked.extraction(of: document, claims: claims)
  }
}

/// The linker's entities by index, with the entity index of each token, for fast clause reading.
struct LinkedMentions {
  var entities: [ExtractedEntity]
  /// For each token, the index in ``entities`` of the entity it mentions, or -1.
  var entityAtToken: [Int32]
  /// For each token of a singular demonym ("North Korean"), the token just after it; else -1.
  var afterDemonym: [Int32]

  /// The article's extraction: its claims, and its entities sorted by key, one record per key.
  /// Concepts that take part in no claim are noise in the graph and are left out.
  func extraction(of document: Document, claims: [Claim]) -> ArticleExtraction {
    let used = Set(claims.flatMap { [$0.subject, $0.object] + ($0.attribution.map { [$0] } ?? []) })
    let kept = entities.filter { !$0.mentions.isEmpty && ($0.type != .concept || used.contains($0.key)) }
      .sorted { $0.key < $1.key }
    var unique: [ExtractedEntity] = []
    for entity in kept {
      if var last = unique.last, last.key == entity.key {
        last.mentions += entity.mentions
        unique[unique.count - 1] = last
      } else {
        unique.append(entity)
      }
    }
    return ArticleExtraction(
      article: ArticleInfo(document.article), entities: unique, claims: claims,
      sentenceCount: document.sentences.count, tokenCount: document.tokenCount)
  }

  init(_ document: LinkedDocument) {
    entities = document.entities
    var indexOfKey: [String: Int32] = [:]
    for (index, entity) in entities.enumerated() { indexOfKey[entity.key] = Int32(index) }
    entityAtToken = document.tokenKeys.map { key in key.flatMap { indexOfKey[$0] } ?? -1 }
    afterDemonym = [Int32](repeating: -1, count: entityAtToken.count)
    for link in document.links where link.kind == .demonym {
      for token in link.tokens { afterDemonym[token] = Int32(link.tokens.upperBound) }
    }
  }
}

// MARK: - Concepts

/// Concept nodes ("artillery shells") created while reading clauses, keyed by normalized phrase.
struct ConceptTable {
  let startIndex: Int
  private(set) var entities: [ExtractedEntity] = []
  private var indexOfKey: [String: Int] = [:]

  init(startIndex: Int) { self.startIndex = startIndex }

  /// The entity index for a concept phrase, adding a mention.
  mutating func index(phrase: String, mention: Mention) -> Int {
    let key = "concept:" + GazetteerKey.slug(phrase)
    if let local = indexOfKey[key] {
      entities[local].mentions.append(mention)
      return startIndex + local
    }
    indexOfKey[key] = entities.count
    entities.append(ExtractedEntity(key: key, label: phrase, type: .concept, mentions: [mention]))
    return startIndex + entities.count - 1
  }

  func merge(into linked: inout LinkedMentions) {
    linked.entities.append(contentsOf: entities)
  }
}

// MARK: - Clause patterns

/// Reads the claims of a document sentence by sentence, collecting concept nodes as it goes.
struct SentenceReader {
  let document: Document
  let linked: LinkedMentions
  let lexicon: VerbLexicon
  var concepts: ConceptTable

  init(document: Document, linked: LinkedMentions, lexicon: VerbLexicon) {
    self.document = document
    self.lexicon = lexicon
    self.linked = linked
    self.concepts = ConceptTable(startIndex: linked.entities.count)
  }

  struct Argument {
    var tokens: Range<Int>
    var entity: Int
  }

  /// One claim for each pair of consecutive arguments joined by a relation phrase.
  mutating func claims(in sentenceIndex: Int) -> [Claim] {
    let sentence = document.sentences[sentenceIndex]
    let arguments = findArguments(in: sentence, sentenceIndex: sentenceIndex)
    guard arguments.count >= 2 else { return [] }
    var result: [Claim] = []
    let cues = SentenceCues(document: document, sentence: sentence, linked: linked)
    let evidenceSpan = document.span(ofTokens: sentence)
    let evidence = document.text(evidenceSpan)
    for pairIndex in 0..<(arguments.count - 1) {
      let subject = arguments[pairIndex]
      let object = arguments[pairIndex + 1]
      guard subject.entity != object.entity,
        let phrase = RelationPhrase(
          document: document, between: subject.tokens.upperBound..<object.tokens.lowerBound)
      else { continue }
      let modality = cues.modality(for: phrase)
      var confidence = 0.55
      if isNamedEntity(subject.entity) && isNamedEntity(object.entity) { confidence += 0.2 }
      if phrase.tokens.count <= 3 { confidence += 0.1 }
      if modality != .asserted { confidence -= 0.05 }
      result.append(
        Claim(
          subject: key(subject.entity), predicate: phrase.predicate,
          relationClass: lexicon.relationClass(forPredicate: phrase.predicate), object: key(object.entity),
          attribution: cues.attribution(excluding: subject.tokens).map(key), modality: modality,
          polarity: phrase.negated ? .negative : .positive, confidence: min(max(confidence, 0), 1),
          sentence: sentenceIndex, span: evidenceSpan, evidence: evidence))
    }
    return result
  }

  /// Subject and object candidates in order: entity mentions and concept noun phrases.
  private mutating func findArguments(in sentence: Range<Int>, sentenceIndex: Int) -> [Argument] {
    var result: [Argument] = []
    var token = sentence.lowerBound
    while token < sentence.upperBound {
      let entity = Int(linked.entityAtToken[token])
      if entity >= 0 {
        var end = token + 1
        while end < sentence.upperBound && Int(linked.entityAtToken[end]) == entity { end += 1 }
        // "North Korean troops": a country or group word before a noun modifies it; the noun
        // phrase is the argument.
        let type = linked.entities[entity].type
        if end < sentence.upperBound, document.upos[end] == "NOUN", type == .country || type == .group {
          let phraseEnd = nounPhraseEnd(from: end, in: sentence)
          result.append(
            Argument(
              tokens: token..<phraseEnd,
              entity: concept(end..<phraseEnd, sentenceIndex: sentenceIndex)))
          token = phraseEnd
          continue
        }
        result.append(Argument(tokens: token..<end, entity: entity))
        token = end
      } else if document.upos[token] == "NOUN" {
        let end = nounPhraseEnd(from: token, in: sentence)
        result.append(
          Argument(tokens: token..<end, entity: concept(token..<end, sentenceIndex: sentenceIndex)))
        token = end
      } else {
        token += 1
      }
    }
    return result
  }

  private func nounPhraseEnd(from start: Int, in sentence: Range<Int>) -> Int {
    var end = start
    while end < sentence.upperBound && document.upos[end] == "NOUN" && linked.entityAtToken[end] < 0 {
      end += 1
    }
    return end
  }

  /// The concept node for a run of nouns and the words hyphenated onto it, named by the run
  /// lowercased as written.
  private mutating func concept(_ nouns: Range<Int>, sentenceIndex: Int) -> Int {
    let sentence = document.sentences[sentenceIndex]
    let tokens = document.hyphenatedStart(of: nouns.lowerBound, in: sentence)..<nouns.upperBound
    let phrase = document.conceptPhrase(tokens)
    let mention = Mention(
      text: document.text(ofTokens: tokens), sentence: sentenceIndex, tokens: tokens,
      span: document.span(ofTokens: tokens))
    return concepts.index(phrase: phrase, mention: mention)
  }

  private func isNamedEntity(_ index: Int) -> Bool { index < linked.entities.count }

  private func key(_ index: Int) -> String {
    index < linked.entities.count
      ? linked.entities[index].key : concepts.entities[index - concepts.startIndex].key
  }
}
