import Dispatch
import Extraction
import Foundation
import Graph
import NLP
import Text

/// Reads articles from inputs, processes them on every core and merges them into one graph.
///
/// Articles are read as a stream and processed in batches, so memory follows the size of the
/// graph, not of the corpus. The graph does not depend on scheduling: the builder sorts.
public struct GraphBuildJob: Sendable {
  public struct Options: Sendable {
    /// Articles processed concurrently; 0 means one per core.
    public var jobs: Int
    public var batchSize: Int
    public static let `default` = Options(jobs: 0, batchSize: 64)
    public init(jobs: Int, batchSize: Int) {
      self.jobs = jobs
      self.batchSize = batchSize
    }
  }

  /// What a run produced, and what it had to skip or repair.
  public struct Result: Sendable {
    public var graph: KnowledgeGraph
    public var findings: [IngestFinding]
    public var articleCount: Int
    public var tokenCount: Int
    /// Inputs, articles or rows left out because they could not be read.
    public var skippedCount: Int { findings.filter { $0.severity >= .skipped }.count }
  }

  public var processor: ArticleProcessor
  public var options: Options

  public init(processor: ArticleProcessor, options: Options = .default) {
    self.processor = processor
    self.options = options
  }

  /// Builds the graph of every article in `inputs`, calling `progress` after each batch with the
  /// number of articles and tokens done so far.
  ///
  /// A batch's results are merged into the graph while the next batch is processed, by the first
  /// worker free, so that the merge does not hold every other core idle.
  public func run(
    inputs: [String], into builder: GraphBuilder = GraphBuilder(),
    progress: (_ articles: Int, _ tokens: Int) -> Void = { _, _ in }
  ) -> Result {
    let merging = Merging(builder)
    var findings: [IngestFinding] = []
    var batch: [Article] = []
    batch.reserveCapacity(options.batchSize)
    var processed: [ArticleExtraction] = []

    func reportProgress(after merged: [ArticleExtraction]) {
      if !merged.isEmpty { progress(merging.articleCount, merging.tokenCount) }
    }
    func flush() {
      let previous = processed
      processed = processBatch(batch) { merging.add(previous) }
      reportProgress(after: previous)
      batch.removeAll(keepingCapacity: true)
    }

    for item in ArticleStream(inputs) {
      switch item {
      case .article(let article):
        batch.append(article)
        if batch.count >= options.batchSize { flush() }
      case .finding(let finding):
        findings.append(finding)
      }
    }
    if !batch.isEmpty { flush() }
    merging.add(processed)
    reportProgress(after: processed)
    return Result(
      graph: merging.builder.build(), findings: findings, articleCount: merging.articleCount,
      tokenCount: merging.tokenCount)
  }

  /// Processes a batch on `options.jobs` workers, the first of them running `first` before it takes
  /// an article; results come back in input order.
  private func processBatch(_ articles: [Article], first: @escaping @Sendable () -> Void)
    -> [ArticleExtraction]
  {
    let results = WriteOnceSlots<ArticleExtraction>(count: articles.count)
    let processor = self.processor
    let workers = min(
      articles.count, options.jobs > 0 ? options.jobs : ProcessInfo.processInfo.activeProcessorCount)
    // Workers take the next article as they finish one, longest first: the batch ends when its last
    // article does, and a short one last keeps the other workers from waiting long.
    let order = articles.indices.sorted { a, b in
      let (x, y) = (articles[a].text.utf8.count, articles[b].text.utf8.count)
      return x != y ? x > y : a < b
    }
    let next = NextIndex()
    let firstTask = NextIndex()
    DispatchQueue.concurrentPerform(iterations: max(workers, 1)) { _ in
      if firstTask.take(below: 1) != nil { first() }
      while let place = next.take(below: order.count) {
        let index = order[place]
        results.set(index, processor.process(articles[index]))
      }
    }
    return results.values()
  }
}

/// The graph being built and its counts, handed from worker to worker (one at a time) for merging.
private final class Merging: @unchecked Sendable {
  var builder: GraphBuilder
  var articleCount = 0
  var tokenCount = 0

  init(_ builder: GraphBuilder) { self.builder = builder }

  func add(_ extractions: [ArticleExtraction]) {
    for extraction in extractions {
      builder.add(extraction)
      tokenCount += extraction.tokenCount
    }
    articleCount += extractions.count
  }
}

/// A shared counter handing out indices to workers.
private final class NextIndex: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()
  func take(below limit: Int) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard value < limit else { return nil }
    value += 1
    return value - 1
  }
}
