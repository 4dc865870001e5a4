import Graph

/// The part of a graph chosen for drawing, and what was left out.
public struct PrunedGraph: Sendable, Hashable {
  /// The entities and relations to draw; every article of the original graph.
  public var graph: KnowledgeGraph
  public var summary: PruneSummary
  /// Labels of the entities named as the source of a kept statement, drawn or not.
  public var attributionLabels: [String: String]

  public init(graph: KnowledgeGraph, summary: PruneSummary, attributionLabels: [String: String] = [:]) {
    self.graph = graph
    self.summary = summary
    self.attributionLabels = attributionLabels
  }

  /// The whole graph, nothing left out.
  public init(whole graph: KnowledgeGraph) {
    var labels: [String: String] = [:]
    for entity in graph.entities { labels[entity.key] = entity.label }
    self.init(
      graph: graph,
      summary: PruneSummary(
        totalEntities: graph.entities.count, shownEntities: graph.entities.count,
        totalRelations: graph.relations.count, shownRelations: graph.relations.count),
      attributionLabels: labels)
  }
}

/// How much of a graph a diagram shows: "showing 40 of 1,204 entities and 61 of 3,377 relations".
public struct PruneSummary: Sendable, Hashable, CustomStringConvertible {
  public var totalEntities: Int
  public var shownEntities: Int
  public var totalRelations: Int
  public var shownRelations: Int
  /// Key of the focus entity, when there is one.
  public var focus: String?

  public init(
    totalEntities: Int, shownEntities: Int, totalRelations: Int, shownRelations: Int,
    focus: String? = nil
  ) {
    self.totalEntities = totalEntities
    self.shownEntities = shownEntities
    self.totalRelations = totalRelations
    self.shownRelations = shownRelations
    self.focus = focus
  }

  /// Whether every entity and relation is drawn.
  public var isComplete: Bool { shownEntities == totalEntities && shownRelations == totalRelations }

  public var description: String {
    if isComplete {
      return "showing all \(Self.grouped(totalEntities)) entities and "
        + "\(Self.grouped(totalRelations)) relations"
    }
    return "showing \(Self.grouped(shownEntities)) of \(Self.grouped(totalEntities)) entities and "
      + "\(Self.grouped(shownRelations)) of \(Self.grouped(totalRelations)) relations"
  }

  /// 1204 → "1,204", the same on every locale.
  public static func grouped(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var out = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return number < 0 ? "-" + out : out
  }
}
