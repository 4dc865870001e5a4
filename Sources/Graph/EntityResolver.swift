import Extraction

/// Cross-article entity resolution: folds entities with different keys that name the same thing
/// into one, after ``GraphBuilder`` has merged them by key.
///
/// Layers, tried in this order, each merge recorded with its layer and reason:
/// 1. ``Layer/wikidata``: the same Wikidata id.
/// 2. ``Layer/name``: the same label after normalization (case, punctuation, diacritics, a
///    leading "the", honorifics, corporate suffixes).
/// 3. ``Layer/alias``: one entity's label equals another's alias (normalized), or is the acronym
///    of its label ("UN" ↔ "United Nations").
/// 4. ``Layer/personName``: a shorter person name is contained, as whole words, in exactly one
///    longer person name ("Austin" ↔ "Lloyd Austin"); when two candidates compete
///    ("Kim" ↔ "Kim Jong-un", "Kim Yo-jong") nothing is merged.
///
/// Guards, checked between every member of the two clusters before any merge: the types agree
/// (equal, or one is `unknown`: "Washington" the city is not George Washington), the Wikidata ids
/// do not differ, and the affiliations do not differ (two "Ministry of Defence" of two
/// countries). Concepts (`concept:` keys) are never resolved: their key already is their
/// normalized name.
///
/// The result depends only on the graph: clusters are formed in key order and the surviving key is
/// chosen by a fixed rule (``canonicalKey(of:)``). Incremental builds stay equal to all-at-once
/// builds as long as a later article does not add a competitor to an earlier containment merge
/// ("Lisa Austin" after "Austin" was folded into "Lloyd Austin"): a merge, once written, is kept.
public struct EntityResolver: Sendable {
  /// Resolution layers, in the order they run.
  public enum Layer: String, Sendable, Hashable, Codable, CaseIterable {
    case wikidata
    case name
    case alias
    case personName = "person-name"
    /// The same head word (the last word, singular) and agreeing types: the same-lemma rule of
    /// coreference baselines; an organization is also found by its first word ("Academy"). Too loose for a news graph ("Ministry of Defence" and "Defence"), so
    /// not among ``defaultLayers``; the ECB+ evaluation uses it.
    case head
  }

  /// The layers a build runs: all but ``Layer/head``.
  public static let defaultLayers: Set<Layer> = [.wikidata, .name, .alias, .personName]

  /// One merge decision: `merged` was found to be `matched` (by `layer`, for `reason`), and both
  /// now live under the surviving key `into`.
  public struct Merge: Sendable, Hashable, Codable {
    public var into: String
    public var merged: String
    public var matched: String
    public var layer: Layer
    public var reason: String

    public init(into: String, merged: String, matched: String, layer: Layer, reason: String) {
      self.into = into
      self.merged = merged
      self.matched = matched
      self.layer = layer
      self.reason = reason
    }
  }

  /// The resolved graph and every merge that made it.
  public struct Resolution: Sendable {
    public var graph: KnowledgeGraph
    /// Sorted by (into, merged, matched).
    public var merges: [Merge]
    /// The surviving key of every entity key of the input graph.
    public var canonical: [String: String]
  }

  /// Layers to run; all by default.
  public var layers: Set<Layer>

  public init(layers: Set<Layer> = EntityResolver.defaultLayers) { self.layers = layers }

  // MARK: - Resolving

