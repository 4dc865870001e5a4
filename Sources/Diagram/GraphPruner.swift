import Extraction
import Graph

/// Chooses the part of a graph worth drawing: a focus neighbourhood, filters, and the most
/// important entities up to a limit. Pruning happens before layout, so that layout time is bounded
/// by the limits and not by the size of the graph.
public struct GraphPruner: Sendable {
  /// What to keep.
  public struct Options: Sendable, Hashable {
    /// Key, label or alias (any case) of the entity whose neighbourhood is drawn; nil draws all.
    public var focus: String?
    /// How many relation hops from the focus are drawn.
    public var depth: Int
    /// Most entities drawn; nil draws every one that is left after filtering.
    public var maxNodes: Int?
    /// Most relations drawn; nil draws every relation between drawn entities.
    public var maxEdges: Int?
    /// Relations supported by fewer distinct articles are left out.
    public var minSupport: Int
    /// Entity types drawn; nil draws all. The focus is drawn whatever its type.
    public var types: Set<EntityType>?
    /// Statements with other modalities are left out; a relation with none left is left out.
    public var modalities: Set<Modality>?
    /// Whether entities without any drawn relation are drawn.
    public var includeIsolated: Bool

    public init(
      focus: String? = nil, depth: Int = 1, maxNodes: Int? = 40, maxEdges: Int? = 80,
      minSupport: Int = 1, types: Set<EntityType>? = nil, modalities: Set<Modality>? = nil,
      includeIsolated: Bool = false
    ) {
      self.focus = focus
      self.depth = depth
      self.maxNodes = maxNodes
      self.maxEdges = maxEdges
      self.minSupport = minSupport
      self.types = types
      self.modalities = modalities
      self.includeIsolated = includeIsolated
    }

    /// 40 entities and 80 relations: about what one screen shows with readable labels.
    public static let `default` = Options()
    /// Everything, unfiltered, isolated entities included.
    public static let everything = Options(maxNodes: nil, maxEdges: nil, includeIsolated: true)
  }

  public var options: Options

  public init(options: Options = .default) {
    self.options = options
  }

  // MARK: - Pruning

