/// Derives the verb lexicon from the CAMEO verb dictionary (``CAMEOVerbDictionary``).
///
/// Each verb of a block gets, in order of preference:
/// 1. its own code (`CONDEMN [111]`); an explicit `[---]` on the verb means it has no class alone;
/// 2. the block's code (`---  DENOUNCE   [111]  ---`);
/// 3. the most frequent root among the block's pattern codes, if it is frequent enough (see
///    ``Options``): CAMEO codes most verbs only together with their objects, and a weak plurality
///    says more about the objects than about the verb.
///
/// A pattern that is the verb and a bare particle or preposition (`- * (TO) [042]`,
/// `- * DOWN [173]`) gives a `verb_particle` row with that pattern's code to the verbs its comment
/// names, or to every verb of the block if it names none.
/// Irregular forms in `{...}` get the row of their lemma, unless the form is itself a verb of the
/// dictionary. A lemma in several blocks takes the strongest of these sources, then the block
/// named after it, then the first block. Finally ``Options/overrides`` apply.
public struct VerbLexiconBuilder: Sendable {
  // MARK: - Options

  public struct Options: Sendable, Hashable {
    /// The smallest share of a block's coded patterns that the winning root must hold to give the
    /// block's verbs a class when the block has no code.
    public var minimumPatternShare: Double
    /// The fewest patterns the winning root must hold, for the same purpose.
    public var minimumPatternCount: Int
    /// Corrections applied last; see ``Override/standard``.
    public var overrides: [Override]

    public init(minimumPatternShare: Double, minimumPatternCount: Int, overrides: [Override]) {
      self.minimumPatternShare = minimumPatternShare
      self.minimumPatternCount = minimumPatternCount
      self.overrides = overrides
    }

    public static let `default` = Options(
      minimumPatternShare: 0.5, minimumPatternCount: 3, overrides: Override.standard)
    /// CAMEO as it is: no overrides.
    public static let unmodified = Options(
      minimumPatternShare: 0.5, minimumPatternCount: 3, overrides: [])
  }

  /// A correction for a common news verb whose CAMEO class would mislead, with the reason.
  public struct Override: Sendable, Hashable {
    public var lemma: String
    /// The code to use, or nil to leave the lemma (and its forms) without a class.
    public var cameoCode: String?
    public var reason: String

    public init(lemma: String, cameoCode: String?, reason: String) {
      self.lemma = lemma
      self.cameoCode = cameoCode
      self.reason = reason
    }

    /// The overrides of the bundled table. Each one is a verb frequent in news.
    public static let standard: [Override] = [
      Override(
        lemma: "add", cameoCode: "010",
        reason: "CAMEO lists ADD under GRANT (060, 'add funds'); in news it is mostly a reporting verb "
          + "('he added')"),
      Override(
        lemma: "take", cameoCode: nil,
        reason: "CAMEO lists TAKE under APPREHEND (171, seize); news mostly has 'take part', 'take place', "
          + "'take steps', so only its patterns (with objects) carry an event"),
      Override(
        lemma: "negotiate", cameoCode: "046",
        reason: "CAMEO lists NEGOTIATE under COMPROMISE (080, yield); CAMEO's own event 046 is 'engage in "
          + "negotiation'"),
      Override(
        lemma: "sign", cameoCode: "057",
        reason: "the SIGN block has no code and its patterns tie between 05 and 06; CAMEO's own event 057 is "
          + "'sign formal agreement'"),
      Override(
        lemma: "sanction", cameoCode: "163",
        reason: "CAMEO has SANCTION only as a noun in patterns, coded 163 'impose embargo, boycott, or "
          + "sanctions'"),
      Override(
        lemma: "impose_on", cameoCode: "163",
        reason: "'impose X on Y' names a target; CAMEO codes IMPOSE SANCTIONS 163, and the IMPOSE block code "
          + "(170, coerce) is kept for 'impose' alone"),
      Override(
        lemma: "meet_at", cameoCode: nil,
        reason: "CAMEO's one MEET (AT) pattern is 036, intent to meet; 'met at the summit' is a meeting, so "
          + "meet_at falls back to meet (040)"),
      Override(
        lemma: "urge", cameoCode: "020",
        reason: "URGE's own line is missing from CAMEO 2.0, but 19 of the 22 patterns marked URGE (in the "
          + "DEMAND block) are appeals (02)"),
      Override(
        lemma: "send", cameoCode: "070",
        reason: "the SEND block has no code; its plurality root is 07, provide aid (20 of 61 patterns, below "
          + "the share threshold), kept so that send and deploy compare equal"),
      Override(
        lemma: "deploy", cameoCode: "070",
        reason: "same block and class as send (SEND block plurality 07)"),
      Override(
        lemma: "redeploy", cameoCode: "070",
        reason: "same block and class as send (SEND block plurality 07)"),
      Override(
        lemma: "ship", cameoCode: "070",
        reason: "same block and class as send (SEND block plurality 07): shipments of arms, aid, goods"),
      Override(
        lemma: "transfer", cameoCode: "070",
        reason: "same block and class as send (SEND block plurality 07): transfers of arms, money, goods"),
      Override(
        lemma: "transport", cameoCode: "070",
        reason: "same block and class as send (SEND block plurality 07)"),
      Override(
        lemma: "think", cameoCode: nil,
        reason: "CAMEO lists THINK under CONSIDER (040, consult); in news it introduces a belief, which the "
          + "extractor records as modality, not as a relation"),
      Override(
        lemma: "speculate", cameoCode: nil,
        reason: "as think: CONSIDER (040) in CAMEO, a marker of speculation in news"),
    ]
  }

