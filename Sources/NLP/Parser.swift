// MARK: - Transition-based dependency parser

/// A greedy arc-hybrid dependency parser (Kuhlmann et al. 2011) with an averaged perceptron over
/// Zhang & Nivre (2011)-style features, trained with a dynamic oracle (Goldberg & Nivre 2013).
///
/// Transitions: `0` = SHIFT, `1 + 2l` = LEFT-ARC with label `l`, `2 + 2l` = RIGHT-ARC with label
/// `l`. The artificial root sits at the end of the buffer, and only the last word left on the stack
/// may attach to it, so every sentence gets exactly one root. Non-projective trees are handled by
/// pseudo-projective parsing (Nivre & Nilsson 2005, "head" encoding): training trees are
/// projectivized by lifting arcs and the lifted labels record the original head's label
/// (`label|headlabel`); parses are deprojectivized by a breadth-first search for that head.
public struct Parser: Sendable {
  /// Dependency labels, including lifted `label|headlabel` ones.
  public let labels: [String]
  /// For each label, the index of its plain (unlifted) label and of the head label to search for (-1 if none).
  let baseLabel: [Int32]
  let liftedHeadLabel: [Int32]
  let rootLabel: Int
  let model: LinearModel
  /// Distributional word classes (the tagger's), for features of rare words.
  public let classes: WordClasses

  static let featureCapacity = 112

  init(labels: [String], model: LinearModel, classes: WordClasses = .empty) {
    self.labels = labels
    self.model = model
    self.classes = classes
    var index: [String: Int32] = [:]
    for (i, l) in labels.enumerated() { index[l] = Int32(i) }
    var base: [Int32] = []
    var head: [Int32] = []
    for (i, l) in labels.enumerated() {
      if let bar = l.firstIndex(of: "|") {
        base.append(index[String(l[..<bar])] ?? Int32(i))
        head.append(index[String(l[l.index(after: bar)...])] ?? -1)
      } else {
        base.append(Int32(i))
        head.append(-1)
      }
    }
    baseLabel = base
    liftedHeadLabel = head
    rootLabel = Int(index["root"] ?? 0)
  }

  public var transitionCount: Int { 1 + 2 * labels.count }

  // MARK: State

  /// The parser configuration plus everything features need, in reusable flat arrays.
  final class Workspace {
    var n = 0
    var words: [UInt64] = []
    var tags: [UInt64] = []
    /// Packed ``WordClasses`` codes as bit patterns (all ones = unknown word).
    var codes: [UInt64] = []
    var stack: [Int32] = []
    var buffer = 0
    var heads: [Int32] = []
    var labels: [Int32] = []
    var leftmost: [Int32] = []
    var leftmost2: [Int32] = []
    var rightmost: [Int32] = []
    var rightmost2: [Int32] = []
    var leftCount: [Int32] = []
    var rightCount: [Int32] = []
    var leftLabels: [UInt64] = []
    var rightLabels: [UInt64] = []
    var features = [UInt64](repeating: 0, count: Parser.featureCapacity)
    var scores: [Float]
    var valid: [Bool]

    init(transitionCount: Int) {
      scores = [Float](repeating: 0, count: transitionCount)
      valid = [Bool](repeating: false, count: transitionCount)
    }

    convenience init(parser: Parser) { self.init(transitionCount: parser.transitionCount) }

    /// Starts a sentence of `n` words; `words`, `tags` and `codes` must already hold n + 1 entries (the last is the root).
    func reset(_ n: Int) {
      self.n = n
      stack.removeAll(keepingCapacity: true)
      buffer = 0
      func fill<T>(_ a: inout [T], _ v: T) {
        a.removeAll(keepingCapacity: true)
        a.append(contentsOf: repeatElement(v, count: n + 1))
      }
      fill(&heads, -1)
      fill(&labels, -1)
      fill(&leftmost, -1)
      fill(&leftmost2, -1)
      fill(&rightmost, -1)
      fill(&rightmost2, -1)
      fill(&leftCount, 0)
      fill(&rightCount, 0)
      fill(&leftLabels, 0)
      fill(&rightLabels, 0)
    }

    var isTerminal: Bool { stack.isEmpty && buffer == n }

