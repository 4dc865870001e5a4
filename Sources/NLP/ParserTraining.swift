// MARK: - Parser training

/// Options for ``Parser/train(_:tags:options:afterIteration:)``.
public struct ParserTrainingOptions: Sendable {
  public var iterations = 12
  public var seed: UInt64 = 1
  /// From this iteration on, the oracle follows the model's own (possibly wrong) transitions with
  /// probability ``explorationProbability`` (training with exploration, Goldberg & Nivre 2013).
  public var explorationFrom = 2
  public var explorationProbability = 0.9
  /// Lifted labels seen fewer times than this are replaced by their plain label.
  public var liftedLabelMinCount = 5
  public var pruneThreshold: Float = 0.0
  /// Models trained with seeds `seed`, `seed + 1`, ... (shuffling and exploration) whose weights
  /// are averaged (1: one model); parsing speed is the same, training time grows with the count.
  public var seeds = 1

  public static let `default` = ParserTrainingOptions()
  public init() {}
}

/// Projectivization by lifting (Nivre & Nilsson 2005).
enum Projectivizer {
  /// True when every word between `d` and its head descends from that head.
  static func isProjective(_ d: Int, heads: [Int]) -> Bool {
    let h = heads[d]
    guard h >= 0 else { return true }
    for k in (min(h, d) + 1)..<max(h, d) {
      var a = k
      while a >= 0 && a != h { a = heads[a] }
      if a != h { return false }
    }
    return true
  }

  /// Lifts non-projective arcs, shortest first, until the tree is projective. Lifted words get
  /// the label `label|headlabel` (the label of their original head), marked once.
  static func projectivize(heads: inout [Int], labels: inout [String]) -> Int {
    var lifted = 0
    let original = labels
    var marked = [Bool](repeating: false, count: heads.count)
    while true {
      var shortest = -1
      var shortestLength = Int.max
      for d in heads.indices where heads[d] >= 0 && !isProjective(d, heads: heads) {
        let length = abs(heads[d] - d)
        if length < shortestLength {
          shortest = d
          shortestLength = length
        }
      }
      guard shortest >= 0 else { break }
      let h = heads[shortest]
      guard heads[h] >= 0 else { break }  // arcs from the root word are always projective
      if !marked[shortest] {
        labels[shortest] = original[shortest] + "|" + original[h]
        marked[shortest] = true
      }
      heads[shortest] = heads[h]
      lifted += 1
    }
    return lifted
  }
}

/// A gold sentence prepared for the oracle: heads in 0...n (n = root), label ids, word and tag hashes.
struct ParserExample {
  var words: [UInt64]
  var tags: [UInt64]
  var codes: [UInt64]
  var heads: [Int32]
  var labels: [Int32]
}

extension Parser {
  /// Costs of SHIFT, LEFT and RIGHT (unlabelled) in the current state under the gold tree
  /// (arc-hybrid dynamic oracle, Goldberg & Nivre 2013): the number of gold arcs each makes
  /// unreachable. A labelled arc costs one more when it attaches s0 to its gold head with another label.
  static func costs(_ w: Workspace, gold: ParserExample) -> (shift: Int, left: Int, right: Int) {
    let heads = gold.heads
    let stackCount = w.stack.count
    let b = w.buffer
    let n = w.n
    var shift = 0
    if b < n {
      // SHIFT: b loses a head deeper in the stack and its children on the stack.
      let gh = Int(heads[b])
      for k in 0..<stackCount {
        let s = Int(w.stack[k])
        if k < stackCount - 1 && gh == s { shift += 1 }
        if Int(heads[s]) == b { shift += 1 }
      }
    }
    guard stackCount > 0 else { return (shift, 0, 0) }
    let s0 = Int(w.stack[stackCount - 1])
    let gh = Int(heads[s0])
    // Either arc pops s0, which loses its children still in the buffer (the root, at n, is nobody's child).
    var children = 0
    for d in b..<n where Int(heads[d]) == s0 { children += 1 }
    let s1 = stackCount > 1 ? Int(w.stack[stackCount - 2]) : -1
    // LEFT: s0 gets head b; RIGHT: s0 gets head s1.
    let left = children + (gh != b && (gh == s1 || gh > b) ? 1 : 0)
    let right = children + (gh != s1 && gh >= b ? 1 : 0)
    return (shift, left, right)
  }

