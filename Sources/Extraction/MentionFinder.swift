import Text

/// Proposes candidate name spans for the linker: runs of proper nouns and capitalized adjectives
/// (demonyms) by the tagger, else capitalized runs; where a recognizer filled
/// ``Document/entities``, its spans type those runs, split runs that join two names ("South
/// Korea and Japan"), widen runs the tagger cut short ("Heritage Foundation" with "Heritage" as a
/// noun) and add names no run covers (see ``merge(_:entities:in:)``).
public struct MentionFinder: Sendable {
  public init() {}

  public func candidates(in document: Document) -> [CandidateMention] {
    let runs =
      document.upos.isEmpty ? CandidateMention.capitalizedRuns(in: document) : properNounRuns(in: document)
    return document.entities.isEmpty ? runs : Self.merge(runs, entities: document.entities, in: document)
  }

  /// Runs of capitalized proper nouns and adjectives, joined by name connectors; also runs of
  /// capitalized nouns ending on an organisation or place head word ("the Heritage Foundation"
  /// with both words tagged as nouns), which would otherwise leave "Foundation" to the gazetteer.
  func properNounRuns(in document: Document) -> [CandidateMention] {
    var result: [CandidateMention] = []
    var headed = [Bool](repeating: false, count: document.tokenCount)
    for sentence in document.sentences {
      var token = sentence.lowerBound + 1
      while token < sentence.upperBound {
        guard isCapitalizedNoun(token, in: document) else {
          token += 1
          continue
        }
        var end = token + 1
        while end < sentence.upperBound, isCapitalizedNoun(end, in: document) { end += 1 }
        if end - token >= 2, LinkingLexicon.headType(document.forms[end - 1]) != nil {
          for k in token..<end { headed[k] = true }
        }
        token = end
      }
    }
    func isName(_ token: Int) -> Bool { headed[token] || isNameToken(token, in: document) }
    for sentence in document.sentences {
      var token = sentence.lowerBound
      while token < sentence.upperBound {
        guard isName(token) else {
          token += 1
          continue
        }
        var end = token + 1
        while end < sentence.upperBound {
          if isName(end) {
            end += 1
          } else if end + 1 < sentence.upperBound,
            Self.nameConnectors.contains(document.forms[end]) || document.forms[end] == "-",
            isName(end + 1)
          {
            end += 2  // "Ministry of Defence", "Bosnia and Herzegovina", "Asia-Pacific"
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

  // MARK: - Recognizer spans

  /// Candidates from the tagger's runs and the recognizer's spans, not overlapping, in order:
  /// - a run with no span stays as it is, untyped;
  /// - a run holding one span keeps its extent (the linker splits off titles and countries:
  ///   "U.S. Defense Secretary Lloyd Austin") and takes the span's type when the span is a person,
  ///   or when it is the whole run (an organisation or place typed from part of a run would
  ///   swallow the rest);
  /// - a run holding several spans is split at the connectors between them ("South Korea | and |
  ///   Japan"), each part read as above;
  /// - a span that contains every run it touches replaces them ("Heritage Foundation");
  /// - a span no run touches is added when it reads as a name (capitalized words, not only a
  ///   sentence-initial one).
  public static func merge(_ runs: [CandidateMention], entities: [EntitySpan], in document: Document)
    -> [CandidateMention]
  {
    let spans = entities.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }.map(CandidateMention.init)
    var result: [CandidateMention] = []
    var r = 0
    var e = 0
    // Walk the two sorted lists as clusters of overlapping intervals.
    while r < runs.count || e < spans.count {
      var clusterRuns: [CandidateMention] = []
      var clusterSpans: [CandidateMention] = []
      var end: Int
      if e >= spans.count || (r < runs.count && runs[r].tokens.lowerBound <= spans[e].tokens.lowerBound) {
        end = runs[r].tokens.upperBound
        clusterRuns.append(runs[r])
        r += 1
      } else {
        end = spans[e].tokens.upperBound
        clusterSpans.append(spans[e])
        e += 1
      }
      while true {
        if r < runs.count && runs[r].tokens.lowerBound < end {
          end = max(end, runs[r].tokens.upperBound)
          clusterRuns.append(runs[r])
          r += 1
        } else if e < spans.count && spans[e].tokens.lowerBound < end {
          end = max(end, spans[e].tokens.upperBound)
          clusterSpans.append(spans[e])
          e += 1
        } else {
          break
        }
      }
      result += resolveCluster(runs: clusterRuns, spans: clusterSpans, in: document)
    }
    return result
  }

  static func resolveCluster(runs: [CandidateMention], spans: [CandidateMention], in document: Document)
    -> [CandidateMention]
  {
    if spans.isEmpty { return runs }
    if runs.isEmpty {
      return spans.filter {
        readsAsName($0.tokens, in: document) && trimmed($0.tokens, in: document).count >= 2
          && !isVessel(trimmed($0.tokens, in: document), in: document)
      }
    }
    if runs.count == 1 {
      let run = runs[0]
      if spans.count == 1 {
        let span = spans[0]
        if span.tokens.lowerBound >= run.tokens.lowerBound && span.tokens.upperBound <= run.tokens.upperBound
        {
          return [typed(run, by: span, in: document)]
        }
        if span.tokens.lowerBound <= run.tokens.lowerBound && span.tokens.upperBound >= run.tokens.upperBound
          && readsAsName(span.tokens, in: document)
        {
          return [span]
        }
        return runs
      }
      // Several spans in one run: split at the connectors between them.
      guard spans.allSatisfy({ $0.tokens.clamped(to: run.tokens) == $0.tokens }) else { return runs }
      var parts: [CandidateMention] = []
      var start = run.tokens.lowerBound
      for (k, span) in spans.enumerated() where k + 1 < spans.count {
        let gap = span.tokens.upperBound..<spans[k + 1].tokens.lowerBound
        guard gap.contains(where: { isSeparator(document.forms[$0]) }) else { continue }
        parts.append(CandidateMention(tokens: start..<gap.lowerBound))
        start = gap.upperBound
      }
      guard !parts.isEmpty else { return runs }
      parts.append(CandidateMention(tokens: start..<run.tokens.upperBound))
      return parts.map { part in
        let inside = spans.filter { $0.tokens.clamped(to: part.tokens) == $0.tokens }
        return inside.count == 1 ? typed(part, by: inside[0], in: document) : part
      }
    }
    // Several runs: one span covering them all replaces them.
    if spans.count == 1, let span = spans.first,
      runs.allSatisfy({ span.tokens.clamped(to: $0.tokens) == $0.tokens }),
      readsAsName(span.tokens, in: document)
    {
      return [span]
    }
    return runs
  }

  /// A run typed by the recognizer span inside it: persons always (the linker finds the name
  /// among titles), organisations and places only when the span is the whole run; never a
  /// lone adjective (demonyms are the gazetteer's) or a hyphenated compound.
  static func typed(_ run: CandidateMention, by span: CandidateMention, in document: Document)
    -> CandidateMention
  {
    guard let type = span.type else { return run }
    // "Asia-Pacific" (region), "Russia-Ukraine" (war): a hyphenated compound is a modifier more
    // often than a name, and the recognizer's type of it is a guess.
    if run.tokens.contains(where: { document.forms[$0] == "-" }) { return run }
    // One word is too little to go on ("Aden" as a person); the gazetteer and the short forms
    // of full names already cover the one-word names that matter.
    let core = trimmed(run.tokens, in: document)
    guard core.count >= 2, !isVessel(core, in: document) else { return run }
    if run.tokens.count == 1, document.upos.count == document.forms.count,
      document.upos[run.tokens.lowerBound] == "ADJ"
    {
      return run
    }
    if type == .person || trimmed(span.tokens, in: document) == trimmed(run.tokens, in: document) {
      return CandidateMention(tokens: run.tokens, type: type)
    }
    return run
  }

  /// A span without leading function words and punctuation or trailing possessives.
  static func trimmed(_ tokens: Range<Int>, in document: Document) -> Range<Int> {
    var lower = tokens.lowerBound
    var upper = tokens.upperBound
    while lower < upper,
      LinkingLexicon.isFunctionWord(document.forms[lower])
        || LinkingLexicon.isPunctuation(document.forms[lower])
    {
      lower += 1
    }
    while upper > lower,
      LinkingLexicon.isPossessive(document.forms[upper - 1])
        || LinkingLexicon.isPunctuation(document.forms[upper - 1])
    {
      upper -= 1
    }
    return lower..<upper
  }

  /// Whether a recognizer span the tagger did not see as a name still reads as one: its words
  /// capitalized (particles and connectors aside), and not just one capitalized word opening a
  /// sentence.
  static func readsAsName(_ tokens: Range<Int>, in document: Document) -> Bool {
    let core = trimmed(tokens, in: document)
    guard !core.isEmpty, LinkingLexicon.looksLikeName(document.forms[core]) else { return false }
    if core.count == 1, document.sentences.contains(where: { $0.lowerBound == core.lowerBound }) {
      return false
    }
    return true
  }

  /// Ship prefixes ("MV Faina", "INS Mysore", "USS Cole"): a ship is no person, organisation or place.
  static let vesselPrefixes: Set<String> = [
    "MV", "M/V", "INS", "HMS", "USS", "HMAS", "HMCS", "RV", "MT", "SS", "MS",
  ]

  static func isVessel(_ tokens: Range<Int>, in document: Document) -> Bool {
    !tokens.isEmpty && vesselPrefixes.contains(document.forms[tokens.lowerBound])
  }

  /// Tokens that separate two names in one run: "and", "&", commas.
  static func isSeparator(_ form: String) -> Bool { form == "and" || form == "," || form == "&" }

  /// Lowercase words that may join two capitalized parts of one name.
  static let nameConnectors: Set<String> = ["of", "for", "and", "de", "al", "bin", "von", "van", "der"]

  /// A capitalized common or proper noun.
  private func isCapitalizedNoun(_ token: Int, in document: Document) -> Bool {
    guard let first = document.forms[token].unicodeScalars.first, first.properties.isUppercase else {
      return false
    }
    return document.upos[token] == "NOUN" || document.upos[token] == "PROPN"
  }

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
