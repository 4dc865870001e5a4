import Text

/// One predicate of a sentence with its arguments, read from a dependency parse: a verb, or a
/// nominal or adjectival predicate with a copula.
struct DependencyClause {
  /// A prepositional argument ("on North Korea"): the preposition tokens and the argument head.
  struct Oblique {
    var preposition: [Int]
    var head: Int
    var prepositionLemma: String
  }

  var predicate: Int
  /// The relation phrase as written, in sentence order: auxiliaries, negation, verb, particle;
  /// for a copula the copula (and an adjectival predicate); for infinitival complements the
  /// governing verb's phrase first ("agreed to provide").
  var relation: [Int]
  /// The normalized predicate without preposition: the verb lemma, with its particle.
  var lemma: String
  var subjects: [Int]
  /// The subject comes from another clause (coordination, control, relative clause).
  var subjectInherited: Bool
  var objects: [Int]
  var obliques: [Oblique]
  /// A clausal complement ("speculated [that ...]").
  var complement: Int?
  /// The passive agent ("by X"), when the clause is passive.
  var agent: Int?
  var passive: Bool
  var copula: Bool
  var negated: Bool
  var modality: Modality
  /// The token of the speaker the clause is attributed to.
  var attribution: Int?
}

/// Reads the clauses of one sentence.
struct ClauseReader {
  let tree: DependencyTree

  static let negations = RelationPhrase.negations
  static let possibilityModals = RelationPhrase.possibilityModals
  static let hedges: Set<String> = [
    "likely", "possible", "unlikely", "expected", "poised", "set", "probable",
  ]
  static let relativePronouns: Set<String> = ["which", "who", "that", "whom"]
  static let conditions: Set<String> = ["if", "unless"]
  /// Pronouns that stand for the speaker of a reported or quoted clause.
  static let speakerPronouns: Set<String> = ["we", "i", "they", "he", "she"]

  init(tree: DependencyTree) { self.tree = tree }

  /// Every clause of the sentence, in order of the predicate.
  func clauses() -> [DependencyClause] {
    var result: [DependencyClause] = []
    for token in tree.sentence where isPredicate(token) {
      if let clause = clause(at: token) { result.append(clause) }
    }
    return result
  }

  func isPredicate(_ token: Int) -> Bool {
    let base = tree.relation(token)
    if base == "compound" || base == "amod" || base == "aux" || base == "cop" { return false }
    if tree.upos(token) == "VERB" { return true }
    return !tree.children(of: token, "cop").isEmpty
  }

  // MARK: - One clause

