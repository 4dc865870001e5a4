import Foundation
import Testing
import Text

@testable import NLP

/// A document segmented by hand: "The cat sat. It slept." (two sentences, six tokens).
func handSegmentedDocument() -> Document {
  var d = Document(article: Article(id: "t", source: "t", text: "The cat sat. It slept."))
  let spans = [0..<3, 4..<7, 8..<11, 11..<12, 13..<15, 16..<21, 21..<22]
  d.tokenStarts = spans.map { Int32($0.lowerBound) }
  d.tokenEnds = spans.map { Int32($0.upperBound) }
  d.forms = spans.map { d.text($0) }
  d.sentences = [0..<4, 4..<7]
  return d
}

@Test(.enabled(if: Fixtures.ewtAvailable, "needs ../shared/data/ud-english-ewt"))
func annotatorFillsEveryLayerWithHeadsInsideTheirSentence() {
  var d = handSegmentedDocument()
  SyntaxAnnotator(tagging: TinyModels.tagging, parsing: TinyModels.parsing).annotate(&d)
  #expect(d.upos.count == 7 && d.xpos.count == 7 && d.lemmas.count == 7)
  #expect(d.heads.count == 7 && d.deprels.count == 7)
  #expect(d.upos[3] == "PUNCT" && d.upos[6] == "PUNCT")
  #expect(d.lemmas[0] == "the")
  for s in d.sentences {
    #expect(s.filter { d.heads[$0] == -1 }.count == 1)
    #expect(s.allSatisfy { d.heads[$0] == -1 || (s.contains(Int(d.heads[$0])) && Int(d.heads[$0]) != $0) })
    #expect(s.filter { d.deprels[$0] == "root" }.count == 1)
  }
}

@Test func bundledModelsLoadAndAnnotate() throws {
  let annotator = try SyntaxAnnotator.bundled()
  #expect(annotator.tagging.header.trainingData == "en_ewt-ud-train.conllu")
  #expect((annotator.tagging.header.scores["dev.UPOS"] ?? 0) > 90)
  #expect((annotator.parsing?.header.scores["dev.UAS"] ?? 0) > 80)
  var d = handSegmentedDocument()
  annotator.annotate(&d)
  #expect(d.xpos[0] == "DT" && d.xpos[1] == "NN" && d.xpos[2] == "VBD")
  #expect(d.lemmas[2] == "sit" && d.lemmas[5] == "sleep")
  #expect(d.heads[1] == 2 && d.deprels[1] == "nsubj")
}
