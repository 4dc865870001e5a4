/// An article with its tokens, sentences and annotation layers, stored as flat arrays.
///
/// Tokens and sentences are indices into these arrays, never objects of their own (the spaCy
/// `Doc` design). Layers are filled by the stages that own them; an empty array means that
/// layer has not been computed.
public struct Document: Sendable {
  public let article: Article
  /// The Unicode scalars of `article.text`; token offsets index into this.
  public let scalars: [Unicode.Scalar]

  // MARK: - Tokens (filled by the tokenizer)

  /// Start offset (inclusive) of each token in ``scalars``.
  public var tokenStarts: [Int32] = []
  /// End offset (exclusive) of each token in ``scalars``.
  public var tokenEnds: [Int32] = []
  /// The token's text as written (`forms[i] == text of scalars[tokenStarts[i]..<tokenEnds[i]]`,
  /// except that curly quotes and similar variants may be normalized; see ``Tokenizer``).
  public var forms: [String] = []
  /// Sentences as ranges of token indices, in order, covering only the body.
  public var sentences: [Range<Int>] = []

  // MARK: - Annotation layers (filled by NLP models)

  /// Universal part-of-speech tag per token (`NOUN`, `PROPN`, `VERB`, ...).
  public var upos: [String] = []
  /// Penn Treebank tag per token (`NN`, `NNP`, `VBD`, ...).
  public var xpos: [String] = []
  /// Lemma per token.
  public var lemmas: [String] = []
  /// Syntactic head of each token as a document token index, or -1 for a sentence root.
  public var heads: [Int32] = []
  /// Universal Dependencies relation to the head (`nsubj`, `obj`, `root`, ...).
  public var deprels: [String] = []
  /// Named-entity spans found by a recognizer.
  public var entities: [EntitySpan] = []

  public init(article: Article) {
    self.article = article
    self.scalars = Array(article.text.unicodeScalars)
  }

  public var tokenCount: Int { forms.count }

  /// The text of `scalars[range]`.
  public func text(_ range: Range<Int>) -> String {
    // One allocation of the exact size: appending scalars to a view one by one grows and
    // re-encodes, and this runs for every mention and every sentence with a claim.
    let slice = scalars[range]
    var count = 0
    for scalar in slice { count += UTF8.width(scalar) }
    return String(unsafeUninitializedCapacity: count) { buffer in
      var index = 0
      for scalar in slice {
        UTF8.encode(scalar) { byte in
          buffer[index] = byte
          index += 1
        }
      }
      return index
    }
  }

  /// Scalar offsets covered by the tokens `tokens` (which must not be empty).
  public func span(ofTokens tokens: Range<Int>) -> Range<Int> {
    Int(tokenStarts[tokens.lowerBound])..<Int(tokenEnds[tokens.upperBound - 1])
  }

  /// The original text of a run of tokens, spaces as written.
  public func text(ofTokens tokens: Range<Int>) -> String { text(span(ofTokens: tokens)) }
}

/// A labelled span of tokens, such as a named entity.
public struct EntitySpan: Sendable, Hashable {
  public var tokens: Range<Int>
  /// `PER`, `ORG`, `LOC`, or a finer label a recognizer produces.
  public var label: String

  public init(tokens: Range<Int>, label: String) {
    self.tokens = tokens
    self.label = label
  }
}

/// A pipeline component that adds annotation layers to a document in place.
///
/// Prediction must not depend on other documents: components run on many articles in parallel.
public protocol DocumentAnnotator: Sendable {
  func annotate(_ document: inout Document)
}
