import Extraction

/// The identities under which two graphs are compared: an entity by the key the resolver gave it
/// (and a role noun by its CAMEO agent class), a relation by its resolved subject, relation class
/// and resolved object, so that "Pyongyang sent soldiers" and "North Korea deployed troops" match.
///
/// The resolver runs once over the union of everything compared, so that "Lloyd Austin" in one
/// graph and "Austin" in the other become one key; entity keys from Wikidata or gazetteer links
/// already agree across builds.
public struct ComparisonKeys: Sendable {
  /// The surviving key of every entity key of the compared graphs.
  public var canonical: [String: String]
  /// Role nouns ("troops", "soldiers") to their CAMEO agent code (`MIL`); empty compares concepts
  /// by their own key only.
  public var roleCodes: [String: String]
  /// The resolved entities of the union, by resolved key.
  public var entities: [String: GraphEntity]

  /// Resolves the union of `graphs` with `resolver` and remembers the keys.
  ///
  /// `roles`, when given, is asked for the CAMEO agent code of each concept's label: concepts of
  /// one code compare equal ("soldiers" and "troops" are both `MIL`), so long as the code is not
  /// empty (PETRARCH2 lists "officials" without one).
  public init(
    union graphs: [KnowledgeGraph], resolver: EntityResolver = EntityResolver(), roles: Gazetteer? = nil
  ) {
    let union = KnowledgeGraph.union(graphs)
    let resolution = resolver.resolve(union)
    canonical = resolution.canonical
    entities = Dictionary(uniqueKeysWithValues: resolution.graph.entities.map { ($0.key, $0) })
    var codes: [String: String] = [:]
    if let roles {
      for entity in union.entities where entity.type == .concept {
        if let code = roles.roleCode(entity.label), !code.isEmpty { codes[entity.key] = code }
      }
    }
    roleCodes = codes
  }

  // MARK: - Keys

  /// The identity of an entity key of one of the compared graphs.
  public func entity(_ key: String) -> String {
    if let code = roleCodes[key] { return "role:\(code)" }
    return canonical[key] ?? key
  }

  /// The identity of a relation: resolved ends and the relation class (the predicate without one).
  public func relation(_ relation: GraphRelation) -> RelationIdentity {
    RelationIdentity(
      subject: entity(relation.subject), predicate: relation.relationClass ?? relation.predicate,
      object: entity(relation.object))
  }

  /// A display label for an identity: the resolved entity's label, or for a role class the
  /// labels of its concepts joined by " / ".
  public func label(_ identity: String, among graphs: [KnowledgeGraph]) -> String {
    if identity.hasPrefix("role:") {
      var names = Set<String>()
      for graph in graphs {
        for entity in graph.entities where roleCodes[entity.key].map({ "role:\($0)" }) == identity {
          names.insert(entity.label)
        }
      }
      return names.sorted().joined(separator: " / ")
    }
    return entities[identity]?.label ?? identity
  }
}

// MARK: - Union

extension KnowledgeGraph {
  /// The graphs as one: entities with equal keys merged, relations with equal (subject,
  /// predicate, object) merged with all their statements, articles by id. Nothing is resolved.
  public static func union(_ graphs: [KnowledgeGraph]) -> KnowledgeGraph {
    var articles: [String: ArticleInfo] = [:]
    var entities: [String: EntityAccumulator] = [:]
    var relations: [RelationKey: RelationAccumulator] = [:]
    for graph in graphs {
      for article in graph.articles where articles[article.id] == nil { articles[article.id] = article }
      for entity in graph.entities {
        entities[entity.key, default: EntityAccumulator(key: entity.key)].absorb(entity)
      }
      for relation in graph.relations {
        let key = RelationKey(
          subject: relation.subject, predicate: relation.predicate, object: relation.object)
        relations[key, default: RelationAccumulator()].absorb(relation)
      }
    }
    return KnowledgeGraph(
      articles: articles.values.sorted { $0.id < $1.id },
      entities: entities.values.map { $0.entity() }.sorted { $0.key < $1.key },
      relations: relations.map { key, accumulator in
        GraphRelation(
          subject: key.subject, predicate: key.predicate, relationClass: accumulator.relationClass,
          object: key.object, statements: accumulator.sortedStatements())
      }.sorted { ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object) })
  }
}
