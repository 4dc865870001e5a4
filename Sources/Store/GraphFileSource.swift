import Foundation
import RDF

/// Statements read line by line from one of our graph files (`.nq` or `.nt`), through the RDF
/// target's N-Quads reader: one line in memory at a time, every term checked, errors with file,
/// line and column.
public struct GraphFileSource: StatementSource {
  /// The syntaxes `load` streams.
  public enum Format: String, Sendable, CaseIterable {
    /// https://www.w3.org/TR/n-quads/
    case nQuads = "nq"
    /// https://www.w3.org/TR/n-triples/
    case nTriples = "nt"
  }

  public let path: String
  public let format: Format
  private let reader: NQuadsReader

  /// Opens `path`; the format comes from the extension unless given.
  public init(path: String, format: Format? = nil) throws(StoreError) {
    let detected = try format == nil ? GraphFileSource.format(ofPath: path) : format
    guard let format = detected else {
      throw .unsupportedInput(
        file: path, reason: "unknown graph file extension; expected .nq (N-Quads) or .nt (N-Triples)")
    }
    self.path = path
    self.format = format
    do {
      self.reader = try NQuadsReader(path: path, allowsGraphNames: format == .nQuads)
    } catch {
      throw StoreError(error)
    }
  }

  /// The format an extension names; Turtle, TriG and JSON-LD get a message saying what to use instead.
  public static func format(ofPath path: String) throws(StoreError) -> Format? {
    if path == "-" { return .nQuads }  // standard input, e.g. from `newsgraph build … | newsgraph load -`
    let ext = (path as NSString).pathExtension.lowercased()
    switch ext {
    case "nq", "nquads": return .nQuads
    case "nt", "ntriples": return .nTriples
    case "ttl", "trig", "jsonld", "json", "rdf", "xml":
      // Chunking needs statement boundaries, which in these syntaxes only a full parser can find.
      throw .unsupportedInput(
        file: path,
        reason:
          "\(ext) files cannot be loaded in chunks; write the graph as N-Quads (.nq, keeps the article graphs) "
          + "or N-Triples (.nt) with `newsgraph build --formats nq` and load that")
    default: return nil
    }
  }

  public var name: String { path }

  public mutating func next() throws(StoreError) -> SerializedStatement? {
    let quad: Quad?
    do {
      quad = try reader.next()
    } catch {
      throw StoreError(error)
    }
    guard let quad else { return nil }
    return try SerializedStatement(quad, line: reader.lineNumber, source: path)
  }
}

extension StoreError {
  /// The RDF module's failures, in the Store's words.
  init(_ error: RDFError) {
    switch error {
    case .syntax(let source, let line, let column, let reason):
      self = .syntax(file: source, line: line, column: column, reason: reason)
    case .io(let path, let reason):
      self = .unreadableInput(file: path, reason: reason)
    default:
      self = .invalidConfiguration(error.description)
    }
  }
}
