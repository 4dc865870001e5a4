import Testing
import Text

@testable import Extraction

@Suite struct DependencyClaimExtractorTests {
  let extractor = DependencyClaimExtractor(linker: EntityLinker(gazetteer: try! Gazetteer.bundled()))

  func claims(_ rows: String) -> [Claim] { extractor.extract(from: parsedDocument(rows)).claims }

  func triples(_ rows: String) -> Set<String> {
    Set(claims(rows).map { "\($0.subject) \($0.predicate) \($0.object)" })
  }

  @Test func subjectVerbObjectGivesAClaim() {
    let found = claims(
      """
      Chile Chile PROPN 2 nsubj
      condemned condemn VERB 0 root
      Peru Peru PROPN 2 obj
      . . PUNCT 2 punct
      """)
    #expect(found.count == 1)
    #expect(found.first?.subject == "country:chile")
    #expect(found.first?.predicate == "condemn")
    #expect(found.first?.relationClass == "condemn")
    #expect(found.first?.object == "country:peru")
    #expect(found.first?.modality == .asserted)
    #expect(found.first?.polarity == .positive)
  }

  @Test func passiveAgentBecomesTheSubject() {
    let found = triples(
      """
      Peru Peru PROPN 3 nsubj:pass
      was be AUX 3 aux:pass
      condemned condemn VERB 0 root
      by by ADP 5 case
      Chile Chile PROPN 3 obl:agent
      """)
    #expect(found == ["country:chile condemn country:peru"])
  }

  @Test func prepositionalArgumentJoinsThePredicate() {
    let found = triples(
      """
      Canada Canada PROPN 2 nsubj
      imposed impose VERB 0 root
      sanctions sanction NOUN 2 obj
      on on ADP 5 case
      Iran Iran PROPN 2 obl
      """)
    #expect(found.contains("country:canada impose_on country:iran"))
    #expect(found.contains("country:canada impose concept:sanctions"))
  }

  @Test func aNominalConjunctMisattachedToTheVerbIsAnotherObject() {
    // The parser hangs "equipment" on the verb instead of on "shells", its fellow object.
    let found = triples(
      """
      Chile Chile PROPN 2 nsubj
      provided provide VERB 0 root
      shells shell NOUN 2 obj
      and and CCONJ 6 cc
      other other ADJ 6 amod
      equipment equipment NOUN 2 conj
      . . PUNCT 2 punct
      """)
    #expect(found == ["country:chile provide concept:shells", "country:chile provide concept:equipment"])
  }

  @Test func aConjunctVerbIsNoObject() {
    let found = triples(
      """
      Chile Chile PROPN 2 nsubj
      condemned condemn VERB 0 root
      Peru Peru PROPN 2 obj
      and and CCONJ 6 cc
      Bolivia Bolivia PROPN 6 nsubj
      protested protest VERB 2 conj
      . . PUNCT 2 punct
      """)
    #expect(found == ["country:chile condemn country:peru"])
  }

  // MARK: - Concept phrases

