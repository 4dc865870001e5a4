import Foundation
import Testing
import Text

@testable import NLP

/// Tiny training data written here: a few patterns of people, organisations and places.
enum NERFixtures {
  static let people = ["Anna Berg", "Tom Reyes", "Lisa Moreau", "Omar Haddad", "Jane Ito", "Pavel Novak"]
  static let places = ["Oslo", "Lima", "Cairo", "Quito", "Hanoi", "Perth"]
  static let orgs = ["Acme Corp", "Globex Inc", "Initech Ltd", "Umbrella Corp"]

  /// Sentences "PERSON works for ORG in PLACE ." and "PERSON flew to PLACE yesterday .", IOB2.
  static func iob2(count: Int, offset: Int = 0) -> String {
    var out = ""
    for k in 0..<count {
      let person = people[(k + offset) % people.count].split(separator: " ").map(String.init)
      let place = places[(k * 5 + offset) % places.count]
      let org = orgs[(k * 3 + offset) % orgs.count].split(separator: " ").map(String.init)
      var rows: [(String, String)] = []
      rows.append((person[0], "B-PER"))
      rows.append((person[1], "I-PER"))
      if k % 2 == 0 {
        rows += [("works", "O"), ("for", "O"), (org[0], "B-ORG"), (org[1], "I-ORG"), ("in", "O")]
      } else {
        rows += [("flew", "O"), ("to", "O")]
      }
      rows += [(place, "B-LOC"), ("yesterday", "O"), (".", "O")]
      out += "# sent_id = s\(k)\n"
      for (i, r) in rows.enumerated() { out += "\(i + 1)\t\(r.0)\t\(r.1)\t-\t-\n" }
      out += "\n"
    }
    return out
  }

  static func sentences(_ text: String) throws -> [NERSentence] {
    try IOB2.parse(text, file: "test.iob2").enumerated().map { k, s in
      NERSentence(forms: s.tokens, xpos: [], upos: [], gold: s.tags, newDocument: k == 0)
    }
  }

  static func trained(iterations: Int = 4) throws -> EntityRecognizer {
    var options = EntityRecognizerTrainingOptions()
    options.iterations = iterations
    let names = NameLexicon(names: [.init(text: "Oslo", category: "capital")])
    return EntityRecognizer.train(try sentences(iob2(count: 40)), names: names, options: options)
  }
}

@Suite struct EntityRecognizerTests {
  @Test func trainingLearnsWellAboveTheAllOBaseline() throws {
    let recognizer = try NERFixtures.trained()
    let dev = try NERFixtures.sentences(NERFixtures.iob2(count: 12, offset: 1))
    let allO = NERScore.score(gold: dev.map(\.gold), predicted: dev.map { $0.gold.map { _ in "O" } })
    let score = NERScore.score(gold: dev.map(\.gold), predicted: recognizer.recognize(dev))
    #expect(allO.total.f1 == 0)
    #expect(score.total.f1 > 80)
  }

  @Test func savedModelPredictsTheSame() throws {
    let recognizer = try NERFixtures.trained()
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ner-\(UUID()).model").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try recognizer.write(to: path)
    let loaded = try EntityRecognizer(contentsOf: path)
    let dev = try NERFixtures.sentences(NERFixtures.iob2(count: 12, offset: 2))
    #expect(loaded.recognize(dev) == recognizer.recognize(dev))
    #expect(loaded.names.categories == ["capital"])
  }

  @Test func pruningDropsSmallWeightsOnly() throws {
    let recognizer = try NERFixtures.trained()
    let dev = try NERFixtures.sentences(NERFixtures.iob2(count: 12, offset: 2))
    let light = recognizer.pruned(threshold: 0)
    #expect(light.size == recognizer.size)
    #expect(light.recognize(dev) == recognizer.recognize(dev))
    let empty = recognizer.pruned(threshold: 1000)  // above every weight of this tiny model
    #expect(empty.size.weights == 0)
    #expect(empty.recognize(dev).allSatisfy { $0.allSatisfy { $0 == "O" } })
    // Thresholds far past any 16-bit weight, or infinite, drop everything instead of trapping.
    for huge in [Float.greatestFiniteMagnitude, .infinity] {
      #expect(recognizer.pruned(threshold: huge).size.weights == 0)
    }
  }

