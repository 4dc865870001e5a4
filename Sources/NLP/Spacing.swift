import Text

// MARK: - Spacing of words in the text

/// Whether each word touches its neighbours in the original text, as the tagger sees it: a
/// hyphen written inside a word ("e-mail", tokenized `e` `-` `mail`) is HYPH, a spaced one
/// ("peace - and war") is punctuation; a quote attached to the word after it opens, one attached to
/// the word before it closes. The treebank records this (`SpaceAfter=No`, `# text`), a document
/// has it in its token offsets, IOB2 files only in their `# text` comments; without any of these
/// it is ``unknown``.
public enum Spacing {
  /// The text's spacing is not known.
  public static let unknown: UInt8 = 0

  /// The code of a word: 1, plus 1 with a space before it, plus 2 with a space after it.
  @inline(__always)
  public static func code(spaceBefore: Bool, spaceAfter: Bool) -> UInt8 {
    1 + (spaceBefore ? 1 : 0) + (spaceAfter ? 2 : 0)
  }

  /// Codes for one sentence's words, given which of them a space follows. A sentence's first
  /// word counts as spaced before and its last as spaced after, whatever surrounds the sentence.
  public static func codes(spaceAfter: [Bool]) -> [UInt8] {
    let n = spaceAfter.count
    return (0..<n).map { i in
      code(spaceBefore: i == 0 || spaceAfter[i - 1], spaceAfter: i == n - 1 || spaceAfter[i])
    }
  }

  /// Codes for every token of a document (those outside its sentences are ``unknown``), from
  /// the tokens' offsets in the text.
  public static func codes(_ document: Document) -> [UInt8] {
    var out = [UInt8](repeating: unknown, count: document.tokenCount)
    for s in document.sentences where !s.isEmpty {
      for i in s {
        let before = i == s.lowerBound || document.tokenStarts[i] > document.tokenEnds[i - 1]
        let after = i == s.upperBound - 1 || document.tokenEnds[i] < document.tokenStarts[i + 1]
        out[i] = code(spaceBefore: before, spaceAfter: after)
      }
    }
    return out
  }
}

extension CoNLLUSentence {
  /// The ``Spacing`` codes of the words: from `SpaceAfter=No` (on words, and on multiword tokens,
  /// whose words touch one another), else from the `# text` comment, else ``Spacing/unknown``
  /// (a file without either, or whose forms the text does not spell).
  public func spacing() -> [UInt8] {
    let n = words.count
    guard n > 0 else { return [] }
    var spaceAfter = words.map(\.spaceAfter)
    var marked = spaceAfter.contains(false)
    for t in multiwordTokens {
      // Word ids are 1-based and dense (``CoNLLU`` drops empty nodes).
      let first = t.first - 1
      let last = t.last - 1
      guard first >= 0, last < n, first <= last else { continue }
      for i in first..<last { spaceAfter[i] = false }
      spaceAfter[last] = t.spaceAfter
      marked = true
    }
    if marked { return Spacing.codes(spaceAfter: spaceAfter) }
    let text = comments.first { $0.hasPrefix("text = ") }.map { $0.dropFirst(7) }
    return Spacing.codes(forms: words.map(\.form), text: text)
  }
}

extension IOB2Sentence {
  /// The ``Spacing`` codes of the tokens, from the `# text` comment (``Spacing/unknown`` without one).
  public func spacing() -> [UInt8] {
    let text = comments.first { $0.hasPrefix("# text = ") }.map { $0.dropFirst(9) }
    return Spacing.codes(forms: tokens, text: text)
  }
}

extension Spacing {
  /// Codes for a sentence's forms as `text` spells them, or all ``unknown`` when there is no text
  /// or it does not spell the forms (one word alone needs no text).
  static func codes(forms: [String], text: Substring?) -> [UInt8] {
    if forms.count == 1 { return codes(spaceAfter: [true]) }
    guard let text, let spaceAfter = spaceAfter(forms: forms, text: text) else {
      return [UInt8](repeating: unknown, count: forms.count)
    }
    return codes(spaceAfter: spaceAfter)
  }

  /// Which forms the text follows with white space, or nil when the text does not spell the forms.
  static func spaceAfter(forms: [String], text: Substring) -> [Bool]? {
    let chars = Array(text.unicodeScalars)
    var pos = 0
    var result: [Bool] = []
    result.reserveCapacity(forms.count)
    for form in forms {
      while pos < chars.count && chars[pos].properties.isWhitespace { pos += 1 }
      for scalar in form.unicodeScalars {
        guard pos < chars.count, chars[pos] == scalar else { return nil }
        pos += 1
      }
      result.append(pos >= chars.count || chars[pos].properties.isWhitespace)
    }
    return result
  }
}
