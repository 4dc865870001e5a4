/// Groups tokens into sentences.
///
/// A sentence ends after `.`, `!`, `?` or `…` (closing quotes and brackets right after the
/// terminator stay with it) unless punctuation that continues the sentence follows (`,` `;` `)`),
/// or an ellipsis is followed by a lowercase word. Abbreviations keep their period inside the token, so they never end a
/// sentence here; at a sentence end the ``Tokenizer`` already gave that period its own token, as EWT
/// does (`etc` `.`). A paragraph break (a blank line) always ends a sentence; a single line break
/// does not, except after a short unpunctuated line such as a heading (see ``Options``).
public struct SentenceSplitter: Sendable {
  /// Behaviour switches.
  public struct Options: Sendable, Hashable {
    /// End a sentence at a lone `.`, `!` or `?` followed by a lowercase word (abbreviations keep
    /// their period, so such a period is a real one; web text often starts sentences in lowercase).
    public var splitsBeforeLowercase: Bool = true
    /// End a sentence at a single line break after a short line that starts a sentence and does
    /// not end in punctuation (a heading, a dateline) when the next line starts with a capital
    /// letter. Longer lines, and lines that continue a sentence, are wrapped text and run on.
    public var splitsAfterShortLines: Bool = true
    /// Longest line, in tokens, that ``splitsAfterShortLines`` treats as a heading.
    public var shortLineTokens: Int = 6

    public init(
      splitsBeforeLowercase: Bool = true, splitsAfterShortLines: Bool = true, shortLineTokens: Int = 6
    ) {
      self.splitsBeforeLowercase = splitsBeforeLowercase
      self.splitsAfterShortLines = splitsAfterShortLines
      self.shortLineTokens = shortLineTokens
    }

    public static let `default` = Options()
  }

  public var options: Options

  public init(options: Options = .default) {
    self.options = options
  }

  /// Sentences over `tokens`, as ranges of token indices that cover `tokens` without gaps.
  public func split(
    _ scalars: [Unicode.Scalar], starts: [Int32], ends: [Int32], tokens: Range<Int>
  ) -> [Range<Int>] {
    var result: [Range<Int>] = []
    guard !tokens.isEmpty else { return result }
    scalars.withUnsafeBufferPointer { x in
      var sentenceStart = tokens.lowerBound
      var t = tokens.lowerBound
      let hi = tokens.upperBound
      var lineStart = tokens.lowerBound  // first token of the current line
      while t < hi {
        var boundaryAfter = -1  // last token of a finished sentence
        if t > tokens.lowerBound && Self.lineBreaks(x, ends[t - 1], starts[t]) > 0 { lineStart = t }
        if isTerminalToken(x, starts[t], ends[t]) {
          var e = t + 1
          while e < hi && isClosingToken(x, starts[e], ends[e], adjacent: starts[e] == ends[e - 1]) {
            e += 1
          }
          if e < hi {
            if Self.paragraphBreak(x, ends[e - 1], starts[e])
              || startsSentence(x, after: t, next: e, starts: starts, ends: ends)
            {
              boundaryAfter = e - 1
            }
          }
          if boundaryAfter >= 0 {
            result.append(sentenceStart..<(boundaryAfter + 1))
            sentenceStart = boundaryAfter + 1
          }
          t = e
          continue
        }
        if t + 1 < hi {
          if Self.paragraphBreak(x, ends[t], starts[t + 1]) {
            boundaryAfter = t
          } else if isEmoticon(x, starts[t], ends[t]) && ScalarClass.isUpper(x[Int(starts[t + 1])]) {
            boundaryAfter = t  // `great :) The next ...`: an emoticon often closes a sentence
          } else if options.splitsAfterShortLines && lineStart == sentenceStart
            && t - lineStart < options.shortLineTokens
            && ScalarClass.isWord(x[Int(ends[t]) - 1]) && ScalarClass.isUpper(x[Int(starts[t + 1])])
            && Self.lineBreaks(x, ends[t], starts[t + 1]) > 0
          {
            boundaryAfter = t  // a heading on its own line: `Background⏎The war began ...`
          }
        }
        if boundaryAfter >= 0 {
          result.append(sentenceStart..<(boundaryAfter + 1))
          sentenceStart = boundaryAfter + 1
        }
        t += 1
      }
      if sentenceStart < hi { result.append(sentenceStart..<hi) }
    }
    return result
  }

  // MARK: - Decisions