  /// The part of `graph` to draw, with a summary of what was left out.
  public func prune(_ graph: KnowledgeGraph) throws(DiagramError) -> PrunedGraph {
    let entities = graph.entities
    var indexOfKey: [String: Int] = [:]
    indexOfKey.reserveCapacity(entities.count)
    for (index, entity) in entities.enumerated() where indexOfKey[entity.key] == nil {
      indexOfKey[entity.key] = index
    }
    let focus = try options.focus.map { name throws(DiagramError) in try Self.resolve(name, in: graph) }
    let typeAllowed = entities.indices.map { index in
      index == focus || options.types.map { $0.contains(entities[index].type) } ?? true
    }

    // Relations that pass the filters, with their endpoints as indices.
    var relations: [GraphRelation] = []
    var endpoints: [(subject: Int, object: Int)] = []
    for var relation in graph.relations {
      if let modalities = options.modalities {
        relation.statements.removeAll { !modalities.contains($0.modality) }
        if relation.statements.isEmpty { continue }
      }
      guard relation.support >= options.minSupport,
        let subject = indexOfKey[relation.subject], let object = indexOfKey[relation.object],
        typeAllowed[subject], typeAllowed[object]
      else { continue }
      relations.append(relation)
      endpoints.append((subject, object))
    }

    // Adjacency (relation indices) and importance: supporting articles over incident relations,
    // plus the articles that mention the entity; doubled for named entities.
    var incident = [[Int]](repeating: [], count: entities.count)
    var weightedDegree = [Int](repeating: 0, count: entities.count)
    for (index, (subject, object)) in endpoints.enumerated() {
      let support = relations[index].support
      incident[subject].append(index)
      weightedDegree[subject] += support
      if object != subject {
        incident[object].append(index)
        weightedDegree[object] += support
      }
    }
    let distance = focus.map { Self.distances(from: $0, incident: incident, endpoints: endpoints) }

    var candidates = entities.indices.filter { index in
      guard typeAllowed[index] else { return false }
      if index == focus { return true }
      if let distance, distance[index] > options.depth { return false }
      return options.includeIsolated || !incident[index].isEmpty
    }
    // Who does what to whom: a named entity counts twice a concept of the same degree, so that
    // the people, countries and organisations are drawn before the things said about them.
    let score = entities.indices.map { index in
      (weightedDegree[index] + entities[index].articles.count) * (entities[index].type == .concept ? 1 : 2)
    }
    candidates.sort { a, b in
      let distanceA = distance?[a] ?? 0
      let distanceB = distance?[b] ?? 0
      if distanceA != distanceB { return distanceA < distanceB }
      if score[a] != score[b] { return score[a] > score[b] }
      if entities[a].mentionCount != entities[b].mentionCount {
        return entities[a].mentionCount > entities[b].mentionCount
      }
      return a < b
    }

    var selected = select(candidates, focus: focus, incident: incident, endpoints: endpoints)
    let kept = keepRelations(relations, endpoints: endpoints, selected: selected)
    if !options.includeIsolated {
      // The relation limit may have left some entities without a drawn relation.
      var connected = [Bool](repeating: false, count: entities.count)
      for index in kept {
        connected[endpoints[index].subject] = true
        connected[endpoints[index].object] = true
      }
      for index in entities.indices where selected[index] && !connected[index] && index != focus {
        selected[index] = false
      }
    }

    var pruned = KnowledgeGraph(articles: graph.articles)
    pruned.entities = entities.indices.filter { selected[$0] }.map { entities[$0] }
    pruned.relations = kept.map { relations[$0] }
    var attributionLabels: [String: String] = [:]
    for relation in pruned.relations {
      for statement in relation.statements {
        if let key = statement.attribution, let index = indexOfKey[key] {
          attributionLabels[key] = entities[index].label
        }
      }
    }
    let summary = PruneSummary(
      totalEntities: entities.count, shownEntities: pruned.entities.count,
      totalRelations: graph.relations.count, shownRelations: pruned.relations.count,
      focus: focus.map { entities[$0].key })
    return PrunedGraph(graph: pruned, summary: summary, attributionLabels: attributionLabels)
  }

  // MARK: - Selection

  /// Up to `maxNodes` candidates, taken in order of importance, each joined to another taken one.
  ///
  /// Grows from the most important entity: the next one taken is the most important neighbour of
  /// those already taken, unless an unconnected entity is more important, in which case it is
  /// taken together with its most important neighbour. So every drawn entity has a drawn relation,
  /// and no important entity is dropped merely because its neighbours rank lower.
  private func select(
    _ candidates: [Int], focus: Int?, incident: [[Int]], endpoints: [(subject: Int, object: Int)]
  ) -> [Bool] {
    var selected = [Bool](repeating: false, count: incident.count)
    let limit = max(options.maxNodes ?? candidates.count, focus == nil ? 0 : 1)
    if options.includeIsolated || limit >= candidates.count {
      for index in candidates.prefix(limit) { selected[index] = true }
      return selected
    }
    // Rank: position in `candidates`, which is sorted best first; -1 for non-candidates.
    var rank = [Int](repeating: -1, count: incident.count)
    for (position, index) in candidates.enumerated() { rank[index] = position }
    var frontier = RankHeap()
    var count = 0
    var nextSeed = 0

    func take(_ index: Int) {
      selected[index] = true
      count += 1
      for relation in incident[index] {
        let (subject, object) = endpoints[relation]
        let neighbour = subject == index ? object : subject
        if rank[neighbour] >= 0 && !selected[neighbour] { frontier.push(rank[neighbour]) }
      }
    }
    func bestNeighbour(of index: Int) -> Int? {
      var best: Int?
      for relation in incident[index] {
        let (subject, object) = endpoints[relation]
        let neighbour = subject == index ? object : subject
        if rank[neighbour] >= 0 && !selected[neighbour] && rank[neighbour] < (best.map { rank[$0] } ?? .max) {
          best = neighbour
        }
      }
      return best
    }

    while count < limit {
      while let top = frontier.peek, selected[candidates[top]] { _ = frontier.pop() }
      while nextSeed < candidates.count && selected[candidates[nextSeed]] { nextSeed += 1 }
      let seedFirst = nextSeed < candidates.count && nextSeed < (frontier.peek ?? .max)
      if seedFirst && (count == 0 || limit - count >= 2) {
        let seed = candidates[nextSeed]
        take(seed)
        if count < limit, let partner = bestNeighbour(of: seed) { take(partner) }
      } else if let top = frontier.pop() {
        take(candidates[top])
      } else {
        break
      }
    }
    return selected
  }

