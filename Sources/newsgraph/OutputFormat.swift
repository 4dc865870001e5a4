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

  func render(_ graph: KnowledgeGraph, mapping: RDFMapping, diagram: DiagramRenderer.Options) throws -> [UInt8] {
    var diagram = diagram
    switch self {
    case .ttl: return rdf(graph, mapping, .turtle)
    case .nt: return rdf(graph, mapping, .ntriples)
    case .nq: return rdf(graph, mapping, .nquads)
    case .trig: return rdf(graph, mapping, .trig)
    case .jsonld: return rdf(graph, mapping, .jsonld)
    case .dot: return Array(try DiagramRenderer().dot(graph, options: diagram).dot.utf8)
    case .svg, .png, .pdf:
      diagram.format = GraphvizRenderer.Format(rawValue: rawValue)!
      return try DiagramRenderer().render(graph, options: diagram).bytes
    }
  }

  private func rdf(_ graph: KnowledgeGraph, _ mapping: RDFMapping, _ format: RDFFormat) -> [UInt8] {
    var text = ""
    mapping.write(graph, format: format, to: &text)
    return Array(text.utf8)
  }
}
