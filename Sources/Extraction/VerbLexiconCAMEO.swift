/// The verb section of a PETRARCH CAMEO verb dictionary: verb blocks, their synonyms and their
/// patterns. Format: "Verb Dictionary" in PETRARCH2's dictionaries-format.rst,
/// https://github.com/openeventdata/petrarch2/blob/master/docs/source/dictionaries-format.rst
///
/// Only what the verb lexicon needs is kept: synonym sets and transformations are skipped, and a
/// pattern is kept as its words, without PETRARCH's phrase structure.
public struct CAMEOVerbDictionary: Sendable, Hashable {
  /// The code in `[...]` after a block header, a synonym or a pattern.
  public enum Code: Sendable, Hashable {
    /// No `[...]` at all.
    case unspecified
    /// `[---]`: explicitly no event.
    case null
    /// A CAMEO event code such as `111` or `0334`; of `[042:043]` the first part.
    case event(String)

    /// The event code, if there is one.
    public var event: String? {
      if case .event(let code) = self { code } else { nil }
    }
  }

  /// A verb of a block (`SEND {SENDS SENDING SENT}`, `+CARRY_OUT`, `CONDEMN [111]`).
  public struct Synonym: Sendable, Hashable {
    /// Lowercase, without the `+` that marks the verb of a phrase: `send`, `carry_out`.
    public var lemma: String
    /// Irregular forms listed in `{...}`, lowercase: `sends`, `sent`.
    public var forms: [String]
    /// The verb's own code, which wins over the block's.
    public var code: Code
    public var line: Int

    public init(lemma: String, forms: [String] = [], code: Code = .unspecified, line: Int) {
      self.lemma = lemma
      self.forms = forms
      self.code = code
      self.line = line
    }
  }

  /// A pattern line (`- * (TO BORDER) [154]  # RUSH`), as its words: `["*", "(TO", "BORDER)"]`.
  public struct Pattern: Sendable, Hashable {
    public var words: [String]
    public var code: Code
    /// The comment after `#`, which by the dictionary's convention names the verb(s) the pattern
    /// was written for (`RUSH`, `SEND , DEPLOY`), sometimes followed by coder notes.
    public var comment: String
    public var line: Int

    public init(words: [String], code: Code, comment: String = "", line: Int) {
      self.words = words
      self.code = code
      self.comment = comment
      self.line = line
    }
  }

  /// A verb block: `---  SEND   [---]  ---`, its synonyms, then its patterns.
  public struct Block: Sendable, Hashable {
    /// As written in the header: `SEND`, `MEET_PEOPLE`.
    public var name: String
    public var code: Code
    public var synonyms: [Synonym]
    public var patterns: [Pattern]
    public var line: Int

    public init(name: String, code: Code, synonyms: [Synonym] = [], patterns: [Pattern] = [], line: Int) {
      self.name = name
      self.code = code
      self.synonyms = synonyms
      self.patterns = patterns
      self.line = line
    }
  }

  /// Blocks in file order.
  public var blocks: [Block]

  public init(blocks: [Block]) {
    self.blocks = blocks
  }