  @Test func trainingIsDeterministic() throws {
    let a = try NERFixtures.trained(iterations: 2).archive().encoded()
    let b = try NERFixtures.trained(iterations: 2).archive().encoded()
    #expect(a == b)
  }

  @Test func decodingGivesWellFormedSpans() {
    // B-PER then L-ORG is not allowed; after B-x only I-x or L-x.
    #expect(!EntityRecognizer.allowed(1 + 4 + 2, after: 1, last: false))
    #expect(EntityRecognizer.allowed(1 + 2, after: 1, last: true))
    #expect(!EntityRecognizer.allowed(1, after: 0, last: true))
    #expect(!EntityRecognizer.allowed(2, after: -1, last: false))
  }
}

@Suite struct NERScoreTests {
  /// Gold: [Anna Berg]PER [Oslo]LOC ; [Acme]ORG. Predicted: [Anna Berg]PER [Oslo]ORG ; [Acme Corp]ORG ; [Tom]PER.
  /// Correct 1 (Anna Berg); gold 3; predicted 4 → P 25, R 33.33, F1 28.57.
  static let gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O", "O"]]
  static let predicted = [["B-PER", "I-PER", "O", "B-ORG"], ["B-ORG", "I-ORG", "B-PER"]]

  @Test func scorerMatchesHandCountedFigures() {
    let score = NERScore.score(gold: Self.gold, predicted: Self.predicted)
    #expect(score.total == NERScore.Counts(gold: 3, predicted: 4, correct: 1))
    #expect(abs(score.total.precision - 25) < 1e-9)
    #expect(abs(score.total.recall - 100.0 / 3) < 1e-9)
    #expect(abs(score.total.f1 - 200.0 / 7) < 1e-9)
    #expect(score.byType["PER"] == NERScore.Counts(gold: 1, predicted: 2, correct: 1))
    #expect(score.byType["LOC"] == NERScore.Counts(gold: 1, predicted: 0, correct: 0))
  }

  @Test(arguments: [
    (["I-PER", "I-PER", "O"], [EntitySpan(tokens: 0..<2, label: "PER")]),
    (
      ["B-LOC", "I-ORG"], [EntitySpan(tokens: 0..<1, label: "LOC"), EntitySpan(tokens: 1..<2, label: "ORG")]
    ),
    (
      ["B-PER", "B-PER", "I-PER"],
      [EntitySpan(tokens: 0..<1, label: "PER"), EntitySpan(tokens: 1..<3, label: "PER")]
    ),
  ])
  func spansFollowConlleval(tags: [String], expected: [EntitySpan]) {
    #expect(IOB2.spans(tags) == expected)
  }

  @Test func otherLabelsReadAsO() {
    #expect(IOB2.normalizedTag("B-O") == "O")
    #expect(IOB2.normalizedTag("I-OTH") == "O")
    #expect(IOB2.normalizedTag("I-LOC") == "I-LOC")
  }
}

@Suite struct NameLexiconTests {
  static let lexicon = NameLexicon(names: [
    .init(text: "North Korea", category: "country"), .init(text: "Kim Jong-un", category: "person"),
    .init(text: "US", category: "country-abbr", caseSensitive: true),
    .init(text: "Korea", category: "country"),
  ])

  @Test func longestNameWinsAndHyphensSplitAlike() {
    let found = Self.lexicon.matches(in: ["Kim", "Jong", "-", "un", "visited", "north", "Korea", "."])
    #expect(found.map(\.tokens) == [0..<4, 5..<7])
    #expect(found.map(\.categories) == [["person"], ["country"]])
    #expect(Self.lexicon.matches(in: ["Kim", "Jong-un"]).map(\.tokens) == [0..<2])
  }

  @Test func abbreviationsKeepTheirCase() {
    #expect(Self.lexicon.matches(in: ["tell", "us"]).isEmpty)
    #expect(Self.lexicon.matches(in: ["the", "US"]).map(\.tokens) == [1..<2])
  }

