/// Fills a ``Document``'s tokens, forms and sentences from its article's body.
///
/// The pipeline's entry point for segmentation: `Segmenter().segment(&document)`, or
/// `Document.segmented(article)`.
public struct Segmenter: Sendable {
  public var tokenizer: Tokenizer
  public var splitter: SentenceSplitter

  public init(tokenizer: Tokenizer = Tokenizer(), splitter: SentenceSplitter = SentenceSplitter()) {
    self.tokenizer = tokenizer
    self.splitter = splitter
  }

  /// Tokenizes `document.article.body` and splits it into sentences, replacing any tokens and
  /// sentences the document had (the annotation layers are cleared, since they index tokens).
  public func segment(_ document: inout Document) {
    let body = document.article.body.clamped(to: 0..<document.scalars.count)
    var starts: [Int32] = []
    var ends: [Int32] = []
    starts.reserveCapacity(body.count / 5 + 16)
    ends.reserveCapacity(body.count / 5 + 16)
    tokenizer.tokenize(document.scalars, in: body, starts: &starts, ends: &ends)
    let forms = Self.forms(document.scalars, starts: starts, ends: ends)
    document.sentences = splitter.split(
      document.scalars, starts: starts, ends: ends, tokens: 0..<starts.count)
    document.tokenStarts = starts
    document.tokenEnds = ends
    document.forms = forms
    document.upos = []
    document.xpos = []
    document.lemmas = []
    document.heads = []
    document.deprels = []
    document.entities = []
  }

  /// Builds each token's string once, through one reused UTF-8 buffer.
  static func forms(_ scalars: [Unicode.Scalar], starts: [Int32], ends: [Int32]) -> [String] {
    var forms: [String] = []
    forms.reserveCapacity(starts.count)
    var utf8: [UInt8] = []
    utf8.reserveCapacity(64)
    scalars.withUnsafeBufferPointer { x in
      for i in starts.indices {
        utf8.removeAll(keepingCapacity: true)
        for k in Int(starts[i])..<Int(ends[i]) {
          let v = x[k].value
          if v < 0x80 {
            utf8.append(UInt8(v))
          } else {
            utf8.append(contentsOf: UTF8.encode(x[k])!)
          }
        }
        forms.append(String(decoding: utf8, as: UTF8.self))
      }
    }
    return forms
  }

  /// The headline as its own one-sentence document (its text is the title alone), or nil when
  /// the article has no title.
  public func segmentHeadline(of article: Article) -> Document? {
    guard let title = article.title, !title.isEmpty else { return nil }
    var document = Document(
      article: Article(
        id: article.id + "#title", source: article.source, title: title, text: title,
        url: article.url, date: article.date))
    segment(&document)
    if !document.forms.isEmpty { document.sentences = [0..<document.forms.count] }
    return document
  }
}

extension Document {
  /// A document for `article` with tokens, forms and sentences filled by `segmenter`.
  public static func segmented(_ article: Article, by segmenter: Segmenter = Segmenter()) -> Document {
    var document = Document(article: article)
    segmenter.segment(&document)
    return document
  }
}
