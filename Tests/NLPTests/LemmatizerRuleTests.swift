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

  /// ASCII words take a byte-level path to their rule; it must give what the general,
  /// scalar-by-scalar path gives, for every tag of the bundled model.
  @Test func asciiWordsGetTheLemmaOfTheGeneralPath() throws {
    let model = try TaggingModel(contentsOf: SyntaxAnnotator.bundledPath(SyntaxAnnotator.taggerResource))
    let lemmatizer = model.lemmatizer
    var random = SplitMix64(seed: 3)
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.'")
    var words = [
      "", "a", "I", "US", "ran", "Running", "swung", "crises", "Analyses", "WOLVES", "geese",
      "bought", "Brexit", "e-mails", "Co.", "1990s", "unhappiest", "re-elected", "tattooing",
    ]
    // Invented words: many end in suffixes the rules know, in every case pattern.
    let endings = ["ing", "ed", "ies", "es", "s", "er", "est", "ly", "ied", "ves", "men", "ses"]
    for _ in 0..<2000 {
      let stem = String(
        (0..<(1 + random.next(below: 8))).map { _ in letters[random.next(below: letters.count)] })
      let word = stem + (random.next(below: 3) == 0 ? "" : endings[random.next(below: endings.count)])
      words.append(random.next(below: 4) == 0 ? word.uppercased() : word)
    }
    var checked = 0
    for xpos in Set(model.tagger.xpos) {
      let x = FeatureHash.string(xpos)
      for word in words {
        #expect(lemmatizer.applyRule(word, xposHash: x) == lemmatizer.applyRuleByScalars(word, xposHash: x))
        checked += 1
      }
    }
    #expect(checked > 50_000)
  }
}
