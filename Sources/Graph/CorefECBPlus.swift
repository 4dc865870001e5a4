import Extraction
import Foundation

/// The entity mentions of ECB+ (Cybulska and Vossen 2014) and their gold coreference chains.
///
/// Entity mentions are the markables of the four entity components of the annotation guideline:
/// human participants (`HUMAN_PART_*`), non-human participants (`NON_HUMAN_PART*`), locations
/// (`LOC_*`) and times (`TIME_*`); actions (`ACTION_*`, `NEG_*`) are events and
/// `UNKNOWN_INSTANCE_TAG` is no mention class. Only mentions whose first token lies in a sentence
/// of `ECBplus_coreference_sentences.csv` count, as the corpus README asks. A mention linked by a
/// `CROSS_DOC_COREF` relation belongs to the chain of that relation's instance; one linked by an
/// `INTRA_DOC_COREF` relation to a chain of its document; any other mention is a singleton.
public struct ECBPlusCorpus: Sendable {
  /// One gold entity mention.
  public struct Mention: Sendable, Hashable {
    /// `document:m_id`.
    public var id: String
    public var topic: Int
    public var document: String
    public var sentence: Int
    public var text: String
    /// The markable's tag, e.g. `HUMAN_PART_PER`.
    public var tag: String
    /// The gold chain.
    public var chain: String
    /// The words of the mention's sentence (context).
    public var sentenceText: String
  }

  public var mentions: [Mention]

  /// Reads the topics in `folder` (one subfolder per topic, as in the release).
  public init(folder: String, topics: Set<Int>?) throws {
    let selected = try Self.selectedSentences(folder)
    var mentions: [Mention] = []
    let manager = FileManager.default
    let topicFolders = try manager.contentsOfDirectory(atPath: folder).compactMap(Int.init).sorted()
    for topic in topicFolders where topics?.contains(topic) ?? true {
      let topicPath = (folder as NSString).appendingPathComponent(String(topic))
      for file in try manager.contentsOfDirectory(atPath: topicPath).sorted() where file.hasSuffix(".xml") {
        let path = (topicPath as NSString).appendingPathComponent(file)
        mentions += try Self.read(path: path, topic: topic, selected: selected)
      }
    }
    self.mentions = mentions
  }

  /// The gold chains, as lists of mention ids.
  public var goldChains: [[String]] {
    Dictionary(grouping: mentions, by: \.chain).values.map { $0.map(\.id) }.sorted { $0[0] < $1[0] }
  }

  // MARK: - Reading

  static func selectedSentences(_ folder: String) throws -> Set<String> {
    let path = (folder as NSString).appendingPathComponent("ECBplus_coreference_sentences.csv")
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw CorefDataError(path: path, line: 0, message: "cannot read the list of annotated sentences")
    }
    var selected = Set<String>()
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
      let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      guard fields.count == 3 else { continue }
      selected.insert("\(fields[0])_\(fields[1]).xml#\(fields[2])")
    }
    return selected
  }

  static func read(path: String, topic: Int, selected: Set<String>) throws -> [Mention] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw CorefDataError(path: path, line: 0, message: "cannot read")
    }
    let document = (path as NSString).lastPathComponent
    var tokens: [Int: (sentence: Int, text: String)] = [:]
    var markables: [(id: String, tag: String, anchors: [Int])] = []
    var open: (id: String, tag: String, anchors: [Int])?
    var chainOf: [String: String] = [:]
    var relation: (kind: String, note: String, sources: [String])?
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("<token ") {
        guard let id = attribute("t_id", line).flatMap(Int.init),
          let sentence = attribute("sentence", line).flatMap(Int.init),
          let start = line.firstIndex(of: ">"), let end = line.range(of: "</token>", options: .backwards)
        else { throw CorefDataError(path: path, line: number + 1, message: "malformed token") }
        tokens[id] = (sentence, unescape(String(line[line.index(after: start)..<end.lowerBound])))
      } else if line.hasPrefix("<token_anchor") {
        if let id = attribute("t_id", line).flatMap(Int.init) { open?.anchors.append(id) }
      } else if line.hasPrefix("</"), let current = open, line.hasPrefix("</\(current.tag)") {
        markables.append(current)
        open = nil
      } else if line.hasPrefix("<CROSS_DOC_COREF") || line.hasPrefix("<INTRA_DOC_COREF") {
        let kind = line.hasPrefix("<CROSS") ? "cross" : "intra"
        relation = (kind, attribute("note", line) ?? attribute("r_id", line) ?? "", [])
      } else if line.hasPrefix("<source"), let id = attribute("m_id", line) {
        relation?.sources.append(id)
      } else if line.hasPrefix("<target"), let id = attribute("m_id", line), let current = relation {
        let chain = current.kind == "cross" && !current.note.isEmpty ? current.note : "\(document)#\(id)"
        for source in current.sources { chainOf[source] = chain }
        relation = nil
      } else if line.hasPrefix("<"), !line.hasSuffix("/>"), let id = attribute("m_id", line) {
        let tag = String(line.dropFirst().prefix { $0 != " " && $0 != ">" })
        open = (id, tag, [])
      }
    }
    return markables.compactMap { markable -> Mention? in
      guard isEntity(markable.tag), let first = markable.anchors.min(),
        let sentence = tokens[first]?.sentence,
        selected.contains("\(document)#\(sentence)")
      else { return nil }
      let words = markable.anchors.sorted().compactMap { tokens[$0]?.text }
      let context = tokens.filter { $0.value.sentence == sentence }.sorted { $0.key < $1.key }.map(
        \.value.text)
      return Mention(
        id: "\(document):\(markable.id)", topic: topic, document: document, sentence: sentence,
        text: words.joined(separator: " "), tag: markable.tag,
        chain: chainOf[markable.id] ?? "\(document)#singleton-\(markable.id)",
        sentenceText: context.joined(separator: " "))
    }
  }

  static func isEntity(_ tag: String) -> Bool {
    tag.hasPrefix("HUMAN_PART") || tag.hasPrefix("NON_HUMAN_PART") || tag.hasPrefix("LOC_")
      || tag.hasPrefix("TIME_")
  }

  static func attribute(_ name: String, _ line: String) -> String? {
    guard let range = line.range(of: " \(name)=\"") else { return nil }
    let rest = line[range.upperBound...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
  }

  static func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}

/// A malformed or unreadable ECB+ file, with the place.
public struct CorefDataError: Error, CustomStringConvertible {
  public var path: String
  public var line: Int
  public var message: String
  public var description: String { line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)" }
}
