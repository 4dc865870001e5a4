import Testing

@testable import NLP

@Suite struct PerceptronAveragingTests {
  /// A trainer that saw `updates` instances of feature `feature` with class `truth` against 0.
  static func trainer(feature: UInt64, truth: Int, updates: Int) -> PerceptronTrainer {
    var trainer = PerceptronTrainer(classCount: 3)
    let features = [feature]
    for _ in 0..<updates {
      trainer.tick()
      features.withUnsafeBufferPointer { trainer.update($0, truth: truth, guess: 0) }
    }
    return trainer
  }

  static func best(_ model: LinearModel, _ feature: UInt64) -> Int {
    var scores = [Float](repeating: 0, count: 3)
    [feature].withUnsafeBufferPointer { f in
      scores.withUnsafeMutableBufferPointer { model.score(f, into: $0) }
    }
    return scores.indices.max { scores[$0] < scores[$1] }!
  }

  @Test func averagingWeighsEveryTrainerAndKeepsTheUnionOfFeatures() {
    let a = Self.trainer(feature: 11, truth: 1, updates: 2)
    var b = Self.trainer(feature: 11, truth: 2, updates: 6)
    // Feature 22 only in b, and b's clock runs as long as a's.
    b.tick()
    [UInt64(22)].withUnsafeBufferPointer { b.update($0, truth: 1, guess: 2) }
    b.tick()  // so that the new weight counts in b's average
    let averaged = PerceptronTrainer.freeze(averaging: [a, b])
    #expect(Self.best(a.freeze(), 11) == 1)
    #expect(Self.best(averaged, 11) == 2)  // b's larger weight wins in the mean
    #expect(Self.best(averaged, 22) == 1)  // a feature of one trainer survives
    #expect(averaged.classCount == 3)
  }

  @Test func averagingOneTrainerIsFreezingIt() {
    let a = Self.trainer(feature: 5, truth: 2, updates: 3)
    #expect(Self.best(PerceptronTrainer.freeze(averaging: [a]), 5) == Self.best(a.freeze(), 5))
  }
}
