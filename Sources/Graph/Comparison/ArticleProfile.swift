import Extraction

/// What the similarity of two articles looks at: the entity and relation identities of the
/// article's graph (under one ``ComparisonKeys`` for the whole collection), its relation classes,
/// and the words of its text.
public struct ArticleProfile: Sendable, Hashable {
  public var id: String
  /// Entity identities, concepts included.
  public var entities: Set<String>
  /// Entity identities of named entities only: people, organizations, places, groups.
  public var names: Set<String>
  public var relations: Set<RelationIdentity>
  /// Relation classes (or predicates without a class) of the article's relations.
  public var relationClasses: Set<String>
  /// How often each word occurs in the text, lowercased.
  public var words: [String: Int]

  public init(
    id: String, entities: Set<String>, names: Set<String>, relations: Set<RelationIdentity>,
    relationClasses: Set<String>, words: [String: Int]
  ) {
    self.id = id
    self.entities = entities
    self.names = names
    self.relations = relations
    self.relationClasses = relationClasses
    self.words = words
  }

  /// The profile of one article's graph and text.
  public init(id: String, graph: KnowledgeGraph, text: String, keys: ComparisonKeys) {
    self.id = id
    var entities = Set<String>()
    var names = Set<String>()
    for entity in graph.entities {
      let identity = keys.entity(entity.key)
      entities.insert(identity)
      if entity.type != .concept && !identity.hasPrefix("role:") { names.insert(identity) }
    }
    self.entities = entities
    self.names = names
    relations = Set(graph.relations.map(keys.relation))
    relationClasses = Set(relations.map(\.predicate))
    words = Self.words(of: text)
  }

  /// Word counts: maximal runs of letters and digits, lowercased. The same tokenization serves the
  /// bag-of-words baseline, so that the two methods see the same text.
  public static func words(of text: String) -> [String: Int] {
    var counts: [String: Int] = [:]
    var word = ""
    for character in text {
      if character.isLetter || character.isNumber {
        word.append(character)
      } else if !word.isEmpty {
        counts[word.lowercased(), default: 0] += 1
        word.removeAll(keepingCapacity: true)
      }
    }
    if !word.isEmpty { counts[word.lowercased(), default: 0] += 1 }
    return counts
  }
}

extension KnowledgeGraph {
  /// The part of the graph that one article supports: its entities and the relations with a
  /// statement from it (with only those statements).
  public func view(ofArticle id: String) -> KnowledgeGraph {
    KnowledgeGraph(
      articles: articles.filter { $0.id == id },
      entities: entities.filter { $0.articles.contains(id) },
      relations: relations.compactMap { relation in
        let own = relation.statements.filter { $0.article == id }
        guard !own.isEmpty else { return nil }
        var copy = relation
        copy.statements = own
        return copy
      })
  }
}
