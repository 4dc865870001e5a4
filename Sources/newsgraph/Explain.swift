import ArgumentParser
import Foundation
import Graph
import Pipeline

/// `newsgraph explain NAME [GRAPH-or-articles]`: one entity's names, articles, edges and merges.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show one entity of a graph: its names, articles, mentions, edges and the merges that made it.",
    discussion: """
      SOURCE is a graph.nq written by build (its merges.json beside it is read when present) or \
      articles (files or folders), which are built and resolved first. NAME matches an entity key, \
      label or alias, ignoring case; every match is shown.
      """)

  @Argument(help: "Entity key, label or alias.")
  var name: String

  @Argument(help: "A graph.nq written by build, or articles.")
  var sources: [String] = ["output/graph.nq"]

  func run() throws {
    let (graph, merges) = try load()
    let wanted = name.lowercased()
    let matches = graph.entities.filter { entity in
      entity.key.lowercased() == wanted || entity.label.lowercased() == wanted
        || entity.aliases.contains { $0.lowercased() == wanted }
    }
    guard !matches.isEmpty else {
      throw CLIError.invalidOption("no entity named \"\(name)\" in \(sources.joined(separator: ", "))")
    }
    for entity in matches {
      print("\(entity.label)  [\(entity.key)]  \(entity.type.rawValue)")
      if let qid = entity.wikidata { print("  wikidata:    \(qid)") }
      if let title = entity.jobTitle { print("  job title:   \(title)") }
      if let affiliation = entity.affiliation { print("  affiliation: \(affiliation)") }
      print("  aliases:     \(entity.aliases.isEmpty ? "–" : entity.aliases.joined(separator: "; "))")
      print(
        "  mentions:    \(entity.mentionCount) in \(entity.articles.count) article(s): "
          + entity.articles.joined(separator: ", "))
      let edges = graph.relations.filter { $0.subject == entity.key || $0.object == entity.key }
      print("  edges:       \(edges.count)")
      for edge in edges {
        var notes = ["support \(edge.support)"]
        if let dates = graph.dates(of: edge) {
          notes.append(dates.first == dates.last ? dates.first : "\(dates.first) to \(dates.last)")
        }
        if edge.isContested { notes.append("contested") }
        print("    \(edge.subject) —\(edge.predicate)→ \(edge.object)  (\(notes.joined(separator: ", ")))")
        // Each source's modality and polarity, so a contested edge shows who says what.
        for statement in edge.statements {
          let polarity = statement.polarity == .negative ? ", denied" : ""
          print("      \(statement.article): \(statement.modality.rawValue)\(polarity)")
        }
      }
      let own = merges.filter { $0.into == entity.key }
      print("  merges:      \(own.isEmpty ? "none" : "")")
      for merge in own {
        print("    \(merge.merged) = \(merge.matched)  [\(merge.layer.rawValue)] \(merge.reason)")
      }
    }
  }

  private func load() throws -> (KnowledgeGraph, [EntityResolver.Merge]) {
    if sources.count == 1, sources[0].hasSuffix(".nq") || sources[0].hasSuffix(".nt") {
      let graph = try GraphReader.read(nquadsFile: sources[0])
      let report = ((sources[0] as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
        "merges.json")
      let merges = try FileManager.default.contents(atPath: report).map { try MergeReport.read($0) } ?? []
      return (graph, merges)
    }
    let job = GraphBuildJob(processor: try PipelineFactory.standard(), options: .default)
    let result = job.run(inputs: sources)
    for finding in result.findings { report(finding.description) }
    guard result.articleCount > 0 else { throw CLIError.noArticles(inputs: sources) }
    let resolution = EntityResolver().resolve(result.graph)
    return (resolution.graph, resolution.merges)
  }
}
