// MARK: - Per-word string features, hashed once

/// The hashed string properties of one word that feature templates combine: the form, its
/// lowercase, prefixes and suffixes of 1–4 characters, and its shape.
///
/// Computed straight from UTF-8 bytes without allocating; ASCII letters are lowercased, other
/// characters are kept as they are.
struct WordHashes: Sendable {
  var form: UInt64 = 0
  var lower: UInt64 = 0
  /// `prefix[k-1]` is the hash of the first k characters of the lowercase form.
  var prefix: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
  /// `suffix[k-1]` is the hash of the last k characters of the lowercase form.
  var suffix: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
  var shape: UInt64 = 0
  /// Bit 0: has a digit; 1: has an uppercase letter; 2: has a hyphen; 3: all letters uppercase;
  /// 4: first character uppercase.
  var flags: UInt64 = 0
  /// Has a lowercase ASCII letter (kept out of ``flags``, whose values other models' features hash).
  var hasLower = false
  /// The word's ambiguity class in the training data (the set of its frequent tags) + 1, or 0.
  var ambiguity: UInt64 = 0
  /// The word's distributional classes (coarsest first) + 1 and its capitalization bucket, from
  /// ``WordClasses`` (0 = unknown word); set by the tagger.
  var cluster: (UInt64, UInt64, UInt64) = (0, 0, 0)
  var capital: UInt64 = 0
  /// The word's dictionary parts of speech (``WordCategories`` bits), 0 when unlisted; set by
  /// the tagger.
  var category: UInt64 = 0
  /// How the word is spaced in the text (``Spacing``); set by the tagger.
  var spacing: UInt64 = 0

  /// Hashes for the padding positions before and after a sentence.
  static let padding: WordHashes = {
    var h = WordHashes()
    h.form = 0x5EED_0001
    h.lower = 0x5EED_0001
    h.prefix = (1, 1, 1, 1)
    h.suffix = (1, 1, 1, 1)
    h.shape = 0x5EED_0002
    h.flags = 0x80
    h.ambiguity = 0x5EED_0003
    h.cluster = (0x5EED_0004, 0x5EED_0004, 0x5EED_0004)
    h.capital = 0x5EED_0005
    h.category = 0x5EED_0006
    h.spacing = 0x5EED_0007
    return h
  }()

  init() {}

  init(_ word: String) {
    if let r = word.utf8.withContiguousStorageIfAvailable({ WordHashes(bytes: $0) }) {
      self = r
    } else {
      let bytes = Array(word.utf8)
      self = bytes.withUnsafeBufferPointer { WordHashes(bytes: $0) }
    }
  }

  /// Only ``form`` and ``lower`` (as computed by the full initializer), for lookups.
  static func formAndLower(_ word: String) -> (UInt64, UInt64) {
    func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
      var lower: UInt64 = 0xCBF2_9CE4_8422_2325
      for var b in bytes {
        if b >= 65 && b <= 90 { b += 32 }
        lower ^= UInt64(b)
        lower &*= 0x100_0000_01B3
      }
      return (FeatureHash.bytes(bytes), FeatureHash.combine(lower, UInt64(bytes.count)))
    }
    if let r = word.utf8.withContiguousStorageIfAvailable(hash) { return r }
    return Array(word.utf8).withUnsafeBufferPointer(hash)
  }

  init(bytes: UnsafeBufferPointer<UInt8>) {
    form = FeatureHash.bytes(bytes)
    let n = bytes.count
    // Lowercase hash, shape hash and flags in one pass.
    var lowerHash: UInt64 = 0xCBF2_9CE4_8422_2325
    var shapeHash: UInt64 = 0xCBF2_9CE4_8422_2325
    var lastClass: UInt8 = 0
    var run = 0
    var hasUpper = false, hasLowerLetter = false, hasDigit = false, hasHyphen = false
    for i in 0..<n {
      var b = bytes[i]
      let cls: UInt8
      if b >= 65 && b <= 90 {
        hasUpper = true
        b += 32
        cls = UInt8(ascii: "X")
      } else if b >= 97 && b <= 122 {
        hasLowerLetter = true
        cls = UInt8(ascii: "x")
      } else if b >= 48 && b <= 57 {
        hasDigit = true
        cls = UInt8(ascii: "d")
      } else if b >= 0x80 {
        // Non-ASCII: one class per scalar (continuation bytes skipped).
        cls = b & 0xC0 == 0x80 ? 0 : UInt8(ascii: "u")
      } else {
        if b == UInt8(ascii: "-") { hasHyphen = true }
        cls = b
      }
      lowerHash ^= UInt64(b)
      lowerHash &*= 0x100_0000_01B3
      if cls != 0 {
        if cls == lastClass { run += 1 } else { run = 1 }
        lastClass = cls
        if run <= 3 {
          shapeHash ^= UInt64(cls)
          shapeHash &*= 0x100_0000_01B3
        }
      }
    }
    lower = FeatureHash.combine(lowerHash, UInt64(n))
    shape = FeatureHash.combine(shapeHash, 0x5A)
    var f: UInt64 = 0
    if hasDigit { f |= 1 }
    if hasUpper { f |= 2 }
    if hasHyphen { f |= 4 }
    if hasUpper && !hasLowerLetter { f |= 8 }
    if n > 0 && bytes[0] >= 65 && bytes[0] <= 90 { f |= 16 }
    flags = f
    hasLower = hasLowerLetter
    // Prefixes and suffixes by characters (scalars), over the lowercased bytes.
    var ends: (Int, Int, Int, Int) = (n, n, n, n)  // byte end of the first k scalars
    var starts: (Int, Int, Int, Int) = (0, 0, 0, 0)  // byte start of the last k scalars
    var seen = 0
    for i in 0..<n where bytes[i] & 0xC0 != 0x80 {
      switch seen {
      case 1: ends.0 = i
      case 2: ends.1 = i
      case 3: ends.2 = i
      case 4: ends.3 = i
      default: break
      }
      seen += 1
      if seen > 4 { break }
    }
    seen = 0
    var i = n - 1
    while i >= 0 && seen < 4 {
      if bytes[i] & 0xC0 != 0x80 {
        seen += 1
        switch seen {
        case 1: starts.0 = i
        case 2: starts.1 = i
        case 3: starts.2 = i
        default: starts.3 = i
        }
      }
      i -= 1
    }
    if seen < 4 {
      // Shorter words: the missing suffixes are the whole word.
      if seen < 2 { starts.1 = 0 }
      if seen < 3 { starts.2 = 0 }
      starts.3 = 0
    }
    func affix(_ range: Range<Int>, _ tag: UInt64) -> UInt64 {
      var h: UInt64 = 0xCBF2_9CE4_8422_2325
      for j in range {
        var b = bytes[j]
        if b >= 65 && b <= 90 { b += 32 }
        h ^= UInt64(b)
        h &*= 0x100_0000_01B3
      }
      return FeatureHash.combine(h, tag &+ UInt64(range.count))
    }
    prefix = (
      affix(0..<ends.0, 0x100), affix(0..<ends.1, 0x200), affix(0..<ends.2, 0x300),
      affix(0..<ends.3, 0x400)
    )
    suffix = (
      affix(starts.0..<n, 0x1100), affix(starts.1..<n, 0x1200), affix(starts.2..<n, 0x1300),
      affix(starts.3..<n, 0x1400)
    )
  }
}
