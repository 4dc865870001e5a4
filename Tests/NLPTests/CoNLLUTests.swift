import Testing

@testable import NLP

@Test func conlluReaderKeepsCommentsMultiwordTokensAndEmptyNodes() throws {
  let sentences = try CoNLLU.parse(Fixtures.tiny, file: "tiny.conllu")
  #expect(sentences.count == 2)
  #expect(sentences[0].sentenceID == "s1")
  #expect(sentences[0].commentValue("text") == "I don't know.")
  #expect(sentences[0].comments.first == "newdoc id = test")
  #expect(sentences[0].words.map(\.form) == ["I", "do", "n't", "know", "."])
  #expect(sentences[0].multiwordTokens == [CoNLLUMultiwordToken(first: 2, last: 3, form: "don't")])
  #expect(sentences[0].words[3].head == 0 && sentences[0].words[3].deprel == "root")
  #expect(!sentences[0].words[3].spaceAfter)
  #expect(sentences[1].words.map(\.form) == ["Go", "home"])
  #expect(sentences[1].emptyNodes.count == 1)
}

@Test func conlluWriterRoundTripsItsInput() throws {
  let sentences = try CoNLLU.parse(Fixtures.tiny)
  var out = ""
  CoNLLU.write(sentences, to: &out, includeEmptyNodes: true)
  #expect(try CoNLLU.parse(out) == sentences)
  #expect(out.contains("2-3\tdon't\t"))
  #expect(out.contains("1.1\twent\t"))
}

@Test(arguments: [
  ("1\tA\ta\tX\tX\t_\t0\troot\t_\n", "expected 10"),
  ("2\tA\ta\tX\tX\t_\t0\troot\t_\t_\n", "out of sequence"),
  ("1\tA\ta\tX\tX\t_\tzero\troot\t_\t_\n", "bad head"),
  ("1\tA\ta\tX\tX\t_\t3\tdep\t_\t_\n2\tB\tb\tX\tX\t_\t0\troot\t_\t_\n", "head 3 beyond"),
])
func conlluReaderNamesTheLineOfAnError(input: String, reason: String) {
  #expect {
    _ = try CoNLLU.parse("# c\n" + input, file: "bad.conllu")
  } throws: { error in
    let text = String(describing: error)
    return text.contains("bad.conllu:2") && text.contains(reason)
  }
}
