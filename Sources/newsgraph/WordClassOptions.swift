import ArgumentParser
import Foundation
import NLP
import Text

/// The options of the training commands that learn word classes from unlabelled text.
struct WordClassOptions: ParsableArguments {
  @Option(
    help:
      "Unlabelled text for word classes and capitalization statistics (repeatable): a CoNLL-U file (forms only), a plain-text file (one or more sentences a line), a folder of ECB+ token XML files, or a WordNet 3.0 database folder (its definitions and examples)."
  )
  var unlabelled: [String] = []
  @Option(help: "Word-class counts, coarsest first (at most three).") var classes = "32,128,400"
  @Option(help: "Exchange-algorithm passes per granularity.") var classIterations = 8

  /// The word classes of the unlabelled text; none without it.
  func learn() throws -> WordClasses {
    let granularities = classes.split(separator: ",").compactMap { Int($0) }
    guard granularities.count <= 3, granularities.allSatisfy({ $0 >= 2 && $0 <= 511 }) else {
      throw ValidationError("--classes: at most three counts, each 2...511")
    }
    guard !unlabelled.isEmpty else { return .empty }
    var text: [[String]] = []
    for path in unlabelled { text += try UnlabelledText.sentences(path) }
    printError("unlabelled text: \(text.count) sentences, \(text.reduce(0) { $0 + $1.count }) tokens")
    return WordClasses.learn(text, granularities: granularities, iterations: classIterations) {
      printError($0)
    }
  }

  /// How `classes` were learnt, for a model's metadata.
  func describe(_ classes: WordClasses) -> String {
    guard !unlabelled.isEmpty else { return "none" }
    return "\(self.classes) classes, \(classIterations) passes, \(classes.wordCount) words from "
      + unlabelled.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " + ")
  }
}

// MARK: - Unlabelled text

/// Tokenized sentences of unlabelled text for ``WordClasses``.
enum UnlabelledText {
  static func sentences(_ path: String) throws -> [[String]] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw ValidationError("\(path): no such file or folder")
    }
    if isFolder.boolValue
      && FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("data.noun"))
    {
      return try wordNetGlosses(path)
    }
    if isFolder.boolValue {
      guard let walker = FileManager.default.enumerator(atPath: path) else {
        throw ValidationError("\(path): cannot read folder")
      }
      var files: [String] = []
      for case let name as String in walker where name.hasSuffix(".xml") { files.append(name) }
      var result: [[String]] = []
      for name in files.sorted() { result += try ecbTokens((path as NSString).appendingPathComponent(name)) }
      return result
    }
    if path.hasSuffix(".conllu") { return try readCoNLLU(path).map { $0.words.map(\.form) } }
    var document = Document(article: Article(id: path, source: path, text: try InputFile.text(path)))
    Segmenter().segment(&document)
    return document.sentences.map { Array(document.forms[$0]) }
  }

  /// The definitions and examples of a WordNet 3.0 database folder, one sentence each.
  static func wordNetGlosses(_ folder: String) throws -> [[String]] {
    // Blank lines end sentences; glosses have no final stop.
    let text = try WordCategories.glosses(wordNetFolder: folder).joined(separator: "\n\n")
    var document = Document(article: Article(id: folder, source: folder, text: text))
    Segmenter().segment(&document)
    return document.sentences.map { Array(document.forms[$0]) }
  }

  /// The sentences of an ECB+ file: `<token t_id=".." sentence="N" ...>word</token>` lines.
  static func ecbTokens(_ path: String) throws -> [[String]] {
    var result: [[String]] = []
    var current: [String] = []
    var sentence = ""
    for line in try InputFile.text(path).split(separator: "\n") {
      guard line.hasPrefix("<token "), let open = line.firstIndex(of: ">"),
        let close = line.range(of: "</token>", options: .backwards),
        let s = line.range(of: "sentence=\"")
      else { continue }
      let id = line[s.upperBound...].prefix { $0 != "\"" }
      if id != sentence && !current.isEmpty {
        result.append(current)
        current = []
      }
      sentence = String(id)
      let word = line[line.index(after: open)..<close.lowerBound]
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&amp;", with: "&")
      if !word.isEmpty { current.append(word) }
    }
    if !current.isEmpty { result.append(current) }
    return result
  }
}
