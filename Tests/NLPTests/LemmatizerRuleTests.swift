import Testing

@testable import NLP

@Suite struct LemmatizerRuleTests {
  /// One training word whose rule cuts three letters: "abung" → "ab".
  let lemmatizer = Lemmatizer.train(
    try! CoNLLU.parse(
      "# sent_id = 1\n1\tabung\tab\tVERB\tVBD\t_\t0\troot\t_\t_\n\n", file: "rules.conllu"))

  @Test func ruleAppliesWhenItLeavesAStemOfThreeLetters() {
    #expect(lemmatizer.lemma("crabung", xpos: "VBD") == "crab")
  }

  @Test func ruleThatWouldLeaveTwoLettersOfALongerWordIsNotApplied() {
    #expect(lemmatizer.lemma("swung", xpos: "VBD") == "swung")
  }
}
