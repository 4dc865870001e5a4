import ArgumentParser
import Diagram
import Extraction
import Foundation
import Graph

/// `newsgraph diff A B`: what two articles, folders or graph files agree on and where they differ.
struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Compare two articles, folders of articles or graph files: shared, only-A, only-B, contradictions.",
    discussion: """
      A and B are articles (.txt, .html, .jsonl), folders of articles, or graph files this \
      program wrote (.nq, .nt). Entities are matched by resolved identity (the resolver runs over \
      A and B together, so "Austin" in one matches "Lloyd Austin" in the other; role nouns such as \
      "troops" and "soldiers" match by their CAMEO agent class), relations by subject, relation \
      class and object, not by wording. A relation is on a side when one of that side's sentences \
      supports it. Contradictions: the same relation affirmed on one side and denied on the \
      other, or affirmed on one side and only possible or hypothetical on the other; they are \
      listed among the shared relations too. Similarity is the Jaccard index over entities and \
      over relations.

      Without --out the report goes to standard output. With --out DIR, DIR/diff.txt (or \
      diff.json) and the diagram DIR/diff.svg (or .png, .pdf, .dot) are written, all or none. Exit status: 0 when \
      everything was written; 3 when it was but some articles were skipped; 1 otherwise.
      """)

  @Argument(help: "A: an article, a folder of articles or a graph file (.nq, .nt).")
  var a: String

  @Argument(help: "B: an article, a folder of articles or a graph file (.nq, .nt).")
  var b: String

  @Option(help: "Report format: text or json.")
  var format: String = "text"

  @Option(help: "Write the report and the diff diagram (diff.svg) into this folder.")
  var out: String?

  @Option(
    name: .customLong("diagram-format"),
    help: "Format of the diagram written with --out: svg, png, pdf or dot.")
  var diagramFormat: String = "svg"

  @Option(name: .customLong("max-nodes"), help: "Most entities drawn in the diagram.")
  var maxNodes: Int = DiffDiagram.Options().maxNodes

  @Flag(help: "Print nothing but errors.")
  var quiet = false

  func validate() throws {
    guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
    guard ["svg", "png", "pdf", "dot"].contains(diagramFormat) else {
      throw ValidationError("--diagram-format must be svg, png, pdf or dot")
    }
    guard maxNodes >= 1 else { throw ValidationError("--max-nodes must be at least 1") }
  }

  func run() throws {
    for path in [a, b] where path != "-" && !FileManager.default.fileExists(atPath: path) {
      throw CLIError.invalidOption("\(path): no such file or folder")
    }
    let (graphA, skippedA) = try GraphInputs.graph(from: [a])
    let (graphB, skippedB) = try GraphInputs.graph(from: [b])
    let diff = GraphDiff(graphA, graphB, roles: try Gazetteer.bundled())
    let summary = GraphDiffReport(diff, a: a, b: b)
    let body = format == "json" ? try summary.json() : Array(summary.text().utf8)
    if let out {
      var options = DiffDiagram.Options(nameA: a, nameB: b)
      options.maxNodes = maxNodes
      let diagram = DiffDiagram(options: options)
      let drawing =
        diagramFormat == "dot"
        ? Array(diagram.dot(diff).utf8)
        : try diagram.render(diff, format: GraphvizRenderer.Format(rawValue: diagramFormat)!)
      try FileManager.default.createFolder(out)
      let reportPath = (out as NSString).appendingPathComponent("diff.\(format == "json" ? "json" : "txt")")
      let svgPath = (out as NSString).appendingPathComponent("diff.\(diagramFormat)")
      try AtomicFile.writeAll([(reportPath, body), (svgPath, drawing)])
      if !quiet {
        report(
          "\(diff.relations.shared.count) shared, \(diff.relations.onlyA.count) only-A, "
            + "\(diff.relations.onlyB.count) only-B relations, \(diff.contradictions.count) contradictions; "
            + "wrote \(reportPath) and \(svgPath)")
      }
    } else {
      FileHandle.standardOutput.write(Data(body))
    }
    if skippedA + skippedB > 0 { throw ExitCode(ExitStatus.partial) }
  }
}
