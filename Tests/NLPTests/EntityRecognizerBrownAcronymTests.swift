import Foundation
import Testing
import Text

@testable import NLP

/// The recognizer's Brown-cluster and word-frequency features (``BrownClusters``) and its
/// acronym features.
@Suite struct EntityRecognizerBrownAcronymTests {
  static let clusterJSON = #"{"Reuters": 294, "Apple": 294, "apple": 633, "the": 11, "Oslo": 0}"#
  static let probabilityJSON =
    #"{"Reuters": -14.3, "Apple": -10.15, "apple": -10.83, "the": -3.5, "AOL": -13.36, "aol": -15.62, "Oslo": -12.0, "zzz": -19.0}"#

  static func clusters(_ clusters: String = clusterJSON, _ probabilities: String = probabilityJSON) throws
    -> BrownClusters
  {
    try BrownClusters.load(
      clusters: Data(clusters.utf8), clusterFile: "c.json", probabilities: Data(probabilities.utf8),
      probabilityFile: "p.json")
  }

  static func code(_ b: BrownClusters, _ form: String) -> Int32 { b.code(WordHashes(form).form) }

  @Test func theTableKeepsClusteredOrFrequentFormsWithTheirPathFrequencyAndCase() throws {
    let b = try Self.clusters()
    // "zzz" has no cluster and is rarer than e^-17; the others stay.
    #expect(b.wordCount == 7)
    #expect(Self.code(b, "zzz") < 0)
    let reuters = Self.code(b, "Reuters")
    #expect(BrownClusters.path(reuters, prefix: 32) == 294 + 1)
    #expect(BrownClusters.path(reuters, prefix: 4) == 0b1001 + 1)
    #expect(BrownClusters.path(Self.code(b, "Apple"), prefix: 32) == BrownClusters.path(reuters, prefix: 32))
    #expect(BrownClusters.path(Self.code(b, "apple"), prefix: 32) == 633 + 1)
    #expect(BrownClusters.path(Self.code(b, "the"), prefix: 4) == 11 + 1)  // shorter than 4 bits
    #expect(BrownClusters.path(Self.code(b, "AOL"), prefix: 32) == 0)  // listed without a cluster
    #expect(BrownClusters.frequency(reuters) == 14 + 1)
    #expect(BrownClusters.frequency(Self.code(b, "the")) == 3 + 1)
    // Case: "AOL" is e^2.26 times as frequent as "aol", "Apple" about as "apple"; "Reuters" and
    // "the" have no other-case form listed.
    #expect(BrownClusters.caseBucket(Self.code(b, "AOL")) == 5 + 1)
    #expect(BrownClusters.caseBucket(Self.code(b, "aol")) == 2 + 1)
    #expect(BrownClusters.caseBucket(Self.code(b, "Apple")) == 4 + 1)
    #expect(BrownClusters.caseBucket(Self.code(b, "apple")) == 3 + 1)
    #expect(BrownClusters.caseBucket(reuters) == 0 + 1)
    #expect(BrownClusters.caseBucket(Self.code(b, "the")) == 0 + 1)
    // Unknown forms have no features' values.
    let unknown = Self.code(b, "Zipdash")
    #expect(BrownClusters.path(unknown, prefix: 4) == 0)
    #expect(BrownClusters.frequency(unknown) == 0 && BrownClusters.caseBucket(unknown) == 0)
  }

