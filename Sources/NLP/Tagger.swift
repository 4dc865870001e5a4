import Text

// MARK: - Part-of-speech tagger

/// A greedy left-to-right averaged-perceptron tagger predicting UPOS and XPOS together.
///
/// Each class is one (UPOS, XPOS) pair seen in training, so one decision gives both tags and they
/// always agree. Frequent unambiguous words are tagged from a tag dictionary without scoring.
public struct Tagger: Sendable {
  /// Class id → UPOS and XPOS.
  public let upos: [String]
  public let xpos: [String]
  let model: LinearModel
  /// Word-form hash → class, for frequent words that (almost) always take one class.
  let tagDictionary: FeatureTable
  /// Word-form hash → ambiguity-class id, for words seen often enough in training.
  let ambiguity: FeatureTable
  /// Distributional word classes learnt from unlabelled text (features for rare and unseen words).
  public let classes: WordClasses
  /// Dictionary parts of speech (features for rare and unseen words), or ``WordCategories/empty``.
  public let categories: WordCategories
  /// Whether the model scores the words' ``Spacing`` (models trained before it did not).
  public let usesSpacing: Bool
  /// Whether a word's affixes, word classes and dictionary parts of speech are features only when
  /// the word is rare (seen too seldom in training for an ambiguity class), as in Ratnaparkhi
  /// (1996, https://aclanthology.org/W96-0213/); models trained before score them for every word.
  public let rareWordFeatures: Bool

  static let featureCapacity = 72
  /// The ``Spacing`` code of a word with spaces on both sides.
  static let spaced = UInt64(Spacing.code(spaceBefore: true, spaceAfter: true))

  init(
    upos: [String], xpos: [String], model: LinearModel, tagDictionary: FeatureTable, ambiguity: FeatureTable,
    classes: WordClasses, categories: WordCategories = .empty, usesSpacing: Bool = false,
    rareWordFeatures: Bool = false
  ) {
    self.upos = upos
    self.xpos = xpos
    self.model = model
    self.tagDictionary = tagDictionary
    self.ambiguity = ambiguity
    self.classes = classes
    self.categories = categories
    self.usesSpacing = usesSpacing
    self.rareWordFeatures = rareWordFeatures
  }

  /// The hashed properties of a word, with its ambiguity class and word classes.
  @inline(__always)
  func wordHashes(_ form: String) -> WordHashes {
    var h = WordHashes(form)
    h.ambiguity = UInt64(bitPattern: Int64(ambiguity.find(h.form) + 1))
    let code = classes.code(h.lower)
    h.cluster = (WordClasses.cluster(code, 0), WordClasses.cluster(code, 1), WordClasses.cluster(code, 2))
    h.capital = WordClasses.capitalBucket(code)
    h.category = categories.bits(h.lower)
    return h
  }

  public var classCount: Int { upos.count }

  // MARK: Features

