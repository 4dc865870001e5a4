import Extraction
import Foundation
import Graph
import Testing

/// Graphs built straight from hostile strings in every field (labels, keys, article ids, URLs,
/// dates, evidence, predicates), reaching the writers without the pipeline's filtering.
@Suite("Fuzz: hostile graphs through every writer", .serialized)
struct GraphFuzzTests {
  static func hostileString(_ nasty: inout NastyInputs) -> String {
    switch nasty.int(0...5) {
    case 0: nasty.pick(NastyInputs.hostile)
    case 1: nasty.randomScalars(count: nasty.int(0...30))
    case 2: nasty.pick(NastyInputs.names) + nasty.pick(NastyInputs.hostile)
    case 3: nasty.text()
    case 4: String(decoding: nasty.invalidUTF8(), as: UTF8.self)
    default: nasty.pick(NastyInputs.names)
    }
  }

  static func graph(_ nasty: inout NastyInputs) -> KnowledgeGraph {
    var builder = GraphBuilder()
    for a in 0..<nasty.int(1...3) {
      let info = ArticleInfo(
        id: nasty.chance(0.5) ? "a\(a)" : hostileString(&nasty) + "\(a)", source: hostileString(&nasty),
        title: nasty.chance(0.7) ? hostileString(&nasty) : nil,
        url: nasty.chance(0.5)
          ? nasty.pick(["https://example.org/\(a)", "javascript:alert(1)", hostileString(&nasty)]) : nil,
        date: nasty.chance(0.5)
          ? nasty.pick(["2024-02-29", "2024-13-45", "0000-00-00", hostileString(&nasty)]) : nil)
      var entities: [ExtractedEntity] = []
      for e in 0..<nasty.int(1...6) {
        let type = nasty.pick(EntityType.allCases)
        let key =
          nasty.chance(0.5) ? "\(type.rawValue):e\(e)" : "\(type.rawValue):" + hostileString(&nasty) + "\(e)"
        let label = hostileString(&nasty)
        let sentence = nasty.int(0...3)
        entities.append(
          ExtractedEntity(
            key: key, label: label, type: type,
            aliases: nasty.chance(0.3) ? [hostileString(&nasty)] : [],
            wikidata: nasty.chance(0.3) ? nasty.pick(["Q42", hostileString(&nasty)]) : nil,
            jobTitle: nasty.chance(0.3) ? hostileString(&nasty) : nil,
            affiliation: nasty.chance(0.2) ? entities.last?.key : nil,
            mentions: [
              Mention(
                text: label, sentence: sentence, tokens: 0..<1, span: 0..<max(1, label.unicodeScalars.count))
            ]))
      }
      var claims: [Claim] = []
      for _ in 0..<nasty.int(0...6) {
        let subject = nasty.pick(entities).key
        let object = nasty.pick(entities).key
        let start = nasty.int(0...500)
        claims.append(
          Claim(
            subject: subject,
            predicate: nasty.chance(0.5) ? nasty.pick(["meet", "visit", "say"]) : hostileString(&nasty),
            relationClass: nasty.chance(0.3) ? hostileString(&nasty) : nil, object: object,
            attribution: nasty.chance(0.2) ? entities.first?.key : nil,
            modality: nasty.pick(Modality.allCases), polarity: nasty.chance(0.8) ? .positive : .negative,
            confidence: nasty.pick([0, 0.5, 1, 0.123456789, 1e-300]), sentence: nasty.int(0...3),
            span: start..<(start + nasty.int(0...200)), evidence: hostileString(&nasty)))
      }
      builder.add(
        ArticleExtraction(article: info, entities: entities, claims: claims, sentenceCount: 4, tokenCount: 40)
      )
    }
    return builder.build()
  }

  @Test func hostileGraphsKeepEveryOutputInvariant() {
    let seed = FuzzConfiguration.seed(for: #function)
    let seconds = FuzzConfiguration.seconds(default: 8)
    var nasty = NastyInputs(seed: seed)
    var invariants = OutputInvariants()
    let start = monotonicSeconds()
    var tried = 0
    print(
      "fuzz hostileGraphs: seed \(seed), \(seconds) s; replay with NEWSGRAPH_FUZZ_SEED=\(FuzzConfiguration.seed)"
    )
    while monotonicSeconds() - start < seconds {
      let graph = Self.graph(&nasty)
      invariants.rendersSVG = tried % 3 == 0
      for violation in invariants.violations(graph) {
        Issue.record("seed \(seed), graph #\(tried) (\(graph.entities.map(\.label).prefix(3))): \(violation)")
      }
      tried += 1
    }
    print("fuzz hostileGraphs: \(tried) graphs in \(monotonicSeconds() - start) s")
    #expect(tried > 0)
  }
}