    func apply(_ t: Int) {
      if t == 0 {
        stack.append(Int32(buffer))
        buffer += 1
        return
      }
      let label = Int32((t - 1) / 2)
      let dependent = Int(stack.removeLast())
      let head: Int = (t - 1) % 2 == 0 ? buffer : Int(stack.last!)
      heads[dependent] = Int32(head)
      labels[dependent] = label
      let bit = UInt64(1) << UInt64(label & 63)
      if dependent < head {
        leftmost2[head] = leftmost[head]
        leftmost[head] = Int32(dependent)
        leftCount[head] += 1
        leftLabels[head] |= bit
      } else {
        rightmost2[head] = rightmost[head]
        rightmost[head] = Int32(dependent)
        rightCount[head] += 1
        rightLabels[head] |= bit
      }
    }
  }

  /// Marks the valid transitions in `workspace.valid`.
  @inline(__always)
  func markValid(_ w: Workspace) {
    let count = transitionCount
    let stackCount = w.stack.count
    let atRoot = w.buffer == w.n
    w.valid.withUnsafeMutableBufferPointer { v in
      v[0] = !atRoot
      for l in 0..<labels.count {
        let isRoot = l == rootLabel
        v[1 + 2 * l] = stackCount > 0 && (atRoot ? (stackCount == 1 && isRoot) : !isRoot)
        v[2 + 2 * l] = stackCount > 1 && !isRoot
      }
      _ = count
    }
  }

  // MARK: Features

