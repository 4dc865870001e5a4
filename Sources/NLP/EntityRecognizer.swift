import Foundation
import Text

// MARK: - Named-entity recognizer

/// A greedy left-to-right averaged-perceptron recognizer of PER, ORG and LOC names, over BILOU
/// labels (Ratinov & Roth 2009, https://aclanthology.org/W09-1119/).
///
/// Features: the word, its lowercase, affixes and shape, two neighbours on each side, the
/// tagger's XPOS and UPOS, the two previous labels, membership in the ``NameLexicon`` names
/// (category and B/I/L/U position), and what the same word was labelled earlier in the document
/// (document-level consistency), distributional word classes and capitalization statistics
/// (``WordClasses``), Brown clusters and word frequencies of a large corpus (``BrownClusters``),
/// and whether an all-capital word spells the initials of a capitalized phrase of the document
/// (``acronyms(_:_:into:)``). Decoding only allows label sequences that form well-nested spans.
///
/// An optional second pass (Krishnan & Manning 2006, https://aclanthology.org/P06-1141/) reads
/// the whole document's first-pass labels: for each word, its own first-pass label and those
/// of its neighbours, and how the other occurrences of the same capitalized word in the document
/// were labelled ("Miramar" typed as a place three times out of four).
public struct EntityRecognizer: Sendable {
  /// Metadata: training data, options, development scores.
  public var header: ModelHeader
  /// Entity types (`PER`, `ORG`, `LOC`); class `1 + 4k + j` is B, I, L, U (j = 0...3) of type k.
  public let types: [String]
  let model: LinearModel
  /// The second-pass model, when the recognizer has one.
  let second: LinearModel?
  /// The names whose membership is a feature, stored with the model.
  public let names: NameLexicon
  /// Distributional word classes and capitalization statistics, stored with the model.
  public let classes: WordClasses
  /// Brown clusters and word frequencies of a large corpus, stored with the model (empty in
  /// models trained without them).
  public let brown: BrownClusters
  /// Whether acronyms of the document's capitalized phrases are features (false in models
  /// trained before them).
  public var acronymFeatures = false
  /// Forms without an uppercase letter that training saw often and never inside a name ("to",
  /// "is", "have", "would"; not "the", "of" or "bank", which some names there contain, counting
  /// the lowercased training copies and OTH spans). Outside a name they are labelled O without
  /// being scored, as the tagger's dictionary skips its words; empty in models trained without it.
  var plainWords = FeatureTable(minimumCapacity: 16)

  static let featureCapacity = 96

  init(
    header: ModelHeader, types: [String], model: LinearModel, second: LinearModel? = nil, names: NameLexicon,
    classes: WordClasses, brown: BrownClusters = .empty
  ) {
    self.header = header
    self.types = types
    self.model = model
    self.second = second
    self.names = names
    self.classes = classes
    self.brown = brown
  }

  /// How many forms ``plainWords`` lists.
  public var plainWordCount: Int { plainWords.count }

  /// Whether predictions take a second, document-level pass.
  public var hasSecondPass: Bool { second != nil }

  public var classCount: Int { 1 + 4 * types.count }

  /// Class labels in BILOU notation, `O` first.
  public var labels: [String] {
    ["O"] + types.flatMap { t in ["B-", "I-", "L-", "U-"].map { $0 + t } }
  }

  // MARK: Labels

  @inline(__always) static func part(_ cls: Int) -> Int { cls == 0 ? -1 : (cls - 1) & 3 }
  @inline(__always) static func type(_ cls: Int) -> Int { (cls - 1) >> 2 }

  /// Whether class `cls` may follow class `previous` (−1 at a sentence start), and whether it may
  /// stand last in a sentence.
  @inline(__always)
  static func allowed(_ cls: Int, after previous: Int, last: Bool) -> Bool {
    let p = previous <= 0 ? -1 : part(previous)
    let c = part(cls)
    if p == 0 || p == 1 {  // inside a span: continue it
      guard c == 1 || c == 2, type(cls) == type(previous) else { return false }
    } else if c == 1 || c == 2 {
      return false
    }
    return !last || c == -1 || c == 2 || c == 3
  }

