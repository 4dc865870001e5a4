import Foundation
import Graph
import NLP
import Pipeline
import Testing
import Text

/// Time must grow linearly with the input, whatever its shape: each case times one stage on
/// inputs of size n, 2n, 4n and 8n and fails when both of the last two doublings cost more than
/// three times as much (quadratic behaviour costs four times, linear two; debug builds are noisy).
@Suite("Fuzz: time linear in input size", .serialized)
struct ScalingTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var base: Int
    var make: @Sendable (Int) -> String
    var run: @Sendable (String) -> Void
    var testDescription: String { name }
  }

  // MARK: - Stages

  static func tokenize(_ text: String) { _ = Tokenizer().spans(text) }

  static func segment(_ text: String) {
    var document = Document(article: Article(id: "x", source: "x", text: text))
    Segmenter().segment(&document)
  }

  static func stripHTML(_ text: String) { _ = ArticleReader().html(text, id: "x", source: "x") }

  static func readText(_ text: String) {
    _ = ArticleReader().readDocument(Array(text.utf8), format: .text, id: "x", source: "x")
  }

  static func tag(_ text: String) {
    var document = Document(article: Article(id: "x", source: "x", text: text))
    Segmenter().segment(&document)
    for annotator in FuzzPipeline.processor.annotators { annotator.annotate(&document) }
  }

  static func extract(_ text: String) {
    _ = FuzzPipeline.processor.process(Article(id: "x", source: "x", text: text))
  }

  static func repeated(_ unit: String) -> @Sendable (Int) -> String {
    { n in String(repeating: unit, count: max(1, n / unit.unicodeScalars.count)) }
  }

  static let cases: [Case] = [
    Case(
      name: "tokenizer: prose", base: 20_000, make: repeated("The minister met the envoy in Seoul. "),
      run: tokenize),
    Case(name: "tokenizer: one giant token", base: 20_000, make: repeated("a"), run: tokenize),
    Case(name: "tokenizer: dots", base: 20_000, make: repeated("."), run: tokenize),
    Case(name: "tokenizer: hyphens and apostrophes", base: 20_000, make: repeated("a-'"), run: tokenize),
    Case(
      name: "tokenizer: combining marks", base: 20_000,
      make: { "e" + String(repeating: "\u{301}", count: $0) }, run: tokenize),
    Case(
      name: "tokenizer: URL-like", base: 20_000,
      make: { "http://" + String(repeating: "a.b/", count: $0 / 4) }, run: tokenize),
    Case(name: "tokenizer: abbreviations", base: 20_000, make: repeated("U.S.A. "), run: tokenize),
    Case(name: "splitter: no sentence end", base: 20_000, make: repeated("word "), run: segment),
    Case(name: "splitter: titles before names", base: 20_000, make: repeated("Mr. Dr. Gen. "), run: segment),
    Case(name: "splitter: quotes and brackets", base: 20_000, make: repeated("\"(["), run: segment),
    Case(name: "splitter: closing after stops", base: 20_000, make: repeated(".\u{201D})] "), run: segment),
    Case(name: "splitter: line breaks", base: 20_000, make: repeated("a\n"), run: segment),
    Case(
      name: "html: unclosed tag", base: 20_000, make: { "<p" + String(repeating: " a", count: $0 / 2) },
      run: stripHTML),
    Case(name: "html: many open brackets", base: 20_000, make: repeated("<"), run: stripHTML),
    Case(
      name: "html: unclosed comment", base: 20_000, make: { "<!--" + String(repeating: "a ", count: $0 / 2) },
      run: stripHTML),
    Case(
      name: "html: unclosed script", base: 20_000,
      make: { "<script>" + String(repeating: "a<", count: $0 / 2) }, run: stripHTML),
    Case(name: "html: bare ampersands", base: 20_000, make: repeated("&"), run: stripHTML),
    Case(name: "html: unterminated entities", base: 20_000, make: repeated("&#12"), run: stripHTML),
    Case(name: "html: nested tags", base: 20_000, make: repeated("<b><i>"), run: stripHTML),
    Case(
      name: "html: unclosed attribute quote", base: 20_000,
      make: { "<a href=\"" + String(repeating: "x", count: $0) }, run: stripHTML),
    Case(name: "html: many titles", base: 20_000, make: repeated("<title>a"), run: stripHTML),
    Case(name: "ingest: one long line", base: 20_000, make: repeated("word "), run: readText),
    Case(name: "ingest: invalid UTF-8", base: 20_000, make: repeated("\u{FFFD}a\u{0}"), run: readText),
    Case(name: "tagger: one long sentence", base: 500, make: repeated("Putin met the envoy and "), run: tag),
    Case(
      name: "tagger: nested brackets", base: 500, make: { String(repeating: "( ", count: $0 / 2) + "Putin" },
      run: tag),
    Case(
      name: "extraction: one long sentence of names", base: 500,
      make: repeated("Vladimir Putin met Kim Jong Un and "), run: extract),
    Case(
      name: "extraction: many sentences", base: 1_000, make: repeated("Vladimir Putin met Kim Jong Un. "),
      run: extract),
    Case(name: "extraction: capitalised words", base: 500, make: repeated("Alpha Beta Gamma "), run: extract),
  ]

  static func seconds(_ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<3 {
      let start = monotonicSeconds()
      body()
      times.append(monotonicSeconds() - start)
    }
    return times.sorted()[1]
  }

  @Test(arguments: cases)
  func timeGrowsLinearly(_ stage: Case) {
    let sizes = [stage.base, stage.base * 2, stage.base * 4, stage.base * 8]
    let inputs = sizes.map(stage.make)
    stage.run(inputs[0])  // warm up (models load once)
    let times = inputs.map { input in Self.seconds { stage.run(input) } }
    let ratios = (1..<times.count).map { times[$0] / max(times[$0 - 1], 1e-6) }
    let line = zip(sizes, times).map { "\($0.0): \(String(format: "%.4f", $0.1)) s" }.joined(separator: ", ")
    print("scaling \(stage.name): \(line); ratios \(ratios.map { String(format: "%.2f", $0) })")
    // Below a millisecond the ratios are noise.
    let measurable = times.last! > 0.005
    #expect(
      !(measurable && ratios[1] > 3 && ratios[2] > 3),
      "\(stage.name) looks superlinear: \(line)")
  }
}
