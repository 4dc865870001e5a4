import Testing

@testable import Extraction

@Suite struct VerbLexiconBuilderTests {
  /// Rows of the excerpt without overrides, by lemma, as `class code source`.
  let rows: [String: String]

  init() throws {
    let dictionary = try CAMEOVerbDictionary(parsing: cameoExcerpt, file: "excerpt.txt")
    rows = Self.rows(VerbLexiconBuilder(options: .unmodified).derive(from: dictionary))
  }

  static func rows(_ derivations: [VerbLexiconBuilder.Derivation]) -> [String: String] {
    Dictionary(
      uniqueKeysWithValues: derivations.map {
        ($0.entry.lemma, "\($0.entry.relationClass.rawValue) \($0.entry.cameoCode) \($0.source)")
      })
  }

  static func derive(_ verbSection: String, options: VerbLexiconBuilder.Options = .unmodified) throws
    -> [String: String]
  {
    let dictionary = try CAMEOVerbDictionary(
      parsing: "####### VERB PATTERNS #######\n" + verbSection, file: "test.txt")
    return rows(VerbLexiconBuilder(options: options).derive(from: dictionary))
  }

  // MARK: - Codes

  @Test func verbCodeWinsOverBlockCode() {
    #expect(rows["condemn"] == "condemn 111 verbCode")
  }

  @Test func blockCodeAppliesToVerbsWithoutTheirOwn() {
    #expect(rows["accuse"] == "condemn 112 blockCode")
    #expect(rows["disgrace"] == "condemn 110 blockCode")
  }

  @Test func explicitNullLeavesTheVerbAloneWithoutAClass() {
    #expect(rows["hold"] == nil)
    #expect(rows["reconvene"] == nil)
  }

  // MARK: - Pattern plurality

  @Test func blockWithoutCodeTakesItsMostFrequentPatternRoot() {
    // SEND: 072, 070, 073 (root 07), 154, 042: three of five are aid, in different codes.
    #expect(rows["send"] == "aid 070 patterns")
    #expect(rows["deploy"] == "aid 070 patterns")
    #expect(rows["beef_up"] == "aid 070 patterns")
  }

  @Test func pluralityOfOneCodeKeepsThatCode() throws {
    let found = try Self.derive(
      "---  HURL  [---]  ---\nHURL\n- * STONES [1822]\n- * GRENADE [1822]\n- * BOMB [1822]\n")
    #expect(found["hurl"] == "assault 1822 patterns")
  }

  @Test func weakPluralityGivesNoClass() throws {
    // Root 14 holds 2 of 5 patterns: below half.
    let found = try Self.derive(
      "---  ARRANGE  [---]  ---\nPUT\n- * STRIKE [143]\n- * RALLY [141]\n- * FIRE [180]\n- * VIGIL [017]\n"
        + "- * DEADLINE [139]\n")
    #expect(found["put"] == nil)
  }

