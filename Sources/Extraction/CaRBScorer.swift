/// CaRB scoring of Open IE output (Bhardwaj et al., EMNLP 2019; https://github.com/dair-iitd/CaRB):
/// each gold tuple is matched to predicted tuples of the same sentence token by token, per part
/// (relation, first argument, the other arguments joined), with partial credit; recall takes each
/// gold tuple's best match, precision a one-to-one greedy matching; the scores are computed at
/// every confidence threshold, giving the best F1 and the area under the precision–recall curve.
public struct CaRBScorer: Sendable {
  /// A tuple of gold or predicted extractions, already split into whitespace tokens.
  public struct Tuple: Sendable, Hashable {
    public var relation: [String]
    public var arguments: [[String]]
    public var confidence: Double

    public init(relation: String, arguments: [String], confidence: Double = 1) {
      self.relation = relation.split(separator: " ").map(String.init)
      self.arguments = arguments.map { $0.split(separator: " ").map(String.init) }
      self.confidence = confidence
    }

    /// The first argument and all others joined, as CaRB's binary matching compares them.
    var binarized: [[String]] {
      arguments.count <= 2 ? arguments : [arguments[0], arguments[1...].flatMap { $0 }]
    }
  }

  public struct Result: Sendable, Hashable {
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// Area under the precision–recall curve, with the point (recall 0, precision 1) added.
    public var auc: Double
    /// Confidence threshold of the best F1.
    public var threshold: Double
    public var goldTuples: Int
    public var predictedTuples: Int
  }

  /// Gold tuples by normalized sentence.
  public private(set) var gold: [String: [Tuple]] = [:]

  public init(gold: [(sentence: String, tuple: Tuple)]) {
    for (sentence, tuple) in gold { self.gold[Self.key(sentence), default: []].append(tuple) }
  }

  /// Sentences are compared on their letters and digits only, as CaRB does.
  public static func key(_ sentence: String) -> String {
    String(
      String.UnicodeScalarView(
        sentence.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
  }

  /// Reads CaRB's gold file: `sentence<TAB>relation<TAB>arg1<TAB>arg2...`.
  public static func parseGold(_ text: String) -> [(sentence: String, tuple: Tuple)] {
    text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= 3 else { return nil }
      return (fields[0], Tuple(relation: fields[1], arguments: Array(fields[2...]).filter { !$0.isEmpty }))
    }
  }

  /// Reads system output: `sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2...`.
  public static func parsePredictions(_ text: String) -> [(sentence: String, tuple: Tuple)] {
    text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= 4, let confidence = Double(fields[1]) else { return nil }
      return (fields[0], Tuple(relation: fields[2], arguments: Array(fields[3...]), confidence: confidence))
    }
  }

  // MARK: - Matching

  /// (precision, recall) credit of a predicted tuple against a gold tuple; zero unless the relations
  /// share a word and the predicted tuple has the gold tuple's first two arguments.
  static func match(gold: Tuple, predicted: Tuple) -> (precision: Double, recall: Double) {
    let straight = lenientMatch(
      gold: gold.binarized, goldRelation: gold.relation, predicted: predicted.binarized,
      relation: predicted.relation)
    // Speech relations may put the quoted content first.
    let saidWords = ["said", "told", "added", "adds", "says"]
    let goldRelation = gold.relation.joined(separator: " ")
    guard saidWords.contains(where: { goldRelation.contains($0) }), predicted.arguments.count >= 2 else {
      return straight
    }
    let swapped = [predicted.arguments[1...].flatMap { $0 }, predicted.arguments[0]]
    let reverse = lenientMatch(
      gold: gold.binarized, goldRelation: gold.relation, predicted: swapped, relation: predicted.relation)
    // Python compares the lists lexicographically.
    return (reverse.precision, reverse.recall) > (straight.precision, straight.recall) ? reverse : straight
  }

  private static func lenientMatch(
    gold: [[String]], goldRelation: [String], predicted: [[String]], relation: [String]
  ) -> (precision: Double, recall: Double) {
    var precisionMatched = 0
    var precisionTotal = relation.count
    var recallMatched = 0
    var recallTotal = goldRelation.count
    var remaining = relation
    var matching = overlap(gold: goldRelation, predicted: &remaining)
    if remaining.contains("be"),
      let _ = goldRelation.first(where: {
        ["be", "is", "am", "are", "was", "were", "been", "being"].contains($0)
      })
    {
      matching += 1
      remaining.remove(at: remaining.firstIndex(of: "be")!)
    }
    guard matching > 0 else { return (0, 0) }
    precisionMatched += matching
    recallMatched += matching
    for (index, goldArgument) in gold.enumerated() {
      recallTotal += goldArgument.count
      guard index < predicted.count else {
        if index < 2 { return (0, 0) }
        continue
      }
      var words = predicted[index]
      precisionTotal += words.count
      let matched = overlap(gold: goldArgument, predicted: &words)
      precisionMatched += matched
      recallMatched += matched
    }
    return (
      precisionTotal == 0 ? 0 : Double(precisionMatched) / Double(precisionTotal),
      recallTotal == 0 ? 0 : Double(recallMatched) / Double(recallTotal)
    )
  }

