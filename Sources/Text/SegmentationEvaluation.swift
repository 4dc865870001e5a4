import Foundation

/// Scores sentence splitting and tokenization from raw text against a CoNLL-U treebank, the way
/// the CoNLL 2018 shared-task script does (https://universaldependencies.org/conll18/evaluation.html):
/// words are aligned by character offsets, multi-word tokens (`don't` = `do` + `n't`) by the
/// longest common subsequence of their word forms, and F1 = 2·correct / (gold + system).
///
/// The treebank's documents are rebuilt as raw text from the `# text` comments: sentences joined
/// with a space, paragraphs (`# newpar`) with a blank line, one text per `# newdoc`.
/// ``align(gold:system:)`` is public so that tagging and parsing can be scored from raw text too.
public enum SegmentationEvaluation {
  // MARK: - Types

  /// A word with its character span (Unicode scalar offsets into the document text).
  public struct Word: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var form: String
    /// Part of a multi-word token; its span is the whole token's span.
    public var isMultiword: Bool

    public init(start: Int, end: Int, form: String, isMultiword: Bool = false) {
      self.start = start
      self.end = end
      self.form = form
      self.isMultiword = isMultiword
    }
  }

  /// A raw document rebuilt from a treebank, with its gold words and sentences.
  public struct GoldDocument: Sendable {
    /// The `# newdoc id`, or `doc<N>` when missing.
    public var id: String
    public var text: String
    /// Gold syntactic words, in order.
    public var words: [Word]
    /// For each word: the index of its sentence in the whole file (0-based, file order) …
    public var wordSentence: [Int]
    /// … and its CoNLL-U `ID` inside that sentence (1-based), to look up gold annotations.
    public var wordID: [Int]
    /// Sentence spans (first word's start to last word's end).
    public var sentences: [Range<Int>]
    /// `# sent_id` of each sentence.
    public var sentenceIDs: [String]

    /// An ``Article`` whose text and body are this document's text.
    public var article: Article { Article(id: id, source: id, text: text) }
  }

  /// Counts for one measure.
  public struct Score: Sendable, Hashable, CustomStringConvertible {
    public var gold = 0
    public var system = 0
    public var correct = 0

    public init(gold: Int = 0, system: Int = 0, correct: Int = 0) {
      self.gold = gold
      self.system = system
      self.correct = correct
    }

    public var precision: Double { system == 0 ? 0 : Double(correct) / Double(system) }
    public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
    public var f1: Double { gold + system == 0 ? 0 : 2 * Double(correct) / Double(gold + system) }

    public var description: String {
      String(
        format: "P %.2f R %.2f F1 %.2f (gold %d, system %d, correct %d)", precision * 100,
        recall * 100, f1 * 100, gold, system, correct)
    }

    static func + (a: Score, b: Score) -> Score {
      Score(gold: a.gold + b.gold, system: a.system + b.system, correct: a.correct + b.correct)
    }
  }

  /// Words and sentences scores.
  public struct Result: Sendable, Hashable, CustomStringConvertible {
    public var words = Score()
    public var sentences = Score()

    public init(words: Score = Score(), sentences: Score = Score()) {
      self.words = words
      self.sentences = sentences
    }

    public var description: String { "Words: \(words)\nSentences: \(sentences)" }
  }

  // MARK: - Evaluation

  /// Segments every gold document with `segmenter` and scores words and sentences.
  public static func evaluate(_ gold: [GoldDocument], segmenter: Segmenter = Segmenter()) -> Result {
    var result = Result()
    for document in gold {
      let system = Document.segmented(document.article, by: segmenter)
      let r = score(gold: document, system: system)
      result.words = result.words + r.words
      result.sentences = result.sentences + r.sentences
    }
    return result
  }

  /// Scores one segmented document against its gold version (same text).
  public static func score(gold: GoldDocument, system: Document) -> Result {
    let systemWords = words(of: system)
    let aligned = align(gold: gold.words, system: systemWords).count
    let systemSentences = system.sentences.filter { !$0.isEmpty }.map { system.span(ofTokens: $0) }
    var matched = 0
    var i = 0
    var j = 0
    while i < gold.sentences.count && j < systemSentences.count {
      let g = gold.sentences[i]
      let s = systemSentences[j]
      if g == s {
        matched += 1
        i += 1
        j += 1
      } else if g.lowerBound < s.lowerBound || (g.lowerBound == s.lowerBound && g.upperBound < s.upperBound) {
        i += 1
      } else {
        j += 1
      }
    }
    return Result(
      words: Score(gold: gold.words.count, system: systemWords.count, correct: aligned),
      sentences: Score(gold: gold.sentences.count, system: systemSentences.count, correct: matched))
  }

  /// A segmented document's tokens as words (the tokenizer's tokens are syntactic words).
  public static func words(of document: Document) -> [Word] {
    (0..<document.tokenCount).map {
      Word(
        start: Int(document.tokenStarts[$0]), end: Int(document.tokenEnds[$0]),
        form: document.forms[$0])
    }
  }

  // MARK: - Alignment (CoNLL 2018)

  /// Pairs of aligned (gold index, system index), in order. Words outside multi-word tokens align
  /// when their spans are equal; inside a region that overlaps a multi-word token, by the longest
  /// common subsequence of case-folded forms.
  public static func align(gold: [Word], system: [Word]) -> [(gold: Int, system: Int)] {
    var pairs: [(gold: Int, system: Int)] = []
    var gi = 0
    var si = 0
    while gi < gold.count && si < system.count {
      if gold[gi].isMultiword || system[si].isMultiword {
        let (gs, ss, ge, se) = multiwordSpan(gold, system, gi, si)
        gi = ge
        si = se
        if ge > gs && se > ss {
          let g = Array(gold[gs..<ge].map { $0.form.lowercased() })
          let s = Array(system[ss..<se].map { $0.form.lowercased() })
          let lcs = longestCommonSubsequence(g, s)
          var a = 0
          var b = 0
          while a < g.count && b < s.count {
            if g[a] == s[b] {
              pairs.append((gs + a, ss + b))
              a += 1
              b += 1
            } else if lcs[a][b] == (a + 1 < g.count ? lcs[a + 1][b] : 0) {
              a += 1
            } else {
              b += 1
            }
          }
        }
      } else if gold[gi].start == system[si].start && gold[gi].end == system[si].end {
        pairs.append((gi, si))
        gi += 1
        si += 1
      } else if gold[gi].start <= system[si].start {
        gi += 1
      } else {
        si += 1
      }
    }
    return pairs
  }

  private static func multiwordSpan(_ gold: [Word], _ system: [Word], _ gi0: Int, _ si0: Int)
    -> (Int, Int, Int, Int)
  {
    var gi = gi0
    var si = si0
    var end: Int
    if gold[gi].isMultiword {
      end = gold[gi].end
      if !system[si].isMultiword && system[si].start < gold[gi].start { si += 1 }
    } else {
      end = system[si].end
      if !gold[gi].isMultiword && gold[gi].start < system[si].start { gi += 1 }
    }
    let gs = gi
    let ss = si
    func beyondEnd(_ words: [Word], _ i: Int, _ end: Int) -> Bool {
      if i >= words.count { return true }
      if words[i].isMultiword { return words[i].start >= end }
      return words[i].end > end
    }
    while !beyondEnd(gold, gi, end) || !beyondEnd(system, si, end) {
      if gi < gold.count && (si >= system.count || gold[gi].start <= system[si].start) {
        if gold[gi].isMultiword && gold[gi].end > end { end = gold[gi].end }
        gi += 1
      } else {
        if system[si].isMultiword && system[si].end > end { end = system[si].end }
        si += 1
      }
    }
    return (gs, ss, gi, si)
  }

  private static func longestCommonSubsequence(_ g: [String], _ s: [String]) -> [[Int]] {
    var lcs = Array(repeating: Array(repeating: 0, count: s.count), count: g.count)
    for a in stride(from: g.count - 1, through: 0, by: -1) {
      for b in stride(from: s.count - 1, through: 0, by: -1) {
        if g[a] == s[b] {
          lcs[a][b] = 1 + (a + 1 < g.count && b + 1 < s.count ? lcs[a + 1][b + 1] : 0)
        }
        lcs[a][b] = max(lcs[a][b], a + 1 < g.count ? lcs[a + 1][b] : 0)
        lcs[a][b] = max(lcs[a][b], b + 1 < s.count ? lcs[a][b + 1] : 0)
      }
    }
    return lcs
  }

  // MARK: - Reading CoNLL-U

  /// Reads a CoNLL-U file and rebuilds its raw documents.
  public static func readConllu(atPath path: String) throws -> [GoldDocument] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return readConllu(String(decoding: data, as: UTF8.self))
  }

  /// Rebuilds raw documents from CoNLL-U text (see the type's summary).
  public static func readConllu(_ conllu: String) -> [GoldDocument] {
    var builder = GoldBuilder()
    var sentence = PendingSentence()
    var sentenceIndex = 0
    for lineSub in conllu.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = lineSub.hasSuffix("\r") ? lineSub.dropLast() : lineSub
      if line.isEmpty {
        if !sentence.rows.isEmpty || sentence.text != nil {
          builder.add(sentence, index: sentenceIndex)
          sentenceIndex += 1
        }
        sentence = PendingSentence()
        continue
      }
      if line.hasPrefix("#") {
        if let value = commentValue(line, "newdoc") {
          sentence.newDocument = value.isEmpty ? "" : value
        } else if commentValue(line, "newpar") != nil {
          sentence.newParagraph = true
        } else if let value = commentValue(line, "text") {
          sentence.text = value
        } else if let value = commentValue(line, "sent_id") {
          sentence.id = value
        }
        continue
      }
      let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count >= 2 else { continue }
      let id = fields[0]
      if id.contains(".") { continue }  // empty nodes are not words
      if let dash = id.firstIndex(of: "-") {
        let a = Int(id[..<dash]) ?? 0
        let b = Int(id[id.index(after: dash)...]) ?? 0
        sentence.rows.append(.multiword(String(fields[1]), a, b))
      } else {
        sentence.rows.append(.word(String(fields[1]), Int(id) ?? 0))
      }
    }
    if !sentence.rows.isEmpty { builder.add(sentence, index: sentenceIndex) }
    return builder.finish()
  }

  /// The value of a `# key = value` comment (`# newdoc id = x` gives `x`), or nil for another key.
  private static func commentValue(_ line: Substring, _ key: String) -> String? {
    var rest = line.dropFirst().drop(while: { $0 == " " })
    guard rest.hasPrefix(key) else { return nil }
    rest = rest.dropFirst(key.count)
    guard rest.isEmpty || rest.first == " " || rest.first == "=" else { return nil }
    var value = rest.drop(while: { $0 == " " })
    if key != "text" && value.hasPrefix("id") { value = value.dropFirst(2).drop(while: { $0 == " " }) }
    if value.hasPrefix("=") { value = value.dropFirst().drop(while: { $0 == " " }) }
    return String(value)
  }

  private enum Row {
    case word(String, Int)
    case multiword(String, Int, Int)
  }

  private struct PendingSentence {
    var newDocument: String?
    var newParagraph = false
    var text: String?
    var id = ""
    var rows: [Row] = []
  }

  private struct GoldBuilder {
    var documents: [GoldDocument] = []
    var current: GoldDocument?
    var scalars: [Unicode.Scalar] = []

    mutating func add(_ sentence: PendingSentence, index: Int) {
      if sentence.newDocument != nil || current == nil {
        flush()
        let id = sentence.newDocument.flatMap { $0.isEmpty ? nil : $0 } ?? "doc\(documents.count + 1)"
        current = GoldDocument(
          id: id, text: "", words: [], wordSentence: [], wordID: [], sentences: [], sentenceIDs: [])
        scalars = []
      } else if sentence.newParagraph {
        scalars.append(contentsOf: "\n\n".unicodeScalars)
      } else {
        scalars.append(" ")
      }
      let text =
        sentence.text
        ?? sentence.rows.compactMap {
          if case .word(let f, _) = $0 { return f } else { return nil }
        }.joined(separator: " ")
      let base = scalars.count
      let textScalars = Array(text.unicodeScalars)
      scalars.append(contentsOf: textScalars)
      var cursor = 0
      var multiwordEnd = 0
      var multiwordSpan = 0..<0
      var first = -1
      var last = -1
      for row in sentence.rows {
        switch row {
        case .multiword(let form, _, let b):
          multiwordSpan = locate(form, in: textScalars, from: &cursor)
          multiwordEnd = b
        case .word(let form, let id):
          let span: Range<Int>
          let isMultiword = id <= multiwordEnd
          if isMultiword {
            span = multiwordSpan
          } else {
            span = locate(form, in: textScalars, from: &cursor)
          }
          current!.words.append(
            Word(
              start: base + span.lowerBound, end: base + span.upperBound, form: form,
              isMultiword: isMultiword))
          current!.wordSentence.append(index)
          current!.wordID.append(id)
          if first < 0 { first = base + span.lowerBound }
          last = base + span.upperBound
        }
      }
      if first >= 0 {
        current!.sentences.append(first..<last)
        current!.sentenceIDs.append(sentence.id)
      }
    }

    /// Finds `form` at `cursor` (after whitespace); spaces inside the form match any whitespace.
    func locate(_ form: String, in text: [Unicode.Scalar], from cursor: inout Int) -> Range<Int> {
      while cursor < text.count && ScalarClass.isWhitespace(text[cursor]) { cursor += 1 }
      let start = cursor
      var i = cursor
      for scalar in form.unicodeScalars {
        if ScalarClass.isWhitespace(scalar) {
          while i < text.count && ScalarClass.isWhitespace(text[i]) { i += 1 }
          continue
        }
        guard i < text.count, text[i] == scalar else {
          // The form differs from the text (rare typos in treebanks): take its length.
          let end = min(text.count, start + form.unicodeScalars.count)
          cursor = end
          return start..<end
        }
        i += 1
      }
      cursor = i
      return start..<i
    }

    mutating func flush() {
      if var document = current {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        document.text = String(view)
        documents.append(document)
      }
      current = nil
    }

    mutating func finish() -> [GoldDocument] {
      flush()
      return documents
    }
  }
}
