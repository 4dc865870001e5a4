import ArgumentParser
import Extraction
import Foundation
import Graph
import NLP
import Pipeline
import Text

/// `newsgraph eval similarity`: does an article's most similar article report the same event?
/// ECB+ topics pair two similar events, so topic words alone do not tell them apart.
struct EvalSimilarity: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "similarity",
    abstract: "Precision at 1 of article similarity on ECB+, against a bag-of-words cosine baseline.",
    discussion: """
      Each ECB+ topic holds articles about two similar but different events (N_Mecb.xml and \
      N_Mecbplus.xml). Every article of the chosen topics is built into its own graph; entities \
      are resolved over all of them together. For each article, the most similar other article \
      is found (ties to the first in file order) and counted correct when it reports the same \
      event. "pooled" ranks among all chosen articles, "within topic" among the article's own \
      topic. Both methods see the same texts (tokens joined by spaces). Story groups are scored \
      pairwise against the gold events. --grid prints every weight combination of a small grid \
      (for choosing weights on training topics, never on dev).
      """)

  /// The dev topics of the customary ECB+ split.
  static let devTopics = [2, 5, 12, 18, 21, 23, 34, 35]

  @Option(help: "The ECB+ folder (one subfolder per topic).")
  var ecbplus: String

  @Option(help: "Comma-separated topic numbers (default: the dev topics 2,5,12,18,21,23,34,35).")
  var topics: String?

  @Option(help: "Weights names,entities,classes,relations,text of the combined score (default: 0,1,0,1,2).")
  var weights: String?

  @Option(help: "Average-link threshold for story groups.")
  var threshold: Double = StoryGroups.defaultThreshold

  @Flag(help: "Print P@1 for a grid of weights instead (for tuning on training topics).")
  var grid = false

  @Flag(help: "Also print the story groups' pairwise scores for thresholds 0.05 to 0.95.")
  var sweep = false

  @Flag(help: "Print the scores as JSON.") var json = false

  func run() throws {
    let chosen = try topics.map(Self.parseTopics) ?? Set(Self.devTopics)
    let weights =
      try self.weights.map { text in
        guard let parsed = ArticleSimilarity.Weights(text) else {
          throw CLIError.invalidOption(
            "--weights: \"\(text)\" is not five non-negative numbers names,entities,classes,relations,text")
        }
        return parsed
      } ?? .default
    let documents = try ECBPlusDocument.read(folder: ecbplus, topics: chosen)
    guard documents.count >= 2 else {
      throw CLIError.invalidOption("fewer than two ECB+ documents in \(ecbplus) for the chosen topics")
    }
    let profiles = try Self.profiles(
      of: documents.map { Article(id: $0.name, source: $0.name, text: $0.text) })
    let evaluation = SimilarityEvaluation(events: documents.map(\.event))
    if grid {
      printGrid(profiles, evaluation: evaluation, documents: documents)
      return
    }
    let similarity = ArticleSimilarity(profiles: profiles, weights: weights)
    var results: [String: SimilarityMethodResult] = [:]
    let byTopic = Dictionary(grouping: documents.indices, by: { documents[$0].topic })
    for method in ArticleSimilarity.Method.allCases {
      let matrix = similarity.matrix(method: method)
      var perTopic: [String: SimilarityEvaluation.PrecisionAtOne] = [:]
      var withinCorrect = 0
      for (topic, members) in byTopic {
        let score = evaluation.precisionAtOne(matrix, subset: members)
        perTopic[String(topic)] = score
        withinCorrect += score.correct
      }
      results[method.rawValue] = SimilarityMethodResult(
        pooled: evaluation.precisionAtOne(matrix, subset: Array(documents.indices)),
        withinTopic: .init(correct: withinCorrect, total: documents.count), perTopic: perTopic,
        groups: evaluation.pairScores(StoryGroups(threshold: threshold).groups(matrix)))
    }
    if sweep && !json {
      print("story groups by threshold (pairwise P / R / F1, groups)")
      let matrices = ArticleSimilarity.Method.allCases.map { ($0, similarity.matrix(method: $0)) }
      let merges = matrices.map { StoryGroups.merges($0.1, until: 0.05) }
      for step in 1...19 {
        let threshold = Double(step) * 0.05
        var line = "  \(String(format: "%.2f", threshold))"
        for (index, (method, matrix)) in matrices.enumerated() {
          let scores = evaluation.pairScores(
            StoryGroups.cut(merges[index], count: matrix.count, at: threshold))
          line +=
            "   \(method.rawValue) \(share(scores.precision)) \(share(scores.recall)) \(share(scores.f1)) (\(scores.groups))"
        }
        print(line)
      }
    }
    let report = SimilarityReport(
      articles: documents.count, events: Set(documents.map(\.event)).count,
      topics: chosen.sorted(), weights: weights, threshold: threshold, methods: results)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      print(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      print(report.text())
    }
  }

  // MARK: - Profiles

  /// One graph per article through the standard pipeline, resolved together, then profiled.
  static func profiles(of articles: [Article]) throws -> [ArticleProfile] {
    let processor = try PipelineFactory.standard()
    let gazetteer = try Gazetteer.bundled()
    let extractions = processAll(articles, processor: processor)
    let graphs = extractions.map { extraction in
      var builder = GraphBuilder()
      builder.add(extraction)
      return builder.build()
    }
    let keys = ComparisonKeys(union: graphs, roles: gazetteer)
    return zip(articles, graphs).map { article, graph in
      ArticleProfile(id: article.id, graph: graph, text: article.text, keys: keys)
    }
  }

  /// Every article through `processor` on all cores, results in input order.
  static func processAll(_ articles: [Article], processor: ArticleProcessor) -> [ArticleExtraction] {
    concurrentMap(articles.count) { processor.process(articles[$0]) }
  }

  static func parseTopics(_ list: String) throws -> Set<Int> {
    try Set(
      list.split(separator: ",").map { item in
        guard let topic = Int(item.trimmingCharacters(in: .whitespaces)) else {
          throw CLIError.invalidOption("--topics: \"\(item)\" is not a topic number")
        }
        return topic
      })
  }

  // MARK: - Grid

  private func printGrid(
    _ profiles: [ArticleProfile], evaluation: SimilarityEvaluation, documents: [ECBPlusDocument]
  ) {
    let byTopic = Dictionary(grouping: documents.indices, by: { documents[$0].topic }).values
    func within(_ matrix: [[Double]]) -> Double {
      let correct = byTopic.reduce(0) { $0 + evaluation.precisionAtOne(matrix, subset: $1).correct }
      return Double(correct) / Double(documents.count)
    }
    let bow = ArticleSimilarity(profiles: profiles).matrix(method: .bagOfWords)
    print(
      "bag-of-words: pooled \(share(evaluation.precisionAtOne(bow, subset: Array(documents.indices)).value)) within \(share(within(bow)))"
    )
    print("names entities classes relations text | pooled within")
    // One matrix per part; every combination is then a weighted sum of them.
    let parts = (0..<5).map { part in
      var unit = [0.0, 0, 0, 0, 0]
      unit[part] = 1
      let weights = ArticleSimilarity.Weights(
        names: unit[0], entities: unit[1], relationClasses: unit[2], relations: unit[3], text: unit[4])
      return ArticleSimilarity(profiles: profiles, weights: weights).matrix()
    }
    let levels = [0.0, 0.25, 0.5, 1.0, 2.0]
    var results: [(weights: [Double], pooled: Double, within: Double)] = []
    for n in levels {
      for e in levels {
        for c in [0.0, 0.25, 0.5] {
          for r in [0.0, 0.25, 0.5] {
            for t in levels where n + e + c + r + t > 0 {
              let w = [n, e, c, r, t]
              let total = w.reduce(0, +)
              let count = documents.count
              var matrix = Array(repeating: Array(repeating: 0.0, count: count), count: count)
              for i in 0..<count {
                for j in 0..<count {
                  var sum = 0.0
                  for part in 0..<5 where w[part] > 0 { sum += w[part] * parts[part][i][j] }
                  matrix[i][j] = sum / total
                }
              }
              results.append(
                (w, evaluation.precisionAtOne(matrix, subset: Array(documents.indices)).value, within(matrix))
              )
            }
          }
        }
      }
    }
    for result in results.sorted(by: { ($0.pooled + $0.within) > ($1.pooled + $1.within) }) {
      print(
        "\(result.weights.map { String($0) }.joined(separator: " ")) | \(share(result.pooled)) \(share(result.within))"
      )
    }
  }
}

