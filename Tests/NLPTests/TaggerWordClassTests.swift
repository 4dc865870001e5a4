import Foundation
import Testing

@testable import NLP

/// A tagger trained on a slice of EWT train with word classes learnt from the slice plus a few
/// hand-written sentences that use words the slice never has ("amidst", "amongst").
@Suite(.enabled(if: Fixtures.ewtAvailable, "needs ../shared/data/ud-english-ewt"))
struct TaggerWordClassTests {
  static let unseen = ["amidst", "amongst"]

  /// Unlabelled sentences where the unseen prepositions stand where "among" and "during" stand.
  static let unlabelled: [[String]] = {
    var sentences = TinyModels.trainSlice.map { $0.words.map(\.form) }
    let heads = ["We", "They", "People", "Prices"]
    let preps = ["among", "during", "amidst", "amongst", "despite", "after"]
    let tails = [["the", "war"], ["the", "crowd"], ["the", "storm"], ["all", "the", "noise"]]
    for k in 0..<120 {
      sentences.append(
        [heads[k % 4], ["walked", "rose", "waited"][k % 3], preps[k % 6]] + tails[(k / 6) % 4] + ["."])
    }
    return sentences
  }()

  static let model: (plain: Tagger, withClasses: Tagger) = {
    let classes = WordClasses.learn(unlabelled, granularities: [16, 48, 128], minimumCount: 3, iterations: 4)
    var options = TaggerTrainingOptions.default
    options.iterations = 4
    // Only the word classes differ between the two taggers (the sentences below carry no spacing).
    options.spacing = false
    // Every word's own classes are features: with rare words' only, a class's weights would be
    // learnt from the slice's few rare words, and "among" and "during" would teach it nothing.
    options.rareWordFeatures = false
    return (
      Tagger.train(TinyModels.trainSlice, options: options),
      Tagger.train(TinyModels.trainSlice, classes: classes, options: options)
    )
  }()

  static func tags(_ tagger: Tagger, _ sentence: String) -> [String] {
    tagger.tag(sentence.split(separator: " ").map(String.init)).map { tagger.upos[Int($0)] }
  }

  @Test func unseenPrepositionsAreAbsentFromTheTrainingSlice() {
    let forms = Set(TinyModels.trainSlice.flatMap { $0.words.map { $0.form.lowercased() } })
    for word in Self.unseen { #expect(!forms.contains(word)) }
    let classes = Self.model.withClasses.classes
    for word in Self.unseen { #expect(classes.code(WordHashes(word).lower) >= 0) }
  }

  @Test(arguments: [
    "Protests spread in Moscow amidst the war .",
    "The prices rose amongst all the noise .",
  ])
  func unseenLowercaseWordInAKnownClassIsNotTaggedAsAName(sentence: String) {
    let tags = Self.tags(Self.model.withClasses, sentence)
    let k = sentence.split(separator: " ").firstIndex { Self.unseen.contains(String($0)) }!
    #expect(tags[k] != "PROPN")
    #expect(tags[k] == "ADP")
  }

  @Test func withoutClassesTheUnseenWordsAreMistagged() {
    // The same sentences without word classes: what the classes fix (keeps the test above honest).
    let tags = [
      Self.tags(Self.model.plain, "Protests spread in Moscow amidst the war .")[4],
      Self.tags(Self.model.plain, "The prices rose amongst all the noise .")[3],
    ]
    #expect(tags.contains { $0 != "ADP" })
  }

  @Test func sentenceCasingSeesHeadlinesShoutingAndLowercaseText() {
    func casing(_ s: String) -> UInt64 {
      let words =
        [WordHashes.padding, .padding] + s.split(separator: " ").map { WordHashes(String($0)) }
        + [.padding, .padding]
      return words.withUnsafeBufferPointer(Tagger.casing)
    }
    #expect(casing("Great Service And Friendly Staff") == 2)
    #expect(casing("DO NOT BUY THIS PRODUCT") == 1)
    #expect(casing("i went to tampa last week") == 3)
    #expect(casing("I went to Tampa last week .") == 0)
  }
}
