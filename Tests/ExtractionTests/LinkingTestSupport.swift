import Extraction
import Foundation
import Text

/// Builds documents for linking tests with a plain whitespace-and-punctuation tokenizer (the
/// project's tokenizer lives on another branch), with capitalized runs as candidate mentions.
enum LinkingFixture {
  static let gazetteer: Gazetteer = {
    do { return try Gazetteer.bundled() } catch { fatalError("bundled gazetteer: \(error)") }
  }()

  static let linker = EntityLinker(gazetteer: gazetteer)

  /// Links `text` with its capitalized runs as candidates that the recognizer typed `type`.
  static func link(_ text: String, typed type: EntityType?) -> LinkedDocument {
    let document = document(text)
    let candidates = CandidateMention.capitalizedRuns(in: document).map {
      CandidateMention(tokens: $0.tokens, type: type)
    }
    return linker.link(document, candidates: candidates)
  }

  /// Links `text` with its capitalized runs as candidates, the last one typed `type` and the
  /// others untyped, as the recognizer leaves an office's word ("President") before a name.
  static func link(_ text: String, lastRunTyped type: EntityType) -> LinkedDocument {
    let document = document(text)
    let runs = CandidateMention.capitalizedRuns(in: document)
    let candidates = runs.indices.map {
      CandidateMention(tokens: runs[$0].tokens, type: $0 == runs.count - 1 ? type : nil)
    }
    return linker.link(document, candidates: candidates)
  }

  /// Tokens: runs of letters, digits, hyphens, apostrophes and inner periods ("U.S.", "Jong-un");
  /// a trailing period of a word that is not an abbreviation, quotes, commas and other marks
  /// stand alone; "'s" and "’s" split off. Sentences end after ".", "!" or "?" and at blank lines.
  static func document(_ text: String) -> Document {
    var document = Document(article: Article(id: "test", source: "test", text: text))
    let scalars = document.scalars
    var starts: [Int32] = []
    var ends: [Int32] = []
    var forms: [String] = []
    func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
      scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-" || scalar == "'"
        || scalar == "\u{2019}" || scalar == "."
    }
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar.properties.isWhitespace {
        index += 1
        continue
      }
      if !isWordScalar(scalar) || scalar == "." || scalar == "'" || scalar == "\u{2019}" || scalar == "-" {
        starts.append(Int32(index))
        ends.append(Int32(index + 1))
        forms.append(String(scalar))
        index += 1
        continue
      }
      var end = index
      while end < scalars.count, isWordScalar(scalars[end]) { end += 1 }
      // Trailing periods, apostrophes and hyphens belong to the word only in abbreviations.
      var word = String(String.UnicodeScalarView(scalars[index..<end]))
      let isAbbreviation =
        word.contains(".") && word.dropLast().contains(".")
        && word.split(separator: ".").allSatisfy { $0.count <= 2 }
      while let last = word.unicodeScalars.last,
        last == "." || last == "'" || last == "\u{2019}" || last == "-",
        !(last == "." && isAbbreviation)
      {
        word.unicodeScalars.removeLast()
        end -= 1
      }
      // Possessive clitic.
      var clitic: String? = nil
      if word.hasSuffix("'s") || word.hasSuffix("\u{2019}s") {
        clitic = String(word.suffix(2))
        word = String(word.dropLast(2))
      }
      starts.append(Int32(index))
      ends.append(Int32(index + word.unicodeScalars.count))
      forms.append(word)
      if let clitic {
        starts.append(Int32(index + word.unicodeScalars.count))
        ends.append(Int32(end))
        forms.append(clitic)
      }
      index = end
    }
    document.tokenStarts = starts
    document.tokenEnds = ends
    document.forms = forms
    var sentences: [Range<Int>] = []
    var sentenceStart = 0
    for token in forms.indices {
      let endsSentence = [".", "!", "?"].contains(forms[token])
      let blankLineAfter =
        token + 1 < forms.count
        && text.unicodeScalars.count > 0
        && String(String.UnicodeScalarView(scalars[Int(ends[token])..<Int(starts[token + 1])])).contains(
          "\n\n")
      if endsSentence || blankLineAfter || token == forms.count - 1 {
        sentences.append(sentenceStart..<(token + 1))
        sentenceStart = token + 1
      }
    }
    document.sentences = sentences
    return document
  }

  /// Links a text with capitalized-sequence candidates.
  static func link(_ text: String) -> (Document, LinkedDocument) {
    let document = document(text)
    return (document, linker.link(document, candidates: CandidateMention.capitalizedRuns(in: document)))
  }

  static func exampleArticle() throws -> String {
    // The shared data sit beside the project checkout (../shared), or at /work/shared.
    let here = URL(fileURLWithPath: #filePath)
    var folder = here.deletingLastPathComponent()
    for _ in 0..<6 {
      let candidate = folder.appendingPathComponent("shared/examples/north-korean-troops-in-russia.txt")
      if FileManager.default.fileExists(atPath: candidate.path) {
        return try String(contentsOf: candidate, encoding: .utf8)
      }
      folder = folder.deletingLastPathComponent()
    }
    return try String(
      contentsOf: URL(fileURLWithPath: "/work/shared/examples/north-korean-troops-in-russia.txt"),
      encoding: .utf8)
  }
}
