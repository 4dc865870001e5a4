import Extraction
import NLP
import Text

/// Runs one article through every stage up to extraction: segmentation, annotation, claims.
/// Pure and thread-safe: articles are processed in parallel.
public struct ArticleProcessor: Sendable {
  public var annotators: [any DocumentAnnotator]
  public var extractor: any ClaimExtractor

  public init(annotators: [any DocumentAnnotator], extractor: any ClaimExtractor) {
    self.annotators = annotators
    self.extractor = extractor
  }

  public func document(for article: Article) -> Document {
    var document = Document(article: article)
    Segmenter().segment(&document)
    for annotator in annotators { annotator.annotate(&document) }
    return document
  }

  public func process(_ article: Article) -> ArticleExtraction {
    extractor.extract(from: document(for: article))
  }
}