// MARK: - Report

private func share(_ value: Double) -> String { String(format: "%5.1f", value * 100) }

struct SimilarityMethodResult: Encodable {
  var pooled: SimilarityEvaluation.PrecisionAtOne
  var withinTopic: SimilarityEvaluation.PrecisionAtOne
  var perTopic: [String: SimilarityEvaluation.PrecisionAtOne]
  var groups: SimilarityEvaluation.PairScores

  enum CodingKeys: String, CodingKey { case pooled, withinTopic, perTopic, groups }
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Scored(pooled), forKey: .pooled)
    try container.encode(Scored(withinTopic), forKey: .withinTopic)
    try container.encode(perTopic.mapValues(Scored.init), forKey: .perTopic)
    try container.encode(groups, forKey: .groups)
  }

  /// P@1 with its value spelled out in the JSON.
  struct Scored: Encodable {
    var correct, total: Int
    var precisionAtOne: Double
    init(_ score: SimilarityEvaluation.PrecisionAtOne) {
      (correct, total, precisionAtOne) = (
        score.correct, score.total, (score.value * 10_000).rounded() / 10_000
      )
    }
  }
}

struct SimilarityReport: Encodable {
  var articles: Int
  var events: Int
  var topics: [Int]
  var weights: ArticleSimilarity.Weights
  var threshold: Double
  var methods: [String: SimilarityMethodResult]

  func text() -> String {
    var lines = [
      "\(articles) articles, \(events) events, topics \(topics.map(String.init).joined(separator: ","))",
      "precision at 1      pooled             within topic       story groups (pairwise, threshold \(threshold))",
    ]
    for method in ArticleSimilarity.Method.allCases {
      guard let result = methods[method.rawValue] else { continue }
      let name = method.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
      lines.append(
        "  \(name) \(share(result.pooled.value)) (\(result.pooled.correct)/\(result.pooled.total))"
          + "   \(share(result.withinTopic.value)) (\(result.withinTopic.correct)/\(result.withinTopic.total))"
          + "   P \(share(result.groups.precision)) R \(share(result.groups.recall)) F1 \(share(result.groups.f1)), \(result.groups.groups) groups for \(result.groups.goldEvents) events"
      )
    }
    lines.append("within each topic (combined / bag-of-words)")
    for topic in topics {
      let key = String(topic)
      guard let combined = methods["combined"]?.perTopic[key],
        let bow = methods["bag-of-words"]?.perTopic[key]
      else { continue }
      lines.append(
        "  topic \(key.padding(toLength: 3, withPad: " ", startingAt: 0)) \(share(combined.value)) / \(share(bow.value))  (\(combined.total) articles)"
      )
    }
    return lines.joined(separator: "\n")
  }
}