  @Test func geoNamesCitiesAreListedBySizeAboveTheThreshold() throws {
    let json = """
      {"1": {"name": "Miramar", "population": 130288, "alternatenames": ["Miramar City"]},
       "2": {"name": "San Rafael", "population": 2000000, "alternatenames": []},
       "3": {"name": "Reading", "population": 99999, "alternatenames": []}}
      """
    let names = try NameLexicon.geoNamesCities(Data(json.utf8), file: "c.json", minimumPopulation: 100_000)
    #expect(names.map(\.text) == ["Miramar", "San Rafael"])
    #expect(names.map(\.category) == ["city", "city-1m"])
    let lexicon = NameLexicon(names: names)
    #expect(lexicon.matches(in: ["in", "san", "Rafael", "and", "Reading"]).map(\.tokens) == [1..<3])
    #expect(lexicon.matches(in: ["Miramar", "City"]).map(\.tokens) == [0..<1])
  }

  @Test func aMalformedCitiesFileNamesTheFileAndTheCity() {
    #expect(throws: NLPError.self) {
      try NameLexicon.geoNamesCities(Data("[1, 2]".utf8), file: "c.json", minimumPopulation: 0)
    }
    do {
      _ = try NameLexicon.geoNamesCities(
        Data(#"{"7": {"name": "Lima"}}"#.utf8), file: "c.json", minimumPopulation: 0)
      Issue.record("a city without population was accepted")
    } catch {
      #expect("\(error)" == "c.json: city 7: no name or population")
    }
  }
}

@Suite struct IOB2AnnotationTests {
  @Test func writingKeepsTokensCommentsAndLines() throws {
    let text =
      "# newdoc id = d1\n# sent_id = a\n1\tAnna\tB-PER\t-\tx\n2\tsmiled\tO\t-\t-\n\n# sent_id = b\n1\tOk\tO\t-\t-\n\n"
    let sentences = try IOB2.parse(text, file: "t.iob2")
    var relabelled = sentences
    relabelled[0].rows[0][2] = "O"
    var out = ""
    IOB2.write(relabelled, to: &out)
    #expect(out == text.replacingOccurrences(of: "Anna\tB-PER", with: "Anna\tO"))
    #expect(sentences[0].newDocument == "d1")
    #expect(sentences[1].newDocument == nil)
  }
}

@Suite struct IOB2AnnotateTests {
  @Test func annotateKeepsTokensAndLineStructure() throws {
    let recognizer = try NERFixtures.trained()
    let tagging = try TaggingModel(contentsOf: SyntaxAnnotator.bundledPath(SyntaxAnnotator.taggerResource))
    let text =
      "# sent_id = x\n1\tJane\tO\t-\t-\n2\tIto\tO\t-\t-\n3\tflew\tB-LOC\t-\t-\n4\tto\tO\t-\t-\n5\tLima\tO\t-\t-\n\n"
    let input = try IOB2.parse(text, file: "t.iob2")
    let output = recognizer.annotate(input, tagger: tagging.tagger)
    var written = ""
    IOB2.write(output, to: &written)
    let inLines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let outLines = written.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(inLines.count == outLines.count)
    for (a, b) in zip(inLines, outLines) {
      let x = a.split(separator: "\t", omittingEmptySubsequences: false)
      let y = b.split(separator: "\t", omittingEmptySubsequences: false)
      #expect(x.count == y.count)
      if x.count > 2 { #expect(x[0] == y[0] && x[1] == y[1] && x[3...] == y[3...]) } else { #expect(a == b) }
    }
    #expect(output[0].tags == ["B-PER", "I-PER", "O", "O", "B-LOC"])
  }
}

@Suite struct HiddenTypeTests {
  @Test func learntOtherSpansAreNeverReported() {
    // Types PER, OTH: class 5 + 3 = U-OTH, 1 + 3 = U-PER.
    let spans = EntityRecognizer.spans([4, 8, 0], types: ["PER", IOB2.hiddenType])
    #expect(spans == [EntitySpan(tokens: 0..<1, label: "PER")])
  }
}
