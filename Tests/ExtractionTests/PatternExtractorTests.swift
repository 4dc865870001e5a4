import Testing
import Text

@testable import Extraction

@Suite struct PatternExtractorTests {
  let extractor = PatternExtractor(linker: EntityLinker(gazetteer: try! Gazetteer.bundled()))

  func claims(_ tagged: String) -> [Claim] { extractor.extract(from: taggedDocument(tagged)).claims }

  @Test func verbBetweenTwoNamesGivesAClaim() {
    let found = claims("Germany/PROPN condemned/VERB/condemn France/PROPN ./PUNCT")
    #expect(found.count == 1)
    #expect(found.first?.subject == "country:germany")
    #expect(found.first?.predicate == "condemn")
    #expect(found.first?.relationClass == "condemn")
    #expect(found.first?.object == "country:france")
    #expect(found.first?.modality == .asserted)
    #expect(found.first?.polarity == .positive)
  }

  @Test func verbWithPrepositionKeepsThePreposition() {
    let found = claims("Ankara/PROPN sent/VERB/send envoys/NOUN/envoy to/ADP Cairo/PROPN ./PUNCT")
    #expect(found.map(\.predicate).contains("send"))
    let toCairo = claims("Ankara/PROPN appealed/VERB/appeal to/ADP Cairo/PROPN ./PUNCT")
    #expect(toCairo.map(\.predicate) == ["appeal_to"])
  }

  @Test func nounsBeforeThePrepositionFormALightVerbPhrase() {
    let found = claims(
      "Canada/PROPN has/AUX/have imposed/VERB/impose new/ADJ sanctions/NOUN/sanction on/ADP Iran/PROPN ./PUNCT"
    )
    #expect(found.contains { $0.subject == "country:canada" && $0.object == "concept:sanctions" })
  }

  @Test func objectModifiersAreNotPartOfThePredicate() {
    let found = claims(
      "Peru/PROPN rejected/VERB/reject the/DET alleged/ADJ agreement/NOUN ./PUNCT")
    #expect(found.map(\.predicate) == ["reject"])
    #expect(found.first?.object == "concept:agreement")
  }

  @Test(arguments: [
    ("Chile/PROPN may/AUX/may join/VERB/join Brazil/PROPN ./PUNCT", Modality.possible),
    ("Chile/PROPN reportedly/ADV/reportedly joined/VERB/join Brazil/PROPN ./PUNCT", .reported),
    (
      "Chile/PROPN will/AUX/will join/VERB/join Brazil/PROPN if/SCONJ/if talks/NOUN/talk succeed/VERB/succeed ./PUNCT",
      .hypothetical
    ),
    (
      "Officials/NOUN/official speculated/VERB/speculate that/SCONJ Chile/PROPN joined/VERB/join Brazil/PROPN ./PUNCT",
      .speculated
    ),
    ("Chile/PROPN joined/VERB/join Brazil/PROPN ./PUNCT", .asserted),
  ])
  func cueWordsSetTheModality(tagged: String, expected: Modality) {
    let found = claims(tagged).filter { $0.subject == "country:chile" }
    #expect(found.count == 1)
    #expect(found.first?.modality == expected)
  }

  @Test func negationMakesANegativeClaim() {
    let found = claims("Chile/PROPN did/AUX/do not/PART/not join/VERB/join Brazil/PROPN ./PUNCT")
    #expect(found.first?.polarity == .negative)
  }

  @Test func speechVerbAttributesTheClaim() {
    var document = taggedDocument(
      "Norway/PROPN condemned/VERB/condemn Russia/PROPN ,/PUNCT Jens/PROPN Stoltenberg/PROPN said/VERB/say ./PUNCT"
    )
    document.entities = [
      EntitySpan(tokens: 0..<1, label: "LOC"), EntitySpan(tokens: 2..<3, label: "LOC"),
      EntitySpan(tokens: 4..<6, label: "PER"),
    ]
    let claim = extractor.extract(from: document).claims.first { $0.subject == "country:norway" }
    #expect(claim?.attribution == "person:jens-stoltenberg")
  }

  @Test func noClaimWithoutAVerb() {
    #expect(claims("Chile/PROPN and/CCONJ Brazil/PROPN ./PUNCT").isEmpty)
  }

  @Test func claimsCarryTheirSentenceAsEvidence() {
    let document = taggedDocument("Chile/PROPN joined/VERB/join Brazil/PROPN ./PUNCT")
    let claim = extractor.extract(from: document).claims.first
    #expect(claim?.evidence == "Chile joined Brazil .")
    #expect(claim?.span == 0..<21)
    #expect((0...1).contains(claim?.confidence ?? -1))
  }

  @Test func unusedConceptsAreNotEntities() {
    let extraction = extractor.extract(
      from: taggedDocument("Chile/PROPN joined/VERB/join Brazil/PROPN in/ADP talks/NOUN/talk ./PUNCT"))
    #expect(extraction.entities.map(\.key) == ["country:brazil", "country:chile"])
  }
}
