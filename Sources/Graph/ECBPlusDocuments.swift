import Foundation

/// The texts of ECB+ documents (Cybulska and Vossen 2014), for article-level evaluation.
///
/// Each topic folder holds articles about two similar but different real events: `N_Mecb.xml`
/// about one, `N_Mecbplus.xml` about the other. The text is rebuilt from the tokens, one line per
/// sentence, tokens joined by spaces.
public struct ECBPlusDocument: Sendable, Hashable {
  /// The file name, `2_1ecb.xml`.
  public var name: String
  public var topic: Int
  /// Whether the document is of the `ecbplus` half of its topic.
  public var isPlus: Bool
  public var text: String

  /// The event the document reports: its topic and half, `2ecb` or `2ecbplus`.
  public var event: String { "\(topic)\(isPlus ? "ecbplus" : "ecb")" }

  public init(name: String, topic: Int, isPlus: Bool, text: String) {
    self.name = name
    self.topic = topic
    self.isPlus = isPlus
    self.text = text
  }

  /// Every document of the chosen topics in `folder` (all topics when nil), by topic then name.
  public static func read(folder: String, topics: Set<Int>?) throws -> [ECBPlusDocument] {
    let manager = FileManager.default
    let names: [String]
    do { names = try manager.contentsOfDirectory(atPath: folder) } catch {
      throw CorefDataError(path: folder, line: 0, message: "cannot list the ECB+ folder")
    }
    var documents: [ECBPlusDocument] = []
    for topic in names.compactMap(Int.init).sorted() where topics?.contains(topic) ?? true {
      let topicPath = (folder as NSString).appendingPathComponent(String(topic))
      for file in try manager.contentsOfDirectory(atPath: topicPath).sorted() where file.hasSuffix(".xml") {
        documents.append(try read(path: (topicPath as NSString).appendingPathComponent(file), topic: topic))
      }
    }
    return documents
  }

  /// One document; the half comes from the file name (`…ecbplus.xml` or `…ecb.xml`).
  public static func read(path: String, topic: Int) throws -> ECBPlusDocument {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw CorefDataError(path: path, line: 0, message: "cannot read")
    }
    let name = (path as NSString).lastPathComponent
    guard name.hasSuffix("ecb.xml") || name.hasSuffix("ecbplus.xml") else {
      throw CorefDataError(
        path: path, line: 0, message: "the name ends neither in ecb.xml nor in ecbplus.xml")
    }
    var sentences: [Int: [String]] = [:]
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      guard line.hasPrefix("<token ") else { continue }
      guard let sentence = ECBPlusCorpus.attribute("sentence", line).flatMap(Int.init),
        let start = line.firstIndex(of: ">"), let end = line.range(of: "</token>", options: .backwards)
      else { throw CorefDataError(path: path, line: number + 1, message: "malformed token") }
      sentences[sentence, default: []].append(
        ECBPlusCorpus.unescape(String(line[line.index(after: start)..<end.lowerBound])))
    }
    let body = sentences.keys.sorted().map { sentences[$0]!.joined(separator: " ") }.joined(separator: "\n")
    return ECBPlusDocument(name: name, topic: topic, isPlus: name.hasSuffix("ecbplus.xml"), text: body)
  }
}
