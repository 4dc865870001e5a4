import ArgumentParser
import Diagram
import Dispatch
import Foundation
import Graph
import Pipeline
import Text

/// `newsgraph bench diagram`: seconds to draw the merged graph of a number of articles with the
/// default pruning and screen fit, as `build` and `render` draw it. Use a release build.
struct BenchDiagram: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diagram",
    abstract: "Seconds to prune, lay out and render the merged graph of N articles (median of runs).",
    discussion: """
      Builds the graph of the first N article files under the corpus folders (in path order; not \
      timed), resolves its entities, then times DiagramRenderer with the default options: \
      pruning, DOT, layout through libgvc and rendering, in the chosen format.
      """)

  @Option(help: "Folders or files of articles.") var corpus: [String]
  @Option(help: "How many article files to merge.") var articles = 500
  @Option(help: "Output format: svg, png or pdf.") var format = "svg"
  @Option(help: "Timed runs; the median is reported.") var runs = 5
  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    guard articles >= 1 else { throw ValidationError("--articles must be at least 1") }
    guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
  }

  func run() throws {
    guard let renderFormat = GraphvizRenderer.Format(rawValue: format) else {
      throw CLIError.unknownFormat(format, known: GraphvizRenderer.Format.allCases.map(\.rawValue))
    }
    let files = Array(Self.articleFiles(under: corpus).prefix(articles))
    let job = GraphBuildJob(processor: try PipelineFactory.standard(), options: .init(jobs: 0, batchSize: 64))
    let built = job.run(inputs: files)
    guard built.articleCount > 0 else { throw CLIError.noArticles(inputs: corpus) }
    let graph = EntityResolver().resolve(built.graph).graph

    var options = DiagramRenderer.Options()
    options.format = renderFormat
    var times: [Double] = []
    var last: RenderedDiagram?
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      last = try DiagramRenderer().render(graph, options: options)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    guard let diagram = last else { return }
    let median = times.sorted()[times.count / 2]
    if json {
      print(
        "{\"articles\": \(built.articleCount), \"entities\": \(graph.entities.count), "
          + "\"relations\": \(graph.relations.count), \"shownEntities\": \(diagram.summary.shownEntities), "
          + "\"shownRelations\": \(diagram.summary.shownRelations), \"engine\": \"\(diagram.engine)\", "
          + "\"format\": \"\(format)\", \"runs\": \(runs), \"medianSeconds\": \(String(format: "%.4f", median))}"
      )
    } else {
      print(
        "graph of \(built.articleCount) articles: \(graph.entities.count) entities, "
          + "\(graph.relations.count) relations")
      print("\(diagram.summary), \(diagram.engine) layout, \(format)")
      print("median of \(runs) runs: \(String(format: "%.3f", median)) s")
    }
  }

  /// Article files under `paths`, in path order (folders searched recursively).
  static func articleFiles(under paths: [String]) -> [String] {
    var files: [String] = []
    let manager = FileManager.default
    for path in paths {
      var isFolder: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
      guard isFolder.boolValue else {
        files.append(path)
        continue
      }
      let found = ((try? manager.subpathsOfDirectory(atPath: path)) ?? [])
        .filter { ArticleReader.Format(extension: ($0 as NSString).pathExtension) != nil }
        .sorted()
        .map { (path as NSString).appendingPathComponent($0) }
      files += found
    }
    return files
  }
}
