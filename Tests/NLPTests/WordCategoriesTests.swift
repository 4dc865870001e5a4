import Foundation
import Testing

@testable import NLP

/// Dictionary parts of speech: read from a small WordNet-format folder written here, with the
/// layout and line formats of WordNet 3.0's database files.
struct WordCategoriesTests {
  typealias Bit = WordCategories.Bit

  /// A WordNet folder with a few entries of each part of speech.
  static func wordNetFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wordnet-\(getpid())-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let files = [
      "index.noun": """
      \u{20} 1 This software and database is being provided to you, the LICENSEE, by
      church n 1 1 @ 1 0 08086356
      city n 1 1 @ 1 0 08524735
      fireman n 1 1 @ 1 0 10091651
      mercury n 2 1 @ 2 0 14642417 09394007
      venus n 1 1 @ 1 0 09503282
      mouse n 1 1 @ 1 0 02330245
      ice_cream n 1 1 @ 1 0 07614500

      """,
      "index.verb": """
      stop v 1 1 @ 1 0 01860795
      die v 1 1 @ 1 0 00358431
      make v 1 1 @ 1 0 01617192
      carry v 1 1 @ 1 0 01449974

      """,
      "index.adj": """
      big a 1 1 & 1 0 01382086
      good a 1 1 & 1 0 01123148

      """,
      "index.adv": """
      quickly r 1 0 1 0 00085811

      """,
      "noun.exc": "mice mouse\n",
      "verb.exc": "made make\nmaking make\n",
      "adj.exc": "better good\nbest good\n",
      "adv.exc": "",
      "data.noun": """
      \u{20} 1 This software and database is being provided to you, the LICENSEE, by
      14642417 27 n 02 mercury 0 quicksilver 0 001 @ 14625458 n 0000 | a heavy silvery toxic metallic element; "mercury is used in thermometers"
      09394007 17 n 01 Mercury 0 001 @ 09411430 n 0000 | the smallest planet and the nearest to the sun
      09503282 17 n 01 Venus 0 001 @ 09411430 n 0000 | the second nearest planet to the sun
      08086356 14 n 01 church 0 000 | one of the groups of Christians who have their own beliefs

      """,
      "data.verb": """
      01860795 38 v 01 stop 0 000 01 + 01 00 | come to a halt, stop moving; "the car stopped"

      """,
      "data.adj": """
      01382086 00 a 01 big 0 000 | above average in size or number or quantity; "very big"

      """,
      "data.adv": """
      00085811 02 r 01 quickly 0 000 | with rapid movements; "he works quickly"

      """,
    ]
    for (name, text) in files {
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return folder.path
  }

  @Test func lemmasTheirInflectionsAndIrregularFormsAreListed() throws {
    let folder = try Self.wordNetFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let categories = try WordCategories(wordNetFolder: folder)
    #expect(categories.bits(of: "city") == Bit.noun)
    #expect(categories.bits(of: "cities") == Bit.plural)
    #expect(categories.bits(of: "Churches") == Bit.plural)
    #expect(categories.bits(of: "firemen") == Bit.plural)
    #expect(categories.bits(of: "mice") == Bit.plural)
    #expect(categories.bits(of: "stopped") == Bit.past)
    #expect(categories.bits(of: "stopping") == Bit.gerund)
    #expect(categories.bits(of: "stops") == Bit.thirdPerson)
    #expect(categories.bits(of: "dying") == Bit.gerund)
    #expect(categories.bits(of: "carried") == Bit.past)
    #expect(categories.bits(of: "making") == Bit.gerund)
    #expect(categories.bits(of: "made") == Bit.past)
    #expect(categories.bits(of: "bigger") == Bit.comparative)
    #expect(categories.bits(of: "biggest") == Bit.superlative)
    #expect(categories.bits(of: "better") == Bit.comparative)
    #expect(categories.bits(of: "quickly") == Bit.adverb)
    // Multi-word lemmas are no single token; unlisted words have no bits.
    #expect(categories.bits(of: "ice_cream") == 0)
    #expect(categories.bits(of: "morcillas") == 0)
  }

  @Test func capitalizedEntriesMarkNames() throws {
    let folder = try Self.wordNetFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let categories = try WordCategories(wordNetFolder: folder)
    #expect(categories.bits(of: "Venus") == Bit.noun | Bit.capitalizedOnly)
    #expect(categories.bits(of: "venus") == Bit.noun | Bit.capitalizedOnly)
    #expect(categories.bits(of: "mercury") == Bit.noun | Bit.capitalizedToo)
    #expect(categories.bits(of: "church") == Bit.noun)
  }

