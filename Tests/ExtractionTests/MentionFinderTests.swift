import Extraction
import Testing
import Text

/// How the tagger's proper-noun runs and the recognizer's spans combine into linker candidates.
@Suite struct MentionFinderTests {
  /// A tagged document (`form/UPOS` words) with recognizer spans given as (first token, count, label).
  static func document(_ tagged: String, entities: [(Int, Int, String)]) -> Document {
    var document = taggedDocument(tagged)
    document.entities = entities.map { EntitySpan(tokens: $0.0..<($0.0 + $0.1), label: $0.2) }
    return document
  }

  static func linkedKeys(_ document: Document) -> [String] {
    let candidates = MentionFinder().candidates(in: document)
    return LinkingFixture.linker.link(document, candidates: candidates).entities.map(\.key).sorted()
  }

  @Test func twoRecognizedNamesSplitARunAtTheirConjunction() {
    let document = Self.document(
      "Then/ADV South/PROPN Korea/PROPN and/CCONJ Japan/PROPN condemned/VERB it/PRON ./PUNCT",
      entities: [(1, 2, "LOC"), (4, 1, "LOC")])
    let candidates = MentionFinder().candidates(in: document)
    #expect(candidates.map(\.tokens) == [1..<3, 4..<5])
    // One word alone is not typed; the gazetteer knows "Japan" anyway.
    #expect(candidates.map(\.type) == [.place, nil])
    #expect(Self.linkedKeys(document) == ["country:japan", "country:south-korea"])
  }

  @Test func withoutTheRecognizerTheConjoinedRunStaysWhole() {
    let document = Self.document(
      "Then/ADV South/PROPN Korea/PROPN and/CCONJ Japan/PROPN condemned/VERB it/PRON ./PUNCT", entities: [])
    #expect(MentionFinder().candidates(in: document).map(\.tokens) == [1..<5])
  }

  @Test func anOrganisationSpanOverATitledRunStillGivesThePerson() {
    // The recognizer took the whole run for an organisation; the title makes it a person.
    let document = Self.document(
      "U.S./PROPN Defense/PROPN Secretary/PROPN Lloyd/PROPN Austin/PROPN spoke/VERB ./PUNCT",
      entities: [(0, 5, "ORG")])
    #expect(Self.linkedKeys(document) == ["country:united-states", "person:lloyd-austin"])
  }

  @Test func aPersonSpanTypesTheRunAndLeavesTheTitleOut() {
    let document = Self.document(
      "Ambassador/PROPN Zorblat/PROPN Quennick/PROPN arrived/VERB ./PUNCT", entities: [(0, 3, "PER")])
    let linked = LinkingFixture.linker.link(document, candidates: MentionFinder().candidates(in: document))
    let person = linked.entities.first { $0.type == .person }
    #expect(person?.key == "person:zorblat-quennick")
  }

  @Test func aSpanCoveringAShortRunReplacesIt() {
    // "Heritage" tagged as an adjective leaves the run "Foundation" alone.
    let document = Self.document(
      "He/PRON works/VERB at/ADP the/DET Heritage/ADJ Foundation/PROPN ./PUNCT", entities: [(4, 2, "ORG")])
    #expect(MentionFinder().candidates(in: document).map(\.tokens) == [4..<6])
    #expect(Self.linkedKeys(document) == ["organization:heritage-foundation"])
  }

  @Test func capitalizedNounsEndingOnAnOrganisationHeadFormOneRun() {
    let document = Self.document(
      "He/PRON works/VERB at/ADP the/DET Heritage/NOUN Foundation/NOUN ./PUNCT", entities: [])
    #expect(MentionFinder().candidates(in: document).map(\.tokens) == [4..<6])
    #expect(Self.linkedKeys(document) == ["organization:heritage-foundation"])
  }

  @Test func aLoneAdjectiveIsNotTypedByTheRecognizer() {
    let document = Self.document(
      "Western/ADJ officials/NOUN spoke/VERB ./PUNCT", entities: [(0, 1, "LOC")])
    #expect(MentionFinder().candidates(in: document).map(\.type) == [nil])
  }

  @Test func aSentenceInitialWordTheTaggerSkippedIsNotAdded() {
    let document = Self.document("Experts/NOUN are/AUX debating/VERB ./PUNCT", entities: [(0, 1, "ORG")])
    #expect(MentionFinder().candidates(in: document).isEmpty)
  }

  @Test func aRecognizedNameTheTaggerMissedIsAdded() {
    let document = Self.document(
      "They/PRON met/VERB Zorblat/NOUN Quennick/NOUN there/ADV ./PUNCT", entities: [(2, 2, "PER")])
    let candidates = MentionFinder().candidates(in: document)
    #expect(candidates.map(\.tokens) == [2..<4])
    #expect(candidates.first?.type == .person)
  }

  @Test func hyphenatedNamesFormOneRun() {
    let document = Self.document(
      "the/DET Asia/PROPN -/PUNCT Pacific/PROPN region/NOUN ./PUNCT", entities: [(1, 1, "LOC")])
    let candidates = MentionFinder().candidates(in: document)
    #expect(candidates.map(\.tokens) == [1..<4])
    #expect(candidates.first?.type == nil)
    // Even a span over the whole compound leaves it untyped.
    let whole = Self.document(
      "the/DET Asia/PROPN -/PUNCT Pacific/PROPN region/NOUN ./PUNCT", entities: [(1, 3, "ORG")])
    #expect(MentionFinder().candidates(in: whole).map(\.type) == [nil])
  }

  @Test func aOneWordSpanDoesNotTypeARun() {
    let document = Self.document("They/PRON reached/VERB Aden/PROPN ./PUNCT", entities: [(2, 1, "PER")])
    #expect(MentionFinder().candidates(in: document).map(\.type) == [nil])
  }

  @Test func shipsAreNotTyped() {
    let document = Self.document(
      "Pirates/NOUN seized/VERB MV/PROPN Faina/PROPN ./PUNCT", entities: [(2, 2, "PER")])
    #expect(MentionFinder().candidates(in: document).map(\.type) == [nil])
  }

  @Test func aRankMakesAPersonAndIsTheirTitle() {
    let document = Self.document(
      "Captain/PROPN Manohar/PROPN Nambiar/PROPN said/VERB so/ADV ./PUNCT", entities: [])
    let linked = LinkingFixture.linker.link(document, candidates: MentionFinder().candidates(in: document))
    #expect(linked.entities.map(\.key) == ["person:manohar-nambiar"])
    #expect(linked.links.first?.title == "Captain")
  }
}