  /// Spans from a sequence of classes (token indices relative to the sequence).
  static func spans(_ classes: ArraySlice<Int32>, types: [String]) -> [EntitySpan] {
    var result: [EntitySpan] = []
    var start = -1
    for (k, c) in classes.enumerated() {
      let cls = Int(c)
      switch part(cls) {
      case 0: start = k
      case 2:
        result.append(EntitySpan(tokens: (start < 0 ? k : start)..<(k + 1), label: types[type(cls)]))
        start = -1
      case 3:
        result.append(EntitySpan(tokens: k..<(k + 1), label: types[type(cls)]))
        start = -1
      default: break
      }
    }
    result.removeAll { $0.label == IOB2.hiddenType }
    return result
  }

  // MARK: Features

  /// Per-token inputs hashed once per sentence.
  struct TokenInputs {
    var word: WordHashes
    var xpos: UInt64
    var upos: UInt64
    /// ``NameLexicon`` match code: category mask << 3 | position.
    var names: UInt64
    /// ``WordClasses`` capitalization bucket and classes (coarse to fine), 0 when unknown.
    var capital: UInt64
    var c0: UInt64
    var c1: UInt64
    var c2: UInt64
    /// ``BrownClusters`` path and its first 4 bits, frequency and case buckets (0 when unknown).
    var brown: UInt64
    var brown4: UInt64
    var frequency: UInt64
    var caseBucket: UInt64
    /// 2 when the word is an acronym of a capitalized phrase of the document, 1 when it is only
    /// shaped like one (``acronymKey(_:)``), else 0.
    var acronym: UInt64
    /// Second pass: the first pass's class + 1, and the document vote (``votes(_:_:)``).
    var first: UInt64
    var vote: UInt64
  }

  static let paddingInputs = TokenInputs(
    word: .padding, xpos: 0x5EED_0011, upos: 0x5EED_0012, names: 0x5EED_0013, capital: 0x5EED_0014,
    c0: 0x5EED_0015, c1: 0x5EED_0016, c2: 0x5EED_0017, brown: 0x5EED_001A, brown4: 0x5EED_001A,
    frequency: 0x5EED_001B, caseBucket: 0x5EED_001C, acronym: 0x5EED_001D, first: 0x5EED_0018,
    vote: 0x5EED_0019)