  @Test func badTablesAreRefusedNamingTheFile() throws {
    #expect(throws: NLPError.self) { try Self.clusters("{not json", Self.probabilityJSON) }
    #expect(throws: NLPError.self) { try Self.clusters(Self.clusterJSON, #"["Reuters"]"#) }
    do {
      _ = try Self.clusters(#"{"Reuters": 1000000}"#, Self.probabilityJSON)
      Issue.record("an out-of-range cluster was accepted")
    } catch {
      #expect("\(error)".contains("c.json"))
    }
  }

  // MARK: Recognizer

  /// "I saw X ." where X is a person in some sentences and a place in others: only a feature of
  /// X itself can tell them apart.
  static func sawSentences(_ items: [(String, String)], documentsEach: Bool = true) -> [NERSentence] {
    items.enumerated().map { k, item in
      NERSentence(
        forms: ["I", "saw", item.0, "."], xpos: [], upos: [], gold: ["O", "O", item.1, "O"],
        newDocument: documentsEach || k == 0)
    }
  }

  static let trainingPeople = ["Anna", "Tom", "Lisa", "Omar", "Jane", "Ivan"]
  static let trainingPlaces = ["Oslo", "Lima", "Cairo", "Quito", "Hanoi", "Accra"]

  /// Person names in one cluster, places in another; "Kurt" and "Bath" are never in training.
  static func peopleAndPlaces() throws -> BrownClusters {
    var clusters: [String] = []
    var probabilities: [String] = []
    for name in trainingPeople + ["Kurt"] {
      clusters.append("\"\(name)\": \(0b1101_0110)")
      probabilities.append("\"\(name)\": -12.0")
    }
    for name in trainingPlaces + ["Bath"] {
      clusters.append("\"\(name)\": \(0b1001_1011)")
      probabilities.append("\"\(name)\": -12.0")
    }
    return try Self.clusters(
      "{" + clusters.joined(separator: ", ") + "}", "{" + probabilities.joined(separator: ", ") + "}")
  }

  static func trainSaw(brown: BrownClusters) -> EntityRecognizer {
    var items: [(String, String)] = []
    for k in 0..<48 {
      items.append(
        k % 2 == 0
          ? (trainingPeople[k / 2 % trainingPeople.count], "B-PER")
          : (trainingPlaces[k / 2 % trainingPlaces.count], "B-LOC"))
    }
    var options = EntityRecognizerTrainingOptions()
    options.iterations = 4
    return EntityRecognizer.train(sawSentences(items), names: .empty, brown: brown, options: options)
  }

  @Test func aClusterTypesAWordTrainingNeverSaw() throws {
    let test = Self.sawSentences([("Kurt", "B-PER"), ("Bath", "B-LOC")])
    let withClusters = Self.trainSaw(brown: try Self.peopleAndPlaces())
    #expect(withClusters.recognize(test) == test.map(\.gold))
    // Without the clusters the two unseen words look alike: at most one can be right.
    let without = Self.trainSaw(brown: .empty)
    let predicted = without.recognize(test)
    #expect(predicted[0][2] == predicted[1][2])
    #expect(predicted != test.map(\.gold))
  }

  @Test func theClustersTravelInTheModelFile() throws {
    let recognizer = Self.trainSaw(brown: try Self.peopleAndPlaces())
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ner-brown-\(UUID()).model").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try recognizer.write(to: path)
    let loaded = try EntityRecognizer(contentsOf: path)
    #expect(loaded.brown.wordCount == 14)
    #expect(loaded.pruned(threshold: 0.1).brown.wordCount == 14)
    let test = Self.sawSentences([("Kurt", "B-PER"), ("Bath", "B-LOC")])
    #expect(loaded.recognize(test) == recognizer.recognize(test))
  }

  // MARK: Acronyms

  static func hashes(_ strings: [String]) -> Set<UInt64> { Set(strings.map(EntityRecognizer.acronymKey)) }

  @Test func acronymsAreTheInitialsOfCapitalizedPhrases() {
    var found = Set<UInt64>()
    let forms = "the Coalition Provisional Authority met the Housing Authority of New Orleans in May ."
      .split(separator: " ").map(String.init)
    EntityRecognizer.acronyms(forms, 0..<forms.count, into: &found)
    #expect(found.isSuperset(of: Self.hashes(["CPA", "CP", "PA", "HANO", "HAONO", "HA", "NO", "AONO"])))
    // No phrase starts at a lowercase word or a joining word, runs past one at its end, or takes
    // in a single capitalized word.
    #expect(found.isDisjoint(with: Self.hashes(["TCPA", "OHANO", "HAO", "M", "CPAM", "HANOIM"])))
    // Only the range counts.
    var part = Set<UInt64>()
    EntityRecognizer.acronyms(forms, 0..<3, into: &part)
    #expect(part == Self.hashes(["CP"]))
    // Keys: distinct for distinct acronyms, 0 for other forms.
    #expect(Self.hashes(["CPA", "PCA", "CP", "HANO", "AB", "BA", "ZZZZZZ"]).count == 7)
    for form in ["Cpa", "A", "ABCDEFG", "U.N.", "", "ÉU"] {
      #expect(EntityRecognizer.acronymKey(form) == 0, "\(form)")
    }
    #expect(!Self.hashes(["ZZZZZZ", "AB", "CPA"]).contains(0))
  }

  /// Documents where "XYZ said so ." names an organisation when the document spelled out
  /// "X.. Y.. Z.. hired staff ." before, and is O when it did not.
  static func acronymDocuments(_ cases: [(phrase: [String], acronym: String, defined: Bool)]) -> [NERSentence]
  {
    var result: [NERSentence] = []
    for c in cases {
      let other = ["Our", "neighbours", "hired", "staff", "."]
      let spelled = c.phrase + ["hired", "staff", "."]
      let first = c.defined ? spelled : other
      result.append(
        NERSentence(
          forms: first, xpos: [], upos: [],
          gold: c.defined
            ? IOB2.tags(
              [EntitySpan(tokens: 0..<c.phrase.count, label: "ORG")], count: first.count)
            : Array(repeating: "O", count: first.count), newDocument: true))
      result.append(
        NERSentence(
          forms: [c.acronym, "said", "so", "."], xpos: [], upos: [],
          gold: [c.defined ? "B-ORG" : "O", "O", "O", "O"], newDocument: false))
    }
    return result
  }

  static let words = [
    "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett", "Kilo",
    "Lima",
    "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo", "Sierra", "Tango", "Uniform", "Victor", "Whiskey",
    "Xray", "Yankee", "Zulu",
  ]

  /// 24 documents: the odd ones spell out a phrase of three words and use its initials; the
  /// even ones use three letters they never spelled out.
  static func trainAcronyms(_ acronymFeatures: Bool) -> EntityRecognizer {
    var cases: [(phrase: [String], acronym: String, defined: Bool)] = []
    for k in 0..<24 {
      let phrase = [words[k % 26], words[(k * 7 + 3) % 26], words[(k * 11 + 5) % 26]]
      let initials = phrase.map { String($0.prefix(1)) }.joined()
      let letters = [(k * 5 + 1) % 26, (k * 3 + 2) % 26, (k + 7) % 26].map { String(words[$0].prefix(1)) }
      cases.append(k % 2 == 1 ? (phrase, initials, true) : (phrase, letters.joined(), false))
    }
    var options = EntityRecognizerTrainingOptions()
    options.iterations = 4
    options.acronymFeatures = acronymFeatures
    return EntityRecognizer.train(acronymDocuments(cases), names: .empty, options: options)
  }

  @Test func anAcronymSpelledOutInItsDocumentIsAName() throws {
    let test = Self.acronymDocuments([
      (["Rho", "Sigma", "Tau"], "RST", true), (["Rho", "Sigma", "Tau"], "QQX", false),
    ])
    let recognizer = Self.trainAcronyms(true)
    #expect(recognizer.acronymFeatures)
    let predicted = recognizer.recognize(test)
    #expect(predicted[1][0] == "B-ORG")
    #expect(predicted[3][0] == "O")
    // Without the features the unseen "RST" and "QQX" look alike.
    let without = Self.trainAcronyms(false)
    #expect(!without.acronymFeatures)
    let blind = without.recognize(test)
    #expect(blind[1][0] == blind[3][0])

    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ner-acronym-\(UUID()).model")
      .path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try recognizer.write(to: path)
    let loaded = try EntityRecognizer(contentsOf: path)
    #expect(loaded.acronymFeatures)
    #expect(loaded.recognize(test) == predicted)
    try without.write(to: path)
    #expect(try !EntityRecognizer(contentsOf: path).acronymFeatures)
  }
}
