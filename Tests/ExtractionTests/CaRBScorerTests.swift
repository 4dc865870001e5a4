import Testing

@testable import Extraction

@Suite struct CaRBScorerTests {
  typealias Tuple = CaRBScorer.Tuple

  let sentence = "Canada imposed sanctions on Iran ."

  @Test func exactTupleScoresFullMarks() {
    let gold = Tuple(relation: "imposed sanctions on", arguments: ["Canada", "Iran"])
    let scorer = CaRBScorer(gold: [(sentence, gold)])
    let result = scorer.score([
      (sentence, Tuple(relation: "imposed sanctions on", arguments: ["Canada", "Iran"]))
    ])
    #expect(result.f1 == 1)
    #expect(result.precision == 1)
  }

  @Test func partialOverlapGivesPartialCredit() {
    let gold = Tuple(relation: "imposed sanctions on", arguments: ["Canada", "Iran"])
    let match = CaRBScorer.match(
      gold: gold, predicted: Tuple(relation: "imposed", arguments: ["Canada", "sanctions on Iran"]))
    // 3 of 5 gold words found; 3 of 5 predicted words match.
    #expect(abs(match.recall - 3.0 / 5) < 1e-9)
    #expect(abs(match.precision - 3.0 / 5) < 1e-9)
  }

  @Test func relationWithoutSharedWordIsNoMatch() {
    let gold = Tuple(relation: "imposed", arguments: ["Canada", "sanctions"])
    let match = CaRBScorer.match(
      gold: gold, predicted: Tuple(relation: "lifted", arguments: ["Canada", "sanctions"]))
    #expect(match.precision == 0 && match.recall == 0)
  }

  @Test func beMatchesItsInflectedForms() {
    let gold = Tuple(relation: "is", arguments: ["Park", "minister"])
    let match = CaRBScorer.match(
      gold: gold, predicted: Tuple(relation: "be", arguments: ["Park", "minister"]))
    #expect(match.recall == 1)
  }

  @Test func lowConfidenceNoiseIsCutByTheThreshold() {
    let gold = Tuple(relation: "imposed", arguments: ["Canada", "sanctions"])
    let scorer = CaRBScorer(gold: [(sentence, gold)])
    let result = scorer.score([
      (sentence, Tuple(relation: "imposed", arguments: ["Canada", "sanctions"], confidence: 0.9)),
      (sentence, Tuple(relation: "on", arguments: ["sanctions", "Iran"], confidence: 0.2)),
    ])
    #expect(result.f1 == 1)
    #expect(result.threshold == 0.9)
    #expect(result.auc > 0.9)
  }

  @Test func missedGoldTuplesLowerRecall() {
    let scorer = CaRBScorer(gold: [
      (sentence, Tuple(relation: "imposed", arguments: ["Canada", "sanctions"])),
      ("Peru armed Chile .", Tuple(relation: "armed", arguments: ["Peru", "Chile"])),
    ])
    let result = scorer.score([(sentence, Tuple(relation: "imposed", arguments: ["Canada", "sanctions"]))])
    #expect(result.recall == 0.5)
    #expect(result.precision == 1)
  }
}