  func clause(at token: Int) -> DependencyClause? {
    let copula = tree.upos(token) != "VERB" && !tree.children(of: token, "cop").isEmpty
    let passive =
      !tree.children(of: token, "nsubj:pass").isEmpty || !tree.children(of: token, "aux:pass").isEmpty
      || (tree.label(token) == "acl" && tree.document.xpos.indices.contains(token)
        && tree.document.xpos[token] == "VBN"
        // "The officials condemned Peru" misparsed as a reduced relative: a participle with a
        // direct object is active ("the sanctions imposed on Russia" has none).
        && tree.children(of: token, "obj").isEmpty)
    var (subjects, inherited) = self.subjects(of: token)
    var objects = tree.children(of: token, "obj") + tree.children(of: token, "iobj")
    // "sanctions which the UN imposed": the relative pronoun object stands for the noun.
    if tree.label(token) == "acl:relcl", let noun = tree.head(of: token) {
      objects = objects.map { ClauseReader.relativePronouns.contains(tree.word($0)) ? noun : $0 }
    }
    // "providing shells and other equipment" parsed with the conjunct on the verb: a nominal
    // conjunct after the object, with no subject or copula of its own, is one more object.
    if !copula, let last = objects.max() {
      for conjunct in tree.children(of: token, "conj")
      where conjunct > last && tree.isNominal(conjunct) && tree.children(of: conjunct, "nsubj").isEmpty
        && tree.children(of: conjunct, "cop").isEmpty
      {
        objects.append(conjunct)
      }
    }
    // "called the reports troubling": the predicative complement is an argument too.
    for complement in tree.children(of: token, "xcomp") where tree.upos(complement) != "VERB" {
      if tree.children(of: complement, "cop").isEmpty { objects.append(complement) }
    }
    var obliques: [DependencyClause.Oblique] = []
    var agent: Int?
    let absolute = absoluteSubject(of: token)
    for child in tree.children(of: token)
    where child != absolute && (tree.relation(child) == "obl" || (copula && tree.relation(child) == "nmod")) {
      let cases = tree.prepositions(of: child)
      let prepositionLemma = cases.map { tree.lemma($0) }.joined(separator: "_")
      if passive && (tree.label(child) == "obl:agent" || prepositionLemma == "by") {
        agent = child
        continue
      }
      if prepositionLemma == "according_to" || prepositionLemma == "accord_to"
        || prepositionLemma == "according"
      {
        continue
      }
      obliques.append(.init(preposition: cases, head: child, prepositionLemma: prepositionLemma))
    }
    let complement = (tree.children(of: token, "ccomp") + tree.children(of: token, "csubj")).first
    // A copular predicate's own arguments.
    if copula && subjects.isEmpty { return nil }
    if passive, let agent, !subjects.isEmpty {
      objects = subjects
      subjects = [agent]
    }
    if subjects.isEmpty { return nil }
    subjects = subjects.flatMap { tree.conjuncts(of: $0) }
    return DependencyClause(
      predicate: token, relation: relationTokens(token, copula: copula), lemma: lemma(token, copula: copula),
      subjects: subjects, subjectInherited: inherited, objects: objects.flatMap { tree.conjuncts(of: $0) },
      obliques: obliques, complement: complement, agent: agent, passive: passive, copula: copula,
      negated: isNegated(token), modality: modality(token), attribution: attribution(token))
  }

  /// The subjects of a clause, with whether they were inherited from another clause.
  func subjects(of token: Int) -> ([Int], Bool) {
    var own = tree.children(of: token).filter { ["nsubj", "csubj"].contains(String(tree.relation($0))) }
    // Found by word order, not by the parse: scored like an inherited subject.
    if own.isEmpty, let subject = absoluteSubject(of: token) { return ([subject], true) }
    let label = tree.label(token)
    if label == "acl:relcl", let noun = tree.head(of: token) {
      // "The UN, which has imposed ...": the relative pronoun stands for the noun it modifies.
      if own.isEmpty { return ([noun], true) }
      own = own.map { ClauseReader.relativePronouns.contains(tree.word($0)) ? noun : $0 }
      return (own, own.contains(noun))
    }
    if !own.isEmpty { return (own, false) }
    guard let head = tree.head(of: token) else { return ([], false) }
    switch tree.relation(token) {
    case "conj" where tree.upos(head) == "VERB" || !tree.children(of: head, "cop").isEmpty:
      return (subjects(of: head).0, true)
    case "xcomp":
      // Object control ("asked Seoul to act"), else subject control ("agreed to provide").
      let controller = tree.children(of: head, "obj")
      return (controller.isEmpty ? subjects(of: head).0 : controller, true)
    case "acl":
      return ([head], true)
    case "advcl" where tree.children(of: token, "mark").isEmpty:
      return (subjects(of: head).0, true)
    case "advcl" where isPurpose(token):
      // "Chile sent troops to support Peru": the purpose clause shares the subject.
      return (subjects(of: head).0, true)
    default:
      return ([], false)
    }
  }