  @Test func tooFewPatternsGiveNoClass() throws {
    let found = try Self.derive("---  KNOW  [---]  ---\nKNOW\n- * TRUTH [010]\n")
    #expect(found["know"] == nil)
    let lenient = VerbLexiconBuilder.Options(minimumPatternShare: 0.5, minimumPatternCount: 1, overrides: [])
    #expect(
      try Self.derive("---  KNOW  [---]  ---\nKNOW\n- * TRUTH [010]\n", options: lenient)["know"]
        == "statement 010 patterns")
  }

  @Test func tiedRootsResolveToTheLowerRoot() throws {
    let found = try Self.derive(
      "---  SIGN  [---]  ---\nSIGN\n- * DEAL [062]\n- * TREATY [057]\n- * PACT [061]\n- * ACCORD [057]\n"
        + "- * CONTRACT [061]\n- * MEMORANDUM [057]\n")
    #expect(found["sign"] == "diplomatic-cooperation 057 patterns")
  }

  // MARK: - Particles and prepositions

  @Test func barePrepositionPatternGivesVerbPrepositionRows() {
    #expect(rows["send_to"] == "meet 042 particlePattern")
  }

  @Test func particlePatternAppliesOnlyToTheVerbsItsCommentNames() {
    // `- * (TO) [042:043]  # SEND` is about "send to", not "deploy to".
    #expect(rows["deploy_to"] == nil)
  }

  @Test func particlePatternNamingNoVerbOfTheBlockAppliesToAll() {
    // `- * (FOR) [112]  # BLAME`: BLAME is not a verb of the excerpt's block.
    #expect(rows["condemn_for"] == "condemn 112 particlePattern")
    #expect(rows["accuse_for"] == "condemn 112 particlePattern")
  }

  @Test func particlePatternsForOneRowTakeTheirPlurality() throws {
    let found = try Self.derive(
      "---  STRIKE  [190]  ---\nSTRIKE\nKICK\n- * OFF [046] # KICK\n- * OFF [190] # STRIKE\n"
        + "- * OFF [160] # STRIKE\n- * OFF [195] # STRIKE , KICK\n")
    #expect(found["kick_off"] == "meet 046 particlePattern")  // 046 and 195 tie: the lower root
    #expect(found["strike_off"] == "fight 190 particlePattern")  // 190 and 195 in root 19, 160 alone
  }

  @Test func verbPrepositionRowsExistEvenForVerbsWithoutAClass() {
    #expect(rows["hold_for"] == "condemn 112 particlePattern")
  }

  @Test func prepositionWithANounIsNotAVerbPreposition() {
    #expect(rows["accuse_before"] == nil)
  }

  @Test func phrasalVerbsGetNoFurtherPreposition() {
    #expect(rows["beef_up_to"] == nil)
  }

  @Test func bareParticleWithoutParenthesesCounts() throws {
    let found = try Self.derive(
      "---  SHUT  [---]  ---\nSHUT\n- * DOWN [1712]\n- * OFF [160]\n- * DOOR [160]\n")
    #expect(found["shut_down"] == "coerce 1712 particlePattern")
    #expect(found["shut_off"] == "sanction 160 particlePattern")
    #expect(found["shut_door"] == nil)
  }

  // MARK: - Forms

  @Test func irregularFormsFollowTheirLemma() {
    #expect(rows["sent"] == "aid 070 form")
    #expect(rows["beefed_up"] == "aid 070 form")
  }

  @Test func formsOfAVerbWithoutClassGetNone() {
    #expect(rows["held"] == nil)
  }

  @Test func formThatIsAlsoAVerbKeepsItsOwnRow() throws {
    let found = try Self.derive(
      "---  FIND  [---]  ---\nFIND {FOUND FINDS}\n---  FOUND  [050]  ---\nFOUND\n"
        + "---  FINDX  [090]  ---\nFIND\n")
    #expect(found["found"] == "diplomatic-cooperation 050 blockCode")
    #expect(found["finds"] == "investigate 090 form")
  }

  // MARK: - Lemmas in several blocks

  @Test func strongerSourceWinsAcrossBlocks() throws {
    let found = try Self.derive(
      "---  ADD  [---]  ---\nADD\n- * X [163]\n- * Y [163]\n- * Z [163]\n---  GRANT  [060]  ---\nADD\n")
    #expect(found["add"] == "material-cooperation 060 blockCode")
  }

  @Test func homeBlockWinsBetweenEqualSources() throws {
    let found = try Self.derive("---  TALK  [010]  ---\nMEET\n---  MEET  [040]  ---\nMEET\n")
    #expect(found["meet"] == "meet 040 blockCode")
  }

  @Test func earlierBlockWinsWhenNothingElseDecides() throws {
    let found = try Self.derive("---  TALK  [010]  ---\nCHAT\n---  VISIT  [042]  ---\nCHAT\n")
    #expect(found["chat"] == "statement 010 blockCode")
  }

  // MARK: - Overrides

  @Test func overrideReplacesAddsAndRemovesRows() throws {
    let options = VerbLexiconBuilder.Options(
      minimumPatternShare: 0.5, minimumPatternCount: 3,
      overrides: [
        .init(lemma: "send", cameoCode: "154", reason: "test"),
        .init(lemma: "sanction", cameoCode: "163", reason: "test"),
        .init(lemma: "accuse", cameoCode: nil, reason: "test"),
      ])
    let dictionary = try CAMEOVerbDictionary(parsing: cameoExcerpt, file: "excerpt.txt")
    let found = Self.rows(VerbLexiconBuilder(options: options).derive(from: dictionary))
    #expect(found["send"] == "deploy 154 override")
    #expect(found["sent"] == "deploy 154 form")
    #expect(found["sanction"] == "sanction 163 override")
    #expect(found["accuse"] == nil)
    #expect(found["deploy"] == "aid 070 patterns")
  }

  @Test func standardOverridesAllHaveValidCodesAndReasons() {
    for override in VerbLexiconBuilder.Override.standard {
      if let code = override.cameoCode {
        #expect(VerbLexicon.RelationClass(cameoCode: code) != nil, "\(override)")
      }
      #expect(!override.reason.isEmpty)
    }
    let lemmas = VerbLexiconBuilder.Override.standard.map(\.lemma)
    #expect(Set(lemmas).count == lemmas.count)
  }

  // MARK: - Output

  @Test func derivationsAreSortedByLemma() throws {
    let dictionary = try CAMEOVerbDictionary(parsing: cameoExcerpt, file: "excerpt.txt")
    let lemmas = VerbLexiconBuilder().derive(from: dictionary).map(\.entry.lemma)
    #expect(lemmas == lemmas.sorted())
    #expect(lemmas.count == Set(lemmas).count)
  }

  @Test func sameDictionaryGivesTheSameTable() throws {
    let dictionary = try CAMEOVerbDictionary(parsing: cameoExcerpt, file: "excerpt.txt")
    let first = VerbLexiconBuilder().lexicon(from: dictionary).tsv(header: ["h"])
    let second = VerbLexiconBuilder().lexicon(from: dictionary).tsv(header: ["h"])
    #expect(first == second)
    #expect(first.hasPrefix("# h\naccuse\tcondemn\t112\n"))
  }
}