  /// Reads the `VERB PATTERNS` section of a dictionary; `file` names it in errors.
  public init(parsing text: String, file: String) throws {
    var blocks: [Block] = []
    var inVerbSection = false
    var lineNumber = 0
    // `\r\n` is one Character, so splitting on newlines handles both line ends.
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      lineNumber += 1
      let trimmed = line.trimmingWhitespace()
      if trimmed.hasPrefix("#") {
        // Section headers are comments: `####### VERB PATTERNS #######`.
        if trimmed.contains("VERB PATTERNS") {
          inVerbSection = true
        } else if inVerbSection && trimmed.contains("TRANSFORMATIONS") {
          break
        }
        continue
      }
      guard inVerbSection, !trimmed.isEmpty, !trimmed.hasPrefix("~") else { continue }
      let place = (file: file, line: lineNumber)

      if trimmed.hasPrefix("---") {
        blocks.append(try Self.header(trimmed, at: place))
        continue
      }
      guard !blocks.isEmpty else {
        throw VerbLexiconError.malformedLine(
          file: file, line: lineNumber,
          reason: "a verb or pattern before the first '--- VERB [code] ---' block")
      }
      let content = trimmed.prefix { $0 != "#" }.trimmingWhitespace()
      if content.isEmpty { continue }
      if content.hasPrefix("-") {
        var pattern = try Self.pattern(content.dropFirst(), at: place)
        if let hash = trimmed.firstIndex(of: "#") {
          pattern.comment = String(trimmed[trimmed.index(after: hash)...].trimmingWhitespace())
        }
        blocks[blocks.count - 1].patterns.append(pattern)
      } else {
        // TABARI-era comments after `;` survive on a few verb lines.
        let verb = content.prefix { $0 != ";" }.trimmingWhitespace()
        blocks[blocks.count - 1].synonyms.append(try Self.synonym(verb, at: place))
      }
    }
    guard inVerbSection else { throw VerbLexiconError.missingVerbSection(file: file) }
    self.blocks = blocks
  }

  // MARK: - Lines

  private typealias Place = (file: String, line: Int)

  /// `---  SEND   [---]  ---`
  private static func header(_ line: Substring, at place: Place) throws -> Block {
    let afterDashes = line.drop { $0 == "-" }.trimmingWhitespace()
    let name = afterDashes.prefix { !$0.isWhitespace && $0 != "[" }
    guard !name.isEmpty else {
      throw VerbLexiconError.malformedLine(
        file: place.file, line: place.line,
        reason: "a block header without a name; expected '--- NAME [code] ---'")
    }
    let code = try bracketed(afterDashes.dropFirst(name.count), opening: "[", closing: "]", at: place)
    return Block(
      name: String(name), code: try code.map { try parseCode($0, at: place) } ?? .unspecified,
      line: place.line)
  }

  /// `* (TO BORDER) [154]`, after the leading `-`.
  private static func pattern(_ body: Substring, at place: Place) throws -> Pattern {
    guard let open = body.lastIndex(of: "[") else {
      return Pattern(
        words: body.split(whereSeparator: \.isWhitespace).map(String.init), code: .unspecified,
        line: place.line)
    }
    guard let code = try bracketed(body[open...], opening: "[", closing: "]", at: place) else {
      throw VerbLexiconError.malformedLine(
        file: place.file, line: place.line, reason: "a pattern code without ']'")
    }
    let words = body[..<open].split(whereSeparator: \.isWhitespace).map(String.init)
    return Pattern(words: words, code: try parseCode(code, at: place), line: place.line)
  }

  /// `SEND {SENDS SENDING SENT }`, `+CARRY_OUT`, `CONDEMN [111]`, `RECONVENE[---]`.
  private static func synonym(_ line: Substring, at place: Place) throws -> Synonym {
    let word = line.prefix { !$0.isWhitespace && $0 != "{" && $0 != "[" }
    let lemma = normalizedVerb(word)
    guard !lemma.isEmpty else {
      throw VerbLexiconError.malformedLine(
        file: place.file, line: place.line, reason: "a verb line without a verb")
    }
    let rest = line.dropFirst(word.count)
    let forms = try bracketed(rest, opening: "{", closing: "}", at: place).map { list in
      list.split { $0.isWhitespace || $0 == "," }.map(normalizedVerb).filter { !$0.isEmpty && $0 != lemma }
    }
    let code = try bracketed(rest, opening: "[", closing: "]", at: place).map { try parseCode($0, at: place) }
    return Synonym(lemma: lemma, forms: forms ?? [], code: code ?? .unspecified, line: place.line)
  }

  /// The text inside the first `opening`…`closing` pair of `text`, or nil when there is none.
  private static func bracketed(
    _ text: Substring, opening: Character, closing: Character, at place: Place
  ) throws -> Substring? {
    guard let start = text.firstIndex(of: opening) else { return nil }
    let inside = text[text.index(after: start)...]
    guard let end = inside.firstIndex(of: closing) else {
      throw VerbLexiconError.malformedLine(
        file: place.file, line: place.line, reason: "'\(opening)' without a matching '\(closing)'")
    }
    return inside[..<end]
  }

  // MARK: - Words and codes

  /// `+CARRY_OUT` → `carry_out`; `WIRE_+TAP` → `wire_tap`.
  static func normalizedVerb(_ word: some StringProtocol) -> String {
    String(word.filter { $0 != "+" }).lowercased()
  }

  /// `111` → 111; `042:043` → 042; `---` → null. Of a paired code the first part is the event from
  /// the subject to the object and the second the reverse one (TABARI's "A visits B" = A 042 B and
  /// B 043 A); `[:173]` ("X faces trial") has no event from the subject, so it reads as null.
  private static func parseCode(_ text: Substring, at place: Place) throws -> Code {
    let trimmed = text.trimmingWhitespace()
    if trimmed.isEmpty { return .unspecified }
    let first = trimmed.prefix { $0 != ":" }.trimmingWhitespace()
    // A stray mark after the digits (`080!`) is tolerated: the digits are the code.
    let digits = first.prefix { $0.isASCII && $0.isNumber }
    if (2...4).contains(digits.count), VerbLexicon.RelationClass(cameoCode: digits) != nil {
      return .event(String(digits))
    }
    guard first.allSatisfy({ $0 == "-" }) else {
      throw VerbLexiconError.malformedLine(
        file: place.file, line: place.line,
        reason: "'[\(trimmed)]' is not a CAMEO code (expected e.g. [111] or [---])")
    }
    return .null
  }
}

// MARK: - Trimming

extension StringProtocol {
  fileprivate func trimmingWhitespace() -> SubSequence {
    let start = firstIndex { !$0.isWhitespace } ?? endIndex
    let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
    return self[start..<end]
  }
}
