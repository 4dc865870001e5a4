import Foundation

/// How many triples went into which graph of which store, and what the store said it holds.
public struct LoadReport: Sendable, Equatable {
  /// The triples sent to one graph and, after `--verify`, the number the store holds.
  public struct GraphCount: Sendable, Equatable {
    public let graph: GraphSelector
    public internal(set) var sent: Int
    /// Distinct triples among those sent (with `--verify` only): what the store should hold, as
    /// duplicates collapse there, e.g. the same relation from two articles loaded into one graph.
    public internal(set) var distinct: Int?
    public internal(set) var stored: Int?

    public init(graph: GraphSelector, sent: Int, distinct: Int? = nil, stored: Int? = nil) {
      self.graph = graph
      self.sent = sent
      self.distinct = distinct
      self.stored = stored
    }

    /// What the store should hold after a replace, or at least hold after an append.
    public var expected: Int { distinct ?? sent }
  }

  public let store: URL
  public let mode: LoadOptions.Mode
  /// Graphs in the order the input first wrote to them.
  public internal(set) var graphs: [GraphCount] = []
  public internal(set) var requests = 0
  /// Attempts beyond the first, over all requests.
  public internal(set) var retries = 0
  /// Soft problems worth telling the user, e.g. blank nodes split across requests.
  public internal(set) var findings: [String] = []
  /// `nil` when verification was not asked for.
  public internal(set) var verified: Bool?

  public var totalSent: Int { graphs.reduce(0) { $0 + $1.sent } }

  /// Graphs whose stored count disagrees with what was sent (after `--verify`).
  public var mismatches: [GraphCount] {
    graphs.filter { count in
      guard let stored = count.stored else { return false }
      return mode == .replace ? stored != count.expected : stored < count.expected
    }
  }

  /// A few lines for the terminal, listing at most `limit` graphs.
  public func summary(limit: Int = 10) -> String {
    let named = graphs.filter { if case .named = $0.graph { true } else { false } }.count
    var lines = [
      "\(mode == .replace ? "replaced" : "appended") \(totalSent) triple\(totalSent == 1 ? "" : "s") "
        + "in \(graphs.count) graph\(graphs.count == 1 ? "" : "s") (\(named) named) of \(store.absoluteString) "
        + "with \(requests) request\(requests == 1 ? "" : "s")"
        + (retries > 0 ? " and \(retries) retries" : "")
    ]
    for count in graphs.prefix(limit) {
      var line = "  \(count.sent)\t\(count.graph)"
      if let distinct = count.distinct, distinct != count.sent { line += "\t(\(distinct) distinct)" }
      if let stored = count.stored { line += "\t(store holds \(stored))" }
      lines.append(line)
    }
    if graphs.count > limit { lines.append("  … and \(graphs.count - limit) more graphs") }
    if let verified {
      if verified {
        lines.append("verified: the store's counts match in all \(graphs.count) graphs")
      } else {
        let bad = mismatches
        lines.append("verification FAILED in \(bad.count) graph\(bad.count == 1 ? "" : "s"):")
        for count in bad.prefix(limit) {
          lines.append(
            "  \(count.graph): expected \(mode == .replace ? "" : "at least ")\(count.expected) distinct triples, "
              + "store holds \(count.stored ?? 0)")
        }
      }
    }
    lines += findings.map { "note: " + $0 }
    return lines.joined(separator: "\n")
  }
}