  /// Writes the feature hashes of word `i` into `out`; returns how many were written.
  /// `words` holds the sentence's hashes with two padding entries on each side
  /// (word i is at `words[i + 2]`); `p1`, `p2` are the previous two predicted classes + 1 (0 = none);
  /// `casing` is the sentence's ``casing(_:)``; `dictionary` and `spacing` whether the tagger has
  /// ``WordCategories`` and ``usesSpacing``, `rareOnly` its ``rareWordFeatures`` (a model scores
  /// exactly the features it was trained with).
  @inline(__always)
  static func features(
    _ words: UnsafeBufferPointer<WordHashes>, _ i: Int, p1: UInt64, p2: UInt64, casing: UInt64,
    dictionary: Bool, spacing: Bool, rareOnly: Bool, out: UnsafeMutablePointer<UInt64>
  ) -> Int {
    let w = words[i + 2]
    let wm1 = words[i + 1]
    let wm2 = words[i]
    let wp1 = words[i + 3]
    let wp2 = words[i + 4]
    @inline(__always) func h(_ t: UInt64, _ a: UInt64) -> UInt64 {
      FeatureHash.combine(t &* 0x1000_0000_01B3, a)
    }
    @inline(__always) func h(_ t: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
      FeatureHash.combine(FeatureHash.combine(t &* 0x1000_0000_01B3, a), b)
    }
    var n = 0
    @inline(__always) func add(_ v: UInt64) {
      out[n] = v
      n += 1
    }
    add(h(1, 0))  // bias
    add(h(2, w.form))
    add(h(3, w.lower))
    // A word seen often enough to have an ambiguity class is known by its form: its spelling,
    // word classes and dictionary parts of speech add lookups, not accuracy.
    let spell = !rareOnly || w.ambiguity == 0
    if spell {
      add(h(4, w.prefix.0))
      add(h(5, w.prefix.1))
      add(h(6, w.prefix.2))
      add(h(7, w.prefix.3))
      add(h(8, w.suffix.0))
      add(h(9, w.suffix.1))
      add(h(10, w.suffix.2))
      add(h(11, w.suffix.3))
    }
    add(h(12, w.shape))
    add(h(13, w.flags, i == 0 ? 1 : 0))
    add(h(14, wm1.lower))
    add(h(15, wm2.lower))
    add(h(16, wp1.lower))
    add(h(17, wp2.lower))
    add(h(18, wm1.suffix.2))
    add(h(19, wp1.suffix.2))
    add(h(20, wp1.shape))
    add(h(21, p1))
    add(h(22, p2))
    add(h(23, p1, p2))
    add(h(24, p1, w.lower))
    add(h(25, p1, w.suffix.2))
    add(h(26, wm1.lower, w.lower))
    add(h(27, w.lower, wp1.lower))
    add(h(28, p1, wp1.lower))
    add(h(29, wm1.lower, wp1.lower))
    add(h(30, wp1.lower, wp2.lower))
    add(h(31, wp1.suffix.1))
    add(h(32, wm1.shape, w.shape))
    add(h(33, w.shape, wp1.shape))
    add(h(34, p2, w.lower))
    add(h(35, w.suffix.1, wp1.suffix.1))
    add(h(36, wp1.ambiguity))
    add(h(37, wp2.ambiguity))
    add(h(38, w.ambiguity))
    add(h(39, p1, wp1.ambiguity))
    add(h(40, w.ambiguity, wp1.ambiguity))
    add(h(41, p1, w.ambiguity))
    add(h(42, wm1.form))
    add(h(43, wp1.form))
    add(h(44, w.ambiguity, w.suffix.2))
    // Word classes: the class of a rare or unseen word stands in for its form, and how often the
    // word is capitalized in running text tells a name ("Moscow") from a lowercase word ("amidst").
    if spell {
      add(h(45, w.cluster.2))
      add(h(46, w.cluster.1))
      add(h(47, w.cluster.0))
    }
    // The word's capitals (any, all, first), and whether it starts the sentence.
    let capitals = w.flags & 0x1A | (i == 0 ? 0x100 : 0)
    add(h(48, w.capital, capitals))
    add(h(49, w.capital, w.cluster.0))
    add(h(50, wm1.cluster.1))
    add(h(51, wp1.cluster.1))
    add(h(52, wm2.cluster.0))
    add(h(53, wp2.cluster.0))
    add(h(54, wm1.cluster.2))
    add(h(55, wp1.cluster.2))
    add(h(56, p1, w.cluster.1))
    add(h(57, w.cluster.1, wp1.cluster.1))
    add(h(58, wm1.cluster.1, w.cluster.1))
    add(h(59, w.cluster.2, w.suffix.2))
    // Sentence casing: capitals mean less in a headline or a shouted line, more in lowercase text.
    add(h(60, casing | capitals << 4, w.capital))
    add(h(61, casing, w.cluster.1))
    // Dictionary parts of speech: what a word can be, with its spelling and context.
    if dictionary {
      if spell {
        add(h(62, w.category))
        add(h(63, w.category, capitals))
        add(h(64, w.category, w.suffix.1))
      }
      add(h(65, p1, w.category))
      add(h(66, wp1.category))
      add(h(67, wm1.category, w.category))
    }
    // Spacing: an attached hyphen joins words (HYPH), a spaced one separates them; an attached
    // quote opens or closes. Only words that touch a neighbour have these features: for the
    // others they would repeat the word's own.
    if spacing {
      if w.spacing != Self.spaced && w.spacing != UInt64(Spacing.unknown) {
        add(h(68, w.spacing, w.lower))
        add(h(69, w.spacing, w.shape))
      }
      if wp1.spacing != Self.spaced && wp1.spacing != UInt64(Spacing.unknown) {
        add(h(70, wp1.spacing, wp1.shape))
      }
    }
    return n
  }

