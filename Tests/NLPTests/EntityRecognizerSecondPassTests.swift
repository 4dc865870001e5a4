import Foundation
import Testing
import Text

@testable import NLP

@Suite struct EntityRecognizerSecondPassTests {
  /// The fixture sentences as documents of four sentences each.
  static func documents(count: Int, offset: Int = 0) throws -> [NERSentence] {
    var sentences = try NERFixtures.sentences(NERFixtures.iob2(count: count, offset: offset))
    for k in sentences.indices { sentences[k].newDocument = k % 4 == 0 }
    return sentences
  }

  static func trained() throws -> EntityRecognizer {
    var options = EntityRecognizerTrainingOptions()
    options.iterations = 3
    options.secondPassFolds = 2
    return EntityRecognizer.train(try documents(count: 40), names: .empty, options: options)
  }

  @Test func votesCountTheOtherOccurrencesOfAWord() {
    let recognizer = EntityRecognizer(
      header: ModelHeader(kind: "ner", labels: [], trainingData: "", trainingChecksum: ""), types: IOB2.types,
      model: PerceptronTrainer(classCount: 1).freeze(), names: .empty, classes: .empty)
    // "Miramar" is U-LOC (class 12) twice and O once; "base" is lowercase (no vote).
    let forms = ["Miramar", "base", "Miramar", "Miramar", "Lone"]
    let input = EntityRecognizer.SentenceInput(forms: forms, range: 0..<5, xpos: [], upos: [])
    let votes = recognizer.votes([input], [[12, 0, 12, 0, 0]])[0]
    // Type LOC is index 2: 2 + 3 × 2 + share.
    #expect(votes[0] == 2 + 6 + 1)  // the others: one LOC of two
    #expect(votes[3] == 2 + 6 + 2)  // the others: both LOC
    #expect(votes[1] == 0)
    #expect(votes[4] == 0)  // no other occurrence
  }

  @Test func aSecondPassModelLearnsAndSurvivesTheModelFile() throws {
    let recognizer = try Self.trained()
    #expect(recognizer.hasSecondPass)
    let dev = try Self.documents(count: 12, offset: 1)
    let score = NERScore.score(gold: dev.map(\.gold), predicted: recognizer.recognize(dev))
    #expect(score.total.f1 > 60)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ner2-\(UUID()).model").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try recognizer.write(to: path)
    let loaded = try EntityRecognizer(contentsOf: path)
    #expect(loaded.hasSecondPass)
    #expect(loaded.recognize(dev) == recognizer.recognize(dev))
  }

  @Test func secondPassTrainingIsDeterministic() throws {
    #expect(try Self.trained().archive().encoded() == Self.trained().archive().encoded())
  }
}
