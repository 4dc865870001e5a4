import Extraction
import Foundation
import Graph
import NLP
import Pipeline
import Testing
import Text

/// The pipeline `newsgraph build` runs (as in Sources/newsgraph/PipelineFactory.swift: the bundled
/// tagger, the parser when one is bundled, the gazetteer and the extractor), loaded once.
enum FuzzPipeline {
  static let processor: ArticleProcessor = {
    let tagging = try! TaggingModel(contentsOf: SyntaxAnnotator.bundledPath(SyntaxAnnotator.taggerResource))
    let parsing = try? ParsingModel(contentsOf: SyntaxAnnotator.bundledPath(SyntaxAnnotator.parserResource))
    let linker = EntityLinker(gazetteer: try! Gazetteer.bundled())
    return ArticleProcessor(
      annotators: [SyntaxAnnotator(tagging: tagging, parsing: parsing)],
      extractor: PatternExtractor(linker: linker))
  }()

  /// Where the input being tried is written first, so that a crash leaves it behind to replay.
  static let crashInputPath = FileManager.default.temporaryDirectory
    .appendingPathComponent("newsgraph-fuzz-current-input").path

  /// Reads `bytes` as `format` and runs every article through the pipeline into `builder`.
  /// Returns the number of articles.
  @discardableResult
  static func ingest(
    _ bytes: [UInt8], format: ArticleReader.Format, id: String, into builder: inout GraphBuilder
  )
    -> Int
  {
    FileManager.default.createFile(atPath: crashInputPath, contents: Data(bytes))
    let reader = ArticleReader()
    let items =
      format == .jsonLines
      ? reader.readJSONLine(bytes, source: "fuzz.jsonl", line: 1, id: id)
      : reader.readDocument(bytes, format: format, id: id, source: "fuzz.\(format.rawValue)")
    var count = 0
    for case .article(let article) in items {
      builder.add(processor.process(article))
      count += 1
    }
    return count
  }
}

@Suite("Fuzz: hostile articles through ingest, the pipeline and every writer", .serialized)
struct PipelineFuzzTests {
  /// One hostile input of a random kind, as bytes and the format to read them as.
  static func input(_ nasty: inout NastyInputs, seeds: [(bytes: [UInt8], format: ArticleReader.Format)])
    -> (kind: String, bytes: [UInt8], format: ArticleReader.Format)
  {
    switch nasty.int(0...7) {
    case 0: return ("text", Array(nasty.text().utf8), .text)
    case 1: return ("html", Array(nasty.html().utf8), .html)
    case 2: return ("invalid-utf8", nasty.invalidUTF8(), nasty.chance(0.5) ? .text : .html)
    case 3:
      return ("random-bytes", nasty.randomBytes(count: nasty.int(0...400)), nasty.chance(0.5) ? .text : .html)
    case 4: return ("jsonl-row", nasty.jsonLine(), .jsonLines)
    case 5:
      let seed = nasty.pick(seeds)
      return ("mutated-seed", nasty.mutate(seed.bytes), seed.format)
    case 6:
      return (
        "nested", Array((nasty.newsSentence() + " " + nasty.nested(depth: nasty.int(50...2000))).utf8), .text
      )
    default:
      var sentence = ""
      for _ in 0..<nasty.int(200...2000) {
        sentence += nasty.pick(["and", "the", "Putin", ",", "met", "(", "Moscow"]) + " "
      }
      return ("long-sentence", Array(sentence.utf8), .text)
    }
  }

  static func seedFiles() throws -> [(name: String, bytes: [UInt8], format: ArticleReader.Format)] {
    let folder = try #require(Bundle.module.url(forResource: "Seeds", withExtension: nil))
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    return try names.map { name in
      let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
      let format = ArticleReader.Format(extension: (name as NSString).pathExtension) ?? .text
      return (name, bytes, format)
    }
  }

  @Test func seedCorpusKeepsEveryOutputInvariant() throws {
    let seeds = try Self.seedFiles()
    #expect(seeds.count >= 5)
    var all = GraphBuilder()
    for seed in seeds {
      var builder = GraphBuilder()
      if seed.format == .jsonLines {
        for (index, line) in seed.bytes.split(separator: 0x0A).enumerated() {
          FuzzPipeline.ingest(Array(line), format: .jsonLines, id: "\(seed.name)#\(index)", into: &builder)
          FuzzPipeline.ingest(Array(line), format: .jsonLines, id: "\(seed.name)#\(index)", into: &all)
        }
      } else {
        FuzzPipeline.ingest(seed.bytes, format: seed.format, id: seed.name, into: &builder)
        FuzzPipeline.ingest(seed.bytes, format: seed.format, id: seed.name, into: &all)
      }
      for violation in OutputInvariants().violations(builder.build()) {
        Issue.record("seed \(seed.name): \(violation)")
      }
    }
    let graph = all.build()
    // The seeds are news sentences under the noise: the pipeline must still find people in them.
    #expect(graph.entities.count >= 5)
    for violation in OutputInvariants().violations(graph) { Issue.record("all seeds: \(violation)") }
  }

  @Test func hostileArticlesKeepEveryOutputInvariant() throws {
    let seed = FuzzConfiguration.seed(for: #function)
    let seconds = FuzzConfiguration.seconds(default: 12)
    let seeds = try Self.seedFiles().map { ($0.bytes, $0.format) }
    var nasty = NastyInputs(seed: seed)
    let start = monotonicSeconds()
    var tried = 0
    var articles = 0
    var batch = GraphBuilder()
    var invariants = OutputInvariants()
    print(
      "fuzz hostileArticles: seed \(seed), \(seconds) s; replay with NEWSGRAPH_FUZZ_SEED=\(FuzzConfiguration.seed)"
    )
    while monotonicSeconds() - start < seconds {
      let input = Self.input(&nasty, seeds: seeds)
      var one = GraphBuilder()
      let began = monotonicSeconds()
      let count = FuzzPipeline.ingest(input.bytes, format: input.format, id: "fuzz-\(tried)", into: &one)
      FuzzPipeline.ingest(input.bytes, format: input.format, id: "fuzz-\(tried)", into: &batch)
      articles += count
      // The diagram goes through libgvc, slow in a debug build: every fourth input and every batch.
      invariants.rendersSVG = tried % 4 == 0
      var violations = invariants.violations(one.build())
      if tried % 16 == 15 {
        invariants.rendersSVG = true
        violations += invariants.violations(batch.build()).map { "batch ending here: \($0)" }
        batch = GraphBuilder()
      }
      let elapsed = monotonicSeconds() - began
      if elapsed > 20 { violations.append("took \(elapsed) s for \(input.bytes.count) bytes") }
      for violation in violations {
        let prefix = Data(input.bytes.prefix(300)).base64EncodedString()
        Issue.record(
          "seed \(seed), input #\(tried) (\(input.kind), \(input.bytes.count) bytes, base64 \(prefix)): \(violation)"
        )
      }
      tried += 1
    }
    print("fuzz hostileArticles: \(tried) inputs, \(articles) articles in \(monotonicSeconds() - start) s")
    #expect(tried > 0)
  }
}
