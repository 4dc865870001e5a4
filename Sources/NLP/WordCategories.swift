import Foundation

// MARK: - Dictionary parts of speech

/// The parts of speech a dictionary gives a word form, for tagger features of words the treebank
/// has seldom or never seen ("morcillas", "unpatriotic", "re-elected").
///
/// Built from WordNet 3.0 (Princeton University; Debian package `wordnet-base`): its noun, verb,
/// adjective and adverb lemmas, their regular inflections (generated here, as WordNet's own
/// morphology undoes them), its lists of irregular forms, and whether the lemma is written
/// capitalized there (a name such as "Venus"). Stored in the tagger's model file, so a model
/// always predicts with the dictionary it was trained with.
public struct WordCategories: Sendable {
  /// ``WordHashes/lower`` of a form → its category bits (``Bit``).
  let table: FeatureTable

  /// Category bits of a form.
  enum Bit {
    static let noun: Int32 = 1 << 0
    static let verb: Int32 = 1 << 1
    static let adjective: Int32 = 1 << 2
    static let adverb: Int32 = 1 << 3
    static let plural: Int32 = 1 << 4
    static let thirdPerson: Int32 = 1 << 5
    static let past: Int32 = 1 << 6
    static let gerund: Int32 = 1 << 7
    static let comparative: Int32 = 1 << 8
    static let superlative: Int32 = 1 << 9
    /// Every entry of the lemma is capitalized (a name).
    static let capitalizedOnly: Int32 = 1 << 10
    /// Some entries are capitalized, some are not ("mercury", "Mercury").
    static let capitalizedToo: Int32 = 1 << 11
  }

  /// No dictionary (no features).
  public static let empty = WordCategories(table: FeatureTable(minimumCapacity: 16))

  init(table: FeatureTable) { self.table = table }

  /// Forms listed.
  public var formCount: Int { table.count }

  /// The category bits of a form, by its ``WordHashes/lower`` hash; 0 when unlisted.
  @inline(__always)
  func bits(_ lower: UInt64) -> UInt64 {
    let v = table.find(lower)
    return v < 0 ? 0 : UInt64(v)
  }

  /// The category bits of a written form (any case).
  public func bits(of form: String) -> Int32 { Int32(bits(WordHashes.formAndLower(form).1)) }

  // MARK: Building from WordNet

  /// Reads WordNet's database files (`index.noun`, `data.noun`, `noun.exc`, ... as installed in
  /// `/usr/share/wordnet` by Debian's `wordnet-base`) from `folder`.
  public init(wordNetFolder folder: String) throws {
    let read = { try Self.read($0, in: folder) }
    var categories: [String: Int32] = [:]
    var capitalized: [String: (upper: Bool, lower: Bool)] = [:]
    let parts: [(String, Int32)] = [
      ("noun", Bit.noun), ("verb", Bit.verb), ("adj", Bit.adjective), ("adv", Bit.adverb),
    ]
    for (part, bit) in parts {
      for line in try read("index.\(part)").split(separator: "\n") where line.first != " " {
        guard let lemma = line.split(separator: " ", maxSplits: 1).first, !lemma.contains("_") else {
          continue
        }
        let word = String(lemma)
        categories[word, default: 0] |= bit
        for (form, inflection) in Self.inflections(of: word, bit) {
          categories[form, default: 0] |= inflection
        }
      }
      // Irregular forms: "children child", "went go", "better good well".
      for line in try read("\(part).exc").split(separator: "\n") {
        guard let form = line.split(separator: " ").first, !form.contains("_") else { continue }
        let word = String(form)
        categories[word, default: 0] |= Self.irregularBit(word, bit)
      }
      // Synset lines: offset, lexicographer file, type, word count (hex), then word/lex-id pairs.
      for line in try read("data.\(part)").split(separator: "\n") where line.first != " " {
        let fields = line.split(separator: " ", maxSplits: 60)
        guard fields.count > 4, let count = Int(fields[3], radix: 16) else { continue }
        for k in 0..<count where 4 + 2 * k < fields.count {
          var word = fields[4 + 2 * k]
          if let paren = word.firstIndex(of: "(") { word = word[..<paren] }  // adjective markers
          guard !word.contains("_") else { continue }
          let isUpper = word.first.map { $0.isUppercase } ?? false
          var seen = capitalized[word.lowercased()] ?? (false, false)
          if isUpper { seen.upper = true } else { seen.lower = true }
          capitalized[word.lowercased()] = seen
        }
      }
    }
    for (word, seen) in capitalized where seen.upper {
      categories[word, default: 0] |= seen.lower ? Bit.capitalizedToo : Bit.capitalizedOnly
    }
    self.init(forms: categories)
  }

  /// Lowercase forms with their category bits.
  init(forms: [String: Int32]) {
    var table = FeatureTable(minimumCapacity: max(16, forms.count))
    for (word, bits) in forms.sorted(by: { $0.key < $1.key }) where bits != 0 {
      table.insert(WordHashes.formAndLower(word).1, id: bits)
    }
    self.init(table: table)
  }