  /// Indices of the relations between selected entities, the best supported `maxEdges` of them,
  /// in their original order.
  private func keepRelations(
    _ relations: [GraphRelation], endpoints: [(subject: Int, object: Int)], selected: [Bool]
  ) -> [Int] {
    let between = relations.indices.filter {
      selected[endpoints[$0].subject] && selected[endpoints[$0].object]
    }
    guard let limit = options.maxEdges, between.count > limit else { return between }
    let strength = between.map { index in
      let relation = relations[index]
      return (
        support: relation.support, statements: relation.statements.count,
        confidence: relation.statements.map(\.confidence).max() ?? 0
      )
    }
    let order = between.indices.sorted { a, b in
      if strength[a].support != strength[b].support { return strength[a].support > strength[b].support }
      if strength[a].statements != strength[b].statements {
        return strength[a].statements > strength[b].statements
      }
      if strength[a].confidence != strength[b].confidence {
        return strength[a].confidence > strength[b].confidence
      }
      return a < b
    }
    return order.prefix(limit).map { between[$0] }.sorted()
  }

  // MARK: - Focus

  /// Hops from `start` over relations in either direction; Int.max where unreachable.
  private static func distances(
    from start: Int, incident: [[Int]], endpoints: [(subject: Int, object: Int)]
  ) -> [Int] {
    var distance = [Int](repeating: .max, count: incident.count)
    distance[start] = 0
    var queue = [start]
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      for relation in incident[node] {
        let (subject, object) = endpoints[relation]
        let next = subject == node ? object : subject
        if distance[next] == .max {
          distance[next] = distance[node] + 1
          queue.append(next)
        }
      }
    }
    return distance
  }

  /// The index of the entity named `name` by key, then label, then alias, ignoring case; where
  /// several share the name, the one in most articles.
  static func resolve(_ name: String, in graph: KnowledgeGraph) throws(DiagramError) -> Int {
    let needle = name.trimmingSpaces().lowercased()
    let entities = graph.entities
    func best(_ matches: [Int]) -> Int? {
      matches.min { a, b in
        let (x, y) = (entities[a], entities[b])
        if x.articles.count != y.articles.count { return x.articles.count > y.articles.count }
        if x.mentionCount != y.mentionCount { return x.mentionCount > y.mentionCount }
        return a < b
      }
    }
    let rules: [(GraphEntity) -> Bool] = [
      { $0.key.lowercased() == needle },
      { $0.label.lowercased() == needle },
      { $0.aliases.contains { $0.lowercased() == needle } },
    ]
    for rule in rules {
      if let index = best(entities.indices.filter { rule(entities[$0]) }) { return index }
    }
    var near = entities.indices.filter { !needle.isEmpty && entities[$0].label.lowercased().contains(needle) }
    near.sort { entities[$0].articles.count > entities[$1].articles.count }
    throw .focusNotFound(name: name, suggestions: near.prefix(5).map { entities[$0].label })
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    var view = self[...]
    while view.first?.isWhitespace == true { view = view.dropFirst() }
    while view.last?.isWhitespace == true { view = view.dropLast() }
    return String(view)
  }
}

/// A binary min-heap of ranks: the frontier of the selection, best (lowest rank) first.
private struct RankHeap {
  private var items: [Int] = []

  var peek: Int? { items.first }

  mutating func push(_ rank: Int) {
    items.append(rank)
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard items[child] < items[parent] else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> Int? {
    guard let top = items.first else { return nil }
    items[0] = items[items.count - 1]
    items.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < items.count && items[left] < items[smallest] { smallest = left }
      if right < items.count && items[right] < items[smallest] { smallest = right }
      if smallest == parent { break }
      items.swapAt(parent, smallest)
      parent = smallest
    }
    return top
  }
}
