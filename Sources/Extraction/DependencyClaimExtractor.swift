import Text

/// The claim extractor for parsed documents: reads each sentence's dependency tree clause by clause
/// (``ClauseReader``) and turns the clauses' subjects, objects and prepositional arguments into
/// entity-anchored claims, with attribution, modality and polarity taken from the clause and the
/// clauses governing it. Nominal relations ("the meeting between A and B", "Russia's war in
/// Ukraine") and role facts (titles and appositions) come from the noun phrases.
///
/// Needs `upos`, `heads` and `deprels`; on a document without a parse it finds entities only (use
/// ``PatternExtractor`` there).
///
/// Confidence of a claim: `0.5`, `+0.15` when the subject is a named entity, `+0.1` when the object
/// is, `+0.1` when the subject is the clause's own (not inherited through coordination, control or
/// a relative clause), `−0.1` when an argument is a pronoun resolved to its speaker, `−0.05` when
/// the claim is not asserted, `−0.1` for copular and nominal relations, `−0.25` for bare possessives;
/// clamped to 0.05...0.95.
public struct DependencyClaimExtractor: ClaimExtractor {
  public var linker: EntityLinker
  public var finder = MentionFinder()
  /// Gives each predicate its coarse relation class.
  public var lexicon: VerbLexicon

  public init(linker: EntityLinker, lexicon: VerbLexicon = .shared) {
    self.linker = linker
    self.lexicon = lexicon
  }

  public func extract(from document: Document) -> ArticleExtraction {
    var linked = LinkedMentions(linker.link(document, candidates: finder.candidates(in: document)))
    var claims: [Claim] = []
    if Self.hasParse(document) {
      var reader = ClaimReader(
        document: document, linked: linked, lexicon: lexicon, gazetteer: linker.gazetteer)
      for sentenceIndex in document.sentences.indices {
        claims.append(contentsOf: reader.claims(in: sentenceIndex))
      }
      reader.applyRoles(to: &linked)
      reader.concepts.merge(into: &linked)
    }
    return linked.extraction(of: document, claims: claims)
  }

  /// Whether the document carries the layers this extractor reads.
  public static func hasParse(_ document: Document) -> Bool {
    !document.upos.isEmpty && document.heads.count == document.tokenCount
      && document.deprels.count == document.tokenCount && document.tokenCount > 0
  }
}

// MARK: - Claims from clauses

/// Reads the claims of a document sentence by sentence, collecting concepts and role facts.
struct ClaimReader {
  let document: Document
  let linked: LinkedMentions
  let lexicon: VerbLexicon
  /// Knows the agent nouns ("troops", "officials") that act for the country a demonym names.
  let gazetteer: Gazetteer?
  var concepts: ConceptTable
  /// Job title and affiliation (entity index) found for entity indices.
  var roles: [Int: (title: String, affiliation: Int?)] = [:]
  /// The concept already made for a head token: an argument is asked for once per claim it is
  /// in, but is one mention.
  private var conceptAtToken: [Int: Int] = [:]

  init(document: Document, linked: LinkedMentions, lexicon: VerbLexicon, gazetteer: Gazetteer? = nil) {
    self.document = document
    self.linked = linked
    self.lexicon = lexicon
    self.gazetteer = gazetteer
    concepts = ConceptTable(startIndex: linked.entities.count)
  }

  /// An argument mapped to an entity index, and whether it was a pronoun resolved to its speaker.
  struct Argument {
    var entity: Int
    var resolved: Bool
  }

