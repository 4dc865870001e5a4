/// Scores a similarity against gold events: precision at 1 (is an article's most similar other
/// article about the same event?) and the pairwise precision, recall and F1 of story groups.
public struct SimilarityEvaluation: Sendable {
  /// Precision at 1 over a set of articles.
  public struct PrecisionAtOne: Sendable, Hashable, Codable {
    public var correct: Int
    public var total: Int

    public init(correct: Int, total: Int) {
      self.correct = correct
      self.total = total
    }

    public var value: Double { total == 0 ? 0 : Double(correct) / Double(total) }
  }

  /// Pairwise agreement of groups with gold events: a pair of articles put in one group is
  /// correct when both report the same event.
  public struct PairScores: Sendable, Hashable, Codable {
    public var precision: Double
    public var recall: Double
    public var f1: Double
    public var groups: Int
    public var goldEvents: Int
  }

  /// The gold event of every article.
  public var events: [String]

  public init(events: [String]) { self.events = events }

  /// P@1 over the articles in `subset` (indices into the matrix), each compared with the others
  /// of `subset` only. Ties go to the lower index, so a method cannot win by ties.
  public func precisionAtOne(_ matrix: [[Double]], subset: [Int]) -> PrecisionAtOne {
    var correct = 0
    for i in subset {
      var best: (index: Int, score: Double)?
      for j in subset where j != i {
        if best == nil || matrix[i][j] > best!.score { best = (j, matrix[i][j]) }
      }
      if let best, events[best.index] == events[i] { correct += 1 }
    }
    return PrecisionAtOne(correct: correct, total: subset.count)
  }

  /// Pairwise precision, recall and F1 of `groups` (indices) against the gold events.
  public func pairScores(_ groups: [[Int]]) -> PairScores {
    var predicted = 0
    var correct = 0
    for group in groups {
      for (offset, i) in group.enumerated() {
        for j in group[(offset + 1)...] {
          predicted += 1
          if events[i] == events[j] { correct += 1 }
        }
      }
    }
    var sizes: [String: Int] = [:]
    for event in events { sizes[event, default: 0] += 1 }
    let gold = sizes.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
    let precision = predicted == 0 ? 0 : Double(correct) / Double(predicted)
    let recall = gold == 0 ? 0 : Double(correct) / Double(gold)
    let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    return PairScores(
      precision: precision, recall: recall, f1: f1, groups: groups.count, goldEvents: sizes.count)
  }
}