  /// Resolves `graph`: merged entities become one, edges between them are re-keyed and folded.
  public func resolve(_ graph: KnowledgeGraph) -> Resolution {
    let entities = graph.entities
    var clusters = Clusters(entities.count)
    var pending: [(a: Int, b: Int, layer: Layer, reason: String)] = []
    let candidates = entities.indices.filter { !entities[$0].key.hasPrefix("concept:") }
    let profiles = entities.map(NameProfile.init)

    func tryMerge(_ a: Int, _ b: Int, _ layer: Layer, _ reason: String) {
      guard clusters.root(a) != clusters.root(b),
        compatible(clusters.members(a), clusters.members(b), entities)
      else { return }
      clusters.union(a, b)
      pending.append((a, b, layer, reason))
    }

    if layers.contains(.wikidata) {
      var byQID: [String: Int] = [:]
      for index in candidates {
        guard let qid = entities[index].wikidata else { continue }
        if let first = byQID[qid] {
          tryMerge(first, index, .wikidata, "same Wikidata id \(qid)")
        } else {
          byQID[qid] = index
        }
      }
    }
    if layers.contains(.name) {
      var byName: [String: Int] = [:]
      for index in candidates {
        let name = profiles[index].normalized
        guard !name.isEmpty else { continue }
        if let first = byName[name] {
          tryMerge(first, index, .name, "same normalized name \"\(name)\"")
        } else {
          byName[name] = index
        }
      }
    }
    if layers.contains(.alias) {
      // Every alias and acronym, pointing at its owners, in key order.
      var owners: [String: [Int]] = [:]
      for index in candidates {
        for alias in profiles[index].aliases { owners[alias, default: []].append(index) }
        if let acronym = profiles[index].acronym { owners[acronym, default: []].append(index) }
      }
      for index in candidates {
        let name = profiles[index].normalized
        guard let found = owners[name] else { continue }
        let others = found.filter { clusters.root($0) != clusters.root(index) }
        // An alias shared by two separate entities decides nothing.
        guard Set(others.map { clusters.root($0) }).count == 1, let other = others.first else { continue }
        let how = profiles[other].acronym == name ? "acronym of" : "an alias of"
        tryMerge(other, index, .alias, "\"\(entities[index].label)\" is \(how) \"\(entities[other].label)\"")
      }
    }
    if layers.contains(.personName) {
      let people = candidates.filter { entities[$0].type == .person || entities[$0].type == .unknown }
      for short in people {
        let words = profiles[short].words
        guard !words.isEmpty else { continue }
        let containing = people.filter { long in
          long != short && entities[long].type == .person && profiles[long].words.count > words.count
            && profiles[long].words.containsRun(words)
        }
        let roots = Set(containing.map { clusters.root($0) })
        guard roots.count == 1, let long = containing.first else { continue }
        tryMerge(
          long, short, .personName,
          "\"\(entities[short].label)\" is contained in \"\(entities[long].label)\" and in no other person name"
        )
      }
    }
    if layers.contains(.head) {
      var byHead: [String: [Int]] = [:]
      for index in candidates {
        guard let head = profiles[index].head else { continue }
        byHead[head, default: []].append(index)
        // A one-word mention may name an organization by its first word ("Academy").
        if entities[index].type == .organization, profiles[index].words.count > 1,
          let first = profiles[index].words.first,
          !NameProfile.functionWords.contains(first), first != head
        {
          byHead[first, default: []].append(index)
        }
      }
      for head in byHead.keys.sorted() {
        let group = byHead[head]!
        for index in group.dropFirst() {
          // Join the first earlier cluster the guards allow.
          for other in group where other < index && clusters.root(other) != clusters.root(index) {
            let before = pending.count
            tryMerge(other, index, .head, "same head word \"\(head)\"")
            if pending.count > before { break }
          }
        }
      }
    }
    return fold(graph, clusters: &clusters, pending: pending)
  }

  /// Whether every pair across two clusters passes the guards.
  private func compatible(_ left: [Int], _ right: [Int], _ entities: [GraphEntity]) -> Bool {
    for a in left {
      for b in right {
        let (x, y) = (entities[a], entities[b])
        if x.type != y.type && x.type != .unknown && y.type != .unknown { return false }
        if let p = x.wikidata, let q = y.wikidata, p != q { return false }
        if let p = x.affiliation, let q = y.affiliation, p != q { return false }
      }
    }
    return true
  }

  // MARK: - Folding

  private func fold(
    _ graph: KnowledgeGraph, clusters: inout Clusters,
    pending: [(a: Int, b: Int, layer: Layer, reason: String)]
  ) -> Resolution {
    let entities = graph.entities
    var canonical: [String: String] = [:]
    var groups: [Int: [Int]] = [:]
    for index in entities.indices { groups[clusters.root(index), default: []].append(index) }
    var resolved: [GraphEntity] = []
    for members in groups.values {
      let key = Self.canonicalKey(of: members.map { entities[$0] })
      var accumulator = EntityAccumulator(key: key)
      for member in members {
        accumulator.absorb(entities[member])
        canonical[entities[member].key] = key
      }
      resolved.append(accumulator.entity())
    }
    var merges: [Merge] = []
    for step in pending {
      let into = canonical[entities[step.a].key] ?? entities[step.a].key
      merges.append(
        Merge(
          into: into, merged: entities[step.b].key, matched: entities[step.a].key, layer: step.layer,
          reason: step.reason))
    }
    var relations: [RelationKey: RelationAccumulator] = [:]
    for relation in graph.relations {
      let key = RelationKey(
        subject: canonical[relation.subject] ?? relation.subject, predicate: relation.predicate,
        object: canonical[relation.object] ?? relation.object)
      relations[key, default: RelationAccumulator()].absorb(relation)
    }
    let resolvedRelations = relations.map { key, accumulator in
      GraphRelation(
        subject: key.subject, predicate: key.predicate, relationClass: accumulator.relationClass,
        object: key.object,
        statements: accumulator.sortedStatements())
    }.sorted { ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object) }
    return Resolution(
      graph: KnowledgeGraph(
        articles: graph.articles, entities: resolved.sorted { $0.key < $1.key }, relations: resolvedRelations),
      merges: merges.sorted { ($0.into, $0.merged, $0.matched) < ($1.into, $1.merged, $1.matched) },
      canonical: canonical)
  }

  /// The key a cluster keeps: one with a Wikidata id, then the one with the most words in its
  /// label (the full name), then the longest label, then the first key.
  static func canonicalKey(of members: [GraphEntity]) -> String {
    members.min { lhs, rhs in
      let l = (
        lhs.wikidata == nil ? 1 : 0, -NameProfile.words(lhs.label, person: lhs.type == .person).count,
        -lhs.label.count
      )
      let r = (
        rhs.wikidata == nil ? 1 : 0, -NameProfile.words(rhs.label, person: rhs.type == .person).count,
        -rhs.label.count
      )
      return l != r ? l < r : lhs.key < rhs.key
    }!.key
  }
}