  // MARK: - Derivations

  /// Where a row came from, weakest first.
  public enum Source: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// An irregular form, given its lemma's row.
    case form
    /// The plurality of the block's pattern codes.
    case patterns
    /// A pattern of the verb with a bare particle or preposition.
    case particlePattern
    /// The block's code.
    case blockCode
    /// The verb's own code.
    case verbCode
    /// ``Options/overrides``.
    case override

    public static func < (lhs: Source, rhs: Source) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// A row and how it was derived.
  public struct Derivation: Sendable, Hashable {
    public var entry: VerbLexicon.Entry
    public var source: Source
    /// The block it came from (`SEND`), or `override`.
    public var block: String
  }

  public var options: Options

  public init(options: Options = .default) {
    self.options = options
  }

  /// The comment lines at the top of a generated table, naming its source by file name only, so
  /// that the same dictionary gives the same bytes wherever it lies.
  public func tableHeader(sourceName: String) -> [String] {
    let overrides = options.overrides.isEmpty ? " --no-overrides" : ""
    return [
      "\(VerbLexicon.resourceName): lemma, relation class, CAMEO event code. Generated; do not edit.",
      "Source: \(sourceName), the PETRARCH2 CAMEO verb dictionary (MIT licence, Open Event Data Alliance).",
      "Command: newsgraph lexicon build --cameo \(sourceName)\(overrides) -o FILE",
    ]
  }

  /// The lexicon of a dictionary.
  public func lexicon(from dictionary: CAMEOVerbDictionary) -> VerbLexicon {
    VerbLexicon(entries: derive(from: dictionary).map(\.entry))
  }

  /// Every row with its derivation, sorted by lemma.
  public func derive(from dictionary: CAMEOVerbDictionary) -> [Derivation] {
    var best: [String: Candidate] = [:]
    func offer(_ candidate: Candidate) {
      if let current = best[candidate.derivation.entry.lemma], !(current < candidate) { return }
      best[candidate.derivation.entry.lemma] = candidate
    }

    for (blockIndex, block) in dictionary.blocks.enumerated() {
      let blockName = CAMEOVerbDictionary.normalizedVerb(block.name)
      func candidate(_ lemma: String, _ code: String, _ source: Source, verb: String) -> Candidate? {
        guard let relationClass = VerbLexicon.RelationClass(cameoCode: code) else { return nil }
        return Candidate(
          derivation: Derivation(
            entry: .init(lemma: lemma, relationClass: relationClass, cameoCode: code), source: source,
            block: block.name),
          homeBlock: blockName == verb, blockIndex: blockIndex)
      }

      let codes = block.patterns.compactMap(\.code.event)
      let fromPatterns = Self.plurality(
        codes, minimumShare: options.minimumPatternShare, minimumCount: options.minimumPatternCount)
      for synonym in block.synonyms {
        let own: (code: String, source: Source)? =
          switch synonym.code {
          case .event(let code): (code, .verbCode)
          case .null: nil
          case .unspecified: block.code.event.map { ($0, .blockCode) } ?? fromPatterns.map { ($0, .patterns) }
          }
        if let own, let found = candidate(synonym.lemma, own.code, own.source, verb: synonym.lemma) {
          offer(found)
        }
      }
      for row in particleRows(block) {
        if let found = candidate("\(row.verb)_\(row.particle)", row.code, .particlePattern, verb: row.verb) {
          offer(found)
        }
      }
    }

    for override in options.overrides {
      if let code = override.cameoCode, let relationClass = VerbLexicon.RelationClass(cameoCode: code) {
        best[override.lemma] = Candidate(
          derivation: Derivation(
            entry: .init(lemma: override.lemma, relationClass: relationClass, cameoCode: code),
            source: .override,
            block: "override"),
          homeBlock: true, blockIndex: -1)
      } else {
        best[override.lemma] = nil
      }
    }

    // Irregular forms follow their lemma, unless the form is a verb of its own somewhere.
    let verbs = Set(dictionary.blocks.flatMap { $0.synonyms.map(\.lemma) } + options.overrides.map(\.lemma))
    var forms: [String: Derivation] = [:]
    for block in dictionary.blocks {
      for synonym in block.synonyms {
        guard let lemma = best[synonym.lemma]?.derivation else { continue }
        for form in synonym.forms where !verbs.contains(form) && forms[form] == nil {
          var derivation = lemma
          derivation.entry.lemma = form
          derivation.source = .form
          forms[form] = derivation
        }
      }
    }

    let rows = best.values.map(\.derivation) + forms.values
    return rows.sorted { $0.entry < $1.entry }
  }

