import Diagram
import Graph
import RDF

/// The files `build` can write, named by their extension.
enum OutputFormat: String, CaseIterable {
  case ttl, nt, nq, trig, jsonld, svg, dot, png, pdf

  /// Written when `--formats` is not given.
  static let defaults: [OutputFormat] = [.ttl, .nt, .nq, .trig, .jsonld, .svg, .dot]
  static var allNames: String { defaults.map(\.rawValue).joined(separator: ",") }

  /// Parses a comma-separated list, rejecting unknown names and keeping the order given.
  static func parse(_ list: String) throws -> [OutputFormat] {
    var result: [OutputFormat] = []
    for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() })
    where !name.isEmpty {
      guard let format = OutputFormat(rawValue: name) else {
        throw CLIError.unknownFormat(name, known: allCases.map(\.rawValue))
      }
      if !result.contains(format) { result.append(format) }
    }
    guard !result.isEmpty else { throw CLIError.invalidOption("--formats names no format") }
    return result
  }

  /// The order in which formats written side by side are started: the slowest first, so that a
  /// quick one is last to finish instead of a core idling while JSON-LD is written alone
  /// (`bench pipeline` on the BBC corpus: JSON-LD 0.85 s, SVG 0.55 s, Turtle 0.43 s, TriG 0.42 s,
  /// N-Triples 0.32 s, N-Quads 0.30 s; PNG and PDF, not measured, are drawn as SVG is and then
  /// rasterized or converted).
  var startRank: Int {
    switch self {
    case .jsonld: 0
    case .png, .pdf: 1
    case .svg: 2
    case .ttl: 3
    case .trig: 4
    case .nt: 5
    case .nq: 6
    case .dot: 7
    }
  }

  var rdfFormat: RDFFormat? {
    switch self {
    case .ttl: .turtle
    case .nt: .ntriples
    case .nq: .nquads
    case .trig: .trig
    case .jsonld: .jsonld
    case .svg, .dot, .png, .pdf: nil
    }
  }

  /// Writes the file to `output`, streaming: RDF formats are written quad by quad. `quads` are the
  /// graph's quads, `unionOrder` their `unionOrder()` and `prefixes` the graph's prefixes, made once
  /// for all RDF formats.
  func write(
    _ graph: KnowledgeGraph, quads: [Quad], unionOrder: [Int]?, prefixes: PrefixMap,
    diagram: DiagramRenderer.Options, to output: StagedFile
  ) throws {
    if let format = rdfFormat {
      var stream = output
      format.write(
        quads, prefixes: prefixes, context: RDFMapping.jsonLDContext, unionOrder: unionOrder, to: &stream)
    } else {
      output.write(bytes: try drawing(graph, diagram: diagram))
    }
  }

  /// The bytes of a diagram format (svg, dot, png, pdf).
  private func drawing(_ graph: KnowledgeGraph, diagram: DiagramRenderer.Options) throws -> [UInt8] {
    var diagram = diagram
    switch self {
    case .dot: return Array(try DiagramRenderer().dot(graph, options: diagram).dot.utf8)
    default:
      diagram.format = GraphvizRenderer.Format(rawValue: rawValue)!
      return try DiagramRenderer().render(graph, options: diagram).bytes
    }
  }
}
