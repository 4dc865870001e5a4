import Text

// MARK: - Raw-text evaluation

/// Evaluation from raw text: the gold treebank's text is rebuilt with the character span of every
/// gold word, our own segmentation runs on that text, and predicted words are aligned to gold
/// words by identical character spans (as the CoNLL 2018 script aligns words; multiword-token
/// words get the parts of the token's span their forms cover, else the whole span).
public struct RawTextGold: Sendable {
  /// The rebuilt text: tokens joined by a space unless `SpaceAfter=No`; sentences by a space,
  /// paragraphs and documents (`newpar`, `newdoc` comments) by a blank line.
  public let text: String
  /// Gold words in order, across all sentences.
  public let words: [CoNLLUWord]
  /// Scalar span of each gold word in ``text``.
  public let spans: [Range<Int>]
  /// Index in ``words`` of each word's head, -1 for a root.
  public let heads: [Int]
  /// Scalar span of each gold sentence.
  public let sentenceSpans: [Range<Int>]

  public init(_ sentences: [CoNLLUSentence]) {
    var text = String.UnicodeScalarView()
    var words: [CoNLLUWord] = []
    var spans: [Range<Int>] = []
    var heads: [Int] = []
    var sentenceSpans: [Range<Int>] = []
    var length = 0
    func append(_ s: String) {
      text.append(contentsOf: s.unicodeScalars)
      length += s.unicodeScalars.count
    }
    for (si, s) in sentences.enumerated() {
      if si > 0 {
        let breaksParagraph = s.comments.contains { $0.hasPrefix("newpar") || $0.hasPrefix("newdoc") }
        append(breaksParagraph ? "\n\n" : " ")
      }
      let sentenceStart = length
      let offset = words.count
      var i = 0
      while i < s.words.count {
        let w = s.words[i]
        if let m = s.multiwordToken(startingAt: w.id), m.last <= s.words.count {
          let start = length
          append(m.form)
          let parts = s.words[(m.first - 1)..<m.last]
          let joined = parts.map(\.form).joined()
          var p = start
          for part in parts {
            let n = part.form.unicodeScalars.count
            spans.append(joined == m.form ? p..<(p + n) : start..<length)
            p += n
            words.append(part)
          }
          i = m.last
          if m.spaceAfter && i < s.words.count { append(" ") }
        } else {
          let start = length
          append(w.form)
          spans.append(start..<length)
          words.append(w)
          i += 1
          if w.spaceAfter && i < s.words.count { append(" ") }
        }
      }
      for w in s.words { heads.append(w.head <= 0 ? -1 : offset + w.head - 1) }
      sentenceSpans.append(sentenceStart..<length)
    }
    self.text = String(text)
    self.words = words
    self.spans = spans
    self.heads = heads
    self.sentenceSpans = sentenceSpans
  }

  /// Scores an annotated document whose text is ``text``.
  public func evaluate(_ document: Document) -> EvaluationReport {
    var report = EvaluationReport()
    report.goldWords = words.count
    report.predictedWords = document.tokenCount
    report.goldSentences = sentenceSpans.count
    report.predictedSentences = document.sentences.count
    var goldBySpan: [Int64: Int] = [:]
    func key(_ a: Int, _ b: Int) -> Int64 { Int64(a) << 32 | Int64(b) }
    for (i, s) in spans.enumerated() where goldBySpan[key(s.lowerBound, s.upperBound)] == nil {
      goldBySpan[key(s.lowerBound, s.upperBound)] = i
    }
    // Predicted token → aligned gold word (or -1).
    var aligned = [Int](repeating: -1, count: document.tokenCount)
    for t in 0..<document.tokenCount {
      aligned[t] = goldBySpan[key(Int(document.tokenStarts[t]), Int(document.tokenEnds[t]))] ?? -1
    }
    let sentenceSet = Set(sentenceSpans.map { key($0.lowerBound, $0.upperBound) })
    for s in document.sentences where !s.isEmpty {
      let span = document.span(ofTokens: s)
      if sentenceSet.contains(key(span.lowerBound, span.upperBound)) { report.matchedSentences += 1 }
    }
    for t in 0..<document.tokenCount where aligned[t] >= 0 {
      let g = aligned[t]
      var p = CoNLLUWord(id: 0, form: document.forms[t])
      if t < document.upos.count { p.upos = document.upos[t] }
      if t < document.xpos.count { p.xpos = document.xpos[t] }
      if t < document.lemmas.count { p.lemma = document.lemmas[t] }
      if t < document.deprels.count { p.deprel = document.deprels[t] }
      var headsMatch = false
      if t < document.heads.count {
        let h = Int(document.heads[t])
        headsMatch = h < 0 ? heads[g] < 0 : (aligned[h] >= 0 && aligned[h] == heads[g])
      }
      report.count(gold: words[g], predicted: p, headsMatch: headsMatch)
    }
    return report
  }
}
