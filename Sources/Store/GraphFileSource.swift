import Foundation

/// Statements read line by line from one of our graph files (`.nq` or `.nt`).
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
  private var reader: LineReader
  private let splitter: NQuadsLineSplitter

  /// Opens `path`; the format comes from the extension unless given.
  public init(path: String, format: Format? = nil) throws(StoreError) {
    let detected = try format == nil ? GraphFileSource.format(ofPath: path) : format
    guard let format = detected else {
      throw .unsupportedInput(
        file: path, reason: "unknown graph file extension; expected .nq (N-Quads) or .nt (N-Triples)")
    }
    self.path = path
    self.format = format
    self.reader = try LineReader(path: path)
    self.splitter = NQuadsLineSplitter(file: path, allowsGraph: format == .nQuads)
  }

  /// The format an extension names; Turtle, TriG and JSON-LD get a message saying what to use instead.
  public static func format(ofPath path: String) throws(StoreError) -> Format? {
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
    while let line = try reader.nextLine() {
      if let statement = try splitter.split(line, lineNumber: reader.lineNumber) { return statement }
    }
    return nil
  }
}
