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
/// 5. ``Layer/context``: what remains, when two entities of one type share a name word, their
///    names agree (two different proper names never do) and their article contexts agree
///    (``EntityContexts``; cosine ≥ ``contextThreshold``, best pairs first, and not when a rival
///    reading comes within ``contextMargin``). The reason records the word and the score.
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
/// ("Lisa Austin" after "Austin" was folded into "Lloyd Austin"), and as long as later articles
/// do not pull the contexts of an earlier context merge below the threshold: a merge, once
/// written, is kept.
public struct EntityResolver: Sendable {
  /// Resolution layers, in the order they run.
  public enum Layer: String, Sendable, Hashable, Codable, CaseIterable {
    case wikidata
    case name
    case alias
    case personName = "person-name"
    /// What remains: entities of one type that share a name word (the head word, an
    /// organization's first word, any word of a person's name) and whose names agree, merged when
    /// their article contexts agree (cosine ≥ ``contextThreshold``; see ``EntityContexts``).
    case context
  }

  /// The layers a build runs: all of them.
  public static let defaultLayers: Set<Layer> = Set(Layer.allCases)

  /// The context cosine at or above which the context layer merges, chosen on the ECB+ train
  /// topics (never the dev topics the README reports).
  public static let defaultContextThreshold: Float = 0.3

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
  /// The context layer's cosine threshold.
  public var contextThreshold: Float
  /// How close a rival reading may come before a context merge counts as ambiguous.
  public var contextMargin: Float = 0.05

