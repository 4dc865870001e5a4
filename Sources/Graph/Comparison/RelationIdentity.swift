/// A relation as compared: resolved subject, relation class (or predicate) and resolved object.
public struct RelationIdentity: Sendable, Hashable, Comparable, Codable {
  public var subject: String
  public var predicate: String
  public var object: String

  public init(subject: String, predicate: String, object: String) {
    self.subject = subject
    self.predicate = predicate
    self.object = object
  }

  public static func < (lhs: RelationIdentity, rhs: RelationIdentity) -> Bool {
    (lhs.subject, lhs.predicate, lhs.object) < (rhs.subject, rhs.predicate, rhs.object)
  }
}