  // MARK: - Patterns

  /// English particles and prepositions that may follow a verb in a predicate (`send_to`).
  static let particles: Set<String> = [
    "about", "across", "after", "against", "along", "among", "around", "at", "away", "back", "before",
    "behind", "between", "by", "down", "for", "from", "in", "inside", "into", "of", "off", "on", "onto",
    "out", "outside", "over", "through", "to", "toward", "towards", "under", "up", "upon", "with",
    "within", "without",
  ]

  /// The block's `- * (PREP)` and `- * PARTICLE` patterns as `verb_particle` rows. A pattern
  /// applies to the verbs its comment names (`- * OFF [046] # KICK` is about "kick off", not
  /// "attack off"), or to every verb of the block when it names none of them. Several patterns
  /// for one row are reduced to one code by ``plurality(_:minimumShare:minimumCount:)``.
  /// Verbs that are phrases already (`ask_for`) get no further particle. Sorted by verb, particle.
  func particleRows(_ block: CAMEOVerbDictionary.Block) -> [(verb: String, particle: String, code: String)] {
    let verbs = block.synonyms.map(\.lemma).filter { !$0.contains("_") }
    var codes: [String: [String]] = [:]
    for pattern in block.patterns {
      guard let code = pattern.code.event else { continue }
      // `$`, `+`, `%` and `^` mark source and target roles, not words.
      let words = pattern.words.filter { !$0.allSatisfy { "$+%^".contains($0) } }
      guard words.count == 2, words[0] == "*" else { continue }
      var word = Substring(words[1])
      if word.hasPrefix("(") && word.hasSuffix(")") { word = word.dropFirst().dropLast() }
      let particle = word.lowercased()
      guard Self.particles.contains(particle) else { continue }
      let named = Set(
        pattern.comment.split { !$0.isLetter && $0 != "_" && $0 != "-" }.map(
          CAMEOVerbDictionary.normalizedVerb))
      let targets = verbs.contains(where: named.contains) ? verbs.filter(named.contains) : verbs
      for verb in targets { codes["\(verb)\t\(particle)", default: []].append(code) }
    }
    return codes.keys.sorted().compactMap { key in
      let parts = key.split(separator: "\t")
      return Self.plurality(codes[key]!, minimumShare: 0, minimumCount: 1).map {
        (String(parts[0]), String(parts[1]), $0)
      }
    }
  }

  /// The most frequent CAMEO root among `codes` (ties: the lowest root), when it holds at least
  /// `minimumShare` of them and at least `minimumCount`; as the one code of that root if all agree,
  /// otherwise as the root's general code (`07` → `070`).
  static func plurality(_ codes: [String], minimumShare: Double, minimumCount: Int) -> String? {
    var byRoot: [Substring: [String]] = [:]
    for code in codes where code.count >= 2 { byRoot[code.prefix(2), default: []].append(code) }
    guard
      let (root, members) = byRoot.min(by: { a, b in
        a.value.count != b.value.count ? a.value.count > b.value.count : a.key < b.key
      }),
      members.count >= minimumCount,
      Double(members.count) >= minimumShare * Double(codes.count)
    else { return nil }
    return Set(members).count == 1 ? members[0] : "\(root)0"
  }
}

// MARK: - Candidates

/// A possible row for a lemma, ranked against the others for the same lemma.
private struct Candidate: Comparable {
  var derivation: VerbLexiconBuilder.Derivation
  /// The block is named after the lemma (`SEND` for `send`).
  var homeBlock: Bool
  var blockIndex: Int

  /// Weaker first: by source, then not-home before home, then later blocks before earlier ones.
  static func < (lhs: Candidate, rhs: Candidate) -> Bool {
    if lhs.derivation.source != rhs.derivation.source { return lhs.derivation.source < rhs.derivation.source }
    if lhs.homeBlock != rhs.homeBlock { return !lhs.homeBlock }
    return lhs.blockIndex > rhs.blockIndex
  }

  static func == (lhs: Candidate, rhs: Candidate) -> Bool {
    lhs.derivation == rhs.derivation && lhs.homeBlock == rhs.homeBlock && lhs.blockIndex == rhs.blockIndex
  }
}