  public init(
    layers: Set<Layer> = EntityResolver.defaultLayers,
    contextThreshold: Float = EntityResolver.defaultContextThreshold
  ) {
    self.layers = layers
    self.contextThreshold = contextThreshold
  }

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
      // Person names by each of their words, in index order: a name that contains a run of
      // words contains its first, so only those are compared (not every pair of people).
      var byWord: [String: [Int]] = [:]
      for long in people where entities[long].type == .person {
        for word in Set(profiles[long].words) { byWord[word, default: []].append(long) }
      }
      for short in people {
        let words = profiles[short].words
        guard let first = words.first else { continue }
        let containing = (byWord[first] ?? []).filter { long in
          long != short && profiles[long].words.count > words.count && profiles[long].words.containsRun(words)
        }
        let roots = Set(containing.map { clusters.root($0) })
        guard roots.count == 1, let long = containing.first else { continue }
        tryMerge(
          long, short, .personName,
          "\"\(entities[short].label)\" is contained in \"\(entities[long].label)\" and in no other person name"
        )
      }
    }
    if layers.contains(.context) {
      for pair in contextPairs(entities, profiles, candidates) {
        // The name guard holds between every member of the two clusters, as the type guards do.
        let (left, right) = (clusters.members(pair.a), clusters.members(pair.b))
        guard left.allSatisfy({ x in right.allSatisfy { y in profiles[x].agrees(with: profiles[y]) } }) else {
          continue
        }
        tryMerge(
          pair.a, pair.b, .context,
          "shared name word \"\(pair.word)\" and context cosine \(Self.twoDecimals(pair.score)) ≥ \(Self.twoDecimals(contextThreshold))"
        )
      }
    }
    return fold(graph, clusters: &clusters, pending: pending)
  }

  // MARK: - Context

  /// The candidate pairs of the context layer, best first: entities of one type that share a
  /// blocking word (``NameProfile/blockingWords``), whose names agree, and whose contexts reach
  /// ``contextThreshold``. A pair is dropped when one of its entities has a rival reading nearly
  /// as good (within ``contextMargin``) that the names or types of the other rule out: "Kim"
  /// between "Kim Jong-un" and "Kim Yo-jong" with equally fitting contexts stays alone.
  func contextPairs(_ entities: [GraphEntity], _ profiles: [NameProfile], _ candidates: [Int]) -> [(
    a: Int, b: Int, score: Float, word: String
  )] {
    var byWord: [String: [Int]] = [:]
    for index in candidates {
      for word in profiles[index].blockingWords(entities[index].type) {
        byWord[word, default: []].append(index)
      }
    }
    var shared: [Pair: String] = [:]
    for word in byWord.keys.sorted() {
      let group = byWord[word]!
      // A word shared by very many entities ("party") says little, and pairing is quadratic.
      guard group.count > 1, group.count <= Self.maxBlockSize else { continue }
      for (position, a) in group.enumerated() {
        for b in group[(position + 1)...] where shared[Pair(a, b)] == nil {
          guard entities[a].type == entities[b].type, profiles[a].agrees(with: profiles[b]) else { continue }
          shared[Pair(a, b)] = word
        }
      }
    }
    guard !shared.isEmpty else { return [] }
    var wanted = Set<Int>()
    for pair in shared.keys {
      wanted.insert(pair.a)
      wanted.insert(pair.b)
    }
    let contexts = EntityContexts(entities: entities, words: profiles.map(\.words), wanted: wanted)
    var scored: [(a: Int, b: Int, score: Float, word: String)] = shared.map { pair, word in
      (pair.a, pair.b, contexts.similarity(pair.a, pair.b), word)
    }
    // Every reading of each entity, to find rivals.
    var readings: [Int: [(other: Int, score: Float)]] = [:]
    for pair in scored {
      readings[pair.a, default: []].append((pair.b, pair.score))
      readings[pair.b, default: []].append((pair.a, pair.score))
    }
    func rivalled(_ one: Int, _ other: Int, _ score: Float) -> Bool {
      (readings[one] ?? []).contains { rival in
        rival.other != other && rival.score >= score - contextMargin
          && !profiles[rival.other].agrees(with: profiles[other])
      }
    }
    scored = scored.filter { pair in
      pair.score >= contextThreshold && !rivalled(pair.a, pair.b, pair.score)
        && !rivalled(pair.b, pair.a, pair.score)
    }
    return scored.sorted { ($0.score, $1.a, $1.b) > ($1.score, $0.a, $0.b) }
  }

  /// An unordered pair of entity indices, smaller first.
  struct Pair: Hashable {
    let a: Int
    let b: Int
    init(_ x: Int, _ y: Int) { (a, b) = x < y ? (x, y) : (y, x) }
  }

  /// Blocks larger than this are skipped by the context layer.
  static let maxBlockSize = 400

  static func twoDecimals(_ value: Float) -> String {
    let hundredths = Int((value * 100).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
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
    // Edges whose ends were re-keyed are folded with every edge that lands on the same key; the
    // others, most of them, are kept as they are when their statements are already what folding
    // would make of them (in order, each once): deduplicating statements hashed every sentence.
    func rekeyed(_ relation: GraphRelation) -> RelationKey {
      RelationKey(
        subject: canonical[relation.subject] ?? relation.subject, predicate: relation.predicate,
        object: canonical[relation.object] ?? relation.object)
    }
    let moved = graph.relations.filter {
      canonical[$0.subject] != $0.subject || canonical[$0.object] != $0.object
    }
    let landing = Set(moved.map(rekeyed))
    var folded: [RelationKey: RelationAccumulator] = [:]
    var resolvedRelations: [GraphRelation] = []
    for relation in graph.relations {
      let key = rekeyed(relation)
      if landing.contains(key) || !RelationAccumulator.isFolded(relation.statements) {
        folded[key, default: RelationAccumulator()].absorb(relation)
      } else {
        resolvedRelations.append(relation)
      }
    }
    for (key, accumulator) in folded {
      resolvedRelations.append(
        GraphRelation(
          subject: key.subject, predicate: key.predicate, relationClass: accumulator.relationClass,
          object: key.object, statements: accumulator.sortedStatements()))
    }
    resolvedRelations.sort { ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object) }
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
  /// The label's words without function words.
  var content: Set<String>
  /// Whether every content word of the label is capitalized: a proper name, not a description.
  var isProper: Bool

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
    self.content = Set(content)
    let labelWords = entity.label.split { $0.isWhitespace }.filter { word in
      let lower = word.lowercased()
      return !Self.functionWords.contains(lower) && !Self.leadingFunctionWords.contains(lower)
        && word.contains { $0.isLetter }
    }
    isProper = !labelWords.isEmpty && labelWords.allSatisfy { $0.first { $0.isLetter }?.isUppercase ?? false }
  }

  /// The words under which the context layer looks for candidates: the head word; an
  /// organization's first word ("Academy" for "Academy of Motion Picture Arts"); every word of a
  /// person's name ("Kim" for "Kim Jong-un").
  func blockingWords(_ type: EntityType) -> Set<String> {
    var result = Set<String>()
    if let head, !Self.functionWords.contains(head) { result.insert(head) }
    if type == .organization, words.count > 1, let first = words.first, !Self.functionWords.contains(first) {
      result.insert(first)
    }
    if type == .person { result.formUnion(content) }
    return result
  }

  /// The name guard of the context layer. Two proper names of several words each must end in the
  /// same head word, which names the kind of thing ("Oxford University" is not "Oxford University
  /// Library Services", nor "Metropolitan Police" the "Metropolitan Police Authority"). Then they
  /// agree when one's content words contain the other's, or when one of them is a description
  /// ("the rehab center"); two different proper names ("Kim Jong-un", "Kim Yo-jong"; "Ministry of
  /// Defence", "Ministry of Finance") never do.
  func agrees(with other: NameProfile) -> Bool {
    if isProper && other.isProper && content.count > 1 && other.content.count > 1 && head != other.head {
      return false
    }
    if content.isSubset(of: other.content) || other.content.isSubset(of: content) { return true }
    return !(isProper && other.isProper)
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