  /// A WordNet database file's text.
  static func read(_ name: String, in folder: String) throws -> String {
    let path = (folder as NSString).appendingPathComponent(name)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw NLPError.io(file: path, reason: "cannot read this WordNet database file")
    }
    // WordNet is ASCII but for a few Latin-1 bytes in glosses, which no lemma uses.
    return String(decoding: data, as: UTF8.self)
  }

  /// The definitions and example phrases of a WordNet database folder, for unlabelled text: in
  /// each synset line of `data.noun`, `data.verb`, `data.adj` and `data.adv`, the text after `|`,
  /// split at `;`, with the quotes around examples removed; phrases under three words are left out.
  public static func glosses(wordNetFolder folder: String) throws -> [String] {
    var phrases: [String] = []
    let trimmed = CharacterSet(charactersIn: "\"").union(.whitespaces)
    for part in ["noun", "verb", "adj", "adv"] {
      for line in try read("data.\(part)", in: folder).split(separator: "\n") where line.first != " " {
        guard let bar = line.firstIndex(of: "|") else { continue }
        for piece in line[line.index(after: bar)...].split(separator: ";") {
          let phrase = piece.trimmingCharacters(in: trimmed)
          if phrase.split(separator: " ").count >= 3 { phrases.append(phrase) }
        }
      }
    }
    return phrases
  }

  /// The regular inflections of a lemma of one part of speech, with their bits.
  static func inflections(of lemma: String, _ part: Int32) -> [(String, Int32)] {
    let letters = Array(lemma)
    guard letters.count >= 2, letters.allSatisfy({ $0.isLetter }) else { return [] }
    let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
    let last = letters[letters.count - 1]
    let beforeLast = letters[letters.count - 2]
    let stem = String(letters.dropLast())
    // "plans", "matches", "cities"
    func sForm() -> String {
      if lemma.hasSuffix("s") || lemma.hasSuffix("x") || lemma.hasSuffix("z") || lemma.hasSuffix("ch")
        || lemma.hasSuffix("sh")
      {
        return lemma + "es"
      }
      if last == "y" && !vowels.contains(beforeLast) { return stem + "ies" }
      return lemma + "s"
    }
    // A short final consonant-vowel-consonant may double ("stopped", "bigger"); both spellings
    // are listed, as the dictionary cannot tell stress ("visited").
    let doubles =
      letters.count >= 3 && !vowels.contains(last) && !"wxy".contains(last) && vowels.contains(beforeLast)
      && !vowels.contains(letters[letters.count - 3])
    func suffixed(_ suffix: String) -> [String] {
      var forms: [String]
      if last == "e" {
        forms = [stem + suffix]
      } else if last == "y" && !vowels.contains(beforeLast) {
        forms = [stem + "i" + suffix]
      } else {
        forms = [lemma + suffix]
      }
      if doubles { forms.append(lemma + String(last) + suffix) }
      return forms
    }
    switch part {
    case Bit.noun:
      if lemma.hasSuffix("man") { return [(String(lemma.dropLast(2)) + "en", Bit.plural)] }
      return [(sForm(), Bit.plural)]
    case Bit.verb:
      var forms: [(String, Int32)] = [(sForm(), Bit.thirdPerson)]
      forms += suffixed("ed").map { ($0, Bit.past) }
      if lemma.hasSuffix("ie") {
        forms.append((String(letters.dropLast(2)) + "ying", Bit.gerund))
      } else if last == "e" && !lemma.hasSuffix("ee") && !lemma.hasSuffix("ye") && !lemma.hasSuffix("oe") {
        forms.append((stem + "ing", Bit.gerund))
      } else {
        forms.append((lemma + "ing", Bit.gerund))
        if doubles { forms.append((lemma + String(last) + "ing", Bit.gerund)) }
      }
      return forms
    case Bit.adjective:
      return suffixed("er").map { ($0, Bit.comparative) } + suffixed("est").map { ($0, Bit.superlative) }
    default:
      return []
    }
  }

  /// The bit of an irregular form from a part's exception list.
  static func irregularBit(_ form: String, _ part: Int32) -> Int32 {
    switch part {
    case Bit.noun: return Bit.plural
    case Bit.verb: return form.hasSuffix("ing") ? Bit.gerund : Bit.past
    case Bit.adjective, Bit.adverb: return form.hasSuffix("est") ? Bit.superlative : Bit.comparative
    default: return 0
    }
  }

  // MARK: Model file

  func put(into archive: inout ModelArchive) { archive.put(table, keys: "CKEY", values: "CVAL") }

  /// The categories stored in `archive`, or ``empty`` for a model written without them.
  init(archive: ModelArchive, file: String) throws {
    guard archive.has("CKEY") else {
      self = .empty
      return
    }
    self.init(table: try archive.table(keys: "CKEY", values: "CVAL", what: "word categories", file: file))
  }
}
