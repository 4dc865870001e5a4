// MARK: - CoNLL-U data model

/// One syntactic word of a CoNLL-U sentence (a line with an integer id).
///
/// See https://universaldependencies.org/format.html
public struct CoNLLUWord: Sendable, Hashable {
  public var id: Int
  public var form: String
  public var lemma: String
  public var upos: String
  public var xpos: String
  public var feats: String
  /// Head word id, 0 for the root; -1 when the column is `_`.
  public var head: Int
  public var deprel: String
  public var deps: String
  public var misc: String

  public init(
    id: Int, form: String, lemma: String = "_", upos: String = "_", xpos: String = "_", feats: String = "_",
    head: Int = -1, deprel: String = "_", deps: String = "_", misc: String = "_"
  ) {
    self.id = id
    self.form = form
    self.lemma = lemma
    self.upos = upos
    self.xpos = xpos
    self.feats = feats
    self.head = head
    self.deprel = deprel
    self.deps = deps
    self.misc = misc
  }

  /// False when MISC has `SpaceAfter=No`.
  public var spaceAfter: Bool { !misc.split(separator: "|").contains("SpaceAfter=No") }
}

/// A multiword token line such as `4-5	don't`, spanning words `first...last`.
public struct CoNLLUMultiwordToken: Sendable, Hashable {
  public var first: Int
  public var last: Int
  public var form: String
  public var misc: String

  public init(first: Int, last: Int, form: String, misc: String = "_") {
    self.first = first
    self.last = last
    self.form = form
    self.misc = misc
  }

  public var spaceAfter: Bool { !misc.split(separator: "|").contains("SpaceAfter=No") }
}

/// One CoNLL-U sentence: its comment lines, its words, multiword tokens and empty nodes.
public struct CoNLLUSentence: Sendable, Hashable {
  /// Comment lines without the leading `#` and one following space (`sent_id = ...`).
  public var comments: [String] = []
  public var words: [CoNLLUWord] = []
  public var multiwordTokens: [CoNLLUMultiwordToken] = []
  /// Empty-node lines (`8.1 ...`), kept verbatim; they are not words and are never predicted.
  public var emptyNodes: [String] = []

  public init(comments: [String] = [], words: [CoNLLUWord] = []) {
    self.comments = comments
    self.words = words
  }

  /// The value of the `sent_id` comment, if any.
  public var sentenceID: String? { commentValue("sent_id") }

  /// The value of a `key = value` comment.
  public func commentValue(_ key: String) -> String? {
    for c in comments {
      guard c.hasPrefix(key) else { continue }
      let rest = c.dropFirst(key.count).drop(while: { $0 == " " })
      if rest.first == "=" { return String(rest.dropFirst().drop(while: { $0 == " " })) }
    }
    return nil
  }

  /// The multiword token that starts at word `id`, if any.
  public func multiwordToken(startingAt id: Int) -> CoNLLUMultiwordToken? {
    multiwordTokens.first { $0.first == id }
  }
}

// MARK: - Reading

/// Reads and writes CoNLL-U (https://universaldependencies.org/format.html).
public enum CoNLLU {
  /// Parses CoNLL-U text; `file` names the source in errors.
  public static func parse(_ text: String, file: String = "-") throws -> [CoNLLUSentence] {
    var sentences: [CoNLLUSentence] = []
    var current = CoNLLUSentence()
    var open = false
    var lineNumber = 0
    /// The line of each word of the current sentence, for errors found once it is complete.
    var wordLines: [Int] = []
    func finish() throws {
      if open {
        if current.words.isEmpty {
          throw NLPError.invalidCoNLLU(file: file, line: lineNumber, reason: "sentence without words")
        }
        for (index, w) in current.words.enumerated() where w.head > current.words.count {
          throw NLPError.invalidCoNLLU(
            file: file, line: wordLines[index],
            reason: "head \(w.head) beyond the sentence's \(current.words.count) words")
        }
        sentences.append(current)
      }
      current = CoNLLUSentence()
      wordLines.removeAll(keepingCapacity: true)
      open = false
    }
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      var line = Substring(rawLine)
      if line.last == "\r" { line = line.dropLast() }
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
        try finish()
        continue
      }
      open = true
      if line.first == "#" {
        var comment = line.dropFirst()
        if comment.first == " " { comment = comment.dropFirst() }
        current.comments.append(String(comment))
        continue
      }
      let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard cols.count == 10 else {
        throw NLPError.invalidCoNLLU(
          file: file, line: lineNumber, reason: "expected 10 tab-separated columns, found \(cols.count)")
      }
      let id = cols[0]
      if id.contains(".") {
        current.emptyNodes.append(String(line))
        continue
      }
      if let dash = id.firstIndex(of: "-") {
        guard let a = Int(id[..<dash]), let b = Int(id[id.index(after: dash)...]), a <= b else {
          throw NLPError.invalidCoNLLU(file: file, line: lineNumber, reason: "bad multiword token id '\(id)'")
        }
        current.multiwordTokens.append(
          CoNLLUMultiwordToken(first: a, last: b, form: String(cols[1]), misc: String(cols[9])))
        continue
      }
      guard let n = Int(id), n == current.words.count + 1 else {
        throw NLPError.invalidCoNLLU(file: file, line: lineNumber, reason: "word id '\(id)' out of sequence")
      }
      var head = -1
      if cols[6] != "_" {
        guard let h = Int(cols[6]), h >= 0 else {
          throw NLPError.invalidCoNLLU(file: file, line: lineNumber, reason: "bad head '\(cols[6])'")
        }
        head = h
      }
      current.words.append(
        CoNLLUWord(
          id: n, form: String(cols[1]), lemma: String(cols[2]), upos: String(cols[3]), xpos: String(cols[4]),
          feats: String(cols[5]), head: head, deprel: String(cols[7]), deps: String(cols[8]),
          misc: String(cols[9])))
      wordLines.append(lineNumber)
    }
    try finish()
    return sentences
  }

  // MARK: Writing

  /// Writes sentences as CoNLL-U: comments, multiword-token lines before their first word,
  /// words; empty nodes are written only when `includeEmptyNodes` is set.
  public static func write(
    _ sentences: [CoNLLUSentence], to output: inout some TextOutputStream, includeEmptyNodes: Bool = false
  ) {
    for s in sentences {
      for c in s.comments { output.write("# \(c)\n") }
      func emptyNodes(after id: Int) {
        guard includeEmptyNodes else { return }
        for e in s.emptyNodes where e.hasPrefix("\(id).") { output.write(e + "\n") }
      }
      emptyNodes(after: 0)
      for w in s.words {
        if let m = s.multiwordToken(startingAt: w.id) {
          output.write("\(m.first)-\(m.last)\t\(m.form)\t_\t_\t_\t_\t_\t_\t_\t\(m.misc)\n")
        }
        let head = w.head < 0 ? "_" : String(w.head)
        output.write(
          "\(w.id)\t\(w.form)\t\(w.lemma)\t\(w.upos)\t\(w.xpos)\t\(w.feats)\t\(head)\t\(w.deprel)\t\(w.deps)\t\(w.misc)\n"
        )
        emptyNodes(after: w.id)
      }
      output.write("\n")
    }
  }
}