  /// Cost of transition `t` given the unlabelled costs.
  @inline(__always)
  static func cost(_ t: Int, _ base: (shift: Int, left: Int, right: Int), _ w: Workspace, gold: ParserExample)
    -> Int
  {
    if t == 0 { return base.shift }
    let label = Int32((t - 1) / 2)
    let s0 = Int(w.stack[w.stack.count - 1])
    let gh = Int(gold.heads[s0])
    if (t - 1) % 2 == 0 {
      return base.left + (gh == w.buffer && gold.labels[s0] != label ? 1 : 0)
    }
    let s1 = Int(w.stack[w.stack.count - 2])
    return base.right + (gh == s1 && gold.labels[s0] != label ? 1 : 0)
  }

  /// Trains a parser on gold trees. `tags[i][j]` is the tag hash the parser sees for word j of
  /// sentence i (gold or predicted tags; see ``Parser/tagHash(upos:xpos:)``).
  public static func train(
    _ sentences: [CoNLLUSentence], tags: [[UInt64]], classes: WordClasses = .empty,
    options: ParserTrainingOptions = .default,
    log: (String) -> Void = { _ in }, afterIteration: (Int, Parser) -> Void = { _, _ in }
  ) -> Parser {
    // Projectivize and collect labels.
    var projective: [([Int], [String])] = []
    var liftedCount: [String: Int] = [:]
    var totalLifted = 0
    for s in sentences {
      var heads = s.words.map { $0.head - 1 }
      var labels = s.words.map(\.deprel)
      totalLifted += Projectivizer.projectivize(heads: &heads, labels: &labels)
      for l in labels where l.contains("|") { liftedCount[l, default: 0] += 1 }
      projective.append((heads, labels))
    }
    for i in projective.indices {
      for j in projective[i].1.indices where projective[i].1[j].contains("|") {
        let l = projective[i].1[j]
        if liftedCount[l]! < options.liftedLabelMinCount {
          projective[i].1[j] = String(l[..<l.firstIndex(of: "|")!])
        }
      }
    }
    var labelSet = Set<String>()
    for (_, labels) in projective { labelSet.formUnion(labels) }
    // Plain labels first, sorted, then lifted ones: fixed order for a deterministic model.
    let labels =
      labelSet.filter { !$0.contains("|") }.sorted() + labelSet.filter { $0.contains("|") }.sorted()
    log(
      "labels: \(labels.count) (\(labels.filter { $0.contains("|") }.count) lifted); arcs lifted: \(totalLifted)"
    )
    var labelIndex: [String: Int32] = [:]
    for (i, l) in labels.enumerated() { labelIndex[l] = Int32(i) }
    var prepared: [ParserExample] = []
    for (i, s) in sentences.enumerated() {
      let n = s.words.count
      var words = s.words.map { WordHashes($0.form).lower }
      var codes = words.map { UInt64(UInt32(bitPattern: classes.code($0))) }
      words.append(0x524F_4F54)
      codes.append(Parser.rootCode)
      var t = tags[i]
      t.append(0x524F_4F54)
      let heads = projective[i].0.map { Int32($0 < 0 ? n : $0) }
      prepared.append(
        ParserExample(
          words: words, tags: t, codes: codes, heads: heads, labels: projective[i].1.map { labelIndex[$0]! }))
    }
    let examples = prepared
    let shell = Parser(labels: labels, model: PerceptronTrainer(classCount: 1).freeze(), classes: classes)
    let transitions = shell.transitionCount
    let seeds = TrainingSeed.seeds(
      options.seeds, from: options.seed, classCount: transitions, order: Array(examples.indices)
    ) { Workspace(transitionCount: transitions) }
    /// One pass over the examples in a new shuffled order, for one seed.
    @Sendable func epoch(_ iteration: Int, _ run: TrainingSeed<Workspace>) -> (correct: Int, total: Int) {
      let parser = shell
      let w = run.scratch
      var transitionCosts = [Int](repeating: 0, count: transitions)
      run.rng.shuffle(&run.order)
      var correct = 0
      var total = 0
      for ei in run.order {
        let ex = examples[ei]
        w.words = ex.words
        w.tags = ex.tags
        w.codes = ex.codes
        w.reset(ex.heads.count)
        while !w.isTerminal {
          parser.markValid(w)
          let nf = w.features.withUnsafeMutableBufferPointer { parser.features(w, out: $0.baseAddress!) }
          w.features.withUnsafeBufferPointer { f in
            w.scores.withUnsafeMutableBufferPointer { s in
              run.trainer.score(UnsafeBufferPointer(rebasing: f[0..<nf]), into: s)
            }
          }
          // The oracle's choice: the best-scoring transition of least cost. The single-root
          // constraint can force a loss the arc costs do not see, so the least cost may exceed 0.
          var guess = -1
          var minCost = Int.max
          let base = costs(w, gold: ex)
          for t in 0..<transitions where w.valid[t] {
            transitionCosts[t] = cost(t, base, w, gold: ex)
            minCost = min(minCost, transitionCosts[t])
            if guess < 0 || w.scores[t] > w.scores[guess] { guess = t }
          }
          var gold = -1
          for t in 0..<transitions where w.valid[t] && transitionCosts[t] == minCost {
            if gold < 0 || w.scores[t] > w.scores[gold] { gold = t }
          }
          run.trainer.tick()
          total += 1
          if transitionCosts[guess] == minCost {
            correct += 1
          } else {
            w.features.withUnsafeBufferPointer { f in
              run.trainer.update(UnsafeBufferPointer(rebasing: f[0..<nf]), truth: gold, guess: guess)
            }
          }
          let follow =
            iteration >= options.explorationFrom && transitionCosts[guess] > minCost
              && run.rng.nextUnit() < options.explorationProbability ? guess : gold
          w.apply(follow)
        }
      }
      return (correct, total)
    }
    var parser = shell
    for iteration in 1...max(1, options.iterations) {
      // Seeds are independent until their weights are averaged: one per core.
      let results = concurrentMap(seeds.count) { epoch(iteration, seeds[$0]) }
      let correct = results.reduce(0) { $0 + $1.correct }
      let total = results.reduce(0) { $0 + $1.total }
      let trainers = seeds.map(\.trainer)
      log(
        "iteration \(iteration): transitions right \(String(format2(100 * Double(correct) / Double(max(total, 1)))))%, features \(trainers.map(\.featureCount)), weights \(trainers.map(\.entryCount))"
      )
      parser = Parser(
        labels: labels,
        model: PerceptronTrainer.freeze(averaging: trainers, threshold: options.pruneThreshold),
        classes: classes)
      afterIteration(iteration, parser)
    }
    return parser
  }
}