  /// The subject of a gerund in an absolute construction: "…, with North Korea providing shells":
  /// the noun phrase right before the gerund, introduced by "with" or "without". Read from word
  /// order because parsers attach both parts in many ways (the phrase to a noun before it, the
  /// gerund as a modifier of some other noun); nil for any other clause.
  func absoluteSubject(of token: Int) -> Int? {
    guard token > tree.sentence.lowerBound, tree.upos(token) == "VERB", isGerund(token) else { return nil }
    var noun = token - 1
    // "with Kim Jong-un visiting": a flat name's head is its first word.
    while tree.relation(noun) == "flat", let head = tree.head(of: noun), head < noun { noun = head }
    guard ["NOUN", "PROPN", "PRON"].contains(tree.upos(noun)),
      tree.children(of: noun, "case").contains(where: {
        $0 < noun && ClauseReader.absolutePrepositions.contains(tree.word($0))
      })
    else { return nil }
    return noun
  }

  static let absolutePrepositions: Set<String> = ["with", "without"]

  private func isGerund(_ token: Int) -> Bool {
    let xpos = tree.document.xpos.indices.contains(token) ? tree.document.xpos[token] : "_"
    if xpos != "_" && !xpos.isEmpty { return xpos == "VBG" }
    return tree.word(token).hasSuffix("ing")
  }

  /// What an empty action noun stands for when its relative clause says what it brings about:
  /// "condemn any action that contributes to the destabilization of Ukraine" condemns the
  /// destabilization; "support every step that leads to peace" supports peace. Only verbs of
  /// causing carry their effect up: "any action that violates sanctions" does not condemn sanctions.
  func effects(of noun: Int) -> [Int] {
    guard ClauseReader.actionNouns.contains(tree.lemma(noun)) else { return [] }
    var result: [Int] = []
    for clause in tree.children(of: noun, "acl") where tree.upos(clause) == "VERB" {
      guard let preposition = ClauseReader.causingVerbs[tree.lemma(clause)],
        tree.children(of: clause, "nsubj").allSatisfy({
          ClauseReader.relativePronouns.contains(tree.word($0))
        }),
        !isNegated(clause)
      else { continue }
      let arguments =
        preposition.isEmpty
        ? tree.children(of: clause, "obj")
        : tree.children(of: clause, "obl").filter { tree.prepositionLemma(of: $0) == preposition }
      result += arguments.flatMap { tree.conjuncts(of: $0) }
    }
    return result
  }

  /// Nouns (and indefinite pronouns) that name an action without saying what it is.
  static let actionNouns: Set<String> = [
    "action", "act", "activity", "step", "move", "measure", "attempt", "effort", "behavior",
    "behaviour", "conduct", "policy", "decision", "anything", "something", "everything",
  ]
  /// Verbs of causing, with the preposition that marks the effect (empty for a direct object).
  static let causingVerbs: [String: String] = [
    "contribute": "to", "lead": "to", "result": "in", "cause": "", "fuel": "", "provoke": "",
    "trigger": "", "spark": "", "promote": "", "encourage": "", "incite": "",
  ]

  /// An infinitive of purpose: "to", "in order to", "so as to", with no subject of its own.
  private func isPurpose(_ clause: Int) -> Bool {
    let marks = tree.children(of: clause, "mark").map { tree.word($0) }
    return marks.last == "to" && marks.allSatisfy { ["to", "in", "order", "so", "as"].contains($0) }
  }

  /// Third-person pronouns that may stand for the subject of the clause that governs theirs.
  static let anaphoricPronouns: Set<String> = ["they", "he", "she", "it"]