  /// Writes the feature hashes of token `i` (at `tokens[i + 2]`, two padding entries each side)
  /// into `out`; `p1`, `p2` are the previous two classes + 1 (0 = none); `memory` is what the same
  /// word was labelled earlier in the document (0 = not seen as part of a name).
  @inline(__always)
  static func features(
    _ tokens: UnsafeBufferPointer<TokenInputs>, _ i: Int, p1: UInt64, p2: UInt64, memory: UInt64,
    classes: Bool, brown: Bool, acronyms: Bool, second: Bool, out: UnsafeMutablePointer<UInt64>
  ) -> Int {
    let t = tokens[i + 2]
    let m1 = tokens[i + 1]
    let m2 = tokens[i]
    let n1 = tokens[i + 3]
    let n2 = tokens[i + 4]
    let w = t.word
    @inline(__always) func h(_ k: UInt64, _ a: UInt64) -> UInt64 {
      FeatureHash.combine(k &* 0x2000_0000_01B3, a)
    }
    @inline(__always) func h(_ k: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
      FeatureHash.combine(FeatureHash.combine(k &* 0x2000_0000_01B3, a), b)
    }
    @inline(__always) func h(_ k: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
      FeatureHash.combine(h(k, a, b), c)
    }
    var n = 0
    @inline(__always) func add(_ v: UInt64) {
      out[n] = v
      n += 1
    }
    let first: UInt64 = i == 0 ? 1 : 0
    add(h(1, 0))
    add(h(2, w.form))
    add(h(3, w.lower))
    add(h(4, w.prefix.0))
    add(h(5, w.prefix.1))
    add(h(6, w.prefix.2))
    add(h(7, w.suffix.0))
    add(h(8, w.suffix.1))
    add(h(9, w.suffix.2))
    add(h(10, w.suffix.3))
    add(h(11, w.shape))
    add(h(12, w.flags, first))
    add(h(13, m1.word.lower))
    add(h(14, m2.word.lower))
    add(h(15, n1.word.lower))
    add(h(16, n2.word.lower))
    add(h(17, m1.word.shape))
    add(h(18, n1.word.shape))
    add(h(19, m1.word.flags, w.flags, n1.word.flags))
    add(h(20, t.xpos))
    add(h(21, m1.xpos))
    add(h(22, n1.xpos))
    add(h(23, m2.upos))
    add(h(24, n2.upos))
    add(h(25, m1.xpos, t.xpos))
    add(h(26, t.xpos, n1.xpos))
    add(h(27, p1))
    add(h(28, p1, p2))
    add(h(29, p1, w.lower))
    add(h(30, p1, w.shape))
    add(h(31, p1, t.xpos))
    add(h(32, t.names))
    add(h(33, t.names, w.flags))
    add(h(34, m1.names))
    add(h(35, n1.names))
    add(h(36, p1, t.names))
    add(h(37, m1.word.lower, w.lower))
    add(h(38, w.lower, n1.word.lower))
    add(h(39, m1.word.form))
    add(h(40, n1.word.form))
    add(h(41, memory))
    add(h(42, memory, w.flags))
    add(h(43, w.lower, t.xpos))
    add(h(44, w.suffix.2, w.flags))
    add(h(45, t.names, t.xpos))
    // Distributional classes and capitalization statistics from unlabelled text (a model
    // without them scores exactly the features it was trained with).
    if classes {
      add(h(46, t.capital, w.flags & 18))
      add(h(47, t.capital, t.xpos))
      add(h(48, t.c0))
      add(h(49, t.c1))
      add(h(50, t.c2))
      add(h(51, t.c1, w.flags & 18))
      add(h(52, m1.c1))
      add(h(53, n1.c1))
      add(h(54, m1.c0, t.c0, n1.c0))
      add(h(55, p1, t.c1))
      add(h(56, m1.capital, t.capital, n1.capital))
      add(h(57, t.c2, n1.c1))
      add(h(58, m1.c1, t.c2))
    }
    // How frequent the form is in a large corpus, against the other case, and its Brown cluster
    // (whole and its first 4 bits; Ratinov & Roth 2009), with the word's capitals and tag.
    if brown {
      add(h(70, t.frequency, w.flags & 18))
      add(h(71, t.caseBucket, w.flags & 18))
      add(h(72, t.caseBucket, t.frequency, w.flags & 18))
      add(h(73, t.brown, w.flags & 18))
      add(h(74, t.brown4, t.xpos))
    }
    // An acronym of a capitalized phrase of the same document ("CPA" after "Coalition Provisional
    // Authority"), or a word shaped like one without it.
    if acronyms && t.acronym != 0 {
      add(h(75, t.acronym))
      add(h(76, t.acronym, t.xpos))
    }
    // Second pass: the first pass's labels here and around, and the document's vote.
    if second {
      add(h(60, t.first))
      add(h(61, m1.first, t.first, n1.first))
      add(h(62, t.first, p1))
      add(h(63, t.vote))
      add(h(64, t.vote, t.first))
      add(h(65, t.vote, w.flags & 18))
      add(h(66, m1.vote, t.vote, n1.vote))
      add(h(67, t.vote, t.names))
      add(h(68, n1.first, n2.first))
      add(h(69, m1.first, m2.first))
    }
    return n
  }

  // MARK: Prediction

  /// Reusable buffers for recognition; one per thread.
  final class Workspace {
    var tokens: [TokenInputs] = []
    var nameCodes: [UInt64] = []
    var runs: [(UInt64, UInt64, Int32)] = []
    var features = [UInt64](repeating: 0, count: EntityRecognizer.featureCapacity)
    var scores: [Float]
    /// Lowercase word hash → the last class + 1 a capitalized occurrence took in this document.
    var memory: [UInt64: UInt64] = [:]

    init(classCount: Int) { scores = [Float](repeating: 0, count: classCount) }

    /// ``acronymKey(_:)`` keys of the initials of the document's capitalized phrases
    /// (``acronyms(_:_:into:)``).
    var acronyms = Set<UInt64>()

    /// Forgets the document memory (call at each new document).
    func newDocument() {
      memory.removeAll(keepingCapacity: true)
      acronyms.removeAll(keepingCapacity: true)
    }
  }

  /// Words that may stand inside a capitalized phrase without a capital ("Housing Authority of
  /// New Orleans").
  static let phraseJoiners: Set<String> = ["of", "and", "for", "the", "&", "de", "on"]