  mutating func claims(in sentenceIndex: Int) -> [Claim] {
    let sentence = document.sentences[sentenceIndex]
    let tree = DependencyTree(document: document, sentence: sentence)
    let reader = ClauseReader(tree: tree)
    let span = document.span(ofTokens: sentence)
    // The sentence's text, made once its first claim is found: most sentences have none.
    var evidence: String?
    var result: [Claim] = []

    func add(
      _ subject: Argument, _ predicate: String, _ object: Argument, modality: Modality = .asserted,
      negated: Bool = false, attribution: Int? = nil, base: Double
    ) {
      guard subject.entity != object.entity else { return }
      if evidence == nil { evidence = document.text(span) }
      var confidence = base
      if isNamed(subject.entity) { confidence += 0.15 }
      if isNamed(object.entity) { confidence += 0.1 }
      if subject.resolved || object.resolved { confidence -= 0.1 }
      if modality != .asserted { confidence -= 0.05 }
      result.append(
        Claim(
          subject: key(subject.entity), predicate: predicate,
          relationClass: lexicon.relationClass(forPredicate: predicate), object: key(object.entity),
          attribution: attribution.map(key), modality: modality, polarity: negated ? .negative : .positive,
          confidence: min(max(confidence, 0.05), 0.95), sentence: sentenceIndex, span: span,
          evidence: evidence ?? ""))
    }

    for clause in reader.clauses() {
      let speaker = clause.attribution.flatMap {
        entityIndex(at: $0, tree: tree, sentenceIndex: sentenceIndex)
      }
      let subjects = clause.subjects.flatMap { token -> [Argument] in
        if let subject = argument(token, tree: tree, sentenceIndex: sentenceIndex, speaker: speaker) {
          return [subject]
        }
        return reader.antecedents(ofPronoun: token).compactMap { antecedent in
          guard let entity = entityIndex(at: antecedent, tree: tree, sentenceIndex: sentenceIndex),
            agrees(pronoun: tree.word(token), with: entity)
          else { return nil }
          return Argument(entity: entity, resolved: true)
        }
      }
      let base = clause.subjectInherited ? 0.5 : 0.6
      let prefix = clause.passive && clause.agent == nil ? "be_" : ""
      var predicate = prefix + clause.lemma
      var objects = clause.objects
      if clause.copula {
        // "X is the leader of Y", "X is in Russia": the predicate nominal is the object, its
        // preposition joins the predicate.
        let cases = tree.prepositions(of: clause.predicate).map { tree.lemma($0) }
        if tree.isNominal(clause.predicate) {
          objects = tree.conjuncts(of: clause.predicate)
          if !cases.isEmpty { predicate += "_" + cases.joined(separator: "_") }
        }
      }
      for subject in subjects {
        for object in objects {
          // "condemn any action that contributes to X" condemns X too.
          for effect in reader.effects(of: object) {
            guard let target = argument(effect, tree: tree, sentenceIndex: sentenceIndex, speaker: speaker)
            else { continue }
            add(
              subject, predicate, target, modality: clause.modality, negated: clause.negated,
              attribution: speaker, base: base - 0.1)
          }
          guard let target = argument(object, tree: tree, sentenceIndex: sentenceIndex, speaker: speaker)
          else { continue }
          add(
            subject, predicate, target, modality: clause.modality, negated: clause.negated,
            attribution: speaker,
            base: clause.copula ? base - 0.1 : base)
          // Light verbs: "forge ties with Russia", "provide support to Kyiv" relate the subject
          // to the noun's prepositional argument through the verb and preposition.
          guard !clause.copula, tree.upos(object) == "NOUN" else { continue }
          for modifier in tree.children(of: object, "nmod") {
            let preposition = tree.prepositionLemma(of: modifier)
            guard !preposition.isEmpty, preposition != "of" else { continue }
            for head in tree.conjuncts(of: modifier) {
              guard let other = argument(head, tree: tree, sentenceIndex: sentenceIndex, speaker: speaker)
              else {
                continue
              }
              add(
                subject, predicate + "_" + preposition, other, modality: clause.modality,
                negated: clause.negated,
                attribution: speaker, base: base - 0.1)
            }
          }
        }
        for oblique in clause.obliques where !oblique.prepositionLemma.isEmpty {
          var obliquePredicate = predicate
          if clause.copula && tree.upos(clause.predicate) == "NOUN" {
            obliquePredicate = "be_" + tree.lemma(clause.predicate)
          }
          obliquePredicate += "_" + oblique.prepositionLemma
          for head in tree.conjuncts(of: oblique.head) where tree.upos(head) != "NUM" {
            guard let target = argument(head, tree: tree, sentenceIndex: sentenceIndex, speaker: speaker)
            else {
              continue
            }
            add(
              subject, obliquePredicate, target, modality: clause.modality, negated: clause.negated,
              attribution: speaker, base: base - 0.05)
          }
        }
      }
      if clause.copula, let subject = clause.subjects.first, tree.upos(clause.predicate) == "NOUN" {
        noteRole(of: subject, title: clause.predicate, tree: tree)
      }
    }
    for relation in nominalRelations(tree: tree, reader: reader, sentenceIndex: sentenceIndex) {
      add(relation.subject, relation.predicate, relation.object, base: relation.base)
    }
    return result
  }

  // MARK: - Nominal relations, possessives and appositions

