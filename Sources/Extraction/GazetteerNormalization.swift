import Foundation

// MARK: - Name keys

/// Folds names and tokens into the keys the gazetteer is indexed by.
///
/// A key keeps only letters and digits, lowercased, with Latin diacritics removed, so that
/// "U.S." = "US" = "us", "Kim Jong-un" = "Kim Jong Un" and "Côte d’Ivoire" = "Cote d'Ivoire".
/// Spaces are dropped too: a match must still begin and end on token boundaries, which the scan
/// checks, so dropping them only makes the key independent of how a tokenizer split the name.
public enum GazetteerKey {
  /// The key of a whole name, with a leading "the" removed ("the United Nations" → `unitednations`).
  public static func of(_ name: String) -> String {
    var scalars: [UInt32] = []
    append(name, to: &scalars, droppingArticle: true)
    var view = String.UnicodeScalarView()
    for value in scalars { view.append(Unicode.Scalar(value)!) }
    return String(view)
  }

  /// The key scalars of one name, as the trie stores them (a leading "the" removed).
  static func scalars(of name: String) -> [UInt32] {
    var out: [UInt32] = []
    append(name, to: &out, droppingArticle: true)
    return out
  }

  /// Appends the key scalars of `text` to `out`. With `droppingArticle`, a leading "the "
  /// followed by more text is skipped.
  static func append<S: StringProtocol>(_ text: S, to out: inout [UInt32], droppingArticle: Bool) {
    var scalars = text.unicodeScalars.makeIterator()
    if droppingArticle {
      // Read ahead four scalars; replay them unless they are "the ".
      var head: [Unicode.Scalar] = []
      head.reserveCapacity(4)
      while head.count < 4, let scalar = scalars.next() { head.append(scalar) }
      let isArticle =
        head.count == 4 && (head[0] == "t" || head[0] == "T") && (head[1] == "h" || head[1] == "H")
        && (head[2] == "e" || head[2] == "E") && head[3] == " "
      if !isArticle || !text.unicodeScalars.dropFirst(4).contains(where: { $0 != " " }) {
        for scalar in head { fold(scalar, into: &out) }
      }
    }
    while let scalar = scalars.next() { fold(scalar, into: &out) }
  }

  /// Appends the folded form of one scalar: nothing for punctuation and spaces.
  @inline(__always)
  static func fold(_ scalar: Unicode.Scalar, into out: inout [UInt32]) {
    let value = scalar.value
    if value < 0x80 {
      switch value {
      case 0x41...0x5A: out.append(value + 0x20)
      case 0x61...0x7A, 0x30...0x39: out.append(value)
      default: break
      }
      return
    }
    var iterator = KeyScalarIterator(String(scalar))
    while let folded = iterator.next() { out.append(folded.value) }
  }

  /// A URL- and IRI-safe slug: lowercase ASCII letters and digits joined by single hyphens.
  ///
  /// Periods and apostrophes vanish inside a word ("U.S." → `us`, "People's" → `peoples`); every
  /// other separator becomes one hyphen ("Kim Jong-un" → `kim-jong-un`).
  public static func slug(_ name: String) -> String {
    var out = ""
    var pendingHyphen = false
    for scalar in name.unicodeScalars {
      if scalar == "." || scalar == "'" || scalar == "\u{2019}" { continue }
      var iterator = KeyScalarIterator(String(scalar))
      var produced = false
      while let folded = iterator.next() {
        guard folded.isASCII else { continue }
        if pendingHyphen && !out.isEmpty { out.append("-") }
        pendingHyphen = false
        out.unicodeScalars.append(folded)
        produced = true
      }
      if !produced { pendingHyphen = true }
    }
    return out
  }
}

// MARK: - Folding one scalar at a time

/// Iterates the key scalars of a string without allocating: letters and digits only, lowercased,
/// Latin diacritics folded to their base letters (ß → ss, æ → ae, ø → o).
struct KeyScalarIterator: IteratorProtocol {
  private var base: String.UnicodeScalarView.Iterator
  private var pending: Unicode.Scalar?

  init(_ string: String) { base = string.unicodeScalars.makeIterator() }

  mutating func next() -> Unicode.Scalar? {
    if let scalar = pending {
      pending = nil
      return scalar
    }
    while let scalar = base.next() {
      let value = scalar.value
      if value < 0x80 {
        switch value {
        case 0x41...0x5A: return Unicode.Scalar(value + 0x20)
        case 0x61...0x7A, 0x30...0x39: return scalar
        default: continue
        }
      }
      if value < 0x250 {
        let fold = LatinFold.table[Int(value)]
        if fold.first == 0 { continue }
        if fold.second != 0 { pending = Unicode.Scalar(fold.second) }
        return Unicode.Scalar(fold.first)
      }
      // Other scripts: keep letters and digits, lowercased where that is one scalar.
      let properties = scalar.properties
      guard properties.isAlphabetic || properties.numericType != nil else { continue }
      if properties.changesWhenLowercased {
        let lower = properties.lowercaseMapping.unicodeScalars
        if lower.count == 1, let first = lower.first { return first }
      }
      return scalar
    }
    return nil
  }
}

/// ASCII folds for U+0000–U+024F, computed once from canonical decompositions.
enum LatinFold {
  struct Fold: Sendable {
    var first: UInt8
    var second: UInt8
  }

  static let table: [Fold] = {
    var table = [Fold](repeating: Fold(first: 0, second: 0), count: 0x250)
    for value in 0..<0x250 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      switch value {
      case 0x41...0x5A: table[value] = Fold(first: UInt8(value + 0x20), second: 0)
      case 0x61...0x7A, 0x30...0x39: table[value] = Fold(first: UInt8(value), second: 0)
      case 0..<0x80: continue
      default:
        if let special = specials[scalar] {
          let bytes = Array(special.utf8)
          table[value] = Fold(first: bytes[0], second: bytes.count > 1 ? bytes[1] : 0)
          continue
        }
        guard scalar.properties.isAlphabetic else { continue }
        // Canonical decomposition: the base letter comes first ("é" → "e" + U+0301).
        let lower = scalar.properties.lowercaseMapping.decomposedStringWithCanonicalMapping
        if let base = lower.unicodeScalars.first, base.isASCII, base.properties.isAlphabetic {
          table[value] = Fold(first: UInt8(base.value), second: 0)
        }
      }
    }
    return table
  }()

  /// Letters whose canonical decomposition has no ASCII base.
  static let specials: [Unicode.Scalar: String] = [
    "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
    "ł": "l", "Ł": "l", "ı": "i", "ħ": "h", "Ħ": "h", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d",
    "ŋ": "n", "Ŋ": "n", "ſ": "s", "ƒ": "f", "ŧ": "t", "Ŧ": "t",
  ]
}
