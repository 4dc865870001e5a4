import RDF

/// What `load` does with the statements it reads.
public struct LoadOptions: Sendable, Equatable {
  /// Where statements go.
  public enum Target: Sendable, Equatable {
    /// Each statement into its own graph: the article graphs of N-Quads stay apart, triples go to the
    /// default graph. One Graph Store request per graph and chunk; works with any store.
    case sourceGraphs
    /// Everything into the default graph, graph names dropped.
    case defaultGraph
    /// Everything into one named graph, graph names dropped.
    case graph(IRI)
    /// N-Quads POSTed to the store URL as a dataset: fewer requests, but not every store accepts it.
    case dataset
  }

  /// Whether the graphs written to lose what they held before.
  public enum Mode: String, Sendable, Equatable {
    /// Each graph the input writes to is emptied first (PUT of its first chunk, or DELETE for datasets).
    case replace
    /// Statements are added to what the graphs hold (POST).
    case append
  }

  public var target: Target
  public var mode: Mode
  /// Statements per request, at most; this bounds memory, whatever the input's size.
  public var chunkSize: Int
  /// Whether to count the triples in the store afterwards and compare.
  public var verify: Bool

  public init(
    target: Target = .sourceGraphs, mode: Mode = .append, chunkSize: Int = 10_000, verify: Bool = false
  ) {
    self.target = target
    self.mode = mode
    self.chunkSize = max(1, chunkSize)
    self.verify = verify
  }

  public static let `default` = LoadOptions()
}