  private mutating func nominalRelations(
    tree: DependencyTree, reader: ClauseReader, sentenceIndex: Int
  ) -> [(subject: Argument, predicate: String, object: Argument, base: Double)] {
    var found: [(subject: Argument, predicate: String, object: Argument, base: Double)] = []
    for token in tree.sentence {
      if tree.label(token) == "appos", let head = tree.head(of: token) {
        // "Bruce Klingner, a senior fellow at X" and "the minister, Park Jin".
        if tree.upos(token) == "NOUN" { noteRole(of: head, title: token, tree: tree) }
        if tree.upos(head) == "NOUN" { noteRole(of: token, title: head, tree: tree) }
      }
      guard tree.upos(token) == "NOUN" else { continue }
      let noun = Self.nominalPredicate(tree.lemma(token))
      var possessor: Argument?
      for owner in tree.children(of: token, "nmod:poss") {
        possessor = argument(owner, tree: tree, sentenceIndex: sentenceIndex, speaker: nil)
        // "Russia could use support for its campaign in Ukraine": "its" is Russia.
        if possessor == nil, let antecedent = reader.possessiveAntecedent(of: owner),
          let entity = entityIndex(at: antecedent, tree: tree, sentenceIndex: sentenceIndex),
          let personal = ClauseReader.possessivePronouns[tree.word(owner)],
          agrees(pronoun: personal, with: entity)
        {
          possessor = Argument(entity: entity, resolved: true)
        }
      }
      var hasPrepositional = false
      for modifier in tree.children(of: token, "nmod") {
        let preposition = tree.prepositionLemma(of: modifier)
        guard !preposition.isEmpty else { continue }
        let members = tree.conjuncts(of: modifier)
        if preposition == "between", members.count >= 2 {
          // "the meeting between A and B": the event relates its participants.
          let arguments = members.compactMap {
            argument($0, tree: tree, sentenceIndex: sentenceIndex, speaker: nil)
          }
          if arguments.count >= 2 { found.append((arguments[0], noun, arguments[1], 0.4)) }
          hasPrepositional = true
        } else if let possessor, preposition != "of" {
          // "Russia's war in Ukraine".
          for member in members {
            guard let target = argument(member, tree: tree, sentenceIndex: sentenceIndex, speaker: nil) else {
              continue
            }
            found.append((possessor, noun + "_" + preposition, target, 0.4))
            hasPrepositional = true
          }
        }
      }
      if let possessor, !hasPrepositional, isNamed(possessor.entity),
        let target = argument(token, tree: tree, sentenceIndex: sentenceIndex, speaker: nil)
      {
        found.append((possessor, "have", target, 0.25))
      }
    }
    return found
  }

  /// The verb behind an event noun where English makes it from the gerund ("meeting" → meet).
  static func nominalPredicate(_ lemma: String) -> String {
    if lemma.hasSuffix("ing") && lemma.count > 5 { return String(lemma.dropLast(3)) }
    return lemma
  }

  /// Records "senior research fellow" at "the Heritage Foundation" as the role of a named person.
  private mutating func noteRole(of person: Int, title: Int, tree: DependencyTree) {
    let entity = Int(linked.entityAtToken[person])
    guard entity >= 0, linked.entities[entity].type == .person, roles[entity] == nil else { return }
    let modifiers = tree.children(of: title).filter {
      ["amod", "compound"].contains(String(tree.relation($0))) && $0 < title && linked.entityAtToken[$0] < 0
    }
    let words = (modifiers + [title]).sorted().map { document.forms[$0] }
    var affiliation: Int?
    for modifier in tree.children(of: title)
    where ["nmod", "compound", "nmod:poss"].contains(tree.label(modifier)) {
      let candidate = Int(linked.entityAtToken[modifier])
      if candidate >= 0, linked.entities[candidate].type != .person { affiliation = candidate }
    }
    roles[entity] = (words.joined(separator: " "), affiliation)
  }

  /// Sets job titles and affiliations the linker did not already set.
  func applyRoles(to linked: inout LinkedMentions) {
    for (entity, role) in roles {
      if linked.entities[entity].jobTitle == nil { linked.entities[entity].jobTitle = role.title }
      if linked.entities[entity].affiliation == nil, let affiliation = role.affiliation {
        linked.entities[entity].affiliation = linked.entities[affiliation].key
      }
    }
  }

  // MARK: - Arguments

  /// The entity of an argument headed by `token`: a linked entity, a pronoun standing for the
  /// speaker, or a concept named by its nouns.
  private mutating func argument(_ token: Int, tree: DependencyTree, sentenceIndex: Int, speaker: Int?)
    -> Argument?
  {
    if let entity = entityIndex(at: token, tree: tree, sentenceIndex: sentenceIndex) {
      return Argument(entity: entity, resolved: false)
    }
    if tree.upos(token) == "PRON" {
      guard let speaker, ClauseReader.speakerPronouns.contains(tree.word(token)) else { return nil }
      return Argument(entity: speaker, resolved: true)
    }
    return nil
  }

