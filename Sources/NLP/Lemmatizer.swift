// MARK: - Lemmatizer

/// Lemmas from a treebank lookup (form + XPOS → lemma), with learned suffix rules for unseen words.
///
/// Rules are edits learned from the treebank's word types: "lowercase or not, cut k characters,
/// append a string", chosen by the XPOS and the longest known suffix of the word (up to 5
/// characters), as in classic data-driven lemmatizers.
public struct Lemmatizer: Sendable {
  /// Lemma strings referenced by ``lookup``.
  let lemmas: [String]
  /// combine(form hash, xpos hash) → index in ``lemmas``; also keyed by the lowercase form.
  let lookup: FeatureTable
  /// Edit rules, encoded as "L|cut|append" (L lowercases first) or "K|cut|append" (keep case).
  let rules: [String]
  let parsedRules: [(lowercase: Bool, cut: Int, append: String)]
  /// Per rule, the number of scalars it appends.
  let appendLengths: [Int]
  /// combine(xpos hash, suffix hash, length) → index in ``rules``.
  let ruleIndex: FeatureTable

  static let maxSuffix = 5

  init(lemmas: [String], lookup: FeatureTable, rules: [String], ruleIndex: FeatureTable) {
    self.lemmas = lemmas
    self.lookup = lookup
    self.rules = rules
    self.ruleIndex = ruleIndex
    self.parsedRules = rules.map { r in
      let parts = r.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
      return (parts[0] == "L", Int(parts[1]) ?? 0, parts.count > 2 ? String(parts[2]) : "")
    }
    self.appendLengths = parsedRules.map { $0.append.unicodeScalars.count }
  }

  @inline(__always)
  static func formKey(_ form: UInt64, _ xpos: UInt64, lowercase: Bool) -> UInt64 {
    FeatureHash.combine(FeatureHash.combine(form, xpos), lowercase ? 0x10 : 0x20)
  }

  static func lowercased(_ s: String) -> String { s.lowercased() }

  /// The lemma of `form` tagged `xpos`.
  public func lemma(_ form: String, xpos: String) -> String {
    lemma(form, xposHash: FeatureHash.string(xpos))
  }

  /// The lemma of `form` whose XPOS has the hash `x` (``FeatureHash/string(_:)``).
  func lemma(_ form: String, xposHash x: UInt64) -> String {
    let (formHash, lowerHash) = WordHashes.formAndLower(form)
    var id = lookup.find(Self.formKey(formHash, x, lowercase: false))
    if id < 0 { id = lookup.find(Self.formKey(lowerHash, x, lowercase: true)) }
    if id >= 0 { return lemmas[Int(id)] }
    return applyRule(form, xposHash: x)
  }

  func applyRule(_ form: String, xposHash x: UInt64) -> String {
    // One word in ten is not in the lookup (in news); most are ASCII, whose rule is found on the
    // bytes without making a string per suffix.
    guard form.utf8.allSatisfy({ $0 < 0x80 }) else { return applyRuleByScalars(form, xposHash: x) }
    var text = form  // `withUTF8` may first make the string contiguous, so it needs a variable
    return text.withUTF8 { bytes in
      asciiRule(bytes, xposHash: x).map { Self.applyASCII(parsedRules[$0], to: bytes, form: form) } ?? form
    }
  }