  /// Adds to `acronyms` the keys of the initials of every capitalized phrase of `forms[range]`
  /// (its first eight words) and of its sub-phrases of two words or more, with and without the
  /// joining words' letters ("CPA" from "Coalition Provisional Authority", "HANO" and "HAONO"
  /// from "Housing Authority of New Orleans"). No strings are built: keys grow letter by letter.
  static func acronyms(_ forms: [String], _ range: Range<Int>, into acronyms: inout Set<UInt64>) {
    /// The first byte of a form, uppercased when it is an ASCII lowercase letter.
    @inline(__always) func initial(_ f: String) -> UInt8 {
      guard let c = f.utf8.first else { return 0 }
      return c >= 97 && c <= 122 ? c - 32 : c
    }
    @inline(__always) func capitalized(_ f: String) -> Bool {
      guard let c = f.utf8.first else { return false }
      return c >= 65 && c <= 90
    }
    var i = range.lowerBound
    while i < range.upperBound {
      guard capitalized(forms[i]) else {
        i += 1
        continue
      }
      var j = i
      while j < range.upperBound
        && (capitalized(forms[j])
          || (phraseJoiners.contains(forms[j]) && j + 1 < range.upperBound && capitalized(forms[j + 1])))
      {
        j += 1
      }
      let end = min(j, i + 8)
      for a in i..<end where !phraseJoiners.contains(forms[a]) {
        var short: UInt64 = 0
        var shortLength = 0
        var full: UInt64 = 0
        var fullLength = 0  // −1 once a joiner without a letter ("&") spoils it
        for b in a..<end {
          let c = initial(forms[b])
          if fullLength >= 0 {
            if c >= 65 && c <= 90 && fullLength < 6 {
              full |= UInt64(c - 64) << (5 * UInt64(fullLength))
              fullLength += 1
            } else {
              fullLength = -1
            }
          }
          if phraseJoiners.contains(forms[b]) { continue }
          guard shortLength < 6 else { break }
          short |= UInt64(c - 64) << (5 * UInt64(shortLength))
          shortLength += 1
          if b > a {
            acronyms.insert(short)
            if fullLength > shortLength { acronyms.insert(full) }
          }
        }
      }
      i = j
    }
  }

  /// The key of an acronym-shaped form, two to six ASCII capital letters packed five bits a
  /// letter (A = 1), or 0 for any other form.
  @inline(__always)
  static func acronymKey(_ form: String) -> UInt64 {
    var key: UInt64 = 0
    var n = 0
    for c in form.utf8 {
      guard c >= 65 && c <= 90 && n < 6 else { return 0 }
      key |= UInt64(c - 64) << (5 * UInt64(n))
      n += 1
    }
    return n >= 2 ? key : 0
  }

  /// Fills `workspace.tokens` for `forms[range]` (with padding).
  /// `first` and `votes` (indexed from `range.lowerBound`) are the second pass's inputs.
  func prepare(
    _ forms: [String], _ range: Range<Int>, xpos: [UInt64], upos: [UInt64], workspace: Workspace,
    first: [Int32]? = nil, votes: [UInt64]? = nil
  ) {
    if workspace.nameCodes.count < forms.count {
      workspace.nameCodes = [UInt64](repeating: 0, count: forms.count)
    }
    names.match(forms, range, into: &workspace.nameCodes, runs: &workspace.runs)
    workspace.tokens.removeAll(keepingCapacity: true)
    workspace.tokens.append(Self.paddingInputs)
    workspace.tokens.append(Self.paddingInputs)
    for i in range {
      let word = WordHashes(forms[i])
      let code = classes.code(word.lower)
      let brownCode = brown.code(word.form)
      let acronym = acronymFeatures ? Self.acronymKey(forms[i]) : 0
      workspace.tokens.append(
        TokenInputs(
          word: word, xpos: xpos.isEmpty ? 0 : xpos[i], upos: upos.isEmpty ? 0 : upos[i],
          names: workspace.nameCodes[i], capital: WordClasses.capitalBucket(code),
          c0: WordClasses.cluster(code, 0), c1: WordClasses.cluster(code, 1),
          c2: WordClasses.cluster(code, 2),
          brown: BrownClusters.path(brownCode, prefix: 32), brown4: BrownClusters.path(brownCode, prefix: 4),
          frequency: BrownClusters.frequency(brownCode), caseBucket: BrownClusters.caseBucket(brownCode),
          acronym: acronym == 0 ? 0 : (workspace.acronyms.contains(acronym) ? 2 : 1),
          first: first.map { UInt64($0[i - range.lowerBound]) + 1 } ?? 0,
          vote: votes?[i - range.lowerBound] ?? 0))
    }
    workspace.tokens.append(Self.paddingInputs)
    workspace.tokens.append(Self.paddingInputs)
  }

