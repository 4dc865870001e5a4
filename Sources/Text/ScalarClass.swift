/// Fast character classes over Unicode scalars, used by the tokenizer, the sentence splitter and
/// the ingest code. ASCII goes through a table; everything else through `Unicode.Scalar.Properties`.
enum ScalarClass {
  // MARK: - ASCII ranges

  // Plain comparisons rather than a lookup table: a global table costs a lazy-initialisation
  // check on every access in the hot loop.
  @inline(__always) static func asciiLetter(_ v: UInt32) -> Bool { (v | 0x20) &- 0x61 < 26 }
  @inline(__always) static func asciiDigit(_ v: UInt32) -> Bool { v &- 0x30 < 10 }

  // MARK: - Classes

  @inline(__always) static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 128 { return v == 0x20 || (v &- 9 < 5) }
    // NBSP, Unicode spaces, line and paragraph separators; zero-width spaces and BOM count too,
    // so that they never end up inside a token.
    if v == 0x200B || v == 0xFEFF || v == 0x2060 { return true }
    return s.properties.isWhitespace
  }

  /// Letters, digits and combining marks: the scalars that make up words.
  @inline(__always) static func isWord(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 128 { return asciiLetter(v) || asciiDigit(v) }
    if v == 0xFFFD { return false }
    let p = s.properties
    if p.isAlphabetic { return true }
    switch p.generalCategory {
    case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
      return true
    default: return false
    }
  }

  @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 128 { return asciiDigit(v) }
    return s.properties.generalCategory == .decimalNumber
  }

  @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 128 { return asciiLetter(v) }
    return s.properties.isAlphabetic
  }

  @inline(__always) static func isUpper(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 128 { return v &- 0x41 < 26 }
    return s.properties.isUppercase
  }

  @inline(__always) static func isLower(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 128 { return v &- 0x61 < 26 }
    return s.properties.isLowercase
  }

  /// Apostrophes that may join a clitic or sit inside a name (O'Brien, don’t).
  @inline(__always) static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x27, 0x2019, 0x60, 0x2BC: return true
    default: return false
    }
  }

  /// Hyphen-like scalars that join compounds (ASCII hyphen-minus, U+2010, U+2011).
  @inline(__always) static func isHyphen(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x2D, 0x2010, 0x2011: return true
    default: return false
    }
  }

  /// `.`, `!`, `?`, `…` and their full-width forms: the scalars that can end a sentence.
  @inline(__always) static func isTerminal(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x2E, 0x21, 0x3F, 0x2026, 0x203C, 0x2047, 0x2048, 0x2049, 0xFF01, 0xFF0E, 0xFF1F, 0x3002:
      return true
    default: return false
    }
  }

  /// Closing quotes and brackets that stay with the sentence they close.
  @inline(__always) static func isClosing(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x2019, 0x201D, 0xBB, 0x203A, 0x300D, 0x300F:
      return true
    default: return false
    }
  }

  /// ASCII lowercase of a letter, or the scalar value unchanged.
  @inline(__always) static func asciiLower(_ s: Unicode.Scalar) -> UInt32 {
    let v = s.value
    return (v >= 65 && v <= 90) ? v + 32 : v
  }
}