  @inline(__always)
  func features(_ w: Workspace, out: UnsafeMutablePointer<UInt64>) -> Int {
    let none: UInt64 = 0x4E4F_4E45
    let stackCount = w.stack.count
    let s0 = stackCount > 0 ? Int(w.stack[stackCount - 1]) : -1
    let s1 = stackCount > 1 ? Int(w.stack[stackCount - 2]) : -1
    let s2 = stackCount > 2 ? Int(w.stack[stackCount - 3]) : -1
    let n0 = w.buffer
    let n1 = w.buffer + 1 <= w.n ? w.buffer + 1 : -1
    let n2 = w.buffer + 2 <= w.n ? w.buffer + 2 : -1
    @inline(__always) func word(_ i: Int) -> UInt64 { i < 0 ? none : w.words[i] }
    @inline(__always) func tag(_ i: Int) -> UInt64 { i < 0 ? none : w.tags[i] }
    @inline(__always) func label(_ i: Int) -> UInt64 { i < 0 ? none : UInt64(bitPattern: Int64(w.labels[i])) }
    @inline(__always) func at(_ a: [Int32], _ i: Int) -> Int { i < 0 ? -1 : Int(a[i]) }
    let s0l = at(w.leftmost, s0)
    let s0l2 = at(w.leftmost2, s0)
    let s0r = at(w.rightmost, s0)
    let s0r2 = at(w.rightmost2, s0)
    let s1l = at(w.leftmost, s1)
    let s1r = at(w.rightmost, s1)
    let n0l = at(w.leftmost, n0)
    let n0l2 = at(w.leftmost2, n0)
    let s0w = word(s0)
    let s0p = tag(s0)
    let s1w = word(s1)
    let s1p = tag(s1)
    let n0w = word(n0)
    let n0p = tag(n0)
    let n1w = word(n1)
    let n1p = tag(n1)
    let n2w = word(n2)
    let n2p = tag(n2)
    let dist: UInt64 = s0 < 0 ? 0 : UInt64(min(n0 - s0, 6))
    let s0vl: UInt64 = s0 < 0 ? 0 : UInt64(w.leftCount[s0])
    let s0vr: UInt64 = s0 < 0 ? 0 : UInt64(w.rightCount[s0])
    let n0vl = UInt64(w.leftCount[n0])
    let s0sl: UInt64 = s0 < 0 ? 0 : w.leftLabels[s0]
    let s0sr: UInt64 = s0 < 0 ? 0 : w.rightLabels[s0]
    let n0sl = w.leftLabels[n0]
    // Word classes at the middle (c) and finest (f) granularity; `none` outside the sentence.
    @inline(__always) func c(_ i: Int) -> UInt64 {
      i < 0 ? none : WordClasses.cluster(Int32(truncatingIfNeeded: w.codes[i]), 1)
    }
    @inline(__always) func f(_ i: Int) -> UInt64 {
      i < 0 ? none : WordClasses.cluster(Int32(truncatingIfNeeded: w.codes[i]), 2)
    }
    let s0c = c(s0)
    let n0c = c(n0)
    let s1c = c(s1)
    var n = 0
    @inline(__always) func add(_ t: UInt64, _ a: UInt64) {
      out[n] = FeatureHash.combine(t &* 0x1000_0000_01B3, a)
      n += 1
    }
    @inline(__always) func add(_ t: UInt64, _ a: UInt64, _ b: UInt64) {
      out[n] = FeatureHash.combine(FeatureHash.combine(t &* 0x1000_0000_01B3, a), b)
      n += 1
    }
    @inline(__always) func add(_ t: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64) {
      out[n] = FeatureHash.combine(FeatureHash.combine(FeatureHash.combine(t &* 0x1000_0000_01B3, a), b), c)
      n += 1
    }
    add(1, 0)
    // Single words.
    add(2, s0w, s0p)
    add(3, s0w)
    add(4, s0p)
    add(5, n0w, n0p)
    add(6, n0w)
    add(7, n0p)
    add(8, n1w, n1p)
    add(9, n1w)
    add(10, n1p)
    add(11, n2w, n2p)
    add(12, n2w)
    add(13, n2p)
    add(14, s1w, s1p)
    add(15, s1w)
    add(16, s1p)
    add(17, word(s2), tag(s2))
    add(18, tag(s2))
    // Pairs.
    add(20, FeatureHash.combine(s0w, s0p), FeatureHash.combine(n0w, n0p))
    add(21, FeatureHash.combine(s0w, s0p), n0w)
    add(22, s0w, FeatureHash.combine(n0w, n0p))
    add(23, FeatureHash.combine(s0w, s0p), n0p)
    add(24, s0p, FeatureHash.combine(n0w, n0p))
    add(25, s0w, n0w)
    add(26, s0p, n0p)
    add(27, n0p, n1p)
    add(28, s1p, s0p)
    add(29, s1w, s0w)
    add(30, FeatureHash.combine(s1w, s1p), s0p)
    add(31, s1p, FeatureHash.combine(s0w, s0p))
    add(32, s1p, n0p)
    add(33, s1w, n0w)
    add(34, n0w, n1w)
    // Triples.
    add(40, n0p, n1p, n2p)
    add(41, s0p, n0p, n1p)
    add(42, s1p, s0p, n0p)
    add(43, s0p, tag(s0l), n0p)
    add(44, s0p, tag(s0r), n0p)
    add(45, s0p, n0p, tag(n0l))
    add(46, s1p, s0p, tag(s2))
    add(47, s1p, tag(s1r), s0p)
    add(48, s1p, tag(s1l), s0p)
    add(49, s0w, n0p, n1p)
    add(50, s0p, n0w, n1p)
    // Distance.
    add(60, s0w, dist)
    add(61, s0p, dist)
    add(62, n0w, dist)
    add(63, n0p, dist)
    add(64, FeatureHash.combine(s0w, n0w), dist)
    add(65, FeatureHash.combine(s0p, n0p), dist)
    add(66, s1p, s0p, s0 < 0 || s1 < 0 ? 0 : UInt64(min(s0 - s1, 6)))
    // Valency.
    add(70, s0w, s0vr)
    add(71, s0p, s0vr)
    add(72, s0w, s0vl)
    add(73, s0p, s0vl)
    add(74, n0w, n0vl)
    add(75, n0p, n0vl)
    // Children and their labels.
    add(80, word(s0l))
    add(81, tag(s0l))
    add(82, label(s0l))
    add(83, word(s0r))
    add(84, tag(s0r))
    add(85, label(s0r))
    add(86, word(n0l))
    add(87, tag(n0l))
    add(88, label(n0l))
    add(89, word(s0l2))
    add(90, tag(s0l2))
    add(91, label(s0l2))
    add(92, word(s0r2))
    add(93, tag(s0r2))
    add(94, label(s0r2))
    add(95, word(n0l2))
    add(96, tag(n0l2))
    add(97, label(n0l2))
    add(98, s0p, tag(s0l), tag(s0l2))
    add(99, s0p, tag(s0r), tag(s0r2))
    add(100, n0p, tag(n0l), tag(n0l2))
    add(101, label(s1r), s1p)
    add(102, label(s1l), s1p)
    add(103, s0p, label(s0l), label(s0r))
    // Label sets.
    add(110, s0w, s0sr)
    add(111, s0p, s0sr)
    add(112, s0w, s0sl)
    add(113, s0p, s0sl)
    add(114, n0w, n0sl)
    add(115, n0p, n0sl)
    // Word classes: stand-ins for rare words' forms.
    add(120, s0c, s0p)
    add(121, n0c, n0p)
    add(122, c(n1), n1p)
    add(123, s1c, s1p)
    add(124, f(s0), s0p)
    add(125, f(n0), n0p)
    add(126, s0c, n0c)
    add(127, s0c, n0p)
    add(128, s0p, n0c)
    add(129, s1c, s0c)
    add(130, s0c, n0c, dist)
    add(131, c(s0l), tag(s0l))
    add(132, c(s0r), tag(s0r))
    add(133, c(n0l), tag(n0l))
    add(134, s0p, n0p, c(n1))
    return n
  }

