import Foundation
import Graph
import Pipeline

/// Turns command-line inputs into a graph: one of our own graph files (.nq, .nt) is read back;
/// anything else is read as articles and built on the fly.
enum GraphInputs {
  static let graphFileExtensions: Set<String> = ["nq", "nt"]

  static func isGraphFile(_ path: String) -> Bool {
    graphFileExtensions.contains((path as NSString).pathExtension.lowercased())
  }

  /// The graph of `inputs`, reporting ingest findings on standard error. Throws when nothing
  /// could be read.
  static func graph(from inputs: [String], jobs: Int = 0) throws -> (graph: KnowledgeGraph, skipped: Int) {
    if inputs.count == 1, let path = inputs.first, isGraphFile(path) {
      return (try GraphReader.read(nquadsFile: path), 0)
    }
    if let graphFile = inputs.first(where: isGraphFile) {
      throw CLIError.invalidOption("\(graphFile) is a graph file: give it alone, not mixed with articles")
    }
    let job = GraphBuildJob(
      processor: try PipelineFactory.standard(), options: .init(jobs: jobs, batchSize: 64))
    let result = job.run(inputs: inputs)
    for finding in result.findings { report(finding.description) }
    guard result.articleCount > 0 else { throw CLIError.noArticles(inputs: inputs) }
    return (result.graph, result.skippedCount)
  }
}
