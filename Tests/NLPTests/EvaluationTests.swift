import Testing
import Text

@testable import NLP

@Test func goldTokenEvaluationGivesHandCheckedScores() throws {
  let gold = try CoNLLU.parse(Fixtures.tiny)
  var predicted = gold
  // Sentence 1 (5 words): "n't" gets UPOS ADV (XPOS still right), "I" gets a wrong lemma,
  // "do" attaches to "I" (wrong head), "." keeps its head but gets label "obj" (wrong label).
  predicted[0].words[2].upos = "ADV"
  predicted[0].words[0].lemma = "i"
  predicted[0].words[1].head = 1
  predicted[0].words[4].deprel = "obj"
  // Sentence 2 (2 words): "home" labelled advmod:foo, which counts as advmod (subtypes ignored).
  predicted[1].words[1].deprel = "advmod:foo"
  let r = try Evaluation.goldTokens(gold: gold, predicted: predicted)
  #expect(r.goldWords == 7)
  #expect(abs(r.upos - 100 * 6 / 7) < 1e-9)
  #expect(r.xpos == 100)
  #expect(abs(r.lemma - 100 * 6 / 7) < 1e-9)
  #expect(abs(r.uas - 100 * 6 / 7) < 1e-9)
  #expect(abs(r.las - 100 * 5 / 7) < 1e-9)
}

@Test func rawTextGoldRebuildsTextAndSpans() throws {
  let gold = RawTextGold(try CoNLLU.parse(Fixtures.tiny))
  #expect(gold.text == "I don't know. Go home")
  #expect(gold.spans.map { Array(gold.text.unicodeScalars)[$0].count } == [1, 2, 3, 4, 1, 2, 4])
  #expect(gold.spans[1] == 2..<4 && gold.spans[2] == 4..<7)
  #expect(gold.heads == [3, 3, 3, -1, 3, -1, 5])
  #expect(gold.sentenceSpans == [0..<13, 14..<21])
}

@Test func rawTextEvaluationAlignsWordsByCharacterOffsets() throws {
  let gold = RawTextGold(try CoNLLU.parse(Fixtures.tiny))
  var d = Document(article: Article(id: "t", source: "t", text: gold.text))
  // A hand-made segmentation that does not split "don't" and puts everything in one sentence.
  let spans = [0..<1, 2..<7, 8..<12, 12..<13, 14..<16, 17..<21]
  d.tokenStarts = spans.map { Int32($0.lowerBound) }
  d.tokenEnds = spans.map { Int32($0.upperBound) }
  d.forms = spans.map { d.text($0) }
  d.sentences = [0..<6]
  d.upos = ["PRON", "AUX", "VERB", "PUNCT", "VERB", "NOUN"]
  d.xpos = ["PRP", "VBP", "VB", ".", "VB", "NN"]
  d.lemmas = ["I", "do", "know", ".", "go", "home"]
  d.heads = [2, 2, -1, 2, 2, 4]
  d.deprels = ["nsubj", "aux", "root", "punct", "conj", "obj"]
  let r = gold.evaluate(d)
  // Aligned: I, know, ., Go, home (5 of 7 gold words, 6 predicted).
  #expect(r.alignedWords == 5)
  #expect(abs(r.words - 100 * 2 * 5 / 13) < 1e-9)
  // No sentence span matches exactly.
  #expect(r.matchedSentences == 0)
  // UPOS right for I, know, ., Go (home is ADV in gold).
  #expect(r.uposCorrect == 4)
  // Heads: I→know ✓, know root ✓, .→know ✓, Go: gold root, predicted know ✗, home→Go ✓.
  #expect(r.headCorrect == 4)
  // Labels of those: nsubj ✓, root ✓, punct ✓, home obj vs advmod ✗.
  #expect(r.labelledCorrect == 3)
}
