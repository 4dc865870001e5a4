import Foundation
import Testing
import Text

@testable import NLP

/// Forms the recognizer labels O without scoring (``EntityRecognizer/plainWords``).
@Suite struct EntityRecognizerPlainWordsTests {
  static func trained(plainMinimumCount: Int) throws -> EntityRecognizer {
    var options = EntityRecognizerTrainingOptions()
    options.iterations = 3
    options.plainMinimumCount = plainMinimumCount
    return EntityRecognizer.train(
      try NERFixtures.sentences(NERFixtures.iob2(count: 40)), names: .empty, options: options)
  }

  static func listed(_ table: FeatureTable, _ form: String) -> Bool {
    table.find(WordHashes(form).form) >= 0
  }

  @Test func theListHoldsFrequentFormsWithoutCapitalsThatNoNameContains() throws {
    // The fixture's 40 sentences, and 3 more where "acme" is a lowercase organisation name.
    var text = NERFixtures.iob2(count: 40)
    for k in 0..<3 {
      text +=
        "# sent_id = lower\(k)\n1\tacme\tB-ORG\t-\t-\n2\tworks\tO\t-\t-\n3\tacme\tO\t-\t-\n4\trarely\tO\t-\t-\n\n"
    }
    let sentences = try NERFixtures.sentences(text)
    let gold = sentences.map { EntityRecognizer.classes($0.gold, types: IOB2.types) }
    let table = EntityRecognizer.plainWords(sentences, gold: gold, minimumCount: 4)
    for form in ["works", "for", "in", "flew", "to", "yesterday", "."] {
      #expect(Self.listed(table, form), "\(form)")
    }
    #expect(!Self.listed(table, "acme"))  // inside a name once, however often outside
    #expect(!Self.listed(table, "rarely"))  // seen 3 times, fewer than 4
    #expect(!Self.listed(table, "Oslo"))  // capitalized
    #expect(table.count == 7)
    #expect(EntityRecognizer.plainWords(sentences, gold: gold, minimumCount: 0).count == 0)
  }

  @Test func theListChangesNoWeightAndSurvivesTheModelFile() throws {
    let plain = try Self.trained(plainMinimumCount: 5)
    let scored = try Self.trained(plainMinimumCount: 0)
    #expect(plain.plainWordCount > 0)
    #expect(scored.plainWordCount == 0)
    // Training scores every word either way: the two models differ only by the list.
    var withoutList = plain
    withoutList.plainWords = FeatureTable(minimumCapacity: 16)
    #expect(try withoutList.archive().encoded() == scored.archive().encoded())

    let dev = try NERFixtures.sentences(NERFixtures.iob2(count: 12, offset: 1))
    #expect(plain.recognize(dev) == scored.recognize(dev))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ner-plain-\(UUID()).model").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try plain.write(to: path)
    let loaded = try EntityRecognizer(contentsOf: path)
    #expect(loaded.plainWordCount == plain.plainWordCount)
    #expect(loaded.recognize(dev) == plain.recognize(dev))
    #expect(loaded.pruned(threshold: 0.1).plainWordCount == plain.plainWordCount)
  }

  @Test func aListedWordOutsideANameIsOButInsideOneIsScored() throws {
    let recognizer = try Self.trained(plainMinimumCount: 0)
    let forms = ["Anna", "Berg", "works", "for", "Acme", "Corp", "in", "Oslo", "yesterday", "."]
    let spans = recognizer.recognize(forms, xpos: [], upos: [])
    #expect(spans.map(\.label) == ["PER", "ORG", "LOC"])
    // Listing "Corp" and "Oslo" (never done by training: they have capitals) shows both cases:
    // "Corp" follows the start of a name and is scored as before; "Oslo" follows an O.
    var listing = recognizer
    var table = FeatureTable(minimumCapacity: 16)
    for form in ["Corp", "Oslo"] { table.insert(WordHashes(form).form, id: 0) }
    listing.plainWords = table
    let listed = listing.recognize(forms, xpos: [], upos: [])
    #expect(listed.map(\.label) == ["PER", "ORG"])
    #expect(listed.map(\.tokens) == Array(spans.map(\.tokens).prefix(2)))
  }
}
