import Foundation
import Graph
import Pipeline
import Testing
import Text

/// The sizes scrapers produce: a 10 MB article on one line, a feed of 100,000 one-line articles,
/// sentences of 2,000 tokens and brackets nested thousands deep.
@Suite("Fuzz: very large inputs", .serialized)
struct LargeInputTests {
  static func temporaryFile(_ name: String, _ bytes: [UInt8]) -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("newsgraph-fuzz-\(getpid())-\(name)").path
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
  }

  static func articles(_ path: String) -> (articles: [Article], findings: [IngestFinding]) {
    var articles: [Article] = []
    var findings: [IngestFinding] = []
    for item in ArticleStream([path]) {
      switch item {
      case .article(let article): articles.append(article)
      case .finding(let finding): findings.append(finding)
      }
    }
    return (articles, findings)
  }

  @Test func tenMegabyteSingleLineArticleIsReadAndSegmented() throws {
    var nasty = NastyInputs(seed: FuzzConfiguration.seed(for: #function))
    // Hostile but printable: NUL and other controls would (rightly) make the file count as binary.
    var chunk = String.UnicodeScalarView()
    while chunk.count < 4096 {
      chunk.append(
        contentsOf: nasty.newsSentence().unicodeScalars.filter { $0.value >= 0x20 && $0 != "\u{7F}" })
      chunk.append(" ")
    }
    let unit = String(chunk)
    let line = "Headline\n\n" + String(repeating: unit, count: 10_000_000 / unit.utf8.count + 1)
    let path = Self.temporaryFile("long.txt", Array(line.utf8))
    defer { unlink(path) }
    let start = monotonicSeconds()
    let read = Self.articles(path)
    let article = try #require(read.articles.first, "\(read.findings)")
    #expect(read.articles.count == 1)
    var document = Document(article: article)
    Segmenter().segment(&document)
    print(
      "fuzz 10 MB line: \(document.tokenCount) tokens, \(document.sentences.count) sentences in \(monotonicSeconds() - start) s"
    )
    #expect(document.tokenCount > 1_000_000)
    #expect(document.sentences.count > 50_000)
    if FuzzConfiguration.large {
      let extraction = FuzzPipeline.processor.process(article)
      var builder = GraphBuilder()
      builder.add(extraction)
      let graph = builder.build()
      #expect(!graph.entities.isEmpty)
      var invariants = OutputInvariants()
      invariants.rendersSVG = true
      for violation in invariants.violations(graph) { Issue.record("10 MB line: \(violation)") }
    }
  }

  @Test func hundredThousandOneLineArticlesAreAllRead() throws {
    var nasty = NastyInputs(seed: FuzzConfiguration.seed(for: #function))
    var feed: [UInt8] = []
    var valid = 0
    for index in 0..<100_000 {
      if index % 1000 == 999 {
        feed += nasty.invalidUTF8().filter { $0 != 0x0A } + [0x0A]  // a broken row now and then
      } else {
        feed += Array(
          "{\"id\": \"r\(index)\", \"text\": \"\(nasty.pick(NastyInputs.names)) met \(nasty.pick(NastyInputs.names)).\"}\n"
            .utf8)
        valid += 1
      }
    }
    let path = Self.temporaryFile("feed.jsonl", feed)
    defer { unlink(path) }
    let start = monotonicSeconds()
    let read = Self.articles(path)
    print(
      "fuzz 100,000 rows: \(read.articles.count) articles, \(read.findings.count) findings in \(monotonicSeconds() - start) s"
    )
    #expect(read.articles.count == valid)
    #expect(Set(read.articles.map(\.id)).count == valid)
    #expect(read.findings.count >= 100 - 1)
    if FuzzConfiguration.large {
      let result = GraphBuildJob(processor: FuzzPipeline.processor).run(inputs: [path])
      #expect(result.articleCount == valid)
      for violation in OutputInvariants().violations(result.graph) {
        Issue.record("100,000 rows: \(violation)")
      }
    }
  }

  @Test(arguments: FuzzConfiguration.large ? [2_000, 10_000] : [2_000])
  func longSentenceGoesThroughTheWholePipeline(tokens: Int) {
    var nasty = NastyInputs(seed: FuzzConfiguration.seed(for: #function) &+ UInt64(tokens))
    var words: [String] = []
    while words.count < tokens {
      words += nasty.newsSentence().split(separator: " ").map(String.init).filter { !$0.hasSuffix(".") }
      words.append(nasty.pick([",", "and", "while", ";", "(", ")", "\""]))
    }
    let text = "Long sentence\n\n" + words.prefix(tokens).joined(separator: " ") + "."
    let article = ArticleReader().plainText(text, id: "long", source: "long.txt")
    let start = monotonicSeconds()
    let extraction = FuzzPipeline.processor.process(article)
    print(
      "fuzz \(tokens)-token sentence: \(extraction.tokenCount) tokens, \(extraction.claims.count) claims in \(monotonicSeconds() - start) s"
    )
    #expect(extraction.tokenCount >= tokens)
    var builder = GraphBuilder()
    builder.add(extraction)
    var invariants = OutputInvariants()
    invariants.rendersSVG = tokens <= 2_000
    for violation in invariants.violations(builder.build()) {
      Issue.record("\(tokens)-token sentence: \(violation)")
    }
  }

  @Test func deeplyNestedBracketsAndQuotes() {
    var nasty = NastyInputs(seed: FuzzConfiguration.seed(for: #function))
    let text =
      "Nested\n\n" + nasty.newsSentence() + " " + nasty.nested(depth: 20_000) + " " + nasty.newsSentence()
    let extraction = FuzzPipeline.processor.process(
      ArticleReader().plainText(text, id: "nested", source: "n.txt"))
    #expect(extraction.tokenCount > 20_000)
    let html = String(repeating: "<div><b>(\"", count: 20_000) + "Vladimir Putin met Kim Jong Un."
    let article = ArticleReader().html(html, id: "nested.html", source: "nested.html")
    #expect(article.text.contains("Vladimir Putin met Kim Jong Un."))
    var builder = GraphBuilder()
    builder.add(extraction)
    builder.add(FuzzPipeline.processor.process(article))
    for violation in OutputInvariants().violations(builder.build()) { Issue.record("nested: \(violation)") }
  }
}
