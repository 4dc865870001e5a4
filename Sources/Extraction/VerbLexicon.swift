import Foundation

/// Coarse relation classes for predicates, so that "sent troops" and "deployed soldiers" compare
/// equal: a table from verb lemmas (and `verb_preposition` pairs) to a ``RelationClass`` and the
/// CAMEO event code it came from. The bundled table, `Resources/verb-classes.tsv`, is generated
/// from the CAMEO verb dictionary by ``VerbLexiconBuilder`` (`newsgraph lexicon build`).
public struct VerbLexicon: Sendable {
  /// One row of the table.
  public struct Entry: Sendable, Hashable, Comparable {
    /// A verb lemma, a verb with its particle or preposition (`send_to`, `carry_out`), or an
    /// irregular form listed by CAMEO (`sent`). Lowercase.
    public var lemma: String
    public var relationClass: RelationClass
    /// The CAMEO event code behind the class (`111`, `0334`, `190`).
    public var cameoCode: String

    public init(lemma: String, relationClass: RelationClass, cameoCode: String) {
      self.lemma = lemma
      self.relationClass = relationClass
      self.cameoCode = cameoCode
    }

    /// By lemma, in Unicode scalar order, which is byte order for UTF-8 files.
    public static func < (lhs: Entry, rhs: Entry) -> Bool {
      lhs.lemma.unicodeScalars.lexicographicallyPrecedes(rhs.lemma.unicodeScalars)
    }
  }

  /// The name of the bundled table.
  public static let resourceName = "verb-classes.tsv"

  /// Keyed by substrings so that a lookup can try prefixes of a predicate without copying them.
  private let index: [Substring: Entry]

  /// A lexicon of the given rows; of two rows for one lemma, the later one wins.
  public init(entries: some Sequence<Entry>) {
    var index: [Substring: Entry] = [:]
    for entry in entries { index[entry.lemma[...]] = entry }
    self.index = index
  }

  /// The bundled table, read once.
  public static let shared: VerbLexicon = {
    do {
      return try bundled()
    } catch {
      // The table is part of the package; without it the build itself is broken.
      fatalError("\(error)")
    }
  }()

  /// Reads the bundled table from the Extraction module's resources.
  public static func bundled() throws -> VerbLexicon {
    guard
      let url = Bundle.module.url(
        forResource: "verb-classes", withExtension: "tsv", subdirectory: "Resources")
    else { throw VerbLexiconError.missingResource(name: "Resources/\(resourceName)") }
    let data = try Data(contentsOf: url)
    return try VerbLexicon(tsv: String(decoding: data, as: UTF8.self), file: "Resources/\(resourceName)")
  }

  // MARK: - Lookup

  /// Every row, sorted by lemma.
  public var entries: [Entry] { index.values.sorted() }

  /// The number of rows.
  public var count: Int { index.count }

  /// The row for a normalized predicate (`impose_on`, `condemn`): the whole predicate first, then
  /// shorter and shorter prefixes ending at an `_`, down to the verb alone, so `send_to` uses a row
  /// for `send_to` when CAMEO has one and the row for `send` otherwise. Expects lowercase.
  public func entry(forPredicate predicate: String) -> Entry? {
    var key = predicate[...]
    while true {
      if let entry = index[key] { return entry }
      // `_` is ASCII, so its UTF-8 position is a valid index for the substring.
      guard let underscore = key.utf8.lastIndex(of: UInt8(ascii: "_")) else { return nil }
      key = key[..<underscore]
    }
  }

  /// The relation class name for ``Claim/relationClass`` (`condemn`, `aid`, `meet`), or nil when
  /// the verb is not in the lexicon or CAMEO gives it no event class.
  public func relationClass(forPredicate predicate: String) -> String? {
    entry(forPredicate: predicate)?.relationClass.rawValue
  }

  /// The CAMEO event code behind ``relationClass(forPredicate:)`` (`111`), looked up the same way.
  public func cameoCode(forPredicate predicate: String) -> String? {
    entry(forPredicate: predicate)?.cameoCode
  }

  // MARK: - Table format

  /// Reads `lemma<TAB>class<TAB>cameo-code` lines; `#` starts a comment line. `file` names the
  /// source in errors.
  public init(tsv: String, file: String) throws {
    var entries: [Entry] = []
    var lineNumber = 0
    // Split on bytes, not Characters: the table is plain ASCII, so grapheme breaking is wasted.
    for line in tsv.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
      if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
      let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map {
        String(Substring($0))
      }
      guard fields.count == 3, !fields[0].isEmpty else {
        throw VerbLexiconError.malformedLine(
          file: file, line: lineNumber,
          reason: "expected 'lemma<TAB>class<TAB>cameo-code', found \(fields.count) fields")
      }
      guard let relationClass = RelationClass(rawValue: fields[1]) else {
        throw VerbLexiconError.malformedLine(
          file: file, line: lineNumber,
          reason: "unknown relation class '\(fields[1])'; known: "
            + RelationClass.allCases.map(\.rawValue).joined(separator: ", "))
      }
      guard RelationClass(cameoCode: fields[2]) == relationClass else {
        throw VerbLexiconError.malformedLine(
          file: file, line: lineNumber,
          reason:
            "CAMEO code '\(fields[2])' is not in class \(relationClass.rawValue) (root \(relationClass.cameoRoot))"
        )
      }
      entries.append(Entry(lemma: fields[0], relationClass: relationClass, cameoCode: fields[2]))
    }
    self.init(entries: entries)
  }

  /// The table as read by ``init(tsv:file:)``: the header lines, each prefixed with `# `, then
  /// one sorted row per lemma. The same lexicon gives the same bytes.
  public func tsv(header: [String] = []) -> String {
    var text = ""
    for line in header { text += "# \(line)\n" }
    for entry in entries {
      text += "\(entry.lemma)\t\(entry.relationClass.rawValue)\t\(entry.cameoCode)\n"
    }
    return text
  }
}
