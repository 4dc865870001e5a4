import Extraction
import NLP
import Pipeline
import Text

/// The pipeline `build` and `extract` use: the bundled models and the extractor.
enum PipelineFactory {
  static func standard() throws -> ArticleProcessor {
    let tagging = try TaggingModel(contentsOf: SyntaxAnnotator.bundledPath(SyntaxAnnotator.taggerResource))
    let parsing = try? ParsingModel(contentsOf: SyntaxAnnotator.bundledPath(SyntaxAnnotator.parserResource))
    let linker = EntityLinker(gazetteer: try Gazetteer.bundled())
    return ArticleProcessor(
      annotators: [SyntaxAnnotator(tagging: tagging, parsing: parsing)],
      extractor: PatternExtractor(linker: linker))
  }
}