  // MARK: Prediction

  /// The best valid transition under the model.
  @inline(__always)
  func predict(_ w: Workspace) -> Int {
    // Some states allow one transition only; they need no scoring. An empty stack (a sentence's
    // start, and after each run of left arcs in head-final phrases such as "the old man") allows
    // SHIFT only, and the last word on the stack with nothing left to read attaches to the root.
    if w.stack.isEmpty { return 0 }
    if w.buffer == w.n && w.stack.count == 1 { return 1 + 2 * rootLabel }
    markValid(w)
    let n = w.features.withUnsafeMutableBufferPointer { features(w, out: $0.baseAddress!) }
    w.features.withUnsafeBufferPointer { f in
      w.scores.withUnsafeMutableBufferPointer { s in
        model.score(UnsafeBufferPointer(rebasing: f[0..<n]), into: s)
      }
    }
    var best = -1
    var bestScore = -Float.infinity
    for t in 0..<transitionCount where w.valid[t] && (best < 0 || w.scores[t] > bestScore) {
      best = t
      bestScore = w.scores[t]
    }
    return best
  }

  /// Fills the workspace's word and tag arrays for `forms[range]` with `tags` (per-token tag hashes).
  func load(_ w: Workspace, forms: [String], tags: [UInt64], range: Range<Int>) {
    w.words.removeAll(keepingCapacity: true)
    w.tags.removeAll(keepingCapacity: true)
    w.codes.removeAll(keepingCapacity: true)
    for i in range {
      let lower = WordHashes.formAndLower(forms[i]).1
      w.words.append(lower)
      w.tags.append(tags[i])
      w.codes.append(UInt64(UInt32(bitPattern: classes.code(lower))))
    }
    w.words.append(0x524F_4F54)
    w.tags.append(0x524F_4F54)
    w.codes.append(Parser.rootCode)
    w.reset(range.count)
  }

  /// Parses the words `forms[range]` given their tag hashes; writes heads (indices into `forms`,
  /// -1 for the root) and label indices (plain labels, after deprojectivization) into `heads[range]`, `labels[range]`.
  func parse(
    forms: [String], tags: [UInt64], range: Range<Int>, heads: inout [Int32], labels: inout [Int32],
    workspace w: Workspace
  ) {
    load(w, forms: forms, tags: tags, range: range)
    while !w.isTerminal { w.apply(predict(w)) }
    var h = w.heads.prefix(range.count).map(Int.init)
    var l = w.labels.prefix(range.count).map(Int.init)
    for i in 0..<h.count where h[i] == range.count { h[i] = -1 }
    deprojectivize(heads: &h, labels: &l)
    for i in 0..<h.count {
      heads[range.lowerBound + i] = h[i] < 0 ? -1 : Int32(range.lowerBound + h[i])
      labels[range.lowerBound + i] = baseLabel[l[i]]
    }
  }

  /// The word-class code of the artificial root: class 511 at every granularity, which no word
  /// has (granularities stop at 511 classes, ids 0...510).
  static let rootCode = UInt64(0x3FFF_FFF8)

  /// Tag hash used by the parser for a (UPOS, XPOS) pair.
  public static func tagHash(upos: String, xpos: String) -> UInt64 { FeatureHash.string(upos + "\t" + xpos) }

  // MARK: Pseudo-projective decoding

  /// Reattaches each word with a lifted label `a|b` to the first node labelled `b` found breadth-first
  /// below its current head (not inside its own subtree), and gives it label `a`.
  func deprojectivize(heads: inout [Int], labels: inout [Int]) {
    let n = heads.count
    for d in 0..<n {
      let wanted = Int(liftedHeadLabel[labels[d]])
      guard wanted >= 0, heads[d] >= 0 else { continue }
      var queue = [heads[d]]
      var qi = 0
      var found = -1
      while qi < queue.count && found < 0 {
        let x = queue[qi]
        qi += 1
        for c in 0..<n where heads[c] == x && c != d {
          if Int(baseLabel[labels[c]]) == wanted || labels[c] == wanted {
            found = c
            break
          }
          queue.append(c)
        }
      }
      if found >= 0 { heads[d] = found }
    }
  }
}
