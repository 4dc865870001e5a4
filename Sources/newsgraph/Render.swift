import ArgumentParser
import Diagram
import Foundation
import Graph

/// `newsgraph render`: a legible diagram of a graph, pruned before layout.
struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Draw a graph file or a set of articles as SVG, PNG, PDF or DOT.",
    discussion: """
      GRAPH is one of our graph files (.nq, .nt) or articles (files, folders, - for standard input).
      Large graphs are pruned before layout to the most important entities (by support and degree);
      the message says what was left out. The format comes from the output file's extension.
      """)

  @Argument(help: "A graph file, or articles.")
  var inputs: [String]

  @Option(name: [.short, .long], help: "Output file: .svg, .png, .pdf or .dot.")
  var output: String = "graph.svg"

  @Option(help: "Draw only the neighbourhood of this entity (name, alias or key).")
  var focus: String?

  @Option(help: "Steps from the focus entity.")
  var depth: Int = 1

  @Option(name: .customLong("max-nodes"), help: "Most entities to draw (0: all).")
  var maxNodes: Int = GraphPruner.Options.default.maxNodes ?? 40

  @Option(name: .customLong("min-support"), help: "Draw only relations supported by at least K articles.")
  var minSupport: Int = 1

  @Option(
    help: "Comma-separated entity types to draw (Person,Organization,Country,City,Place,Group,Concept).")
  var types: String?

  @Option(help: "Comma-separated modalities to draw (asserted,reported,possible,hypothetical,speculated).")
  var modality: String?

  @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or auto (by size).")
  var layout: String = "auto"

  @Option(
    help: """
      Screen to fit at 100% zoom, as WIDTHxHEIGHT in pixels, or none: with dot, fewer entities \
      are drawn until the picture fits (never fewer than 12).
      """)
  var fit: String = "1920x1080"

  @Flag(help: "Print nothing but errors.")
  var quiet = false

  /// "1920x1080" → a fit; "none" → nil.
  static func fit(_ text: String) throws -> Fit? {
    if text.lowercased() == "none" { return nil }
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), width >= 100, height >= 100
    else {
      throw ValidationError("--fit must be WIDTHxHEIGHT in pixels (each at least 100) or none, not \(text)")
    }
    return Fit(width: width, height: height)
  }

  func validate() throws {
    _ = try Self.fit(fit)
    guard depth >= 0 else { throw ValidationError("--depth must be 0 or more") }
    guard maxNodes >= 0 else { throw ValidationError("--max-nodes must be 0 (all) or more") }
    guard minSupport >= 1 else { throw ValidationError("--min-support must be at least 1") }
  }

  func run() throws {
    var options = DiagramRenderer.Options()
    options.pruning.focus = focus
    options.pruning.depth = depth
    options.pruning.maxNodes = maxNodes == 0 ? nil : maxNodes
    if maxNodes == 0 { options.pruning.maxEdges = nil }
    options.pruning.minSupport = minSupport
    if let types { options.pruning.types = try DiagramRenderer.entityTypes(types) }
    if let modality { options.pruning.modalities = try DiagramRenderer.modalities(modality) }
    options.layout = try DiagramRenderer.layout(layout)
    options.fit = try Self.fit(fit)
    let isDOT = (output as NSString).pathExtension.lowercased() == "dot"
    if !isDOT {
      guard let format = GraphvizRenderer.Format(fileName: output) else {
        throw CLIError.unknownFormat((output as NSString).pathExtension, known: ["svg", "png", "pdf", "dot"])
      }
      options.format = format
    }

    let (graph, skipped) = try GraphInputs.graph(from: inputs)
    let bytes: [UInt8]
    let summary: PruneSummary
    var fitted: Fit?
    if isDOT {
      let diagram = try DiagramRenderer().dot(graph, options: options)
      (bytes, summary) = (Array(diagram.dot.utf8), diagram.summary)
    } else {
      let diagram = try DiagramRenderer().render(graph, options: options)
      (bytes, summary) = (diagram.bytes, diagram.summary)
      fitted = diagram.fitted
    }
    try AtomicFile.writeAll([(output, bytes)])
    let fitNote = fitted.map { " (fewer, to fit \($0.width)×\($0.height); --fit none draws more)" } ?? ""
    if !quiet { report("\(summary)\(fitNote); wrote \(output)") }
    if skipped > 0 { throw ExitCode(ExitStatus.partial) }
  }
}
