import Extraction

/// What two graphs (two articles, two folders, two days of coverage) agree on and where they
/// differ: entities and relations shared, only in A, only in B; contradictions; Jaccard scores.
///
/// Entities are matched by ``ComparisonKeys/entity(_:)`` (resolved over the union of A and B),
/// relations by ``RelationIdentity`` (resolved subject, relation class, resolved object), never
/// by wording. A relation is on a side when at least one statement of that side supports it, so a
/// relation that several sentences support stays shared as long as one of them is left on each
/// side; removing a sentence from B moves to only-A exactly the relations that no other sentence
/// of B supports. That holds as far as the extractor reads the other sentences as before: a
/// sentence that introduces a full name ("Lloyd Austin") takes with it the later relations of the
/// short name ("Austin") when the extractor no longer recognises it (in the example article, 1 of
/// its 18 sentences with claims).
///
/// A shared relation whose two sides take incompatible stances (``Stance``) is also listed as a
/// ``Contradiction``: it stays among the shared relations, since both sides speak of it.
public struct GraphDiff: Sendable {
  /// A partition of the identities of both sides, each list sorted.
  public struct Partition<Element: Sendable & Hashable & Comparable>: Sendable, Hashable {
    public var shared: [Element]
    public var onlyA: [Element]
    public var onlyB: [Element]

    init(a: Set<Element>, b: Set<Element>) {
      shared = a.intersection(b).sorted()
      onlyA = a.subtracting(b).sorted()
      onlyB = b.subtracting(a).sorted()
    }

    /// |A ∩ B| / |A ∪ B|; 1 when both sides are empty (nothing differs).
    public var jaccard: Double {
      let union = shared.count + onlyA.count + onlyB.count
      return union == 0 ? 1 : Double(shared.count) / Double(union)
    }
  }

  /// How one side puts a relation forward, summed over its statements there.
  public enum Stance: String, Sendable, Hashable, Codable {
    /// At least one statement asserts or reports it, none denies it.
    case affirmed
    /// Every statement denies it (negative polarity).
    case denied
    /// Every statement is positive but only possible, hypothetical or speculated.
    case hedged
    /// Some statements affirm or hedge it, others deny it: the side disputes itself.
    case disputed

    /// The stance of a set of statements (not empty).
    public init(_ statements: [GraphStatement]) {
      let negatives = statements.count { $0.polarity == .negative }
      if negatives == statements.count {
        self = .denied
      } else if negatives > 0 {
        self = .disputed
      } else if statements.contains(where: { $0.modality == .asserted || $0.modality == .reported }) {
        self = .affirmed
      } else {
        self = .hedged
      }
    }
  }

  /// A relation that the two sides put forward incompatibly.
  public struct Contradiction: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
      /// One side affirms or hedges it, the other denies it.
      case polarity
      /// One side affirms it, the other only hedges it (possible, hypothetical, speculated).
      case modality
    }
    public var relation: RelationIdentity
    public var kind: Kind
    public var a: Stance
    public var b: Stance
    /// The supporting statements of each side, in graph order.
    public var statementsA: [GraphStatement]
    public var statementsB: [GraphStatement]

    /// The kind of contradiction between two stances, nil when they are compatible. A side that
    /// disputes itself contradicts nothing: its own diagram already shows it as disputed.
    public static func kind(_ a: Stance, _ b: Stance) -> Kind? {
      switch (a, b) {
      case (.affirmed, .denied), (.denied, .affirmed), (.hedged, .denied), (.denied, .hedged): .polarity
      case (.affirmed, .hedged), (.hedged, .affirmed): .modality
      default: nil
      }
    }
  }

  public var entities: Partition<String>
  public var relations: Partition<RelationIdentity>
  /// Sorted by relation.
  public var contradictions: [Contradiction]
  /// The statements of each side for each of its relation identities.
  public var statementsA: [RelationIdentity: [GraphStatement]]
  public var statementsB: [RelationIdentity: [GraphStatement]]
  /// A display label for every entity identity of either side.
  public var labels: [String: String]
  /// The type of every entity identity (a role class is a concept).
  public var types: [String: EntityType]

  /// Compares `a` with `b`; `keys` must have been made from (at least) both graphs.
  public init(_ a: KnowledgeGraph, _ b: KnowledgeGraph, keys: ComparisonKeys) {
    func entityIdentities(_ graph: KnowledgeGraph) -> Set<String> {
      Set(graph.entities.map { keys.entity($0.key) })
    }
    func relationStatements(_ graph: KnowledgeGraph) -> [RelationIdentity: [GraphStatement]] {
      var out: [RelationIdentity: [GraphStatement]] = [:]
      for relation in graph.relations { out[keys.relation(relation), default: []] += relation.statements }
      return out
    }
    let (entitiesA, entitiesB) = (entityIdentities(a), entityIdentities(b))
    statementsA = relationStatements(a)
    statementsB = relationStatements(b)
    entities = Partition(a: entitiesA, b: entitiesB)
    relations = Partition(a: Set(statementsA.keys), b: Set(statementsB.keys))
    var contradictions: [Contradiction] = []
    for relation in relations.shared {
      let (left, right) = (statementsA[relation]!, statementsB[relation]!)
      let (stanceA, stanceB) = (Stance(left), Stance(right))
      if let kind = Contradiction.kind(stanceA, stanceB) {
        contradictions.append(
          Contradiction(
            relation: relation, kind: kind, a: stanceA, b: stanceB, statementsA: left, statementsB: right))
      }
    }
    self.contradictions = contradictions
    var labels: [String: String] = [:]
    var types: [String: EntityType] = [:]
    for graph in [a, b] {
      for entity in graph.entities {
        let identity = keys.entity(entity.key)
        if labels[identity] == nil {
          labels[identity] = keys.label(identity, among: [a, b])
          types[identity] =
            identity.hasPrefix("role:") ? .concept : keys.entities[identity]?.type ?? entity.type
        }
      }
    }
    self.labels = labels
    self.types = types
  }

  /// Compares `a` with `b`, resolving their union with `resolver` first.
  public init(
    _ a: KnowledgeGraph, _ b: KnowledgeGraph, resolver: EntityResolver = EntityResolver(),
    roles: Gazetteer? = nil
  ) {
    self.init(a, b, keys: ComparisonKeys(union: [a, b], resolver: resolver, roles: roles))
  }

  /// Jaccard similarity over entity identities and over relation identities.
  public var similarity: (entities: Double, relations: Double) { (entities.jaccard, relations.jaccard) }

  /// The label of an entity identity.
  public func label(_ identity: String) -> String { labels[identity] ?? identity }
}
