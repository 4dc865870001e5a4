import Text

// MARK: - Concept phrases

extension Document {
  /// Where a concept's phrase starts when words hyphenated onto its first word belong to it:
  /// "long-range missiles", "e-mail messages", "peer-to-peer networks", "Soviet-era tanks". The
  /// tokenizer splits hyphenated words (as the treebank does), and the parse often attaches their
  /// first part elsewhere; without it the phrase reads "range missiles".
  func hyphenatedStart(of start: Int, in sentence: Range<Int>) -> Int {
    var start = start
    while start - 2 >= sentence.lowerBound, isGluedHyphen(start - 1),
      forms[start - 2].unicodeScalars.contains(where: {
        $0.properties.isAlphabetic || ("0"..."9").contains($0)
      })
    {
      start -= 2
    }
    return start
  }

  /// Whether token `i` is a hyphen written between two words with no space on either side.
  func isGluedHyphen(_ i: Int) -> Bool {
    i > 0 && i + 1 < tokenCount && (forms[i] == "-" || forms[i] == "‐")
      && tokenEnds[i - 1] == tokenStarts[i] && tokenEnds[i] == tokenStarts[i + 1]
  }

  /// A concept's name: its words lowercased, spaced as one, but joined where a hyphen glues them.
  func conceptPhrase(_ tokens: Range<Int>) -> String {
    var phrase = ""
    for t in tokens {
      if t > tokens.lowerBound && !isGluedHyphen(t) && !isGluedHyphen(t - 1) { phrase += " " }
      phrase += forms[t]
    }
    return phrase.lowercased()
  }
}
