import ArgumentParser
import Foundation
import Graph

/// `newsgraph eval coref`: cross-document entity coreference of the resolver on ECB+.
struct EvalCoref: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coref",
    abstract: "Score the entity resolver on the gold entity mentions of ECB+ (MUC, B³, CEAF-e, CoNLL F1).",
    discussion: """
      Entity mentions are the HUMAN_PART*, NON_HUMAN_PART*, LOC_* and TIME_* markables of the \
      sentences listed in ECBplus_coreference_sentences.csv. The resolver sees the mentions of all \
      chosen topics together, without topic labels. Scores are printed with and without singletons. \
      The resolver runs exactly the layers and settings of `build` unless --layers or \
      --context-threshold say otherwise (for ablations); each document is one article, so the context \
      layer compares documents by the words of the mentions they contain.
      """)

  @Option(help: "The ECB+ folder (one subfolder per topic and ECBplus_coreference_sentences.csv).")
  var ecbplus: String

  @Option(help: "Comma-separated topic numbers (default: every topic in the folder).")
  var topics: String?

  @Option(
    help: ArgumentHelp(
      "Comma-separated resolver layers to run, for ablations (default: every layer, as build runs them).",
      valueName: "wikidata,name,alias,person-name,context"))
  var layers: String?

  @Option(
    help:
      "The context layer's cosine threshold (default: the build's, \(EntityResolver.defaultContextThreshold))."
  )
  var contextThreshold: Float = EntityResolver.defaultContextThreshold

  @Flag(help: "Print the scores as JSON.") var json = false

  func run() throws {
    let chosen = try topics.map { list in
      try Set(
        list.split(separator: ",").map { item in
          guard let topic = Int(item.trimmingCharacters(in: .whitespaces)) else {
            throw CLIError.invalidOption("--topics: \"\(item)\" is not a topic number")
          }
          return topic
        })
    }
    let corpus = try ECBPlusCorpus(folder: ecbplus, topics: chosen)
    guard !corpus.mentions.isEmpty else {
      throw CLIError.invalidOption("no entity mentions in \(ecbplus) for topics \(topics ?? "all")")
    }
    var resolver = EntityResolver(contextThreshold: contextThreshold)
    if let layers {
      resolver.layers = try Set(
        layers.split(separator: ",").map { item in
          let name = item.trimmingCharacters(in: .whitespaces)
          guard let layer = EntityResolver.Layer(rawValue: name) else {
            throw CLIError.invalidOption(
              "--layers: \"\(name)\" is not a layer (\(EntityResolver.Layer.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
          }
          return layer
        })
    }
    let evaluation = CorefEvaluation(corpus: corpus, resolver: resolver)
    if json {
      struct Output: Encodable {
        var muc, b3, ceafe, conll: CorefScores.PRF
        var withoutSingletons: CorefScores
        var mentions, goldChains, responseChains: Int
        /// What was run, so that a figure says whether it describes the build's resolver.
        var layers: [String]
        var contextThreshold: Float
        var buildResolver: Bool
      }
      let scores = evaluation.scores
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      let output = Output(
        muc: scores.muc, b3: scores.b3, ceafe: scores.ceafe, conll: scores.conll,
        withoutSingletons: evaluation.scoresWithoutSingletons, mentions: evaluation.mentionCount,
        goldChains: evaluation.goldChainCount, responseChains: evaluation.responseChainCount,
        layers: EntityResolver.Layer.allCases.filter(resolver.layers.contains).map(\.rawValue),
        contextThreshold: resolver.contextThreshold, buildResolver: isBuildResolver(resolver))
      print(String(decoding: try encoder.encode(output), as: UTF8.self))
      return
    }
    if !isBuildResolver(resolver) {
      print(
        "ablation: layers \(EntityResolver.Layer.allCases.filter(resolver.layers.contains).map(\.rawValue).joined(separator: ",")), "
          + "context threshold \(resolver.contextThreshold) (not the resolver build runs)")
    }
    print(
      "\(evaluation.mentionCount) entity mentions, \(evaluation.goldChainCount) gold chains, "
        + "\(evaluation.responseChainCount) response chains")
    for (title, scores) in [
      ("with singletons", evaluation.scores), ("without singletons", evaluation.scoresWithoutSingletons),
    ] {
      print(title)
      for (name, prf) in [
        ("MUC", scores.muc), ("B³", scores.b3), ("CEAF-e", scores.ceafe), ("CoNLL", scores.conll),
      ] {
        print(
          "  \(name.padding(toLength: 7, withPad: " ", startingAt: 0)) P \(percent(prf.p))  R \(percent(prf.r))  F1 \(percent(prf.f1))"
        )
      }
    }
  }

  private func isBuildResolver(_ resolver: EntityResolver) -> Bool {
    let build = EntityResolver()
    return resolver.layers == build.layers && resolver.contextThreshold == build.contextThreshold
  }

  private func percent(_ value: Double) -> String { String(format: "%5.1f", value * 100) }
}
