import Foundation
import Text

// MARK: - The pipeline component

/// Tags, lemmatizes and parses a ``Document``: fills `upos`, `xpos`, `lemmas`, `heads` (document
/// token indices, -1 for a root) and `deprels`, sentence by sentence.
public struct SyntaxAnnotator: DocumentAnnotator {
  public let tagging: TaggingModel
  /// Without a parser, `heads` and `deprels` are left empty.
  public let parsing: ParsingModel?

  /// The parser's tag hash for each tagger class.
  let classTagHashes: [UInt64]
  /// The lemmatizer's XPOS hash for each tagger class.
  let classXPOSHashes: [UInt64]

  public init(tagging: TaggingModel, parsing: ParsingModel?) {
    self.tagging = tagging
    self.parsing = parsing
    classTagHashes = zip(tagging.tagger.upos, tagging.tagger.xpos).map { Parser.tagHash(upos: $0, xpos: $1) }
    classXPOSHashes = tagging.tagger.xpos.map(FeatureHash.string)
  }

  /// File names of the committed models inside the `Models` resource folder.
  public static let taggerResource = "en_ewt.tagger"
  public static let parserResource = "en_ewt.parser"

  /// Path of a committed model file.
  public static func bundledPath(_ name: String) throws -> String {
    guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Models") else {
      throw NLPError.missingResource("Models/\(name)")
    }
    return url.path
  }

  /// The committed English models (trained on UD English EWT).
  public static func bundled() throws -> SyntaxAnnotator {
    let tagging = try TaggingModel(contentsOf: bundledPath(taggerResource))
    let parsing = try ParsingModel(contentsOf: bundledPath(parserResource))
    return SyntaxAnnotator(tagging: tagging, parsing: parsing)
  }

  // MARK: Annotation

  public func annotate(_ document: inout Document) {
    let n = document.tokenCount
    var classes = [Int32](repeating: 0, count: n)
    let workspace = Tagger.Workspace(classCount: tagging.tagger.classCount)
    let spacing = tagging.tagger.usesSpacing ? Spacing.codes(document) : []
    for s in document.sentences where !s.isEmpty {
      tagging.tagger.tag(document.forms, s, spacing: spacing, into: &classes, workspace: workspace)
    }
    let tagger = tagging.tagger
    document.upos = classes.map { tagger.upos[Int($0)] }
    document.xpos = classes.map { tagger.xpos[Int($0)] }
    var lemmas: [String] = []
    lemmas.reserveCapacity(n)
    for i in 0..<n {
      lemmas.append(tagging.lemmatizer.lemma(document.forms[i], xposHash: classXPOSHashes[Int(classes[i])]))
    }
    document.lemmas = lemmas
    guard let parsing else { return }
    var heads = [Int32](repeating: -1, count: n)
    var labels = [Int32](repeating: 0, count: n)
    let parseSpace = Parser.Workspace(parser: parsing.parser)
    let tags = classes.map { classTagHashes[Int($0)] }
    for s in document.sentences where !s.isEmpty {
      parsing.parser.parse(
        forms: document.forms, tags: tags, range: s, heads: &heads, labels: &labels,
        workspace: parseSpace)
    }
    document.heads = heads
    document.deprels = labels.map { parsing.parser.labels[Int($0)] }
  }

  /// Predicts UPOS, XPOS, LEMMA, HEAD and DEPREL for CoNLL-U sentences, keeping only their word
  /// forms, comments, multiword-token lines, ids and spacing (gold columns are ignored; empty nodes
  /// dropped). The spacing (`SpaceAfter=No`, or the `# text` comment) is the text's, which the tagger
  /// reads (``Spacing``).
  public func annotate(_ sentences: [CoNLLUSentence]) -> [CoNLLUSentence] {
    var out: [CoNLLUSentence] = []
    out.reserveCapacity(sentences.count)
    let workspace = Tagger.Workspace(classCount: tagging.tagger.classCount)
    let parseSpace = parsing.map { Parser.Workspace(parser: $0.parser) }
    let tagger = tagging.tagger
    for s in sentences {
      let forms = s.words.map(\.form)
      let n = forms.count
      var classes = [Int32](repeating: 0, count: n)
      tagger.tag(
        forms, 0..<n, spacing: tagger.usesSpacing ? s.spacing() : [], into: &classes, workspace: workspace)
      var heads = [Int32](repeating: -1, count: n)
      var labels = [Int32](repeating: -1, count: n)
      if let parsing, let parseSpace {
        parsing.parser.parse(
          forms: forms, tags: classes.map { classTagHashes[Int($0)] }, range: 0..<n, heads: &heads,
          labels: &labels,
          workspace: parseSpace)
      }
      var result = CoNLLUSentence(comments: s.comments)
      result.multiwordTokens = s.multiwordTokens.map {
        CoNLLUMultiwordToken(first: $0.first, last: $0.last, form: $0.form, misc: $0.misc)
      }
      for i in 0..<n {
        let c = Int(classes[i])
        let x = tagger.xpos[c]
        var w = CoNLLUWord(
          id: i + 1, form: forms[i], lemma: tagging.lemmatizer.lemma(forms[i], xpos: x), upos: tagger.upos[c],
          xpos: x)
        if parsing != nil {
          w.head = Int(heads[i]) + 1
          w.deprel = parsing!.parser.labels[Int(labels[i])]
        }
        w.misc = s.words[i].spaceAfter ? "_" : "SpaceAfter=No"
        result.words.append(w)
      }
      out.append(result)
    }
    return out
  }
}
