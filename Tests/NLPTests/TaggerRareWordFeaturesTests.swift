import Foundation
import Testing

@testable import NLP

/// Spelling, word-class and dictionary features only for rare words (``Tagger/rareWordFeatures``):
/// which features a word gets, that unseen words are still tagged by their spelling, and that the
/// choice is stored with the model.
struct TaggerRareWordFeaturesTests {
  /// Features of word 0 of `forms` (with padding), the word's ambiguity class set to `ambiguity`.
  static func features(_ forms: [String], ambiguity: UInt64, rareOnly: Bool) -> [UInt64] {
    var words = [WordHashes.padding, .padding] + forms.map { WordHashes($0) } + [.padding, .padding]
    words[2].ambiguity = ambiguity
    var out = [UInt64](repeating: 0, count: Tagger.featureCapacity)
    let n = words.withUnsafeBufferPointer { w in
      out.withUnsafeMutableBufferPointer { o in
        Tagger.features(
          w, 0, p1: 0, p2: 0, casing: 0, dictionary: true, spacing: false, rareOnly: rareOnly,
          out: o.baseAddress!)
      }
    }
    return Array(out[0..<n])
  }

  @Test func aKnownWordLosesItsSpellingFeaturesAndARareWordKeepsThem() {
    let forms = ["running", "fast"]
    let all = Self.features(forms, ambiguity: 3, rareOnly: false)
    let known = Self.features(forms, ambiguity: 3, rareOnly: true)
    // Four prefixes, four suffixes, three word classes and three dictionary features.
    #expect(known.count == all.count - 14)
    #expect(Set(known).isSubset(of: Set(all)))
    let rareAll = Self.features(forms, ambiguity: 0, rareOnly: false)
    #expect(Self.features(forms, ambiguity: 0, rareOnly: true) == rareAll)
    #expect(rareAll.count == all.count)
  }

  /// Sentences "they were VERB-ing it" with a new verb each time, and "they were here" often
  /// enough that "they", "were", "it" and "here" are known words.
  static let sentences: [CoNLLUSentence] = {
    let verbs = [
      "walking", "talking", "reading", "writing", "singing", "eating", "painting", "building",
      "cooking", "cleaning", "fixing", "selling", "buying", "moving", "playing", "watching",
    ]
    var result: [CoNLLUSentence] = []
    for verb in verbs {
      for words in [
        [("they", "PRON", "PRP"), ("were", "AUX", "VBD"), (verb, "VERB", "VBG"), ("it", "PRON", "PRP")],
        [("they", "PRON", "PRP"), ("were", "VERB", "VBD"), ("here", "ADV", "RB")],
      ] {
        var s = CoNLLUSentence()
        for (i, w) in words.enumerated() {
          s.words.append(CoNLLUWord(id: i + 1, form: w.0, upos: w.1, xpos: w.2))
        }
        result.append(s)
      }
    }
    return result
  }()

  @Test func anUnseenWordIsStillTaggedByItsSuffix() {
    var options = TaggerTrainingOptions.default
    options.iterations = 4
    options.spacing = false
    let tagger = Tagger.train(Self.sentences, options: options)
    #expect(tagger.rareWordFeatures)
    // A verb never seen, last as "here" always is: only its suffix tells it from "here".
    let tags = tagger.tag(["they", "were", "jumping"]).map { tagger.xpos[Int($0)] }
    #expect(tags[2] == "VBG")
  }

  @Test func aSavedTaggerKeepsItsChoice() throws {
    var options = TaggerTrainingOptions.default
    options.iterations = 2
    options.spacing = false
    for rareOnly in [true, false] {
      options.rareWordFeatures = rareOnly
      let tagger = Tagger.train(Self.sentences, options: options)
      let header = ModelHeader(kind: "tagger", labels: [], trainingData: "verbs", trainingChecksum: "none")
      let model = TaggingModel(header: header, tagger: tagger, lemmatizer: Lemmatizer.train(Self.sentences))
      let loaded = try TaggingModel(
        archive: try ModelArchive(bytes: try model.archive().encoded(), file: "t"), file: "t")
      #expect(loaded.tagger.rareWordFeatures == rareOnly)
      let forms = ["they", "were", "jumping", "it", "here"]
      #expect(loaded.tagger.tag(forms) == tagger.tag(forms))
    }
  }
}
