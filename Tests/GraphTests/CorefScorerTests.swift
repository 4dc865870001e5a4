import Testing

@testable import Graph

/// The example of Pradhan et al. (2014), scored by hand.
/// Key {a b c} {d e f g}; response {a b} {c d} {f g h i}.
@Suite struct CorefScorerTests {
  let key = [["a", "b", "c"], ["d", "e", "f", "g"]]
  let response = [["a", "b"], ["c", "d"], ["f", "g", "h", "i"]]

  func close(_ value: Double, _ expected: Double) -> Bool { abs(value - expected) < 1e-9 }

  @Test func mucCountsLinks() {
    // Recall: {a b c} splits in 2 parts (3−2), {d e f g} in 3 ({d} {e} {f g}: 4−3), over 2+3 links.
    // Precision: {a b} 1 of 1, {c d} 0 of 1, {f g h i} 1 of 3.
    let scores = CorefScores(key: key, response: response)
    #expect(close(scores.muc.r, 2.0 / 5) && close(scores.muc.p, 2.0 / 5))
  }

  @Test func bCubedAveragesOverMentions() {
    // Recall: (2²+1²)/3 + (1²+2²)/4 over 7 key mentions; precision: 2²/2 + (1+1)/2 + 2²/4 over 8.
    let scores = CorefScores(key: key, response: response)
    #expect(close(scores.b3.r, (5.0 / 3 + 5.0 / 4) / 7))
    #expect(close(scores.b3.p, 4.0 / 8))
  }

  @Test func ceafEntityUsesTheOptimalAlignment() {
    // φ4: K1–R1 0.8, K1–R2 0.4, K2–R2 1/3, K2–R3 0.5; best alignment K1–R1 + K2–R3 = 1.3.
    let scores = CorefScores(key: key, response: response)
    #expect(close(scores.ceafe.r, 1.3 / 2) && close(scores.ceafe.p, 1.3 / 3))
    #expect(close(scores.conll.f1, (scores.muc.f1 + scores.b3.f1 + scores.ceafe.f1) / 3))
  }

  @Test func hungarianBeatsGreedy() {
    // Greedy takes 0.9 then 0.1; the optimum pairs the two 0.8s.
    #expect(close(Hungarian.maximumWeight([[0.9, 0.8], [0.8, 0.1]]), 1.6))
    #expect(close(Hungarian.maximumWeight([[0.5], [0.7], [0.2]]), 0.7))
    #expect(close(Hungarian.maximumWeight([[0.1, 0.9, 0.3]]), 0.9))
  }

  @Test func identicalClusteringsScorePerfectly() {
    let scores = CorefScores(key: key, response: key)
    #expect(close(scores.muc.f1, 1) && close(scores.b3.f1, 1) && close(scores.ceafe.f1, 1))
  }
}
