/// Cuts site boilerplate ("Leave a review", "Follow us on social networks", a lone section name)
/// from the end of an article body by a general rule instead of a list of phrases:
/// trailing lines that are short and do not end a sentence are not article text.
///
/// A line is cut when it has at most ``Rule/maximumWords`` words and its last visible character
/// is not sentence-final punctuation (`.` `!` `?` `…`, possibly followed by closing quotes or
/// brackets). Cutting stops at the first line that is article text; it never removes every line.
public enum Boilerplate {
  /// The thresholds of the rule.
  public struct Rule: Sendable, Hashable {
    /// Longest boilerplate line, in whitespace-separated words.
    public var maximumWords: Int = 8
    /// Longest boilerplate line, in Unicode scalars.
    public var maximumLength: Int = 80

    public init(maximumWords: Int = 8, maximumLength: Int = 80) {
      self.maximumWords = maximumWords
      self.maximumLength = maximumLength
    }

    public static let `default` = Rule()
  }

  /// `body` without leading and trailing whitespace and without trailing boilerplate lines.
  public static func trimmedBody(
    _ scalars: [Unicode.Scalar], _ body: Range<Int>, rule: Rule = .default
  ) -> Range<Int> {
    var lo = body.lowerBound
    var hi = body.upperBound
    while lo < hi && ScalarClass.isWhitespace(scalars[lo]) { lo += 1 }
    while hi > lo && ScalarClass.isWhitespace(scalars[hi - 1]) { hi -= 1 }
    guard lo < hi else { return lo..<lo }
    var end = hi
    while end > lo {
      // The last line of scalars[lo..<end].
      var lineStart = end
      while lineStart > lo && !isLineBreak(scalars[lineStart - 1]) { lineStart -= 1 }
      if lineStart == lo { break }  // never cut the first line: keep something
      guard isBoilerplate(scalars, lineStart..<end, rule: rule) else { break }
      end = lineStart
      while end > lo && ScalarClass.isWhitespace(scalars[end - 1]) { end -= 1 }
    }
    return lo..<end
  }

  /// Whether one line (already trimmed at its end) looks like boilerplate.
  static func isBoilerplate(_ x: [Unicode.Scalar], _ line: Range<Int>, rule: Rule) -> Bool {
    var lo = line.lowerBound
    var hi = line.upperBound
    while lo < hi && ScalarClass.isWhitespace(x[lo]) { lo += 1 }
    while hi > lo && ScalarClass.isWhitespace(x[hi - 1]) { hi -= 1 }
    if lo == hi { return true }  // a blank line
    if hi - lo > rule.maximumLength { return false }
    var words = 0
    var inWord = false
    for i in lo..<hi {
      if ScalarClass.isWhitespace(x[i]) {
        inWord = false
      } else if !inWord {
        inWord = true
        words += 1
      }
    }
    if words > rule.maximumWords { return false }
    var last = hi - 1
    while last > lo && ScalarClass.isClosing(x[last]) { last -= 1 }
    return !ScalarClass.isTerminal(x[last])
  }

  @inline(__always) static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
  }
}
