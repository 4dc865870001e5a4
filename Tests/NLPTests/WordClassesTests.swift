import Foundation
import Testing

@testable import NLP

@Suite struct WordClassesTests {
  /// Sentences where "paris"/"oslo"/"rome" share contexts, and so do "ate"/"cooked"/"baked".
  static let corpus: [[String]] = {
    var sentences: [[String]] = []
    let cities = ["Paris", "Oslo", "Rome"]
    let verbs = ["ate", "cooked", "baked"]
    let foods = ["bread", "soup", "fish"]
    for k in 0..<90 {
      sentences.append(["We", "flew", "to", cities[k % 3], "in", "May", "."])
      sentences.append(["She", verbs[k % 3], "the", foods[(k / 3) % 3], "."])
    }
    return sentences
  }()

  static func cluster(_ classes: WordClasses, _ word: String, _ granularity: Int) -> UInt64 {
    WordClasses.cluster(classes.code(WordHashes(word).lower), granularity)
  }

  @Test func wordsInTheSameContextsShareAClass() {
    let classes = WordClasses.learn(Self.corpus, granularities: [4, 8], minimumCount: 3, iterations: 10)
    for g in 0..<2 {
      #expect(Self.cluster(classes, "paris", g) == Self.cluster(classes, "oslo", g))
      #expect(Self.cluster(classes, "rome", g) == Self.cluster(classes, "Oslo", g))
      #expect(Self.cluster(classes, "ate", g) == Self.cluster(classes, "baked", g))
      #expect(Self.cluster(classes, "paris", g) != Self.cluster(classes, "ate", g))
    }
    #expect(Self.cluster(classes, "never-seen", 0) == 0)
  }

  @Test func capitalizationBucketsFollowInnerSentenceCase() {
    let classes = WordClasses.learn(Self.corpus, granularities: [4], minimumCount: 3, iterations: 2)
    func bucket(_ word: String) -> UInt64 { WordClasses.capitalBucket(classes.code(WordHashes(word).lower)) }
    #expect(bucket("paris") == 6)  // always capitalized inside a sentence
    #expect(bucket("the") == 2)  // never
    #expect(bucket("unknown") == 0)
  }

  @Test func learningIsDeterministic() {
    let a = WordClasses.learn(Self.corpus, granularities: [5], minimumCount: 2, iterations: 5)
    let b = WordClasses.learn(Self.corpus, granularities: [5], minimumCount: 2, iterations: 5)
    for word in ["paris", "ate", "the", "bread", "may"] {
      #expect(Self.cluster(a, word, 0) == Self.cluster(b, word, 0))
    }
  }

  @Test func classesSurviveTheModelFile() throws {
    let classes = WordClasses.learn(Self.corpus, granularities: [4, 8], minimumCount: 3, iterations: 4)
    var sentences: [NERSentence] = []
    for k in 0..<20 {
      sentences.append(
        NERSentence(
          forms: ["We", "flew", "to", ["Paris", "Oslo"][k % 2], "."], xpos: [], upos: [],
          gold: ["O", "O", "O", "B-LOC", "O"], newDocument: true))
    }
    var options = EntityRecognizerTrainingOptions()
    options.iterations = 2
    let recognizer = EntityRecognizer.train(sentences, names: .empty, classes: classes, options: options)
    let path = NSTemporaryDirectory() + "/word-classes-\(UInt64.random(in: 0...UInt64.max)).ner"
    try recognizer.write(to: path)
    let loaded = try EntityRecognizer(contentsOf: path)
    #expect(loaded.classes.wordCount == classes.wordCount)
    #expect(loaded.classes.granularities == [4, 8])
    #expect(Self.cluster(loaded.classes, "rome", 1) == Self.cluster(classes, "rome", 1))
    let test = ["They", "went", "to", "Rome", "."]
    #expect(loaded.recognize(test, xpos: [], upos: []) == recognizer.recognize(test, xpos: [], upos: []))
  }
}