  /// The highest-scoring class allowed after `previous`.
  @inline(__always)
  static func bestAllowed(_ scores: UnsafeBufferPointer<Float>, after previous: Int, last: Bool) -> Int {
    var best = 0
    var bestScore = scores[0]
    for c in 1..<scores.count where scores[c] > bestScore && allowed(c, after: previous, last: last) {
      best = c
      bestScore = scores[c]
    }
    return best
  }

  /// Whether a word's label is remembered for later occurrences in the document: words with
  /// an uppercase letter that were labelled part of a name.
  @inline(__always)
  static func remembers(_ word: WordHashes) -> Bool { word.flags & 2 != 0 }

  /// Predicts classes for the prepared tokens, writing them to `result[offset...]`.
  func decode(
    count: Int, into result: inout [Int32], offset: Int, workspace: Workspace, secondPass: Bool = false
  ) {
    let hasClasses = classes.wordCount > 0
    let hasBrown = brown.wordCount > 0
    let hasAcronyms = acronymFeatures
    let hasPlainWords = plainWords.count > 0
    let model = secondPass ? second! : model
    var p1: UInt64 = 0
    var p2: UInt64 = 0
    var previous = -1
    workspace.tokens.withUnsafeBufferPointer { tokens in
      workspace.features.withUnsafeMutableBufferPointer { feats in
        workspace.scores.withUnsafeMutableBufferPointer { scores in
          for i in 0..<count {
            let word = tokens[i + 2].word
            let cls: Int
            if hasPlainWords && (previous <= 0 || Self.part(previous) >= 2) && plainWords.find(word.form) >= 0
            {
              cls = 0
            } else {
              let memory = workspace.memory[word.lower] ?? 0
              let n = Self.features(
                tokens, i, p1: p1, p2: p2, memory: memory, classes: hasClasses, brown: hasBrown,
                acronyms: hasAcronyms, second: secondPass, out: feats.baseAddress!)
              model.score(UnsafeBufferPointer(rebasing: feats[0..<n]), into: scores)
              cls = Self.bestAllowed(UnsafeBufferPointer(scores), after: previous, last: i == count - 1)
            }
            result[offset + i] = Int32(cls)
            if cls != 0 && Self.remembers(word) { workspace.memory[word.lower] = UInt64(cls) + 1 }
            previous = cls
            p2 = p1
            p1 = UInt64(cls) + 1
          }
        }
      }
    }
  }

  /// One sentence of a document: `forms[range]` with tag hashes indexed like `forms` (or empty).
  struct SentenceInput {
    var forms: [String]
    var range: Range<Int>
    var xpos: [UInt64]
    var upos: [UInt64]
  }

  /// Classes of every token of one document (per sentence, indexed from `range.lowerBound`),
  /// from the first pass and, when the model has one, the second.
  func classify(document sentences: [SentenceInput], workspace: Workspace) -> [[Int32]] {
    workspace.newDocument()
    if acronymFeatures { for s in sentences { Self.acronyms(s.forms, s.range, into: &workspace.acronyms) } }
    var first: [[Int32]] = []
    first.reserveCapacity(sentences.count)
    for s in sentences {
      var c = [Int32](repeating: 0, count: s.range.count)
      prepare(s.forms, s.range, xpos: s.xpos, upos: s.upos, workspace: workspace)
      decode(count: s.range.count, into: &c, offset: 0, workspace: workspace)
      first.append(c)
    }
    guard second != nil else { return first }
    let votes = self.votes(sentences, first)
    // The second pass reads the same document: its labels are forgotten, its acronyms kept.
    let acronyms = workspace.acronyms
    workspace.newDocument()
    workspace.acronyms = acronyms
    var result: [[Int32]] = []
    result.reserveCapacity(sentences.count)
    for (k, s) in sentences.enumerated() {
      var c = [Int32](repeating: 0, count: s.range.count)
      prepare(
        s.forms, s.range, xpos: s.xpos, upos: s.upos, workspace: workspace, first: first[k], votes: votes[k])
      decode(count: s.range.count, into: &c, offset: 0, workspace: workspace, secondPass: true)
      result.append(c)
    }
    return result
  }

