import Extraction
import NLP
import Pipeline
import Text

/// The pipeline `build` and `extract` use: the bundled models and the extractor.
enum PipelineFactory {
  static func standard() throws -> ArticleProcessor {
    let linker = EntityLinker(gazetteer: try Gazetteer.bundled())
    return ArticleProcessor(
      annotators: [try SyntaxAnnotator.bundled()],
      extractor: PatternExtractor(linker: linker))
  }
}