  /// What a pronoun subject of a complement clause stands for: the subjects of the governing
  /// clause, when it has a non-pronoun subject and the number agrees. "The U.S. and its allies
  /// signaled that they may impose sanctions" → the U.S. and its allies; "Austin said he would
  /// go" → Austin. Empty when there is no such antecedent; the caller checks gender and animacy
  /// against the entities' types.
  func antecedents(ofPronoun token: Int) -> [Int] {
    guard tree.upos(token) == "PRON", ClauseReader.anaphoricPronouns.contains(tree.word(token)),
      tree.relation(token) == "nsubj", let clause = tree.head(of: token), tree.relation(clause) == "ccomp",
      let governor = tree.head(of: clause)
    else { return [] }
    let governing = subjects(of: governor).0.flatMap { tree.conjuncts(of: $0) }
    guard let first = governing.first, !governing.contains(where: { tree.upos($0) == "PRON" }) else {
      return []
    }
    let plural = governing.count > 1 || isPlural(first)
    return (tree.word(token) == "they") == plural ? governing : []
  }

  /// Possessive pronouns with the personal pronoun whose agreement they share.
  static let possessivePronouns: [String: String] = ["its": "it", "his": "he", "her": "she", "their": "they"]

  /// What a possessive pronoun stands for: the one subject of the clause its noun phrase belongs
  /// to, when number agrees. "Russia could use support for its campaign" → Russia. Nil inside the
  /// subject itself ("the U.S. and its allies"), for a pronoun subject, or for several subjects;
  /// the caller checks gender and animacy against the entity's type.
  func possessiveAntecedent(of pronoun: Int) -> Int? {
    guard tree.upos(pronoun) == "PRON", let personal = ClauseReader.possessivePronouns[tree.word(pronoun)],
      tree.label(pronoun) == "nmod:poss"
    else { return nil }
    var current = pronoun
    while let head = tree.head(of: current) {
      if isSubject(current) || tree.relation(current) == "nsubj" { return nil }
      if isPredicate(head) {
        let subjects = self.subjects(of: head).0.flatMap { tree.conjuncts(of: $0) }
        guard subjects.count == 1, let subject = subjects.first, tree.upos(subject) != "PRON",
          (personal == "they") == isPlural(subject)
        else { return nil }
        return subject
      }
      current = head
    }
    return nil
  }

  /// A plural noun by its Penn tag, or by its form when the tag is missing ("allies" → "ally").
  func isPlural(_ token: Int) -> Bool {
    let xpos = tree.document.xpos[token]
    if xpos != "_" && !xpos.isEmpty { return xpos == "NNS" || xpos == "NNPS" }
    return tree.upos(token) == "NOUN" && tree.word(token).hasSuffix("s")
      && tree.lemma(token) != tree.word(token)
  }

  // MARK: - Predicate

  /// The relation phrase: auxiliaries, negation, the predicate and its particle, preceded by the
  /// phrase of the governing clause for an infinitival complement.
  func relationTokens(_ token: Int, copula: Bool) -> [Int] {
    var tokens: [Int] = []
    for child in tree.children(of: token) {
      let base = tree.relation(child)
      if base == "aux" || base == "cop" || label(child, is: "compound:prt")
        || (base == "advmod" && ClauseReader.negations.contains(tree.word(child)))
        || (base == "mark" && tree.word(child) == "to")
      {
        tokens.append(child)
      }
    }
    if !copula || tree.upos(token) == "ADJ" { tokens.append(token) }
    if tree.relation(token) == "xcomp", let head = tree.head(of: token) {
      tokens = relationTokens(head, copula: !tree.children(of: head, "cop").isEmpty) + tokens
    }
    return tokens.sorted()
  }

  private func label(_ token: Int, is label: String) -> Bool { tree.label(token) == label }

  /// The normalized predicate: the verb lemma with its particle, `be` (plus an adjective) for a copula.
  func lemma(_ token: Int, copula: Bool) -> String {
    if copula { return tree.upos(token) == "ADJ" ? "be_" + tree.lemma(token) : "be" }
    var lemma = tree.lemma(token)
    for particle in tree.children(of: token, "compound:prt") { lemma += "_" + tree.lemma(particle) }
    return lemma
  }