  /// Whether a pronoun can stand for the entity: "he" and "she" for people, "it" for anything
  /// else; "they" for anything (number was checked on the parse).
  private func agrees(pronoun: String, with entity: Int) -> Bool {
    let isPerson = isNamed(entity) && linked.entities[entity].type == .person
    switch pronoun {
    case "he", "she": return isPerson
    case "it": return !isPerson
    default: return true
    }
  }

  /// A linked entity on the token, or a concept for a common noun (its compound nouns, the words
  /// hyphenated onto them, and itself, lowercased as written: "artillery shells", "long-range
  /// missiles").
  private mutating func entityIndex(at token: Int, tree: DependencyTree, sentenceIndex: Int) -> Int? {
    let linkedEntity = Int(linked.entityAtToken[token])
    if linkedEntity >= 0 { return personTitled(afterDemonymAt: token, tree: tree) ?? linkedEntity }
    // "the U.S. State Department": a name inside the argument's flat or compound parts. Flat
    // parts first: they continue the head's name ("Secretary | Lloyd Austin" is Austin, not the
    // U.S. of its compound "U.S. Defense").
    let parts = tree.children(of: token, "flat") + tree.children(of: token, "compound")
    for child in parts where tree.upos(token) == "PROPN" {
      let entity = Int(linked.entityAtToken[child])
      if entity >= 0 { return entity }
    }
    guard tree.upos(token) == "NOUN" else { return nil }
    if let country = countryActing(through: token, tree: tree) { return country }
    if let concept = conceptAtToken[token] { return concept }
    var start = token
    while start > tree.sentence.lowerBound, tree.upos(start - 1) == "NOUN",
      linked.entityAtToken[start - 1] < 0,
      tree.head(of: start - 1) == token
    {
      start -= 1
    }
    let tokens = document.hyphenatedStart(of: start, in: tree.sentence)..<(token + 1)
    let phrase = document.conceptPhrase(tokens)
    let mention = Mention(
      text: document.text(ofTokens: tokens), sentence: sentenceIndex, tokens: tokens,
      span: document.span(ofTokens: tokens))
    let concept = concepts.index(phrase: phrase, mention: mention)
    conceptAtToken[token] = concept
    return concept
  }

  /// The person named after a demonym and a title noun: a demonym is an adjective, so where the
  /// parse makes it an argument ("between Putin and North | Korean leader Kim Jong-un", with
  /// "North" as the conjunct), the argument is the person the title introduces.
  private func personTitled(afterDemonymAt token: Int, tree: DependencyTree) -> Int? {
    let title = Int(linked.afterDemonym[token])
    let name = title + 1
    guard title >= 0, name < tree.sentence.upperBound, tree.upos(title) == "NOUN",
      linked.entityAtToken[title] < 0
    else { return nil }
    let person = Int(linked.entityAtToken[name])
    return person >= 0 && linked.entities[person].type == .person ? person : nil
  }

  /// The country whose agents an agent noun with a demonym or country name before it stands for:
  /// "North Korean troops", "South Korean officials", "Russia's forces" act for their country. Only
  /// agents of the state by the gazetteer's role list (government, military, police, intelligence,
  /// courts, legislature, and officials): "Peru's rebels" or "Russian experts" are no such agents,
  /// and things ("North Korean presence") are no agents at all.
  private func countryActing(through noun: Int, tree: DependencyTree) -> Int? {
    guard let gazetteer else { return nil }
    let code = gazetteer.roleCode(tree.word(noun)) ?? gazetteer.roleCode(tree.lemma(noun))
    let isStateAgent =
      code.map { code in Self.stateAgentCodes.contains { code.hasPrefix($0) } } ?? false
      || Self.stateAgentNouns.contains(tree.lemma(noun).lowercased())
    guard isStateAgent else { return nil }
    for child in tree.children(of: noun)
    where ["amod", "compound"].contains(String(tree.relation(child))) || tree.label(child) == "nmod:poss" {
      let entity = Int(linked.entityAtToken[child])
      if entity >= 0, linked.entities[entity].type == .country { return entity }
    }
    return nil
  }

  /// CAMEO agent codes of the state: government, military, police, intelligence, courts, legislature.
  static let stateAgentCodes = ["GOV", "MIL", "COP", "SPY", "JUD", "LEG"]
  /// Role heads without a CAMEO code that speak for a state.
  static let stateAgentNouns: Set<String> = ["official", "representative", "spokesperson", "spokespeople"]

  private func isNamed(_ index: Int) -> Bool { index < linked.entities.count }

  private func key(_ index: Int) -> String {
    index < linked.entities.count
      ? linked.entities[index].key : concepts.entities[index - concepts.startIndex].key
  }
}
