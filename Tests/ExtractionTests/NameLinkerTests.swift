import Testing
import Text

@testable import Extraction

@Suite struct NameLinkerTests {
  @Test func laterSurnameRefersToTheFullName() {
    let document = taggedDocument(
      "Lloyd/PROPN Austin/PROPN spoke/VERB ./PUNCT Austin/PROPN left/VERB ./PUNCT")
    let candidates = MentionFinder().candidates(in: document)
    let linked = NameLinker().link(candidates, in: document)
    #expect(linked.entities.count == 1)
    #expect(linked.entities.first?.label == "Lloyd Austin")
    #expect(linked.entities.first?.aliases == ["Austin"])
    #expect(linked.entities.first?.mentions.count == 2)
    #expect(linked.entityAtToken[4] == 0)
  }

  @Test func differentNamesStayApart() {
    let document = taggedDocument("Kim/PROPN Jong-un/PROPN met/VERB Kim/PROPN Yo-jong/PROPN ./PUNCT")
    let linked = NameLinker().link(MentionFinder().candidates(in: document), in: document)
    #expect(linked.entities.map(\.label) == ["Kim Jong-un", "Kim Yo-jong"])
  }

  @Test func recognizerTypeBecomesPartOfTheKey() {
    var document = taggedDocument("Lloyd/PROPN Austin/PROPN spoke/VERB ./PUNCT")
    document.entities = [EntitySpan(tokens: 0..<2, label: "PER")]
    let linked = NameLinker().link(MentionFinder().candidates(in: document), in: document)
    #expect(linked.entities.map(\.key) == ["person:lloyd-austin"])
  }
}

@Suite struct NameNormalizerTests {
  @Test(arguments: [
    ("Kim Jong-un", "kim-jong-un"), ("U.S.", "u-s"), ("Côte d'Ivoire", "cote-d-ivoire"),
    ("  São Paulo ", "sao-paulo"), ("", ""),
  ])
  func slugFoldsCaseDiacriticsAndPunctuation(name: String, slug: String) {
    #expect(NameNormalizer.slug(name) == slug)
  }
}