  @Test func wordsHyphenatedOntoAConceptBelongToIt() {
    // The tokenizer splits "long-range"; the parse attaches "long" to "range", not to "missiles".
    let extraction = extractor.extract(
      from: parsedDocument(
        """
        Iran Iran PROPN 2 nsubj
        sent send VERB 0 root
        long long ADJ 5 amod
        ~- - PUNCT 3 punct
        ~range range NOUN 6 compound
        missiles missile NOUN 2 obj
        """))
    #expect(
      extraction.claims.map { "\($0.subject) \($0.predicate) \($0.object)" } == [
        "country:iran send concept:long-range-missiles"
      ])
    let concept = extraction.entities.first { $0.key == "concept:long-range-missiles" }
    #expect(concept?.label == "long-range missiles")
    #expect(concept?.mentions.first?.text == "long-range missiles")
  }

  @Test func aSpacedDashIsNoHyphen() {
    // "Iran sent more - range missiles": a dash with spaces around it sets words apart.
    let found = triples(
      """
      Iran Iran PROPN 2 nsubj
      sent send VERB 0 root
      more more ADJ 5 amod
      - - PUNCT 3 punct
      range range NOUN 6 compound
      missiles missile NOUN 2 obj
      """)
    #expect(found == ["country:iran send concept:range-missiles"])
  }

  // MARK: - Pronouns in complement clauses

  @Test func theyInAComplementStandsForTheCoordinatedSubjectAbove() {
    let found = claims(
      """
      Canada Canada PROPN 5 nsubj
      and and CCONJ 4 cc
      its its PRON 4 nmod:poss
      allies ally NOUN 1 conj
      signaled signal VERB 0 root
      that that SCONJ 9 mark
      they they PRON 9 nsubj
      may may AUX 9 aux
      impose impose VERB 5 ccomp
      sanctions sanction NOUN 9 obj
      on on ADP 12 case
      Iran Iran PROPN 10 nmod
      if if SCONJ 16 mark
      talks talk NOUN 16 nsubj:pass
      are be AUX 16 aux:pass
      confirmed confirm VERB 9 advcl
      """)
    let triples = Set(found.map { "\($0.subject) \($0.predicate) \($0.object)" })
    #expect(triples.contains("country:canada impose_on country:iran"))
    #expect(triples.contains("concept:allies impose concept:sanctions"))
    // Resolved pronouns cost confidence; the condition keeps the claim hypothetical.
    let resolved = try! #require(
      found.first { $0.subject == "country:canada" && $0.predicate == "impose_on" })
    #expect(resolved.modality == .hypothetical)
    let direct = claims(
      """
      Canada Canada PROPN 2 nsubj
      imposed impose VERB 0 root
      sanctions sanction NOUN 2 obj
      on on ADP 5 case
      Iran Iran PROPN 3 nmod
      """
    ).first { $0.predicate == "impose_on" }
    #expect(resolved.confidence < (direct?.confidence ?? 0))
  }

  @Test(arguments: [
    ("it", Set(["country:canada sanction country:iran"])),
    ("they", Set<String>()),  // Canada is one country: "they" stands for something else
    ("he", Set<String>()),  // a country is not "he"
  ])
  func aPronounMustAgreeWithTheSubjectAbove(pronoun: String, expected: Set<String>) {
    let found = triples(
      """
      Canada Canada PROPN 2 nsubj
      decided decide VERB 0 root
      that that SCONJ 6 mark
      \(pronoun) \(pronoun) PRON 6 nsubj
      would would AUX 6 aux
      sanction sanction VERB 2 ccomp
      Iran Iran PROPN 6 obj
      """)
    #expect(found == expected)
  }

  @Test func aPronounOutsideAComplementIsNotGuessed() {
    let found = triples(
      """
      Canada Canada PROPN 2 nsubj
      met meet VERB 0 root
      Peru Peru PROPN 2 obj
      and and CCONJ 6 cc
      it it PRON 6 nsubj
      sanctioned sanction VERB 2 conj
      Iran Iran PROPN 6 obj
      """)
    // "it" has no complement clause above it: it stays unresolved and its clause gives nothing.
    #expect(found == ["country:canada meet country:peru"])
  }

  @Test func aConceptInSeveralClaimsIsOneMention() {
    // "The officials condemned Peru and Bolivia": two claims, one mention of "officials".
    let extraction = extractor.extract(
      from: parsedDocument(
        """
        The the DET 2 det
        officials official NOUN 3 nsubj
        condemned condemn VERB 0 root
        Peru Peru PROPN 3 obj
        and and CCONJ 6 cc
        Bolivia Bolivia PROPN 4 conj
        """))
    #expect(extraction.claims.count == 2)
    #expect(extraction.entities.first { $0.key == "concept:officials" }?.mentions.count == 1)
  }

  @Test func participleWithAnObjectUnderANounIsActive() {
    // "The officials condemned Peru", misparsed with "condemned" (VBN) modifying "officials".
    var document = parsedDocument(
      """
      The the DET 2 det
      officials official NOUN 0 root
      condemned condemn VERB 2 acl
      Peru Peru PROPN 3 obj
      """)
    document.xpos[2] = "VBN"
    let found = extractor.extract(from: document).claims.map { "\($0.subject) \($0.predicate) \($0.object)" }
    #expect(found == ["concept:officials condemn country:peru"])
  }

  @Test func participleWithoutAnObjectUnderANounIsPassive() {
    // "sanctions imposed by Canada": the noun is what the participle's agent acts on.
    var document = parsedDocument(
      """
      sanctions sanction NOUN 0 root
      imposed impose VERB 1 acl
      by by ADP 4 case
      Canada Canada PROPN 2 obl:agent
      """)
    document.xpos[1] = "VBN"
    let found = extractor.extract(from: document).claims.map { "\($0.subject) \($0.predicate) \($0.object)" }
    #expect(found == ["country:canada impose concept:sanctions"])
  }

  @Test func titleHeadWithAFlatNameStandsForThePersonNotTheCountryBeforeIt() {
    // "U.S. Defense Secretary Lloyd Austin condemned Peru", parsed with the title as head.
    let found = triples(
      """
      U.S. U.S. PROPN 3 compound
      Defense Defense PROPN 3 compound
      Secretary Secretary PROPN 6 nsubj
      Lloyd Lloyd PROPN 3 flat
      Austin Austin PROPN 3 flat
      condemned condemn VERB 0 root
      Peru Peru PROPN 6 obj
      """)
    #expect(found == ["person:lloyd-austin condemn country:peru"])
  }

  // MARK: - Absolute constructions and empty action nouns

  /// "The deal was signed, with Iran supplying oil to China", attached the way parsers often get it
  /// wrong: "Iran" under "deal", "supplying" a modifier of "deal".
  @Test func withBeforeAGerundNamesItsSubjectWhereverTheParserHungThem() {
    let found = triples(
      """
      The the DET 2 det
      deal deal NOUN 4 nsubj:pass
      was be AUX 4 aux:pass
      signed sign VERB 0 root
      , , PUNCT 7 punct
      with with ADP 7 case
      Iran Iran PROPN 2 nmod
      supplying supply VERB 2 acl
      oil oil NOUN 8 obj
      to to ADP 11 case
      China China PROPN 8 obl
      """)
    #expect(found.contains("country:iran supply concept:oil"))
    #expect(found.contains("country:iran supply_to country:china"))
    #expect(!found.contains { $0.hasPrefix("concept:deal supply") })
  }

  /// The same sentence parsed as UD annotates it: "Iran" an oblique of the gerund, which is an
  /// adverbial clause; "with Iran" is its subject, not an argument "supply_with".
  @Test func withPhraseHungUnderTheGerundIsItsSubjectNotAnOblique() {
    let found = triples(
      """
      Talks talk NOUN 2 nsubj
      ended end VERB 0 root
      , , PUNCT 5 punct
      with with ADP 5 case
      Iran Iran PROPN 6 obl
      supplying supply VERB 2 advcl
      oil oil NOUN 6 obj
      """)
    #expect(found == ["country:iran supply concept:oil"])
  }

  @Test func gerundAfterANounWithoutWithKeepsItsParsedSubject() {
    let found = triples(
      """
      Chile Chile PROPN 2 nsubj
      sent send VERB 0 root
      troops troop NOUN 2 obj
      guarding guard VERB 3 acl
      Peru Peru PROPN 4 obj
      """)
    #expect(found.contains("concept:troops guard country:peru"))
  }

  @Test(arguments: [("its", true), ("their", false)])
  func possessivePronounStandsForTheClauseSubjectWhenNumberAgrees(pronoun: String, resolves: Bool) {
    // "Chile used aid for its campaign in Peru".
    let found = triples(
      """
      Chile Chile PROPN 2 nsubj
      used use VERB 0 root
      aid aid NOUN 2 obj
      for for ADP 7 case
      \(pronoun) \(pronoun) PRON 7 nmod:poss
      military military ADJ 7 amod
      campaign campaign NOUN 2 obl
      in in ADP 9 case
      Peru Peru PROPN 7 nmod
      """)
    #expect(found.contains("country:chile campaign_in country:peru") == resolves)
  }

  @Test func possessivePronounInsideTheSubjectIsLeftAlone() {
    // "Chile and its allies condemned Peru": "its" is not the subject it sits in.
    let found = triples(
      """
      Chile Chile PROPN 5 nsubj
      and and CCONJ 4 cc
      its its PRON 4 nmod:poss
      allies ally NOUN 1 conj
      condemned condemn VERB 0 root
      Peru Peru PROPN 5 obj
      """)
    #expect(found.contains("country:chile condemn country:peru"))
    #expect(!found.contains { $0.hasPrefix("country:chile have") })
  }

  @Test func purposeClauseSharesTheSubject() {
    // "Chile sent troops to support Peru".
    let support = claims(
      """
      Chile Chile PROPN 2 nsubj
      sent send VERB 0 root
      troops troop NOUN 2 obj
      to to PART 5 mark
      support support VERB 2 advcl
      Peru Peru PROPN 5 obj
      """
    ).first { $0.predicate == "support" }
    #expect(support?.subject == "country:chile")
    #expect(support?.object == "country:peru")
    #expect(support?.modality == .asserted)
  }

  @Test func purposeClauseIsNoMoreCertainThanTheClauseItServes() {
    // "Chile may send troops to support Peru".
    let support = claims(
      """
      Chile Chile PROPN 3 nsubj
      may may AUX 3 aux
      send send VERB 0 root
      troops troop NOUN 3 obj
      to to PART 6 mark
      support support VERB 3 advcl
      Peru Peru PROPN 6 obj
      """
    ).first { $0.predicate == "support" }
    #expect(support?.subject == "country:chile")
    #expect(support?.modality == .possible)
  }

  @Test(arguments: [
    ("leads", "lead", "to", true),
    ("contributes", "contribute", "to", true),
    ("violates", "violate", "", false),
  ])
  func condemningAnActionThatCausesSomethingCondemnsTheEffect(
    verb: String, lemma: String, preposition: String, carriesUp: Bool
  ) {
    // "Chile condemned any action that leads to escalation" / "... that violates sanctions".
    let argument =
      preposition.isEmpty
      ? "escalation escalation NOUN 6 obj"
      : "\(preposition) \(preposition) ADP 8 case\nescalation escalation NOUN 6 obl"
    let found = triples(
      """
      Chile Chile PROPN 2 nsubj
      condemned condemn VERB 0 root
      any any DET 4 det
      action action NOUN 2 obj
      that that PRON 6 nsubj
      \(verb) \(lemma) VERB 4 acl:relcl
      \(argument)
      """)
    #expect(found.contains("country:chile condemn concept:action"))
    #expect(found.contains("country:chile condemn concept:escalation") == carriesUp)
  }

  @Test func aNamedObjectWithACausingClauseIsNotReplaced() {
    // "Chile condemned the policy of Peru": only empty action nouns stand for their effects.
    let found = triples(
      """
      Chile Chile PROPN 2 nsubj
      condemned condemn VERB 0 root
      the the DET 4 det
      report report NOUN 2 obj
      that that PRON 6 nsubj
      led lead VERB 4 acl:relcl
      to to ADP 8 case
      protests protest NOUN 6 obl
      """)
    #expect(found.contains("country:chile condemn concept:report"))
    #expect(!found.contains("country:chile condemn concept:protests"))
  }

  // MARK: - Agents of a country

  @Test(arguments: [("troops", "troop"), ("officials", "official"), ("diplomats", "diplomat")])
  func agentNounsAfterADemonymActForTheCountry(noun: String, lemma: String) {
    let found = triples(
      """
      Iranian Iranian ADJ 2 amod
      \(noun) \(lemma) NOUN 3 nsubj
      condemned condemn VERB 0 root
      Peru Peru PROPN 3 obj
      """)
    #expect(found == ["country:iran condemn country:peru"])
  }

  // Things are no agents; experts and rebels are agents, but not of the state.
  @Test(arguments: [("presence", "presence"), ("experts", "expert"), ("rebels", "rebel")])
  func otherNounsAfterADemonymStayConcepts(noun: String, lemma: String) {
    let found = triples(
      """
      Iranian Iranian ADJ 2 amod
      \(noun) \(lemma) NOUN 3 nsubj
      worried worry VERB 0 root
      Peru Peru PROPN 3 obj
      """)
    #expect(found == ["concept:\(noun) worry country:peru"])
  }

  @Test func coordinatedSubjectsGiveOneClaimEach() {
    let found = triples(
      """
      diplomats diplomat NOUN 4 nsubj
      and and CCONJ 3 cc
      Peru Peru PROPN 1 conj
      condemned condemn VERB 0 root
      Bolivia Bolivia PROPN 4 obj
      """)
    #expect(found == ["concept:diplomats condemn country:bolivia", "country:peru condemn country:bolivia"])
  }

  @Test func coordinatedVerbsShareTheSubject() {
    let found = triples(
      """
      Chile Chile PROPN 2 nsubj
      condemned condemn VERB 0 root
      Peru Peru PROPN 2 obj
      and and CCONJ 5 cc
      threatened threaten VERB 2 conj
      Bolivia Bolivia PROPN 5 obj
      """)
    #expect(found.contains("country:chile threaten country:bolivia"))
  }

  @Test func relativePronounStandsForTheNounItModifies() {
    let found = triples(
      """
      Canada Canada PROPN 9 nsubj
      , , PUNCT 5 punct
      which which PRON 5 nsubj
      has have AUX 5 aux
      imposed impose VERB 1 acl:relcl
      sanctions sanction NOUN 5 obj
      on on ADP 8 case
      Iran Iran PROPN 5 obl
      spoke speak VERB 0 root
      """)
    #expect(found.contains("country:canada impose_on country:iran"))
  }

  @Test func lightVerbObjectPassesItsPrepositionToThePredicate() {
    let found = triples(
      """
      Chile Chile PROPN 2 nsubj
      offered offer VERB 0 root
      support support NOUN 2 obj
      to to ADP 5 case
      Peru Peru PROPN 3 nmod
      """)
    #expect(found.contains("country:chile offer_to country:peru"))
    #expect(found.contains("country:chile offer concept:support"))
  }

  @Test func possessiveMarkerIsNotAPreposition() {
    let found = triples(
      """
      Chile Chile PROPN 2 nsubj
      armed arm VERB 0 root
      Peru Peru PROPN 5 nmod:poss
      's 's PART 3 case
      rebels rebel NOUN 2 obj
      """)
    #expect(!found.contains { $0.contains("_'s") })
    #expect(found.contains("country:chile arm concept:rebels"))
  }

  @Test func infinitivalComplementTakesTheMatrixSubject() {
    let found = triples(
      """
      Chile Chile PROPN 2 nsubj
      agreed agree VERB 0 root
      to to PART 4 mark
      provide provide VERB 2 xcomp
      weapons weapon NOUN 4 obj
      to to ADP 7 case
      Peru Peru PROPN 4 obl
      """)
    #expect(found.contains("country:chile provide_to country:peru"))
  }

  @Test(arguments: [
    (
      """
      officials official NOUN 2 nsubj
      speculated speculate VERB 0 root
      that that SCONJ 5 mark
      Chile Chile PROPN 5 nsubj
      armed arm VERB 2 ccomp
      Peru Peru PROPN 5 obj
      """, Modality.speculated
    ),
    (
      """
      Chile Chile PROPN 3 nsubj
      may may AUX 3 aux
      arm arm VERB 0 root
      Peru Peru PROPN 3 obj
      """, .possible
    ),
    (
      """
      Chile Chile PROPN 3 nsubj
      will will AUX 3 aux
      arm arm VERB 0 root
      Peru Peru PROPN 3 obj
      if if SCONJ 7 mark
      talks talk NOUN 7 nsubj
      fail fail VERB 3 advcl
      """, .hypothetical
    ),
    (
      """
      Chile Chile PROPN 3 nsubj
      reportedly reportedly ADV 3 advmod
      armed arm VERB 0 root
      Peru Peru PROPN 3 obj
      """, .reported
    ),
    (
      """
      Chile Chile PROPN 2 nsubj
      armed arm VERB 0 root
      Peru Peru PROPN 2 obj
      """, .asserted
    ),
  ])
  func governingWordsSetTheModality(rows: String, expected: Modality) {
    let found = claims(rows).filter { $0.subject == "country:chile" && $0.object == "country:peru" }
    #expect(found.count == 1)
    #expect(found.first?.modality == expected)
  }

  @Test func negationMakesTheClaimNegative() {
    let found = claims(
      """
      Chile Chile PROPN 4 nsubj
      did do AUX 4 aux
      not not PART 4 advmod
      arm arm VERB 0 root
      Peru Peru PROPN 4 obj
      """)
    #expect(found.first?.polarity == .negative)
  }

  @Test func speakerOfTheGoverningSpeechVerbIsTheAttribution() {
    let found = claims(
      """
      Canada Canada PROPN 2 nsubj
      said say VERB 0 root
      that that SCONJ 5 mark
      Chile Chile PROPN 5 nsubj
      armed arm VERB 2 ccomp
      Peru Peru PROPN 5 obj
      """)
    let armed = found.first { $0.predicate == "arm" }
    #expect(armed?.attribution == "country:canada")
    #expect(armed?.subject == "country:chile")
  }

  @Test func firstPersonSubjectOfAQuotationIsTheSpeaker() {
    let found = triples(
      """
      we we PRON 2 nsubj
      condemn condemn VERB 0 root
      Peru Peru PROPN 2 obj
      , , PUNCT 5 punct
      Canada Canada PROPN 6 nsubj
      said say VERB 2 parataxis
      """)
    #expect(found.contains("country:canada condemn country:peru"))
  }

  @Test func eventNounBetweenTwoParticipantsRelatesThem() {
    let found = triples(
      """
      the the DET 2 det
      meeting meeting NOUN 8 nsubj
      between between ADP 4 case
      Chile Chile PROPN 2 nmod
      and and CCONJ 7 cc
      its its PRON 7 nmod:poss
      neighbours neighbour NOUN 4 conj
      ended end VERB 0 root
      """)
    #expect(found.contains("country:chile meet concept:neighbours"))
  }

  @Test func demonymTakenAsAConjunctStandsForThePersonItsTitleNames() {
    // "the meeting between Chile and American minister Lloyd Austin ended", parsed with the
    // demonym (tagged as a proper noun) as the conjunct and the title hanging off the first
    // participant.
    let found = triples(
      """
      the the DET 2 det
      meeting meeting NOUN 10 nsubj
      between between ADP 4 case
      Chile Chile PROPN 2 nmod
      and and CCONJ 6 cc
      American American PROPN 4 conj
      minister minister NOUN 4 appos
      Lloyd Lloyd PROPN 7 obj
      Austin Austin PROPN 8 flat
      ended end VERB 0 root
      """)
    #expect(found.contains("country:chile meet person:lloyd-austin"))
    #expect(!found.contains("country:chile meet country:united-states"))
  }

  @Test func demonymBeforeANounWithoutANameStillNamesItsCountry() {
    // "the talks between Chile and American envoys ended": no person, the country stays.
    let found = triples(
      """
      the the DET 2 det
      talks talk NOUN 7 nsubj
      between between ADP 4 case
      Chile Chile PROPN 2 nmod
      and and CCONJ 6 cc
      American American PROPN 4 conj
      envoys envoy NOUN 4 appos
      ended end VERB 0 root
      """)
    #expect(found.contains("country:chile talk country:united-states"))
  }

  @Test func possessorOfANounWithAPrepositionIsItsSubject() {
    let found = triples(
      """
      Chile Chile PROPN 3 nmod:poss
      's 's PART 1 case
      war war NOUN 6 nsubj
      in in ADP 5 case
      Peru Peru PROPN 3 nmod
      continues continue VERB 0 root
      """)
    #expect(found.contains("country:chile war_in country:peru"))
  }

  @Test func copulaWithNominalPredicateRelatesSubjectAndComplement() {
    let found = triples(
      """
      Chile Chile PROPN 4 nsubj
      is be AUX 4 cop
      an a DET 4 det
      ally ally NOUN 0 root
      of of ADP 6 case
      Peru Peru PROPN 4 nmod
      """)
    #expect(found.contains("country:chile be_ally_of country:peru"))
  }

  @Test func compoundNounsNameTheConcept() {
    let found = triples(
      """
      Chile Chile PROPN 2 nsubj
      sold sell VERB 0 root
      artillery artillery NOUN 4 compound
      shells shell NOUN 2 obj
      """)
    #expect(found == ["country:chile sell concept:artillery-shells"])
  }

  @Test func openIETupleKeepsTheWordsAsWritten() {
    let document = parsedDocument(
      """
      Canada Canada PROPN 3 nsubj
      has have AUX 3 aux
      imposed impose VERB 0 root
      new new ADJ 5 amod
      sanctions sanction NOUN 3 obj
      on on ADP 7 case
      Iran Iran PROPN 3 obl
      """)
    let tuples = DependencyClaimExtractor.openIETuples(in: document, sentence: 0)
    #expect(tuples.map(\.relation) == ["has imposed"])
    #expect(tuples.first?.arguments == ["Canada", "new sanctions", "on Iran"])
  }

  @Test func openIETupleWithoutObjectTakesThePrepositionIntoTheRelation() {
    let document = parsedDocument(
      """
      Chile Chile PROPN 2 nsubj
      appealed appeal VERB 0 root
      to to ADP 4 case
      Peru Peru PROPN 2 obl
      """)
    let tuples = DependencyClaimExtractor.openIETuples(in: document, sentence: 0)
    #expect(tuples.first?.relation == "appealed to")
    #expect(tuples.first?.arguments == ["Chile", "Peru"])
  }

  @Test func unparsedDocumentGivesNoClaims() {
    var document = parsedDocument(
      """
      Chile Chile PROPN 2 nsubj
      condemned condemn VERB 0 root
      Peru Peru PROPN 2 obj
      """)
    document.heads = []
    document.deprels = []
    #expect(!DependencyClaimExtractor.hasParse(document))
    #expect(extractor.extract(from: document).claims.isEmpty)
  }
}