// MARK: - Names

/// The normalized forms of an entity's names that the layers compare.
struct NameProfile: Sendable {
  /// The label, normalized.
  var normalized: String
  /// Its words.
  var words: [String]
  /// Other names, normalized, without the label.
  var aliases: Set<String>
  /// Initials of the label's content words when it has at least two ("united nations" → "un").
  var acronym: String?
  /// The last word, without a plural "s".
  var head: String?

  init(_ entity: GraphEntity) {
    let person = entity.type == .person || entity.type == .unknown
    words = Self.words(entity.label, person: person)
    normalized = words.joined(separator: " ")
    aliases = Set(entity.aliases.map { Self.words($0, person: person).joined(separator: " ") })
      .subtracting([normalized, ""])
    let content = words.filter { !Self.functionWords.contains($0) }
    acronym = content.count >= 2 ? String(content.compactMap(\.first)) : nil
    head = words.last.map { word in
      word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
    }
  }

  /// Lowercased, diacritics folded, punctuation dropped ("U.S." → "us"), then without a leading
  /// article, honorifics and titles (of people only: "General Motors" keeps its "general"), and a
  /// trailing corporate suffix.
  static func words(_ name: String, person: Bool = true) -> [String] {
    var name = Substring(name)
    // A possessive is no part of the name ("Seth MacFarlane's").
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] where name.hasSuffix(suffix) {
      name = name.dropLast(suffix.count)
      break
    }
    var words = GazetteerKey.slug(String(name)).split(separator: "-").map(String.init)
    while let first = words.first, words.count > 1,
      (person && honorifics.contains(first)) || leadingFunctionWords.contains(first)
    {
      words.removeFirst()
    }
    while let last = words.last, words.count > 1, corporateSuffixes.contains(last) { words.removeLast() }
    return words
  }

  static let honorifics: Set<String> = [
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "prime", "minister",
    "secretary", "gen", "general", "col", "colonel", "capt", "captain", "sen", "senator", "rep", "gov",
    "governor", "king", "queen", "prince", "princess", "pope", "rev", "chancellor", "mayor", "judge",
  ]
  static let corporateSuffixes: Set<String> = [
    "inc", "incorporated", "ltd", "limited", "corp", "corporation", "co", "company", "plc", "llc", "ag", "sa",
    "gmbh", "nv", "bv", "spa", "lp", "llp",
  ]
  /// Determiners and prepositions that open a mention but not a name ("on Friday", "the Academy").
  static let leadingFunctionWords: Set<String> = [
    "the", "a", "an", "this", "that", "these", "those", "on", "in", "at", "for", "of", "by", "from", "to",
    "during",
  ]
  static let functionWords: Set<String> = [
    "of", "the", "and", "for", "de", "du", "des", "la", "le", "in", "on",
  ]
}

extension Array where Element == String {
  /// Whether `run` occurs in this array as consecutive elements.
  func containsRun(_ run: [String]) -> Bool {
    guard !run.isEmpty, run.count <= count else { return false }
    for start in 0...(count - run.count) where self[start] == run[0] {
      if Array(self[start..<(start + run.count)]) == run { return true }
    }
    return false
  }
}

// MARK: - Clusters

/// Union–find over entity indices, remembering the members of each root.
struct Clusters {
  private var parent: [Int]
  private var membersOf: [Int: [Int]]

  init(_ count: Int) {
    parent = Array(0..<count)
    membersOf = Dictionary(uniqueKeysWithValues: (0..<count).map { ($0, [$0]) })
  }

  mutating func root(_ index: Int) -> Int {
    var node = index
    while parent[node] != node {
      parent[node] = parent[parent[node]]
      node = parent[node]
    }
    return node
  }

  mutating func members(_ index: Int) -> [Int] { membersOf[root(index)] ?? [] }

  mutating func union(_ a: Int, _ b: Int) {
    let (ra, rb) = (root(a), root(b))
    guard ra != rb else { return }
    let (keep, drop) = ra < rb ? (ra, rb) : (rb, ra)
    parent[drop] = keep
    membersOf[keep, default: []].append(contentsOf: membersOf[drop] ?? [])
    membersOf[drop] = nil
  }
}