  /// ``applyRule(_:xposHash:)`` for an ASCII word, on its bytes: the same rule as
  /// ``applyRuleByScalars(_:xposHash:)`` finds, since an ASCII word's scalars are its bytes and
  /// lowercasing it changes A–Z only. `nil` when no rule applies.
  private func asciiRule(_ bytes: UnsafeBufferPointer<UInt8>, xposHash x: UInt64) -> Int? {
    let count = bytes.count
    let n = min(Self.maxSuffix, count)
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maxSuffix) { lower in
      for k in 0..<n { lower[k] = Self.lowercaseASCII(bytes[count - n + k]) }
      var length = n
      while length >= 0 {
        let suffix = FeatureHash.bytes(UnsafeBufferPointer(rebasing: lower[(n - length)..<n]))
        let r = ruleIndex.find(FeatureHash.combine(FeatureHash.combine(x, suffix), UInt64(length)))
        if r >= 0,
          count < 4
            || Self.resultLength(parsedRules[Int(r)], appending: appendLengths[Int(r)], to: count) >= 3
        {
          return Int(r)
        }
        length -= 1
      }
      return nil
    }
  }

  @inline(__always)
  static func lowercaseASCII(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

  /// The length in scalars of ``apply(_:to:)``'s result for a word of `count` scalars.
  static func resultLength(_ rule: (lowercase: Bool, cut: Int, append: String), appending: Int, to count: Int)
    -> Int
  {
    guard rule.cut <= count else { return count }
    let length = count - rule.cut + appending
    return length == 0 ? count : length
  }

  /// ``apply(_:to:)`` for an ASCII word given as its bytes.
  static func applyASCII(
    _ rule: (lowercase: Bool, cut: Int, append: String), to bytes: UnsafeBufferPointer<UInt8>, form: String
  ) -> String {
    let kept = rule.cut <= bytes.count ? bytes.count - rule.cut : bytes.count
    var out: [UInt8] = []
    out.reserveCapacity(kept + rule.append.utf8.count)
    for b in bytes[0..<kept] { out.append(rule.lowercase ? lowercaseASCII(b) : b) }
    if rule.cut <= bytes.count { out.append(contentsOf: rule.append.utf8) }
    return out.isEmpty ? form : String(decoding: out, as: UTF8.self)
  }

  /// ``applyRule(_:xposHash:)`` for any word, scalar by scalar.
  func applyRuleByScalars(_ form: String, xposHash x: UInt64) -> String {
    let lower = form.lowercased()
    let scalars = Array(lower.unicodeScalars)
    var rule = -1
    var length = min(Self.maxSuffix, scalars.count)
    while length >= 0 {
      let suffix = String(String.UnicodeScalarView(scalars[(scalars.count - length)...]))
      let r = ruleIndex.find(
        FeatureHash.combine(FeatureHash.combine(x, FeatureHash.string(suffix)), UInt64(length)))
      // A rule that would leave less than a three-letter stem of a longer word ("swung" → "sw")
      // was learned from another word family; a shorter suffix's rule is the safer guess.
      if r >= 0, scalars.count < 4 || Self.apply(parsedRules[Int(r)], to: form).unicodeScalars.count >= 3 {
        rule = Int(r)
        break
      }
      length -= 1
    }
    guard rule >= 0 else { return form }
    return Self.apply(parsedRules[rule], to: form)
  }

  static func apply(_ rule: (lowercase: Bool, cut: Int, append: String), to form: String) -> String {
    let base = rule.lowercase ? form.lowercased() : form
    let scalars = base.unicodeScalars
    guard rule.cut <= scalars.count else { return base }
    var view = String.UnicodeScalarView(scalars.dropLast(rule.cut))
    view.append(contentsOf: rule.append.unicodeScalars)
    let out = String(view)
    return out.isEmpty ? form : out
  }

  /// The edit rule that turns `form` into `lemma`: keep or lowercase, cut, append.
  static func rule(from form: String, to lemma: String) -> String {
    func edit(_ f: String) -> (Int, String) {
      let a = Array(f.unicodeScalars)
      let b = Array(lemma.unicodeScalars)
      var common = 0
      while common < a.count && common < b.count && a[common] == b[common] { common += 1 }
      return (a.count - common, String(String.UnicodeScalarView(b[common...])))
    }
    let kept = edit(form)
    let lowered = edit(form.lowercased())
    // Prefer the edit that keeps more of the word; lowercasing wins ties (most lemmas are lowercase).
    if lowered.0 <= kept.0 { return "L|\(lowered.0)|\(lowered.1)" }
    return "K|\(kept.0)|\(kept.1)"
  }

  // MARK: Training

  /// Learns the lookup table and the rules from gold words.
  public static func train(_ sentences: [CoNLLUSentence]) -> Lemmatizer {
    // Counts of lemmas per (form, xpos) and per (lowercase form, xpos).
    var exact: [String: [String: Int]] = [:]
    var lowered: [String: [String: Int]] = [:]
    for s in sentences {
      for w in s.words where w.lemma != "_" || w.form == "_" {
        exact["\(w.form)\t\(w.xpos)", default: [:]][w.lemma, default: 0] += 1
        lowered["\(w.form.lowercased())\t\(w.xpos)", default: [:]][w.lemma, default: 0] += 1
      }
    }
    func best(_ counts: [String: Int]) -> String {
      counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
    }
    var lemmas: [String] = []
    var lemmaIDs: [String: Int32] = [:]
    var lookup = FeatureTable(minimumCapacity: exact.count + lowered.count)
    func intern(_ s: String) -> Int32 {
      if let id = lemmaIDs[s] { return id }
      lemmas.append(s)
      lemmaIDs[s] = Int32(lemmas.count - 1)
      return Int32(lemmas.count - 1)
    }
    for key in exact.keys.sorted() {
      let parts = key.split(separator: "\t", omittingEmptySubsequences: false)
      let k = formKey(
        FeatureHash.string(String(parts[0])), FeatureHash.string(String(parts[1])), lowercase: false)
      lookup.insert(k, id: intern(best(exact[key]!)))
    }
    for key in lowered.keys.sorted() {
      let parts = key.split(separator: "\t", omittingEmptySubsequences: false)
      let form = String(parts[0])
      let k = formKey(WordHashes(form).lower, FeatureHash.string(String(parts[1])), lowercase: true)
      lookup.insert(k, id: intern(best(lowered[key]!)))
    }
    // Rules from word types: for every (xpos, suffix) the most frequent edit.
    var ruleCounts: [String: [String: Int]] = [:]
    for key in exact.keys.sorted() {
      let parts = key.split(separator: "\t", omittingEmptySubsequences: false)
      let form = String(parts[0])
      let xpos = String(parts[1])
      let lemma = best(exact[key]!)
      let r = rule(from: form, to: lemma)
      let scalars = Array(form.lowercased().unicodeScalars)
      for length in 0...min(maxSuffix, scalars.count) {
        let suffix = String(String.UnicodeScalarView(scalars[(scalars.count - length)...]))
        ruleCounts["\(xpos)\t\(length)\t\(suffix)", default: [:]][r, default: 0] += 1
      }
    }
    var rules: [String] = []
    var ruleIDs: [String: Int32] = [:]
    var ruleIndex = FeatureTable(minimumCapacity: ruleCounts.count)
    for key in ruleCounts.keys.sorted() {
      let counts = ruleCounts[key]!
      let parts = key.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
      let length = Int(parts[1])!
      let total = counts.values.reduce(0, +)
      // Long suffixes need support to be trusted; the bare XPOS (length 0) is always kept.
      if length > 0 && total < 2 { continue }
      let r = best(counts)
      let id: Int32
      if let existing = ruleIDs[r] {
        id = existing
      } else {
        rules.append(r)
        id = Int32(rules.count - 1)
        ruleIDs[r] = id
      }
      let k = FeatureHash.combine(
        FeatureHash.combine(FeatureHash.string(String(parts[0])), FeatureHash.string(String(parts[2]))),
        UInt64(length))
      ruleIndex.insert(k, id: id)
    }
    return Lemmatizer(lemmas: lemmas, lookup: lookup, rules: rules, ruleIndex: ruleIndex)
  }

  // MARK: Serialization

  func store(in archive: inout ModelArchive) {
    archive.put("LEMS", strings: lemmas)
    let lk = lookup.pairsByID()
    archive.put("LKEY", lk.map(\.0))
    archive.put("LVAL", lk.map(\.1))
    archive.put("RULS", strings: rules)
    let rk = ruleIndex.pairsByID()
    archive.put("RKEY", rk.map(\.0))
    archive.put("RVAL", rk.map(\.1))
  }

  init(archive: ModelArchive, file: String) throws {
    let lemmas = try archive.strings("LEMS", file: file)
    let lkeys: [UInt64] = try archive.get("LKEY", file: file)
    let lvals: [Int32] = try archive.get("LVAL", file: file)
    let rules = try archive.strings("RULS", file: file)
    let rkeys: [UInt64] = try archive.get("RKEY", file: file)
    let rvals: [Int32] = try archive.get("RVAL", file: file)
    guard lkeys.count == lvals.count, rkeys.count == rvals.count,
      lvals.allSatisfy({ $0 >= 0 && Int($0) < lemmas.count }),
      rvals.allSatisfy({ $0 >= 0 && Int($0) < rules.count })
    else { throw NLPError.invalidModel(file: file, reason: "inconsistent lemmatizer sections") }
    var lookup = FeatureTable(minimumCapacity: lkeys.count)
    for (k, v) in zip(lkeys, lvals) { lookup.insert(k, id: v) }
    var ruleIndex = FeatureTable(minimumCapacity: rkeys.count)
    for (k, v) in zip(rkeys, rvals) { ruleIndex.insert(k, id: v) }
    self.init(lemmas: lemmas, lookup: lookup, rules: rules, ruleIndex: ruleIndex)
  }
}
