import Text

/// An Open IE extraction: a relation phrase and its arguments as text spans of one sentence, as
/// CaRB scores them (https://github.com/dair-iitd/CaRB).
public struct OpenIETuple: Sendable, Hashable {
  public var confidence: Double
  public var relation: String
  /// The subject first, then the object and further (prepositional) arguments.
  public var arguments: [String]

  public init(confidence: Double, relation: String, arguments: [String]) {
    self.confidence = confidence
    self.relation = relation
    self.arguments = arguments
  }
}

extension DependencyClaimExtractor {
  /// The Open IE tuples of one sentence of a parsed document, one per subject and object of each
  /// clause, plus "is" tuples for appositions.
  ///
  /// Confidence: `0.6`, `−0.1` for an inherited subject, `+0.1` for a direct object, `−0.15` when
  /// the relation has a single argument, `−0.05` for each argument beyond ten tokens.
  public static func openIETuples(in document: Document, sentence sentenceIndex: Int) -> [OpenIETuple] {
    guard hasParse(document) else { return [] }
    let tree = DependencyTree(document: document, sentence: document.sentences[sentenceIndex])
    let reader = ClauseReader(tree: tree)
    var result: [OpenIETuple] = []
    func text(_ tokens: [Int]) -> String { tokens.map { document.forms[$0] }.joined(separator: " ") }
    func text(_ range: Range<Int>) -> String { document.forms[range].joined(separator: " ") }
    let coordination: Set<String> = ["conj", "cc"]
    func emit(_ relation: [Int], _ arguments: [Range<Int>], base: Double) {
      guard !relation.isEmpty else { return }
      var confidence = base
      if arguments.count == 1 { confidence -= 0.15 }
      for argument in arguments where argument.count > 10 { confidence -= 0.05 }
      result.append(
        OpenIETuple(
          confidence: min(max(confidence, 0.05), 0.95), relation: text(relation),
          arguments: arguments.map { text($0) }))
    }
    for clause in reader.clauses() {
      let base = clause.subjectInherited ? 0.5 : 0.6
      let relationTokens = Set(clause.relation)
      let obliques = clause.obliques.map { tree.span(of: $0.head, excluding: []) }
      for subject in clause.subjects {
        let subjectSpan = tree.span(of: subject, excluding: coordination.union(["acl:relcl"]))
        if !clause.objects.isEmpty {
          for object in clause.objects {
            let span = tree.span(of: object, excluding: coordination)
            emit(clause.relation, [subjectSpan, span] + obliques, base: base + 0.1)
          }
        } else if clause.copula {
          // "X is the leader of Y": the predicate phrase without the copula and the subject.
          var low = clause.predicate
          var high = clause.predicate
          let span = tree.span(
            of: clause.predicate,
            excluding: ["nsubj", "nsubj:pass", "csubj", "cop", "aux", "advcl", "mark", "cc", "conj"])
          low = span.lowerBound
          high = span.upperBound
          let predicateSpan = low..<high
          if tree.upos(clause.predicate) == "ADJ", let first = clause.obliques.first {
            let object = tree.span(of: first.head)
            let rest = Array(obliques.dropFirst())
            let words = clause.relation + first.preposition
            let argument = (first.preposition.max().map { $0 + 1 } ?? object.lowerBound)..<object.upperBound
            emit(words.sorted(), [subjectSpan, argument] + rest, base: base)
          } else {
            let relation = clause.relation.filter {
              !predicateSpan.contains($0) || tree.relation($0) == "cop"
            }
            let argument = predicateSpan.filter { !relationTokens.contains($0) }
            guard let first = argument.first, let last = argument.last else { continue }
            emit(relation, [subjectSpan, first..<(last + 1)], base: base - 0.05)
          }
        } else if let first = clause.obliques.first {
          let object = tree.span(of: first.head)
          let argument = (first.preposition.max().map { $0 + 1 } ?? object.lowerBound)..<object.upperBound
          emit(
            (clause.relation + first.preposition).sorted(), [subjectSpan, argument] + obliques.dropFirst(),
            base: base)
        } else if let complement = clause.complement {
          emit(clause.relation, [subjectSpan, tree.span(of: complement)], base: base - 0.1)
        } else {
          emit(clause.relation, [subjectSpan], base: base)
        }
      }
    }
    // "Bruce Klingner, a fellow at X" → (Bruce Klingner; is; a fellow at X).
    for token in tree.sentence where tree.label(token) == "appos" {
      guard let head = tree.head(of: token) else { continue }
      let headSpan = tree.span(of: head, excluding: coordination.union(["acl", "acl:relcl", "nmod"]))
      result.append(
        OpenIETuple(
          confidence: 0.45, relation: "is", arguments: [text(headSpan), text(tree.span(of: token))]))
    }
    return result
  }
}
