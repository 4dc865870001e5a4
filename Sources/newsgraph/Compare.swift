import ArgumentParser
import Extraction
import Foundation
import Graph
import Text

/// `newsgraph compare FOLDER`: pairwise similarity of articles and the groups that tell one story.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Pairwise similarity of all articles in a folder, and groups of articles that tell the same story.",
    discussion: """
      Every article gets its own graph; entities are resolved over all of them together. The \
      similarity of two articles is a weighted mean: the Jaccard index over their entities \
      (1) and over their relations (1), and the TF-IDF cosine of their words (2) (see --weights), \
      the method that `newsgraph eval similarity` measures on ECB+. Groups: average-link clustering, merging \
      while two groups are on average at least --threshold alike (average link, because a \
      single link chains two stories through one article that mentions both).

      csv: one row per pair, a,b,similarity,names,entities,relations,text,groupA,groupB (groups \
      numbered from 1). json: {"articles": [{"id", "group"}], "pairs": [...], "groups": [[ids]], \
      "threshold", "linkage", "weights"}.
      """)

  @Argument(help: "A folder of articles (or article files).")
  var inputs: [String]

  @Option(help: "Output format: csv or json.")
  var format: String = "csv"

  @Option(help: "Average similarity at which groups still merge.")
  var threshold: Double = StoryGroups.defaultThreshold

  @Option(help: "Weights names,entities,classes,relations,text of the similarity (default: 0,1,0,1,2).")
  var weights: String?

  @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
  var output: String?

  func validate() throws {
    guard ["csv", "json"].contains(format) else { throw ValidationError("--format must be csv or json") }
    guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be within 0 and 1") }
  }

  func run() throws {
    let weights =
      try self.weights.map { text in
        guard let parsed = ArticleSimilarity.Weights(text) else {
          throw CLIError.invalidOption(
            "--weights: \"\(text)\" is not five non-negative numbers names,entities,classes,relations,text")
        }
        return parsed
      } ?? .default
    var articles: [Article] = []
    var skipped = 0
    var seen = Set<String>()
    for item in ArticleStream(inputs) {
      switch item {
      case .article(let article):
        // One profile per id: a repeated id would compare an article with itself.
        guard seen.insert(article.id).inserted else {
          report("\(article.source): article id \(article.id) repeats an earlier one; skipped")
          skipped += 1
          continue
        }
        articles.append(article)
      case .finding(let finding):
        report(finding.description)
        if finding.severity >= .skipped { skipped += 1 }
      }
    }
    guard articles.count >= 2 else {
      throw CLIError.invalidOption(
        "\(inputs.joined(separator: " ")): \(articles.count) readable article\(articles.count == 1 ? "" : "s"); compare needs two or more"
      )
    }
    let profiles = try EvalSimilarity.profiles(of: articles)
    let similarity = ArticleSimilarity(profiles: profiles, weights: weights)
    let matrix = similarity.matrix()
    let groups = StoryGroups(threshold: threshold).groups(matrix)
    var groupOf = Array(repeating: 0, count: articles.count)
    for (number, group) in groups.enumerated() { for index in group { groupOf[index] = number + 1 } }

    let bytes: [UInt8]
    if format == "csv" {
      var text = "a,b,similarity,names,entities,relations,text,groupA,groupB\n"
      for i in articles.indices {
        for j in articles.indices where j > i {
          let parts = similarity.parts(i, j)
          let fields =
            [Self.csv(articles[i].id), Self.csv(articles[j].id)]
            + [matrix[i][j], parts.names, parts.entities, parts.relations, parts.text].map(Self.fixed)
            + [String(groupOf[i]), String(groupOf[j])]
          text += fields.joined(separator: ",") + "\n"
        }
      }
      bytes = Array(text.utf8)
    } else {
      struct Pair: Encodable {
        var a, b: String
        var similarity, names, entities, relations, text: Double
      }
      struct Entry: Encodable {
        var id: String
        var group: Int
      }
      struct Output: Encodable {
        var articles: [Entry]
        var pairs: [Pair]
        var groups: [[String]]
        var threshold: Double
        var linkage = "average"
        var weights: ArticleSimilarity.Weights
      }
      var pairs: [Pair] = []
      for i in articles.indices {
        for j in articles.indices where j > i {
          let parts = similarity.parts(i, j)
          let round = { (value: Double) in (value * 10_000).rounded() / 10_000 }
          pairs.append(
            Pair(
              a: articles[i].id, b: articles[j].id, similarity: round(matrix[i][j]),
              names: round(parts.names),
              entities: round(parts.entities), relations: round(parts.relations), text: round(parts.text)))
        }
      }
      let output = Output(
        articles: articles.indices.map { Entry(id: articles[$0].id, group: groupOf[$0]) }, pairs: pairs,
        groups: groups.map { $0.map { articles[$0].id } }, threshold: threshold, weights: weights)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      bytes = [UInt8](try encoder.encode(output)) + [0x0A]
    }
    if let output {
      try AtomicFile.writeAll([(output, bytes)])
    } else {
      FileHandle.standardOutput.write(Data(bytes))
    }
    if skipped > 0 { throw ExitCode(ExitStatus.partial) }
  }

  /// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
  static func csv(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  static func fixed(_ value: Double) -> String { String(format: "%.4f", value) }
}
