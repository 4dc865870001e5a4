import Extraction
import Foundation
import Graph
import Testing
import Text

@testable import Pipeline

/// An extractor that needs no model: every capitalized word is an entity, and consecutive ones
/// in a sentence are related, so the job's own behaviour is what these tests see.
struct CapitalizedWordExtractor: ClaimExtractor {
  func extract(from document: Document) -> ArticleExtraction {
    var entities: [String: ExtractedEntity] = [:]
    var claims: [Claim] = []
    for (index, sentence) in document.sentences.enumerated() {
      let names = sentence.filter { document.forms[$0].first?.isUppercase == true }
      for token in names {
        let key = "unknown:" + document.forms[token].lowercased()
        let mention = Mention(
          text: document.forms[token], sentence: index, tokens: token..<token + 1,
          span: document.span(ofTokens: token..<token + 1))
        entities[key, default: ExtractedEntity(key: key, label: document.forms[token], type: .unknown)]
          .mentions.append(mention)
      }
      for (first, second) in zip(names, names.dropFirst()) {
        claims.append(
          Claim(
            subject: "unknown:" + document.forms[first].lowercased(), predicate: "near",
            object: "unknown:" + document.forms[second].lowercased(), confidence: 0.5, sentence: index,
            span: document.span(ofTokens: sentence), evidence: document.text(ofTokens: sentence)))
      }
    }
    return ArticleExtraction(
      article: ArticleInfo(document.article), entities: entities.values.sorted { $0.key < $1.key },
      claims: claims, sentenceCount: document.sentences.count, tokenCount: document.tokenCount)
  }
}

@Suite struct GraphBuildJobTests {
  let processor = ArticleProcessor(annotators: [], extractor: CapitalizedWordExtractor())

  func corpus(_ count: Int) throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("newsgraph-job-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for index in 0..<count {
      let text = "Story \(index)\n\nAlpha met Beta\(index % 7) in Gamma. Delta\(index % 3) called Alpha.\n"
      try text.write(to: folder.appendingPathComponent("a\(index).txt"), atomically: true, encoding: .utf8)
    }
    return folder.path
  }

  @Test func everyArticleOfAFolderIsProcessed() throws {
    let result = GraphBuildJob(processor: processor).run(inputs: [try corpus(25)])
    #expect(result.articleCount == 25)
    #expect(result.graph.articles.count == 25)
    #expect(result.findings.isEmpty)
    #expect(result.graph.entity("unknown:alpha")?.articles.count == 25)
  }

  @Test(arguments: [1, 2, 5])
  func graphIsTheSameWhateverTheNumberOfWorkersAndBatchSize(jobs: Int) throws {
    let folder = try corpus(40)
    let reference = GraphBuildJob(processor: processor, options: .init(jobs: 1, batchSize: 64))
      .run(inputs: [folder]).graph
    let other = GraphBuildJob(processor: processor, options: .init(jobs: jobs, batchSize: 3))
      .run(inputs: [folder]).graph
    #expect(other == reference)
  }

  @Test func progressIsReportedAfterEachBatch() throws {
    var reports: [Int] = []
    _ = GraphBuildJob(processor: processor, options: .init(jobs: 2, batchSize: 4))
      .run(inputs: [try corpus(10)]) { articles, _ in reports.append(articles) }
    #expect(reports == [4, 8, 10])
  }

  @Test func skippedInputsAreCountedAndTheRestStillBuilt() throws {
    let folder = try corpus(3)
    try Data([0, 1, 2, 0, 0, 0]).write(to: URL(fileURLWithPath: folder + "/junk.txt"))
    let result = GraphBuildJob(processor: processor).run(inputs: [folder, folder + "/missing.txt"])
    #expect(result.articleCount == 3)
    #expect(result.skippedCount == 2)
  }
}