  /// Gold words found among the predicted ones, each predicted word used once.
  private static func overlap(gold: [String], predicted: inout [String]) -> Int {
    var matched = 0
    for word in gold {
      if let index = predicted.firstIndex(of: word) {
        matched += 1
        predicted.remove(at: index)
      }
    }
    return matched
  }

  // MARK: - Scoring

  public func score(_ predictions: [(sentence: String, tuple: Tuple)]) -> Result {
    var predicted: [String: [Tuple]] = [:]
    for (sentence, tuple) in predictions {
      let key = Self.key(sentence)
      if gold[key] != nil { predicted[key, default: []].append(tuple) }
    }
    let thresholds = Array(Set(predicted.values.flatMap { $0.map(\.confidence) })).sorted()
    let count = thresholds.count
    var precisionNumerator = [Double](repeating: 0, count: count)
    var precisionDenominator = [Double](repeating: 0, count: count)
    var recallNumerator = [Double](repeating: 0, count: count)
    var recallDenominator = [Double](repeating: 0, count: count)
    var indexOfThreshold: [Double: Int] = [:]
    for (index, value) in thresholds.enumerated() { indexOfThreshold[value] = index }

    for (sentence, goldTuples) in gold {
      let system = predicted[sentence] ?? []
      let scores = goldTuples.map { goldTuple in system.map { Self.match(gold: goldTuple, predicted: $0) } }
      var previous = 0
      for confidence in system.map(\.confidence).sorted() {
        let threshold = indexOfThreshold[confidence]!
        let selected = system.indices.filter { system[$0].confidence >= confidence }
        var recall = 0.0
        for row in scores { recall += selected.map { row[$0].recall }.max() ?? 0 }
        // Greedy one-to-one matching on precision.
        var precision = 0.0
        var usedRows = Set<Int>()
        var usedColumns = Set<Int>()
        for _ in 0..<min(scores.count, selected.count) {
          var best = (row: -1, column: -1, value: -1.0)
          for row in scores.indices where !usedRows.contains(row) {
            for column in selected
            where !usedColumns.contains(column) && scores[row][column].precision > best.value {
              best = (row, column, scores[row][column].precision)
            }
          }
          usedRows.insert(best.row)
          usedColumns.insert(best.column)
          precision += best.value
        }
        if previous <= threshold {
          for index in previous...threshold {
            precisionNumerator[index] += precision
            precisionDenominator[index] += Double(selected.count)
            recallNumerator[index] += recall
            recallDenominator[index] += Double(scores.count)
          }
        }
        previous = threshold + 1
      }
      if previous < count {
        for index in previous..<count { recallDenominator[index] += Double(scores.count) }
      }
    }
    let precisions = zip(precisionNumerator, precisionDenominator).map { $1 > 0 ? $0 / $1 : 1 }
    let recalls = zip(recallNumerator, recallDenominator).map { $1 > 0 ? $0 / $1 : 0 }
    var best = (f1: 0.0, index: -1)
    for index in 0..<count {
      let p = precisions[index]
      let r = recalls[index]
      let f1 = p + r > 0 ? 2 * p * r / (p + r) : 0
      if best.index < 0 || f1 > best.f1 { best = (f1, index) }
    }
    // Trapezoids over the curve, recall decreasing with the threshold, ending at (0, 1).
    let curveRecall = recalls + [0]
    let curvePrecision = precisions + [1]
    var area = 0.0
    for index in 1..<curveRecall.count {
      area +=
        (curveRecall[index - 1] - curveRecall[index]) * (curvePrecision[index - 1] + curvePrecision[index])
        / 2
    }
    return Result(
      precision: best.index >= 0 ? precisions[best.index] : 0,
      recall: best.index >= 0 ? recalls[best.index] : 0,
      f1: best.f1, auc: abs(area), threshold: best.index >= 0 ? thresholds[best.index] : 0,
      goldTuples: gold.values.reduce(0) { $0 + $1.count },
      predictedTuples: predicted.values.reduce(0) { $0 + $1.count })
  }
}
