import Foundation

/// The merge report written as `merges.json` beside the graph files: every merge of
/// ``EntityResolver`` with its layer and reason.
public enum MergeReport {
  /// The report's JSON: `{"merges": [{"into", "merged", "matched", "layer", "reason"}…]}`, keys sorted,
  /// merges in the resolver's order, so the same graph gives the same bytes.
  public static func json(_ merges: [EntityResolver.Merge]) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var bytes = [UInt8](try encoder.encode(Document(merges: merges)))
    bytes.append(0x0A)
    return bytes
  }

  /// Reads a report written by ``json(_:)``.
  public static func read(_ data: Data) throws -> [EntityResolver.Merge] {
    try JSONDecoder().decode(Document.self, from: data).merges
  }

  private struct Document: Codable {
    var merges: [EntityResolver.Merge]
  }
}