  /// For each token with an uppercase letter, how the other occurrences of its lowercase form in
  /// the document were labelled by the first pass: 0 none, 1 never in a name, else
  /// `2 + 3 × majority type + share` (share 0: under half, 1: half or more, 2: all).
  func votes(_ sentences: [SentenceInput], _ first: [[Int32]]) -> [[UInt64]] {
    let width = types.count + 1
    var counts: [UInt64: [Int32]] = [:]
    for (s, c) in zip(sentences, first) {
      for i in s.range {
        let word = WordHashes.formAndLower(s.forms[i])
        guard Self.hasUppercase(s.forms[i]) else { continue }
        let cls = Int(c[i - s.range.lowerBound])
        var row = counts[word.1] ?? [Int32](repeating: 0, count: width)
        row[0] += 1
        if cls != 0 { row[1 + Self.type(cls)] += 1 }
        counts[word.1] = row
      }
    }
    return zip(sentences, first).map { s, c in
      var v = [UInt64](repeating: 0, count: s.range.count)
      for i in s.range where Self.hasUppercase(s.forms[i]) {
        guard var row = counts[WordHashes.formAndLower(s.forms[i]).1] else { continue }
        let cls = Int(c[i - s.range.lowerBound])
        row[0] -= 1
        if cls != 0 { row[1 + Self.type(cls)] -= 1 }
        guard row[0] > 0 else { continue }
        var best = 1
        for t in 2..<width where row[t] > row[best] { best = t }
        let labelled = row[1...].reduce(0, +)
        if labelled == 0 {
          v[i - s.range.lowerBound] = 1
        } else {
          let share: UInt64 = labelled == row[0] ? 2 : (2 * labelled >= row[0] ? 1 : 0)
          v[i - s.range.lowerBound] = 2 + 3 * UInt64(best - 1) + share
        }
      }
      return v
    }
  }

  @inline(__always)
  static func hasUppercase(_ form: String) -> Bool {
    form.utf8.contains { $0 >= 65 && $0 <= 90 }
  }

  /// The hash of a tag string as the features use it.
  public static func tagHash(_ tag: String) -> UInt64 { FeatureHash.string(tag) }

  /// Recognizes the names in one sentence, given its tokens and their XPOS and UPOS tags (empty
  /// arrays when no tagger ran); returns spans over `0..<forms.count`. Every call starts a new
  /// document, so it is independent of earlier calls.
  public func recognize(_ forms: [String], xpos: [String], upos: [String]) -> [EntitySpan] {
    let workspace = Workspace(classCount: classCount)
    let input = SentenceInput(
      forms: forms, range: 0..<forms.count, xpos: xpos.map(Self.tagHash), upos: upos.map(Self.tagHash))
    let predicted = classify(document: [input], workspace: workspace)[0]
    return Self.spans(predicted[...], types: types)
  }

  /// Recognizes the names in a sequence of sentences forming one or more documents (a sentence
  /// starts a new document where `newDocument` is true); returns IOB2 tags per sentence.
  public func recognize(_ sentences: [NERSentence]) -> [[String]] {
    let workspace = Workspace(classCount: classCount)
    var out: [[String]] = []
    out.reserveCapacity(sentences.count)
    for document in NERSentence.documents(sentences) {
      let inputs = document.map { k in
        SentenceInput(
          forms: sentences[k].forms, range: 0..<sentences[k].forms.count, xpos: sentences[k].xposHashes,
          upos: sentences[k].uposHashes)
      }
      for (k, predicted) in zip(document, classify(document: inputs, workspace: workspace)) {
        out.append(IOB2.tags(Self.spans(predicted[...], types: types), count: sentences[k].forms.count))
      }
    }
    return out
  }
}

