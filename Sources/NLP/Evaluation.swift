// MARK: - Evaluation (CoNLL 2018 shared-task conventions)

/// Scores of predicted against gold annotation, as percentages, by the CoNLL 2018 conventions:
/// UPOS, XPOS and lemma accuracy over all words; UAS and LAS over all words including
/// punctuation; LAS compares only the universal part of DEPREL (`obl:tmod` counts as `obl`).
///
/// See https://universaldependencies.org/conll18/evaluation.html
public struct EvaluationReport: Sendable, Codable, Equatable {
  /// Gold words.
  public var goldWords = 0
  /// Predicted words.
  public var predictedWords = 0
  /// Words matched between gold and prediction (all of them with gold tokens).
  public var alignedWords = 0
  public var goldSentences = 0
  public var predictedSentences = 0
  public var matchedSentences = 0
  public var uposCorrect = 0
  public var xposCorrect = 0
  public var lemmaCorrect = 0
  public var headCorrect = 0
  public var labelledCorrect = 0

  public init() {}

  func f1(_ correct: Int) -> Double {
    let denom = goldWords + predictedWords
    return denom == 0 ? 0 : 100 * 2 * Double(correct) / Double(denom)
  }

  /// Word segmentation F1 (100 with gold tokens).
  public var words: Double { f1(alignedWords) }
  /// Sentence segmentation F1.
  public var sentences: Double {
    let denom = goldSentences + predictedSentences
    return denom == 0 ? 0 : 100 * 2 * Double(matchedSentences) / Double(denom)
  }
  /// With gold tokens these F1 figures equal accuracy over all words.
  public var upos: Double { f1(uposCorrect) }
  public var xpos: Double { f1(xposCorrect) }
  public var lemma: Double { f1(lemmaCorrect) }
  public var uas: Double { f1(headCorrect) }
  public var las: Double { f1(labelledCorrect) }

  /// The universal part of a dependency relation (`nmod:poss` → `nmod`).
  static func universal(_ deprel: String) -> Substring {
    deprel.split(separator: ":", maxSplits: 1).first ?? Substring(deprel)
  }

  /// Adds one aligned word pair; `headsMatch` says whether the predicted head is aligned to the gold head.
  mutating func count(gold: CoNLLUWord, predicted: CoNLLUWord, headsMatch: Bool) {
    alignedWords += 1
    if gold.upos == predicted.upos { uposCorrect += 1 }
    if gold.xpos == predicted.xpos { xposCorrect += 1 }
    if gold.lemma == predicted.lemma { lemmaCorrect += 1 }
    if headsMatch {
      headCorrect += 1
      if Self.universal(gold.deprel) == Self.universal(predicted.deprel) { labelledCorrect += 1 }
    }
  }
}

/// Comparison of CoNLL-U files.
public enum Evaluation {
  /// Scores `predicted` against `gold` when both have the same sentences and words (gold tokens).
  public static func goldTokens(gold: [CoNLLUSentence], predicted: [CoNLLUSentence]) throws
    -> EvaluationReport
  {
    guard gold.count == predicted.count else {
      throw NLPError.invalidCoNLLU(
        file: "prediction", line: 0,
        reason:
          "\(predicted.count) sentences, gold has \(gold.count); use raw-text evaluation for other tokenizations"
      )
    }
    var report = EvaluationReport()
    for (g, p) in zip(gold, predicted) {
      guard g.words.count == p.words.count else {
        throw NLPError.invalidCoNLLU(
          file: "prediction", line: 0,
          reason: "sentence \(g.sentenceID ?? "?") has \(p.words.count) words, gold has \(g.words.count)")
      }
      report.goldSentences += 1
      report.predictedSentences += 1
      report.matchedSentences += 1
      for (gw, pw) in zip(g.words, p.words) {
        report.goldWords += 1
        report.predictedWords += 1
        report.count(gold: gw, predicted: pw, headsMatch: gw.head == pw.head)
      }
    }
    return report
  }
}
