import ArgumentParser
import Foundation
import NLP
import Text

/// `newsgraph bench ...`: throughput benchmarks of pipeline stages (run on release builds).
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure the speed of pipeline stages (use a release build).",
    subcommands: [BenchNLP.self, BenchNER.self]
  )
}

struct BenchNLP: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nlp",
    abstract:
      "Tokens per second of the tagger, tagger + lemmatizer, and tagger + lemmatizer + parser, on one core.",
    discussion: """
      Reads every .txt file under the corpus folder, splits it into sentences and tokens once
      (not timed), then times each stage over the whole corpus several times and reports the median.
      """
  )

  @Option(help: "Folder of plain-text articles (searched recursively).") var corpus: String
  @Option(help: "Timed runs per stage.") var runs = 5
  @Option(help: "Tagger model (default: bundled).") var tagger: String?
  @Option(help: "Parser model (default: bundled).") var parser: String?
  @Flag(help: "Print JSON.") var json = false
  @Flag(help: "Time the tagger and lemmatizer only.") var noParser = false

  func run() throws {
    let tagging =
      try tagger.map { try TaggingModel(contentsOf: $0) }
      ?? TaggingModel(contentsOf: SyntaxAnnotator.bundledPath(SyntaxAnnotator.taggerResource))
    var documents: [Document] = []
    let root = URL(fileURLWithPath: corpus)
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
      throw ValidationError("\(corpus): cannot read folder")
    }
    var paths: [String] = []
    for case let url as URL in walker
    where url.pathExtension == "txt" && url.lastPathComponent != "README.TXT" {
      paths.append(url.path)
    }
    paths.sort()
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      let text = String(decoding: data, as: UTF8.self)
      var doc = Document(article: Article(id: path, source: path, text: text))
      BenchTokenizer.tokenize(&doc)
      documents.append(doc)
    }
    let tokens = documents.reduce(0) { $0 + $1.tokenCount }
    printError("corpus: \(documents.count) articles, \(tokens) tokens")
    let tagsOnly = SyntaxAnnotator(tagging: tagging, parsing: nil)
    func measure(_ name: String, _ body: (Document) -> Int) -> Double {
      var rates: [Double] = []
      var sink = 0
      for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        for d in documents { sink &+= body(d) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        rates.append(Double(tokens) / seconds)
      }
      rates.sort()
      let median = rates[rates.count / 2]
      printError(
        "\(name): median \(Int(median)) tokens/s over \(runs) runs (min \(Int(rates.first!)), max \(Int(rates.last!)))  [\(sink & 1)]"
      )
      return median
    }
    let t = measure("tagger") { d in tagging.tagger.tagClasses(d).count }
    let tl = measure("tagger+lemmatizer") { d in
      var d = d
      tagsOnly.annotate(&d)
      return d.lemmas.count
    }
    var tlp = 0.0
    if !noParser {
      let parsing =
        try parser.map { try ParsingModel(contentsOf: $0) }
        ?? ParsingModel(contentsOf: SyntaxAnnotator.bundledPath(SyntaxAnnotator.parserResource))
      let full = SyntaxAnnotator(tagging: tagging, parsing: parsing)
      tlp = measure("tagger+lemmatizer+parser") { d in
        var d = d
        full.annotate(&d)
        return d.heads.count
      }
    }
    if json {
      print(
        "{\"articles\": \(documents.count), \"tokens\": \(tokens), \"runs\": \(runs), \"tagger\": \(Int(t)), \"taggerLemmatizer\": \(Int(tl)), \"taggerLemmatizerParser\": \(Int(tlp))}"
      )
    } else {
      print(
        "tokens/s (median of \(runs)): tagger \(Int(t)), tagger+lemmatizer \(Int(tl)), tagger+lemmatizer+parser \(Int(tlp))"
      )
    }
  }
}

/// A stand-in sentence splitter and tokenizer for the benchmark only, until the Text target's
/// tokenizer is merged: splits on white space, separates leading and trailing punctuation and
/// `n't`/`'s` clitics, and ends sentences after `.`, `!` or `?` tokens and at blank lines.
enum BenchTokenizer {
  static func tokenize(_ doc: inout Document) {
    let s = doc.scalars
    var i = 0
    var sentenceStart = 0
    func emit(_ a: Int, _ b: Int) {
      doc.tokenStarts.append(Int32(a))
      doc.tokenEnds.append(Int32(b))
      doc.forms.append(doc.text(a..<b))
    }
    func endSentence() {
      if doc.forms.count > sentenceStart { doc.sentences.append(sentenceStart..<doc.forms.count) }
      sentenceStart = doc.forms.count
    }
    func isPunct(_ c: Unicode.Scalar) -> Bool {
      switch c.properties.generalCategory {
      case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
        .finalPunctuation, .otherPunctuation, .currencySymbol:
        return true
      default:
        return false
      }
    }
    while i < s.count {
      if s[i].properties.isWhitespace {
        var newlines = 0
        while i < s.count && s[i].properties.isWhitespace {
          if s[i] == "\n" { newlines += 1 }
          i += 1
        }
        if newlines >= 1 { endSentence() }
        continue
      }
      var j = i
      while j < s.count && !s[j].properties.isWhitespace { j += 1 }
      var a = i
      var b = j
      var trailing: [(Int, Int)] = []
      while a < b && isPunct(s[a]) {
        emit(a, a + 1)
        a += 1
      }
      while b > a && isPunct(s[b - 1]) {
        trailing.append((b - 1, b))
        b -= 1
      }
      if a < b {
        let word = doc.text(a..<b).lowercased()
        if word.hasSuffix("n't") && b - a > 3 {
          emit(a, b - 3)
          emit(b - 3, b)
        } else if word.hasSuffix("'s") && b - a > 2 {
          emit(a, b - 2)
          emit(b - 2, b)
        } else {
          emit(a, b)
        }
      }
      for (x, y) in trailing.reversed() {
        emit(x, y)
        if s[x] == "." || s[x] == "!" || s[x] == "?" { endSentence() }
      }
      i = j
    }
    endSentence()
  }
}
