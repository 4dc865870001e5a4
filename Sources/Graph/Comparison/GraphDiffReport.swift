import Foundation

/// The report of a ``GraphDiff`` as JSON or as text, with labels instead of keys.
///
/// JSON: `{"a", "b", "entities": {"shared", "onlyA", "onlyB"}, "relations": {...}, "contradictions",
/// "similarity": {"entities", "relations"}}`: entity lists hold labels, relation lists hold
/// `{subject, predicate, object}` (labels, and the relation class as predicate). Keys are
/// sorted and lists ordered by label, so the same inputs give the same bytes.
public struct GraphDiffReport: Sendable, Codable, Hashable {
  public struct Relation: Sendable, Codable, Hashable, Comparable {
    public var subject: String
    public var predicate: String
    public var object: String

    public static func < (lhs: Relation, rhs: Relation) -> Bool {
      (lhs.subject, lhs.predicate, lhs.object) < (rhs.subject, rhs.predicate, rhs.object)
    }
  }

  public struct Lists<Element: Sendable & Codable & Hashable>: Sendable, Codable, Hashable {
    public var shared: [Element]
    public var onlyA: [Element]
    public var onlyB: [Element]
  }

  /// One side's evidence for a contradicted relation.
  public struct Evidence: Sendable, Codable, Hashable {
    public var article: String
    /// 1-based, as people count sentences.
    public var sentence: Int
    public var text: String
    public var modality: String
    public var polarity: String
  }

  public struct Contradiction: Sendable, Codable, Hashable {
    public var subject: String
    public var predicate: String
    public var object: String
    /// `polarity` or `modality` (``GraphDiff/Contradiction/Kind``).
    public var kind: String
    /// The stances: `affirmed`, `denied`, `hedged`.
    public var a: String
    public var b: String
    public var evidenceA: [Evidence]
    public var evidenceB: [Evidence]
  }

  public struct Similarity: Sendable, Codable, Hashable {
    public var entities: Double
    public var relations: Double
  }

  /// The names of the two sides, as given.
  public var a: String
  public var b: String
  public var entities: Lists<String>
  public var relations: Lists<Relation>
  public var contradictions: [Contradiction]
  public var similarity: Similarity

  public init(_ diff: GraphDiff, a: String, b: String) {
    self.a = a
    self.b = b
    func names(_ identities: [String]) -> [String] { identities.map(diff.label).sorted() }
    entities = Lists(
      shared: names(diff.entities.shared), onlyA: names(diff.entities.onlyA),
      onlyB: names(diff.entities.onlyB))
    func relation(_ identity: RelationIdentity) -> Relation {
      Relation(
        subject: diff.label(identity.subject), predicate: identity.predicate,
        object: diff.label(identity.object))
    }
    func relationList(_ identities: [RelationIdentity]) -> [Relation] { identities.map(relation).sorted() }
    relations = Lists(
      shared: relationList(diff.relations.shared), onlyA: relationList(diff.relations.onlyA),
      onlyB: relationList(diff.relations.onlyB))
    func evidence(_ statements: [GraphStatement]) -> [Evidence] {
      statements.map {
        Evidence(
          article: $0.article, sentence: $0.sentence + 1, text: $0.evidence, modality: $0.modality.rawValue,
          polarity: $0.polarity.rawValue)
      }
    }
    contradictions = diff.contradictions.map { item in
      let named = relation(item.relation)
      return Contradiction(
        subject: named.subject, predicate: named.predicate, object: named.object, kind: item.kind.rawValue,
        a: item.a.rawValue, b: item.b.rawValue, evidenceA: evidence(item.statementsA),
        evidenceB: evidence(item.statementsB))
    }.sorted { ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object) }
    similarity = Similarity(
      entities: Self.rounded(diff.entities.jaccard), relations: Self.rounded(diff.relations.jaccard))
  }

  /// Four decimals: enough to rank, few enough to read, and the same on every platform.
  static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

  // MARK: - Output

  /// The report as JSON, keys sorted, with a final newline.
  public func json() throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var bytes = [UInt8](try encoder.encode(self))
    bytes.append(0x0A)
    return bytes
  }

  /// The report as text for the terminal.
  public func text() -> String {
    var lines: [String] = []
    lines.append("A: \(a)")
    lines.append("B: \(b)")
    lines.append(
      "similarity: entities \(Self.fixed(similarity.entities)), relations \(Self.fixed(similarity.relations))"
    )
    func section<T>(_ title: String, _ items: [T], _ show: (T) -> String) {
      lines.append("")
      lines.append("\(title) (\(items.count))")
      for item in items { lines.append("  \(show(item))") }
    }
    let showRelation = { (r: Relation) in "\(r.subject) —\(r.predicate)→ \(r.object)" }
    section("entities shared", entities.shared) { $0 }
    section("entities only in A", entities.onlyA) { $0 }
    section("entities only in B", entities.onlyB) { $0 }
    section("relations shared", relations.shared, showRelation)
    section("relations only in A", relations.onlyA, showRelation)
    section("relations only in B", relations.onlyB, showRelation)
    section("contradictions", contradictions) { item in
      var text = "\(item.subject) —\(item.predicate)→ \(item.object): A \(item.a), B \(item.b) (\(item.kind))"
      for (side, evidence) in [("A", item.evidenceA), ("B", item.evidenceB)] {
        for line in evidence.prefix(2) {
          text += "\n    \(side) \(line.article) #\(line.sentence): \(line.text)"
        }
      }
      return text
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func fixed(_ value: Double) -> String {
    let scaled = Int((value * 1000).rounded())
    let fraction = String(scaled % 1000)
    return "\(scaled / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }
}