  /// How the sentence is capitalized (padded hashes as for ``features``): 1 mostly all-caps words,
  /// 2 title case (most words after the first capitalized), 3 no capitals at all, 0 otherwise.
  static func casing(_ words: UnsafeBufferPointer<WordHashes>) -> UInt64 {
    var letters = 0
    var shouted = 0
    var inner = 0
    var titled = 0
    var anyUpper = false
    for k in 2..<(words.count - 2) {
      let w = words[k]
      let upper = w.flags & 2 != 0
      guard upper || w.hasLower else { continue }
      letters += 1
      anyUpper = anyUpper || upper
      if w.flags & 8 != 0 { shouted += 1 }
      if k > 2 {
        inner += 1
        if w.flags & 16 != 0 { titled += 1 }
      }
    }
    if letters >= 2 && shouted * 2 > letters { return 1 }
    if inner >= 2 && titled * 2 > inner { return 2 }
    if letters >= 2 && !anyUpper { return 3 }
    return 0
  }

  // MARK: Prediction

  /// Reusable buffers for tagging; one per thread.
  final class Workspace {
    var words: [WordHashes] = []
    var features = [UInt64](repeating: 0, count: Tagger.featureCapacity)
    var scores: [Float]
    init(classCount: Int) { scores = [Float](repeating: 0, count: classCount) }
  }

  /// Predicted class ids for the words `forms[range]`, written to `result[range]`; `spacing` holds
  /// their ``Spacing`` codes at the same indices, or is empty when the text's spacing is unknown.
  func tag(
    _ forms: [String], _ range: Range<Int>, spacing: [UInt8] = [], into result: inout [Int32],
    workspace: Workspace
  ) {
    workspace.words.removeAll(keepingCapacity: true)
    workspace.words.append(.padding)
    workspace.words.append(.padding)
    for i in range {
      var h = wordHashes(forms[i])
      h.spacing = spacing.isEmpty ? UInt64(Spacing.unknown) : UInt64(spacing[i])
      workspace.words.append(h)
    }
    workspace.words.append(.padding)
    workspace.words.append(.padding)
    var p1: UInt64 = 0
    var p2: UInt64 = 0
    let count = range.count
    let dictionary = categories.formCount > 0
    let usesSpacing = usesSpacing
    let rareOnly = rareWordFeatures
    workspace.words.withUnsafeBufferPointer { words in
      let casing = Self.casing(words)
      workspace.features.withUnsafeMutableBufferPointer { feats in
        workspace.scores.withUnsafeMutableBufferPointer { scores in
          for i in 0..<count {
            var cls = tagDictionary.find(words[i + 2].form)
            if cls < 0 {
              let n = Self.features(
                words, i, p1: p1, p2: p2, casing: casing, dictionary: dictionary, spacing: usesSpacing,
                rareOnly: rareOnly, out: feats.baseAddress!)
              model.score(UnsafeBufferPointer(rebasing: feats[0..<n]), into: scores)
              cls = Int32(Self.argmax(UnsafeBufferPointer(scores)))
            }
            result[range.lowerBound + i] = cls
            p2 = p1
            p1 = UInt64(cls) + 1
          }
        }
      }
    }
  }

  @inline(__always)
  static func argmax(_ scores: UnsafeBufferPointer<Float>) -> Int {
    var best = 0
    var bestScore = scores[0]
    for c in 1..<scores.count where scores[c] > bestScore {
      best = c
      bestScore = scores[c]
    }
    return best
  }

  /// Tags one sentence (with its words' ``Spacing`` codes, or none when unknown); returns class ids.
  public func tag(_ forms: [String], spacing: [UInt8] = []) -> [Int32] {
    var result = [Int32](repeating: 0, count: forms.count)
    tag(forms, 0..<forms.count, spacing: spacing, into: &result, workspace: Workspace(classCount: classCount))
    return result
  }
}

// MARK: - Documents

extension Tagger {
  /// Predicted class ids (indices into ``upos`` and ``xpos``) for every token of a document,
  /// tagging sentence by sentence.
  public func tagClasses(_ document: Document) -> [Int32] {
    var classes = [Int32](repeating: 0, count: document.tokenCount)
    let workspace = Workspace(classCount: classCount)
    let spacing = usesSpacing ? Spacing.codes(document) : []
    for s in document.sentences where !s.isEmpty {
      tag(document.forms, s, spacing: spacing, into: &classes, workspace: workspace)
    }
    return classes
  }
}