  /// Negation on the clause or on a clause that governs it through control or coordination.
  func isNegated(_ token: Int) -> Bool {
    var current = token
    while true {
      if tree.children(of: current).contains(where: {
        (tree.relation($0) == "advmod" || tree.relation($0) == "neg" || tree.relation($0) == "det")
          && ClauseReader.negations.contains(tree.word($0)) && tree.upos($0) != "DET"
      }) {
        return true
      }
      guard tree.relation(current) == "xcomp", let head = tree.head(of: current) else { return false }
      current = head
    }
  }

  // MARK: - Modality and attribution

  /// The strongest qualifier over the clause and the clauses that govern it: a condition, a verb
  /// of speculation, a modal or hedge, a report cue; asserted otherwise.
  func modality(_ token: Int) -> Modality {
    var hypothetical = false
    var speculated = false
    var possible = false
    var reported = false
    var current = token
    var direct = true  // still within the clause or its control/coordination chain
    while true {
      for child in tree.children(of: current) {
        let base = tree.relation(child)
        if direct && base == "aux" && ClauseReader.possibilityModals.contains(tree.word(child)) {
          possible = true
        }
        if direct && base == "advmod" && SentenceCues.reportedCues.contains(tree.word(child)) {
          reported = true
        }
        if direct && base == "advcl" && isCondition(child) { hypothetical = true }
        // "the alleged cooperation": a report cue on an argument.
        if direct && ["nsubj", "obj"].contains(String(base)) {
          if tree.children(of: child, "amod").contains(where: {
            SentenceCues.reportedCues.contains(tree.word($0))
          }) {
            reported = true
          }
        }
      }
      if direct && ClauseReader.hedges.contains(tree.lemma(current))
        && !tree.children(of: current, "cop").isEmpty
      {
        possible = true
      }
      guard let head = tree.head(of: current) else { break }
      let base = tree.relation(current)
      if base == "advcl" && isCondition(current) { hypothetical = true }
      // Anything governed by a verb of speculation, other than its subject, is speculation: the
      // parser does not always label the complement ccomp.
      if !isSubject(current) && tree.upos(head) == "VERB"
        && SentenceCues.speculationVerbs.contains(tree.lemma(head))
      {
        speculated = true
      }
      // A purpose clause ("to take action") is no more certain than the clause it serves.
      if base != "xcomp" && base != "conj" && !(base == "advcl" && isPurpose(current)) { direct = false }
      current = head
    }
    if hypothetical { return .hypothetical }
    if speculated { return .speculated }
    if possible { return .possible }
    if reported { return .reported }
    return .asserted
  }

  private func isCondition(_ clause: Int) -> Bool {
    tree.children(of: clause, "mark").contains { ClauseReader.conditions.contains(tree.word($0)) }
  }

  /// The speaker of the clause: the subject of a governing verb of speech or belief ("Austin said
  /// [that ...]"), of a speech verb set beside a quotation ("..., Austin said"), or the object of
  /// "according to".
  func attribution(_ token: Int) -> Int? {
    var current = token
    while true {
      for child in tree.children(of: current) {
        let base = tree.relation(child)
        if base == "obl" || base == "nmod",
          tree.children(of: child, "case").contains(where: { tree.word($0) == "according" })
        {
          return child
        }
        if base == "parataxis", isSpeech(child), let speaker = tree.children(of: child, "nsubj").first {
          return speaker
        }
      }
      guard let head = tree.head(of: current) else { return nil }
      if !isSubject(current) && tree.upos(head) == "VERB" && isSpeech(head),
        let speaker = tree.children(of: head, "nsubj").first
      {
        return speaker
      }
      current = head
    }
  }

  private func isSubject(_ token: Int) -> Bool {
    let base = tree.relation(token)
    return base == "nsubj" || base == "csubj"
  }

  func isSpeech(_ token: Int) -> Bool {
    SentenceCues.speechVerbs.contains(tree.lemma(token))
      || SentenceCues.speculationVerbs.contains(tree.lemma(token))
  }
}
