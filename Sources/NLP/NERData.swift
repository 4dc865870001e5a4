import Text

// MARK: - IOB2 files

/// One sentence of an IOB2 file as the UNER corpora write it: `# comment` lines, then one line
/// per token, `index<TAB>token<TAB>tag<TAB>...`, and a blank line after the sentence.
///
/// The lines are kept as they were read, so that ``IOB2/write(_:to:)`` can give back the same
/// file with only the tag column changed. See https://www.universalner.org/ for the corpus.
public struct IOB2Sentence: Sendable, Equatable {
  /// Comment lines with their leading `#`, written back unchanged.
  public var comments: [String]
  /// Each token line split at tabs; column 1 is the token, column 2 the tag.
  public var rows: [[String]]

  public init(comments: [String] = [], rows: [[String]] = []) {
    self.comments = comments
    self.rows = rows
  }

  /// The token column.
  public var tokens: [String] { rows.map { $0.count > 1 ? $0[1] : "" } }

  /// The tag column, normalized by ``IOB2/normalizedTag(_:)`` (`B-O` and unknown types become `O`).
  public var tags: [String] { tags(types: IOB2.types) }

  /// The tag column with only the given types kept (``IOB2/normalizedTag(_:types:)``).
  public func tags(types: [String]) -> [String] {
    rows.map { IOB2.normalizedTag($0.count > 2 ? $0[2] : "O", types: types) }
  }

  /// The `newdoc id` comment, when the sentence starts a document.
  public var newDocument: String? {
    for c in comments {
      guard let range = c.range(of: "newdoc id") else { continue }
      return c[range.upperBound...].drop { $0 == " " || $0 == "=" }.description
    }
    return nil
  }
}

/// Reading, writing and span conversion for IOB2 tag sequences.
public enum IOB2 {
  /// The entity types the recognizer reports (UNER's PER, ORG, LOC); `OTH` is read as `O`.
  public static let types = ["PER", "ORG", "LOC"]
  /// A type a model may learn but never reports: UNER's early `OTH` (products, works, events),
  /// learnt so that "Firefox" is not taken for a person.
  public static let hiddenType = "OTH"

  /// `B-X`/`I-X` for the types in ``types``; anything else (`O`, `B-O`, `B-OTH`, `I-OTH`) is `O`.
  public static func normalizedTag(_ tag: String, types: [String] = types) -> String {
    guard tag.count > 2, tag.hasPrefix("B-") || tag.hasPrefix("I-") else { return "O" }
    return types.contains(String(tag.dropFirst(2))) ? tag : "O"
  }

  /// Parses IOB2 text; `file` names it in errors.
  public static func parse(_ text: String, file: String) throws -> [IOB2Sentence] {
    var sentences: [IOB2Sentence] = []
    var current = IOB2Sentence()
    var lineNumber = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = line.hasSuffix("\r") ? line.dropLast() : line
      if line.isEmpty {
        if !current.rows.isEmpty || !current.comments.isEmpty { sentences.append(current) }
        current = IOB2Sentence()
      } else if line.hasPrefix("#") && current.rows.isEmpty {
        current.comments.append(String(line))
      } else {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 3 else {
          throw NLPError.io(
            file: file, reason: "line \(lineNumber): expected index, token and tag separated by tabs")
        }
        current.rows.append(fields)
      }
    }
    if !current.rows.isEmpty || !current.comments.isEmpty { sentences.append(current) }
    return sentences
  }

  /// Writes sentences back, each followed by a blank line.
  public static func write(_ sentences: [IOB2Sentence], to output: inout String) {
    for s in sentences {
      for c in s.comments {
        output += c
        output += "\n"
      }
      for row in s.rows {
        output += row.joined(separator: "\t")
        output += "\n"
      }
      output += "\n"
    }
  }

  /// Entity spans of a tag sequence, read as conlleval does: a chunk starts at `B-X`, or at
  /// `I-X` after `O` or after another type, and ends before the next start or `O`.
  public static func spans(_ tags: [String]) -> [EntitySpan] {
    var result: [EntitySpan] = []
    var start = -1
    var type = ""
    for (i, tag) in tags.enumerated() {
      let prefix = tag.first
      let t = tag.count > 2 ? String(tag.dropFirst(2)) : ""
      let begins = prefix == "B" || (prefix == "I" && (start < 0 || t != type))
      if start >= 0 && (begins || prefix != "I") {
        result.append(EntitySpan(tokens: start..<i, label: type))
        start = -1
      }
      if begins {
        start = i
        type = t
      }
    }
    if start >= 0 { result.append(EntitySpan(tokens: start..<tags.count, label: type)) }
    return result
  }

  /// IOB2 tags for `count` tokens from non-overlapping spans.
  public static func tags(_ spans: [EntitySpan], count: Int) -> [String] {
    var tags = [String](repeating: "O", count: count)
    for s in spans {
      for i in s.tokens { tags[i] = (i == s.tokens.lowerBound ? "B-" : "I-") + s.label }
    }
    return tags
  }
}

// MARK: - Scoring

/// Exact-span precision, recall and F1 over entities, micro-averaged, as conlleval computes them.
public struct NERScore: Sendable, Equatable {
  /// Counts for one type (or all types).
  public struct Counts: Sendable, Equatable {
    public var gold = 0
    public var predicted = 0
    public var correct = 0

    public var precision: Double { predicted == 0 ? 0 : 100 * Double(correct) / Double(predicted) }
    public var recall: Double { gold == 0 ? 0 : 100 * Double(correct) / Double(gold) }
    public var f1: Double {
      let p = precision
      let r = recall
      return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
  }

  public var total = Counts()
  public var byType: [String: Counts] = [:]
  public var tokens = 0
  public var sentences = 0

  public init() {}

  /// Adds one sentence's gold and predicted spans.
  public mutating func add(gold: [EntitySpan], predicted: [EntitySpan], tokens: Int) {
    self.tokens += tokens
    sentences += 1
    let goldSet = Set(gold)
    for g in gold {
      total.gold += 1
      byType[g.label, default: Counts()].gold += 1
    }
    for p in predicted {
      total.predicted += 1
      byType[p.label, default: Counts()].predicted += 1
      if goldSet.contains(p) {
        total.correct += 1
        byType[p.label, default: Counts()].correct += 1
      }
    }
  }

  /// Scores predicted tag sequences against gold ones (both IOB2, sentence by sentence).
  public static func score(gold: [[String]], predicted: [[String]]) -> NERScore {
    var score = NERScore()
    for (g, p) in zip(gold, predicted) {
      score.add(gold: IOB2.spans(g), predicted: IOB2.spans(p), tokens: g.count)
    }
    return score
  }
}