  /// Whether the token after a terminator (at `next`) begins a new sentence.
  private func startsSentence(
    _ x: UnsafeBufferPointer<Unicode.Scalar>, after t: Int, next: Int, starts: [Int32],
    ends: [Int32]
  ) -> Bool {
    let first = x[Int(starts[next])]
    // `end.The` or `file.DOC` without a space is not a sentence break; neither is `. . .`.
    if starts[next] == ends[next - 1] && ScalarClass.isWord(first) { return false }
    if ScalarClass.isTerminal(first) { return false }
    if ScalarClass.isLower(first) {
      // `...` and `!`/`?` before a lowercase word mostly continue the sentence; so does `.`
      // unless asked otherwise.
      guard options.splitsBeforeLowercase else { return false }
      // The last dot of a spaced ellipsis (`. . .`) is a pause too.
      if t > 0 && isTerminalToken(x, starts[t - 1], ends[t - 1]) { return false }
      // Only a lone `.`, `!` or `?`; `...` before lowercase is a pause.
      return ends[t] - starts[t] == 1 && x[Int(starts[t])] != "\u{2026}"
    }
    switch first {
    case ",", ";", ":", ")", "]", "}", "%":
      return false
    default:
      return true
    }
  }

  /// Titles precede a name and never end a sentence.
  static let titleKeys: Set<UInt64> = Set(
    [
      "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Rep", "Sen",
      "Gov", "Pres", "Rev", "Hon", "St", "Messrs", "Cmdr", "Brig", "Cpl", "Pvt", "Amb", "Insp", "Det",
      "Supt", "Fr", "Mt", "Ft", "Lieut", "Atty", "Msgr", "Mme", "Mlle", "P.S", "P.P.S",
    ].compactMap { Abbreviations.key($0) })

  // MARK: - Token classes

  private func isTerminalToken(_ x: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int32, _ b: Int32)
    -> Bool
  {
    var i = Int(a)
    while i < Int(b) {
      if !ScalarClass.isTerminal(x[i]) { return false }
      i += 1
    }
    return true
  }

  private func isClosingToken(
    _ x: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int32, _ b: Int32, adjacent: Bool
  ) -> Bool {
    guard ScalarClass.isClosing(x[Int(a)]) else { return false }
    // A whole run of closing marks (`'’`, `")`).
    var i = Int(a)
    while i < Int(b) {
      if !ScalarClass.isClosing(x[i]) { return false }
      i += 1
    }
    if adjacent { return true }
    // Curly closers are unambiguous even after a space; straight quotes are not.
    switch x[Int(a)].value {
    case 0x201D, 0x2019, 0xBB, 0x29, 0x5D: return true
    default: return false
    }
  }

  /// `:)`, `;-)`, `:(`, `:D`, `=)`: a smiley written with ASCII punctuation.
  private func isEmoticon(_ x: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int32, _ b: Int32) -> Bool {
    let count = Int(b - a)
    guard count >= 2 && count <= 4 else { return false }
    switch x[Int(a)] {
    case ":", ";", "=": break
    default: return false
    }
    switch x[Int(b) - 1] {
    case ")", "(", "D", "P", "p", "]", "[", "/": return true
    default: return false
    }
  }

  /// Number of line breaks (up to 2) in the whitespace between two tokens.
  static func lineBreaks(_ x: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int32, _ b: Int32) -> Int {
    var newlines = 0
    var i = Int(a)
    while i < Int(b) && newlines < 2 {
      switch x[i].value {
      case 0x0A, 0x0B, 0x0C, 0x85, 0x2028: newlines += 1
      case 0x0D where i + 1 >= Int(b) || x[i + 1] != "\n": newlines += 1
      case 0x2029: newlines += 2
      default: break
      }
      i += 1
    }
    return newlines
  }

  /// Whether the whitespace between two tokens holds a blank line (two line breaks).
  static func paragraphBreak(_ x: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int32, _ b: Int32)
    -> Bool
  {
    var newlines = 0
    var i = Int(a)
    while i < Int(b) {
      switch x[i].value {
      case 0x0A, 0x0B, 0x0C, 0x85, 0x2028: newlines += 1
      case 0x0D where i + 1 >= Int(b) || x[i + 1] != "\n": newlines += 1  // lone CR
      case 0x2029: newlines += 2
      default: break
      }
      if newlines >= 2 { return true }
      i += 1
    }
    return false
  }
}