  @Test func glossesAreTheDefinitionsAndExamples() throws {
    let folder = try Self.wordNetFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let glosses = try WordCategories.glosses(wordNetFolder: folder)
    #expect(glosses.first == "a heavy silvery toxic metallic element")
    #expect(glosses.contains("mercury is used in thermometers"))
    #expect(glosses.contains("the car stopped"))
    #expect(glosses.contains("come to a halt, stop moving"))
    #expect(glosses.contains("he works quickly"))
    // Under three words: left out.
    #expect(!glosses.contains("very big"))
    #expect(glosses.allSatisfy { $0.split(separator: " ").count >= 3 && !$0.hasPrefix("\"") })
  }

  @Test func aMissingDatabaseFileIsNamed() throws {
    let folder = try Self.wordNetFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.removeItem(atPath: folder + "/verb.exc")
    #expect {
      _ = try WordCategories(wordNetFolder: folder)
    } throws: { error in
      "\(error)".contains("verb.exc")
    }
  }

  @Test func categoriesSurviveTheModelFile() throws {
    let categories = WordCategories(forms: ["glorbish": Bit.adjective, "glorbs": Bit.plural])
    var archive = ModelArchive(
      header: ModelHeader(kind: "x", labels: [], trainingData: "", trainingChecksum: ""))
    categories.put(into: &archive)
    let loaded = try WordCategories(archive: archive, file: "memory")
    #expect(loaded.formCount == 2)
    #expect(loaded.bits(of: "Glorbish") == Bit.adjective)
    #expect(loaded.bits(of: "glorbs") == Bit.plural)
    let none = try WordCategories(
      archive: ModelArchive(
        header: ModelHeader(kind: "x", labels: [], trainingData: "", trainingChecksum: "")),
      file: "memory")
    #expect(none.formCount == 0)
  }
}

/// A tagger trained on a slice of EWT train with categories listed for the words of EWT train
/// (from their gold tags, standing in for WordNet) and for made-up words it never has.
@Suite(.enabled(if: Fixtures.ewtAvailable, "needs ../shared/data/ud-english-ewt"))
struct TaggerWordCategoryTests {
  typealias Bit = WordCategories.Bit

  static let categories: WordCategories = {
    var forms: [String: Int32] = [:]
    let bits: [String: Int32] = [
      "NOUN": Bit.noun, "VERB": Bit.verb, "ADJ": Bit.adjective, "ADV": Bit.adverb,
      "PROPN": Bit.noun | Bit.capitalizedOnly,
    ]
    for s in Fixtures.train {
      for w in s.words { if let b = bits[w.upos] { forms[w.form.lowercased(), default: 0] |= b } }
    }
    forms["plonk"] = Bit.adjective
    forms["brindled"] = Bit.adjective
    forms["wuzzle"] = Bit.verb
    return WordCategories(forms: forms)
  }()

  static let model: (plain: Tagger, withCategories: Tagger) = {
    var options = TaggerTrainingOptions.default
    options.iterations = 4
    return (
      Tagger.train(TinyModels.trainSlice, options: options),
      Tagger.train(TinyModels.trainSlice, categories: categories, options: options)
    )
  }()

  static func tag(_ tagger: Tagger, _ sentence: String, _ word: String) -> String {
    let forms = sentence.split(separator: " ").map(String.init)
    return tagger.upos[Int(tagger.tag(forms)[forms.firstIndex(of: word)!])]
  }

  static let cases = [
    ("It looks plonk .", "plonk", "ADJ"),
    ("He stayed brindled all night .", "brindled", "ADJ"),
    ("The kids wuzzle after school .", "wuzzle", "VERB"),
  ]

  @Test func madeUpWordsAreAbsentFromTheTreebank() {
    let forms = Set(Fixtures.train.flatMap { $0.words.map { $0.form.lowercased() } })
    for (_, word, _) in Self.cases { #expect(!forms.contains(word)) }
  }

  @Test func listedCategoriesDecideTheTagOfUnseenWords() {
    for (sentence, word, tag) in Self.cases {
      #expect(Self.tag(Self.model.withCategories, sentence, word) == tag, "\(sentence)")
    }
  }

  @Test func withoutCategoriesTheUnseenWordsAreMistagged() {
    // What the categories fix (keeps the test above honest): shape and context alone mislead.
    let tags = Self.cases.map { Self.tag(Self.model.plain, $0.0, $0.1) }
    #expect(zip(tags, Self.cases).allSatisfy { $0 != $1.2 })
  }
}
