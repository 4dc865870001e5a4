import Testing

@testable import Text

struct SentenceSplitterTests {
  /// The sentences of `text` as strings (original text of each token range).
  func sentences(_ text: String) -> [String] {
    let document = Document.segmented(Article(id: "t", source: "t", text: text))
    return document.sentences.map { document.text(ofTokens: $0) }
  }

  @Test(
    "sentences end at terminators, not after abbreviations or initials",
    arguments: [
      ("He left. She stayed.", ["He left.", "She stayed."]),
      ("Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."]),
      ("Mr. Smith met Gen. Austin in the U.S. capital.", ["Mr. Smith met Gen. Austin in the U.S. capital."]),
      ("J. R. R. Tolkien wrote it. Then he left.", ["J. R. R. Tolkien wrote it.", "Then he left."]),
      ("Prices rose 3.5 percent. Markets fell.", ["Prices rose 3.5 percent.", "Markets fell."]),
      ("They moved to the U.S. The move was hard.", ["They moved to the U.S.", "The move was hard."]),
      ("Wait... what happened?", ["Wait... what happened?"]),
      ("It works.it does", ["It works.it does"]),
      ("He left. . . and came back.", ["He left. . . and came back."]),
      ("Really?! No way.", ["Really?!", "No way."]),
      ("it failed. then it worked.", ["it failed.", "then it worked."]),
      ("Loved it :) The staff were great", ["Loved it :)", "The staff were great"]),
      ("Loved it :) and left", ["Loved it :) and left"]),
    ])
  func splitsAtTerminators(_ text: String, _ expected: [String]) {
    #expect(sentences(text) == expected)
  }

  @Test(
    "closing quotes and brackets after the terminator stay with the sentence",
    arguments: [
      (
        "“We are watching,” Austin said. “We condemn it.” Then he left.",
        ["“We are watching,” Austin said.", "“We condemn it.”", "Then he left."]
      ),
      ("He said \"no.\" She agreed.", ["He said \"no.\"", "She agreed."]),
      ("(It was late.) They slept.", ["(It was late.)", "They slept."]),
    ])
  func keepsClosersWithSentence(_ text: String, _ expected: [String]) {
    #expect(sentences(text) == expected)
  }

  @Test("a blank line always ends a sentence, a single line break does not")
  func paragraphBreaksEndSentences() {
    #expect(sentences("Breaking news\n\nThe army moved") == ["Breaking news", "The army moved"])
    #expect(sentences("Breaking news\r\n\r\nThe army moved") == ["Breaking news", "The army moved"])
    #expect(sentences("The army moved\nto the border today.") == ["The army moved\nto the border today."])
  }

  @Test("a short unpunctuated line before a capitalised line is a heading of its own")
  func headingsOnTheirOwnLine() {
    #expect(sentences("Background\nThe war began in 2022.") == ["Background", "The war began in 2022."])
    // Wrapped text: long lines run on even before a capital letter.
    let wrapped =
      "Officials in Seoul and Tokyo said on Monday that the troops were sent by\nPyongyang last week."
    #expect(sentences(wrapped) == [wrapped])
    let continued =
      "Officials in Seoul said on Monday that the troops had been sent to\nRussia\nBy Pyongyang."
    #expect(sentences(continued) == [continued])
    let off = SentenceSplitter(options: .init(splitsAfterShortLines: false))
    let document = Document.segmented(
      Article(id: "t", source: "t", text: "Background\nThe war began."),
      by: Segmenter(splitter: off))
    #expect(document.sentences.count == 1)
  }

  @Test("sentences cover every token of the body, in order, without gaps")
  func sentencesCoverTokens() {
    let document = Document.segmented(
      Article(id: "t", source: "t", text: "One. Two! Three? \"Four.\" (Five.)\n\nSix"))
    var next = 0
    for sentence in document.sentences {
      #expect(sentence.lowerBound == next)
      #expect(!sentence.isEmpty)
      next = sentence.upperBound
    }
    #expect(next == document.tokenCount)
  }

  @Test("only the body is segmented; the headline can be segmented on its own")
  func bodyOnlyAndHeadline() throws {
    let text = "Troops Reported in Russia\n\nAustin said so. Moscow denied it."
    let article = ArticleReader().plainText(text, id: "a", source: "a")
    let document = Document.segmented(article)
    #expect(document.forms.first == "Austin")
    #expect(document.sentences.count == 2)
    let headline = try #require(Segmenter().segmentHeadline(of: article))
    #expect(headline.forms == ["Troops", "Reported", "in", "Russia"])
    #expect(headline.sentences == [0..<4])
  }
}
