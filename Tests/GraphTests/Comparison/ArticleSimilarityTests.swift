import Foundation
import Testing

@testable import Graph

@Suite struct ArticleSimilarityTests {
  func profile(_ id: String, names: Set<String>, text: String) -> ArticleProfile {
    ArticleProfile(
      id: id, entities: names, names: names, relations: [], relationClasses: [],
      words: ArticleProfile.words(of: text))
  }

  @Test func wordsAreLowercasedRunsOfLettersAndDigits() {
    #expect(
      ArticleProfile.words(of: "Jackman, jackman's 81st Oscars!") == [
        "jackman": 2, "s": 1, "81st": 1, "oscars": 1,
      ])
  }

  @Test func bagOfWordsIsTheCosineOfRawCounts() {
    let profiles = [profile("a", names: [], text: "a a b"), profile("b", names: [], text: "a b b")]
    let score = ArticleSimilarity(profiles: profiles).score(0, 1, method: .bagOfWords)
    // (2·1 + 1·2) / (√5 · √5)
    #expect(abs(score - 0.8) < 1e-12)
  }

  @Test func combinedScoreIsTheWeightedMeanOfItsParts() {
    let profiles = [
      profile("a", names: ["x", "y"], text: "earthquake hits"),
      profile("b", names: ["x", "z"], text: "storm floods"),
    ]
    let weights = ArticleSimilarity.Weights(names: 1, entities: 0, relationClasses: 0, relations: 0, text: 1)
    let similarity = ArticleSimilarity(profiles: profiles, weights: weights)
    // Names: 1 shared of 3; no word shared.
    #expect(abs(similarity.score(0, 1) - (1.0 / 3) / 2) < 1e-12)
    #expect(similarity.parts(0, 1).text == 0)
  }

  @Test func emptySetsAreNoEvidenceOfSameness() {
    #expect(ArticleSimilarity.jaccard(Set<String>(), Set<String>()) == 0)
  }

  @Test(arguments: ["1,0,0,0,1", "0.5, 1, 0, 0, 2"])
  func weightsParseFiveNumbers(text: String) {
    #expect(ArticleSimilarity.Weights(text) != nil)
  }

  @Test(arguments: ["1,0,0,1", "1,0,0,0,-1", "0,0,0,0,0", "a,b,c,d,e"])
  func weightsRejectOtherText(text: String) {
    #expect(ArticleSimilarity.Weights(text) == nil)
  }
}

@Suite struct StoryGroupsTests {
  /// a–b and b–c alike, a–c not: a single link chains all three, the average link does not.
  let chain: [[Double]] = [
    [1, 0.9, 0.0],
    [0.9, 1, 0.5],
    [0.0, 0.5, 1],
  ]

  @Test func averageLinkDoesNotChainThroughOneArticle() {
    #expect(StoryGroups(threshold: 0.4).groups(chain) == [[0, 1], [2]])
  }

  @Test func lowThresholdMergesEverything() {
    #expect(StoryGroups(threshold: 0.1).groups(chain) == [[0, 1, 2]])
  }

  @Test func thresholdAboveEveryScoreLeavesSingletons() {
    #expect(StoryGroups(threshold: 0.95).groups(chain) == [[0], [1], [2]])
  }
}

@Suite struct SimilarityEvaluationTests {
  @Test func precisionAtOneCountsNearestNeighboursOfTheSameEvent() {
    let evaluation = SimilarityEvaluation(events: ["e1", "e1", "e2", "e2"])
    let matrix: [[Double]] = [
      [1, 0.9, 0.1, 0.1],
      [0.9, 1, 0.95, 0.1],  // nearest to 1 is 2: wrong event
      [0.1, 0.95, 1, 0.3],  // nearest to 2 is 1: wrong
      [0.1, 0.1, 0.3, 1],
    ]
    let score = evaluation.precisionAtOne(matrix, subset: [0, 1, 2, 3])
    #expect(score.correct == 2 && score.total == 4)
    // Within a subset, only its members compete.
    #expect(evaluation.precisionAtOne(matrix, subset: [2, 3]).correct == 2)
  }

  @Test func pairScoresCompareGroupPairsWithGoldPairs() {
    let evaluation = SimilarityEvaluation(events: ["e1", "e1", "e2", "e2"])
    let scores = evaluation.pairScores([[0, 1, 2], [3]])
    // Predicted pairs 01 02 12, one correct; gold pairs 01 23.
    #expect(abs(scores.precision - 1.0 / 3) < 1e-12)
    #expect(scores.recall == 0.5)
    #expect(scores.goldEvents == 2)
  }
}

@Suite struct ECBPlusDocumentTests {
  @Test func textIsRebuiltFromTokensAndTheHalfFromTheName() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecbplus-doc-\(UUID())")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("7"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let xml = """
      <Document doc_name="7_2ecbplus.xml">
      <token t_id="1" sentence="0" number="0">Quake</token>
      <token t_id="2" sentence="0" number="1">hits</token>
      <token t_id="3" sentence="1" number="0">AT&amp;T</token>
      <token t_id="4" sentence="1" number="1">says</token>
      </Document>
      """
    try xml.write(to: folder.appendingPathComponent("7/7_2ecbplus.xml"), atomically: true, encoding: .utf8)
    let documents = try ECBPlusDocument.read(folder: folder.path, topics: [7])
    #expect(documents.count == 1)
    #expect(documents.first?.text == "Quake hits\nAT&T says")
    #expect(documents.first?.event == "7ecbplus")
  }

  @Test func malformedTokenNamesTheFileAndLine() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("1_1ecb-\(UUID()).xml").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try "<Document>\n<token t_id=\"1\">Quake</token>\n".write(toFile: path, atomically: true, encoding: .utf8)
    // The name does not end in ecb.xml: refused before reading tokens.
    #expect(throws: CorefDataError.self) { try ECBPlusDocument.read(path: path, topic: 1) }
    let named = (path as NSString).deletingLastPathComponent + "/1_9ecb.xml"
    defer { try? FileManager.default.removeItem(atPath: named) }
    try "<Document>\n<token t_id=\"1\">Quake</token>\n".write(
      toFile: named, atomically: true, encoding: .utf8)
    do {
      _ = try ECBPlusDocument.read(path: named, topic: 1)
      Issue.record("a token without a sentence was accepted")
    } catch let error as CorefDataError {
      #expect(error.description == "\(named):2: malformed token")
    }
  }
}