extension EntityRecognizer {
  /// Replaces the tag column of IOB2 sentences with predicted IOB2 tags (XPOS and UPOS from
  /// `tagger`); every other column, comment and line stays as it was.
  public func annotate(_ sentences: [IOB2Sentence], tagger: Tagger) -> [IOB2Sentence] {
    let predicted = recognize(NERSentence.tagged(sentences, tagger: tagger))
    return zip(sentences, predicted).map { sentence, tags in
      var s = sentence
      for (k, tag) in tags.enumerated() { s.rows[k][2] = tag }
      return s
    }
  }
}

// MARK: - Pipeline component

extension EntityRecognizer: DocumentAnnotator {
  /// File name of the committed model inside the `Models` resource folder.
  public static let bundledResource = "en_ewt.ner"

  /// The committed English recognizer (trained on UNER English EWT).
  public static func bundled() throws -> EntityRecognizer {
    try EntityRecognizer(contentsOf: SyntaxAnnotator.bundledPath(bundledResource))
  }

  /// Fills `document.entities` with PER, ORG and LOC spans (document token indices), sentence by
  /// sentence; uses `xpos` and `upos` when a tagger filled them.
  public func annotate(_ document: inout Document) {
    document.entities = entities(in: document)
  }

  /// The spans ``annotate(_:)`` writes, without changing the document.
  public func entities(in document: Document) -> [EntitySpan] {
    let n = document.tokenCount
    let xpos = document.xpos.count == n ? document.xpos.map(Self.tagHash) : []
    let upos = document.upos.count == n ? document.upos.map(Self.tagHash) : []
    let workspace = Workspace(classCount: classCount)
    let sentences = document.sentences.filter { !$0.isEmpty }
    let inputs = sentences.map { SentenceInput(forms: document.forms, range: $0, xpos: xpos, upos: upos) }
    let predicted = classify(document: inputs, workspace: workspace)
    var result: [EntitySpan] = []
    for (s, classes) in zip(sentences, predicted) {
      for span in Self.spans(classes[...], types: types) {
        result.append(
          EntitySpan(
            tokens: (span.tokens.lowerBound + s.lowerBound)..<(span.tokens.upperBound + s.lowerBound),
            label: span.label))
      }
    }
    return result
  }
}

// MARK: - Sentences with tags

/// A sentence for training or scoring the recognizer: tokens, their tags, gold IOB2 labels.
public struct NERSentence: Sendable {
  public var forms: [String]
  public var xposHashes: [UInt64]
  public var uposHashes: [UInt64]
  /// Gold IOB2 tags (normalized), or all `O` when unknown.
  public var gold: [String]
  /// Whether the sentence starts a new document.
  public var newDocument: Bool

  public init(forms: [String], xpos: [String], upos: [String], gold: [String], newDocument: Bool) {
    self.forms = forms
    self.xposHashes = xpos.map(EntityRecognizer.tagHash)
    self.uposHashes = upos.map(EntityRecognizer.tagHash)
    self.gold = gold
    self.newDocument = newDocument
  }

  /// The documents of a sentence list, as index ranges (a document starts where `newDocument`).
  public static func documents(_ sentences: [NERSentence]) -> [Range<Int>] {
    var documents: [Range<Int>] = []
    var start = 0
    for (k, s) in sentences.enumerated() where k > 0 && s.newDocument {
      documents.append(start..<k)
      start = k
    }
    if start < sentences.count { documents.append(start..<sentences.count) }
    return documents
  }

  /// Sentences of an IOB2 file with tags predicted by `tagger` (the pipeline's view of them).
  public static func tagged(_ sentences: [IOB2Sentence], tagger: Tagger, types: [String] = IOB2.types)
    -> [NERSentence]
  {
    let workspace = Tagger.Workspace(classCount: tagger.classCount)
    return sentences.enumerated().map { k, s in
      let forms = s.tokens
      var classes = [Int32](repeating: 0, count: forms.count)
      tagger.tag(
        forms, 0..<forms.count, spacing: tagger.usesSpacing ? s.spacing() : [], into: &classes,
        workspace: workspace)
      return NERSentence(
        forms: forms, xpos: classes.map { tagger.xpos[Int($0)] }, upos: classes.map { tagger.upos[Int($0)] },
        gold: s.tags(types: types), newDocument: k == 0 || s.newDocument != nil)
    }
  }
}
