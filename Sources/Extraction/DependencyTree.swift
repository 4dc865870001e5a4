import Text

/// The dependency tree of one sentence: children lists and subtree spans over document token indices.
struct DependencyTree {
  let document: Document
  let sentence: Range<Int>
  /// Children of each token of the sentence (index `token - sentence.lowerBound`), in order.
  private(set) var children: [[Int]]
  /// Each token's relation without subtype, computed once.
  private let bases: [Substring]

  /// Deprels whose subtrees are set off from their head and never part of an argument's text.
  static let detached: Set<String> = ["punct", "appos", "parataxis", "discourse", "vocative", "reparandum"]

  init(document: Document, sentence: Range<Int>) {
    self.document = document
    self.sentence = sentence
    children = Array(repeating: [], count: sentence.count)
    bases = sentence.map { token in
      let label = document.deprels[token]
      return label.split(separator: ":", maxSplits: 1).first ?? Substring(label)
    }
    for token in sentence {
      let head = Int(document.heads[token])
      if sentence.contains(head) { children[head - sentence.lowerBound].append(token) }
    }
  }

  // MARK: - Navigation

  /// The head of `token` within the sentence, or nil for a root.
  func head(of token: Int) -> Int? {
    let head = Int(document.heads[token])
    return sentence.contains(head) ? head : nil
  }

  /// The relation without its subtype (`nsubj:pass` → `nsubj`).
  func relation(_ token: Int) -> Substring { bases[token - sentence.lowerBound] }

  func label(_ token: Int) -> String { document.deprels[token] }

  func children(of token: Int) -> [Int] { children[token - sentence.lowerBound] }

  /// Children whose full label or base relation is `relation`.
  func children(of token: Int, _ relation: String) -> [Int] {
    children(of: token).filter { label($0) == relation || self.relation($0) == relation }
  }

  /// The prepositions marking a nominal ("on", "according to"), without the possessive "'s".
  func prepositions(of token: Int) -> [Int] {
    children(of: token, "case").filter { !["'s", "\u{2019}s", "'", "\u{2019}"].contains(word($0)) }
  }

  /// The prepositions' lemmas joined with underscores ("according_to"); empty when there is none.
  func prepositionLemma(of token: Int) -> String {
    prepositions(of: token).map { lemma($0) }.joined(separator: "_")
  }

  func lemma(_ token: Int) -> String {
    (document.lemmas.isEmpty ? document.forms[token] : document.lemmas[token]).lowercased()
  }

  func word(_ token: Int) -> String { document.forms[token].lowercased() }

  func upos(_ token: Int) -> String { document.upos[token] }

  /// The token and its coordinated conjuncts ("South Korea and Japan" → South Korea, Japan).
  func conjuncts(of token: Int) -> [Int] {
    [token] + children(of: token, "conj").filter { isNominal($0) || upos($0) == upos(token) }
  }

  func isNominal(_ token: Int) -> Bool {
    ["NOUN", "PROPN", "PRON", "NUM", "X", "SYM"].contains(upos(token))
  }

  // MARK: - Spans

  /// The tokens of the subtree of `token`, minus the subtrees of children with the given deprels,
  /// of detached children and of comma-delimited clauses, as one contiguous range trimmed of
  /// punctuation.
  func span(of token: Int, excluding excluded: Set<String> = []) -> Range<Int> {
    var low = token
    var high = token
    var stack = [token]
    while let next = stack.popLast() {
      low = min(low, next)
      high = max(high, next)
      for child in children(of: next) {
        if next == token {
          let base = String(relation(child))
          if excluded.contains(label(child)) || excluded.contains(base) || Self.detached.contains(base) {
            continue
          }
          if base == "acl" || base == "advcl", isCommaDelimited(child) { continue }
        } else if relation(child) == "punct" && (child < low || child > high) {
          continue
        }
        stack.append(child)
      }
    }
    while low < high, upos(low) == "PUNCT" { low += 1 }
    while high > low, upos(high) == "PUNCT" { high -= 1 }
    return low..<(high + 1)
  }

  /// A subordinate clause set off by a comma ("The UN, which has ...").
  func isCommaDelimited(_ token: Int) -> Bool {
    var first = token
    var stack = [token]
    while let next = stack.popLast() {
      first = min(first, next)
      stack.append(contentsOf: children(of: next).filter { relation($0) != "punct" })
    }
    return first > sentence.lowerBound && document.forms[first - 1] == ","
  }
}
