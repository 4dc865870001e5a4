import Extraction
import NLP
import Pipeline
import Text

/// The pipeline `build` and `extract` use: the bundled models (or the ones named) and the extractor.
enum PipelineFactory {
  static func standard(tagger: String? = nil, parser: String? = nil, ner: String? = nil) throws
    -> ArticleProcessor
  {
    let tagging = try TaggingModel(
      contentsOf: tagger ?? SyntaxAnnotator.bundledPath(SyntaxAnnotator.taggerResource))
    let parsing = try ParsingModel(
      contentsOf: parser ?? SyntaxAnnotator.bundledPath(SyntaxAnnotator.parserResource))
    let recognizer = try ner.map { try EntityRecognizer(contentsOf: $0) } ?? EntityRecognizer.bundled()
    let linker = EntityLinker(gazetteer: try Gazetteer.bundled())
    // The recognizer reads the tagger's tags; its spans are type hints and extra candidates for
    // the linker (MentionFinder.merge).
    return ArticleProcessor(
      annotators: [SyntaxAnnotator(tagging: tagging, parsing: parsing), recognizer],
      extractor: ParseAwareExtractor(
        dependency: DependencyClaimExtractor(linker: linker), fallback: PatternExtractor(linker: linker)))
  }
}

/// The dependency extractor on parsed documents, the pattern extractor where there is no parse.
struct ParseAwareExtractor: ClaimExtractor {
  let dependency: DependencyClaimExtractor
  let fallback: PatternExtractor

  func extract(from document: Document) -> ArticleExtraction {
    DependencyClaimExtractor.hasParse(document)
      ? dependency.extract(from: document) : fallback.extract(from: document)
  }
}
