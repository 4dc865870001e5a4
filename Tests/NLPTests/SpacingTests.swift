import Foundation
import Testing
import Text

@testable import NLP

/// The words' spacing as the tagger reads it: codes from `SpaceAfter=No`, multiword tokens,
/// `# text` comments and token offsets, and a tagger that tells an attached hyphen from a spaced one.
struct SpacingTests {
  /// Codes: 1, plus 1 with a space before, plus 2 with a space after.
  static let attached: UInt8 = 1
  static let spacedBeforeOnly: UInt8 = 2
  static let spacedAfterOnly: UInt8 = 3
  static let spaced: UInt8 = 4

  @Test func aSentenceStartsAndEndsSpaced() {
    #expect(
      Spacing.codes(spaceAfter: [false, false, false])
        == [Self.spacedBeforeOnly, Self.attached, Self.spacedAfterOnly])
    #expect(Spacing.codes(spaceAfter: [true, true]) == [Self.spaced, Self.spaced])
  }

  @Test func conlluSpacingComesFromSpaceAfterAndMultiwordTokens() throws {
    let sentences = try CoNLLU.parse(Fixtures.tiny)
    // "I don't know." — `do` and `n't` touch inside their multiword token, `know` touches the period.
    #expect(
      sentences[0].spacing()
        == [
          Self.spaced, Self.spacedBeforeOnly, Self.spacedAfterOnly, Self.spacedBeforeOnly,
          Self.spacedAfterOnly,
        ])
    // "Go home": no SpaceAfter=No, and the text spells the words with a space between.
    #expect(sentences[1].spacing() == [Self.spaced, Self.spaced])
  }

  static func sentence(_ forms: [String], text: String?) -> CoNLLUSentence {
    var s = CoNLLUSentence(comments: text.map { ["text = \($0)"] } ?? [])
    for (i, f) in forms.enumerated() { s.words.append(CoNLLUWord(id: i + 1, form: f)) }
    return s
  }

  @Test func withoutSpaceAfterTheTextCommentTells() {
    let forms = ["e", "-", "mail", "me"]
    #expect(
      Self.sentence(forms, text: "e-mail me").spacing()
        == [Self.spacedBeforeOnly, Self.attached, Self.spacedAfterOnly, Self.spaced])
    #expect(Self.sentence(forms, text: "e - mail me").spacing() == [UInt8](repeating: Self.spaced, count: 4))
  }

  @Test func withoutSpaceAfterOrAMatchingTextTheSpacingIsUnknown() {
    let forms = ["e", "-", "mail"]
    #expect(Self.sentence(forms, text: nil).spacing() == [0, 0, 0])
    #expect(Self.sentence(forms, text: "email").spacing() == [0, 0, 0])
    // A word alone touches nothing.
    #expect(Self.sentence(["Hello"], text: nil).spacing() == [Self.spaced])
  }

  @Test func iob2SpacingComesFromTheTextComment() {
    let rows = [["1", "New", "B-LOC"], ["2", "York", "I-LOC"], ["3", "-", "O"], ["4", "based", "O"]]
    #expect(
      IOB2Sentence(comments: ["# text = New York-based"], rows: rows).spacing()
        == [Self.spaced, Self.spacedBeforeOnly, Self.attached, Self.spacedAfterOnly])
    #expect(IOB2Sentence(comments: [], rows: rows).spacing() == [0, 0, 0, 0])
  }

  @Test func documentSpacingComesFromTokenOffsets() {
    // "The cat sat. It slept.": the periods touch the words before them; sentences start spaced.
    let codes = Spacing.codes(handSegmentedDocument())
    #expect(
      codes == [
        Self.spaced, Self.spaced, Self.spacedBeforeOnly, Self.spacedAfterOnly,
        Self.spaced, Self.spacedBeforeOnly, Self.spacedAfterOnly,
      ])
  }

  /// Sentences "a X-Y b" (hyphen HYPH) and "a X - Y b" (hyphen `:`) with the same words, so only
  /// the spacing tells the two hyphens apart.
  static let hyphenSentences: [CoNLLUSentence] = {
    let pairs = [
      ("red", "blue"), ("north", "south"), ("left", "right"), ("old", "new"), ("high", "low"),
      ("east", "west"), ("fast", "slow"), ("hot", "cold"), ("big", "small"), ("dark", "light"),
    ]
    var sentences: [CoNLLUSentence] = []
    for round in 0..<3 {
      for (k, (x, y)) in pairs.enumerated() {
        for joined in [true, false] {
          let first = ["the", "a", "one"][(k + round) % 3]
          var s = CoNLLUSentence()
          let words: [(String, String, String, Bool)] = [
            (first, "DET", "DT", true), (x, "ADJ", "JJ", !joined),
            ("-", "PUNCT", joined ? "HYPH" : ":", !joined), (y, "ADJ", "JJ", true),
            ("line", "NOUN", "NN", true),
          ]
          for (i, w) in words.enumerated() {
            s.words.append(
              CoNLLUWord(id: i + 1, form: w.0, upos: w.1, xpos: w.2, misc: w.3 ? "_" : "SpaceAfter=No"))
          }
          sentences.append(s)
        }
      }
    }
    return sentences
  }()

  static func hyphenTag(_ tagger: Tagger, joined: Bool?) -> String {
    let forms = ["the", "green", "-", "yellow", "line"]
    let spacing: [UInt8] =
      switch joined {
      case true?: Spacing.codes(spaceAfter: [true, false, false, true, true])
      case false?: Spacing.codes(spaceAfter: [true, true, true, true, true])
      case nil: []
      }
    return tagger.xpos[Int(tagger.tag(forms, spacing: spacing)[2])]
  }

  @Test func aTaggerThatReadsSpacingTellsAnAttachedHyphenFromASpacedOne() {
    var options = TaggerTrainingOptions.default
    options.iterations = 4
    let reading = Tagger.train(Self.hyphenSentences, options: options)
    #expect(reading.usesSpacing)
    #expect(Self.hyphenTag(reading, joined: true) == "HYPH")
    #expect(Self.hyphenTag(reading, joined: false) == ":")
    // Without spacing it falls back on one tag for both readings, as a tagger without spacing does.
    #expect(["HYPH", ":"].contains(Self.hyphenTag(reading, joined: nil)))
    options.spacing = false
    let blind = Tagger.train(Self.hyphenSentences, options: options)
    #expect(!blind.usesSpacing)
    #expect(Self.hyphenTag(blind, joined: true) == Self.hyphenTag(blind, joined: false))
  }

  @Test func aSavedTaggerKeepsReadingSpacing() throws {
    var options = TaggerTrainingOptions.default
    options.iterations = 2
    for spacing in [true, false] {
      options.spacing = spacing
      let tagger = Tagger.train(Self.hyphenSentences, options: options)
      let header = ModelHeader(kind: "tagger", labels: [], trainingData: "hyphens", trainingChecksum: "none")
      let model = TaggingModel(
        header: header, tagger: tagger, lemmatizer: Lemmatizer.train(Self.hyphenSentences))
      let loaded = try TaggingModel(
        archive: try ModelArchive(bytes: try model.archive().encoded(), file: "t"), file: "t")
      #expect(loaded.tagger.usesSpacing == spacing)
      for joined in [true, false] {
        #expect(Self.hyphenTag(loaded.tagger, joined: joined) == Self.hyphenTag(tagger, joined: joined))
      }
    }
  }
}