func format2(_ x: Double) -> String {
  let scaled = (x * 100).rounded() / 100
  var s = String(scaled)
  if let dot = s.firstIndex(of: ".") {
    let decimals = s.distance(from: dot, to: s.endIndex) - 1
    if decimals < 2 { s += String(repeating: "0", count: 2 - decimals) }
  } else {
    s += ".00"
  }
  return s
}

// MARK: - Parsing model file

/// The parser with its metadata, as stored in one model file.
public struct ParsingModel: Sendable {
  public var header: ModelHeader
  public let parser: Parser

  /// Parser files before this format version used other features (no word classes).
  static let minimumFormatVersion = 2

  public init(header: ModelHeader, parser: Parser) {
    self.header = header
    self.parser = parser
  }

  public init(contentsOf path: String) throws {
    let archive = try ModelArchive(contentsOf: path)
    guard archive.header.kind == "parser" else {
      throw NLPError.invalidModel(
        file: path, reason: "expected a parser model, found '\(archive.header.kind)'")
    }
    try archive.requireFormat(Self.minimumFormatVersion, retrain: "newsgraph train parser", file: path)
    let labels = try archive.strings("LABL", file: path)
    guard !labels.isEmpty, labels.contains("root") else {
      throw NLPError.invalidModel(file: path, reason: "no dependency labels (or no 'root')")
    }
    let model = try archive.linearModel(prefix: "P", classCount: 1 + 2 * labels.count, file: path)
    header = archive.header
    parser = Parser(labels: labels, model: model, classes: try WordClasses(archive: archive, file: path))
  }

  public func archive() -> ModelArchive {
    var header = header
    header.kind = "parser"
    header.labels = parser.labels
    var a = ModelArchive(header: header)
    a.put("LABL", strings: parser.labels)
    a.put(parser.model, prefix: "P")
    if parser.classes.wordCount > 0 { parser.classes.put(into: &a) }
    return a
  }

  public func write(to path: String) throws { try archive().write(to: path) }
}
