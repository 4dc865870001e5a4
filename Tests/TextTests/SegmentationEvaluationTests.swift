import Foundation
import Testing

@testable import Text

struct SegmentationEvaluationTests {
  static let sample = """
    # newdoc id = d1
    # sent_id = s1
    # newpar id = p1
    # text = I don't know.
    1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_
    2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
    2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
    3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
    4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
    5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

    # sent_id = s2
    # text = Fine
    1\tFine\tfine\tADJ\tJJ\t_\t0\troot\t_\t_

    # sent_id = s3
    # newpar id = p2
    # text = New paragraph.
    1\tNew\tnew\tADJ\tJJ\t_\t2\tamod\t_\t_
    2\tparagraph\tparagraph\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No
    3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

    # newdoc id = d2
    # sent_id = s4
    # text = Other doc.
    1\tOther\tother\tADJ\tJJ\t_\t2\tamod\t_\t_
    2\tdoc\tdoc\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No
    3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

    """

  @Test("raw documents are rebuilt from # text: sentences joined by a space, paragraphs by a blank line")
  func rebuildsRawDocuments() {
    let documents = SegmentationEvaluation.readConllu(Self.sample)
    #expect(documents.map(\.id) == ["d1", "d2"])
    #expect(documents[0].text == "I don't know. Fine\n\nNew paragraph.")
    #expect(documents[0].sentenceIDs == ["s1", "s2", "s3"])
    let words = documents[0].words
    #expect(words.map(\.form) == ["I", "do", "n't", "know", ".", "Fine", "New", "paragraph", "."])
    // Words of a multi-word token carry the token's span.
    #expect(words[1].isMultiword && words[2].isMultiword)
    #expect(words[1].start == 2 && words[1].end == 7 && words[2].end == 7)
    #expect(documents[0].sentences == [0..<13, 14..<18, 20..<34])
    #expect(documents[0].wordSentence == [0, 0, 0, 0, 0, 1, 2, 2, 2])
    #expect(documents[0].wordID == [1, 2, 3, 4, 5, 1, 1, 2, 3])
    #expect(documents[1].wordSentence == [3, 3, 3])
  }

  @Test("our tokens align with gold multi-word tokens by form")
  func alignsMultiwordTokens() {
    let gold = SegmentationEvaluation.readConllu(Self.sample)[0]
    let system = Document.segmented(gold.article)
    let result = SegmentationEvaluation.score(gold: gold, system: system)
    #expect(result.words.correct == 9)
    #expect(result.words.f1 == 1)
    #expect(result.sentences.gold == 3)
    #expect(result.sentences.correct == 3)
  }

  @Test("alignment by offsets: a wrong split costs both precision and recall")
  func alignsBySpans() {
    typealias W = SegmentationEvaluation.Word
    let gold = [W(start: 0, end: 3, form: "U.S"), W(start: 3, end: 4, form: ".")]
    let system = [W(start: 0, end: 4, form: "U.S.")]
    #expect(SegmentationEvaluation.align(gold: gold, system: system).isEmpty)
    let same = SegmentationEvaluation.align(gold: gold, system: gold)
    #expect(same.map(\.gold) == [0, 1])
    #expect(same.map(\.system) == [0, 1])
  }

  @Test("scores: F1 is 2·correct / (gold + system)")
  func f1() {
    let score = SegmentationEvaluation.Score(gold: 10, system: 8, correct: 6)
    #expect(score.precision == 0.75)
    #expect(score.recall == 0.6)
    #expect(abs(score.f1 - 12.0 / 18.0) < 1e-12)
  }

  static let ewtDev = SharedData.path("data/ud-english-ewt/en_ewt-ud-dev.conllu")

  /// The targets for EWT dev: words F1 ≥ 99, sentences F1 ≥ 85.
  @Test(
    "EWT dev: words F1 ≥ 99 and sentences F1 ≥ 85",
    .enabled(if: FileManager.default.fileExists(atPath: ewtDev)))
  func ewtDevScores() throws {
    let gold = try SegmentationEvaluation.readConllu(atPath: Self.ewtDev)
    let result = SegmentationEvaluation.evaluate(gold)
    #expect(result.words.gold == 25147)
    #expect(result.sentences.gold == 2001)
    #expect(result.words.f1 >= 0.99)
    #expect(result.sentences.f1 >= 0.85)
  }
}
