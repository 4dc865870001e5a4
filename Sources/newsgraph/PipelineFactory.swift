import Extraction
import NLP
import Pipeline
import Text

/// The pipeline `build` and `extract` use: the bundled models and the extractor.
enum PipelineFactory {
  static func standard() throws -> ArticleProcessor {
    ArticleProcessor(annotators: [], extractor: PatternExtractor(linker: NameLinker()))
  }
}
