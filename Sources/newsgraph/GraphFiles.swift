import Dispatch
import Foundation
import Graph
import RDF
import Synchronization

/// The files of a graph, as `build` writes them.
enum GraphFiles {
  /// Writes every format to its path, all or none: each file streams into a temporary file, the
  /// formats side by side on every core (slowest first; one after the other when `jobs` is 1),
  /// and all are renamed into place once all are complete.
  static func write(
    _ graph: KnowledgeGraph, mapping: RDFMapping, formats: [OutputFormat], to paths: [String],
    merges: (path: String, merges: [EntityResolver.Merge])? = nil, jobs: Int = 0
  ) throws {
    var staged: [StagedFile] = []
    defer { AtomicFile.discard(staged) }
    for path in paths { staged.append(try StagedFile(path: path)) }
    // Mapping and sorting run on as many cores as the articles did.
    let parts = jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount
    let (quads, unionOrder): ([Quad], [Int]?) =
      if formats.contains(where: { $0.rdfFormat?.writesUnion == true }) {
        mapping.quadsWithUnionOrder(for: graph, parts: parts)
      } else if formats.contains(where: { $0.rdfFormat != nil }) {
        (mapping.quads(for: graph, parts: parts), nil)
      } else {
        ([], nil)
      }
    let prefixes = mapping.dataPrefixes(for: graph)
    let failures = Mutex([Int: any Error]())
    let files = staged
    @Sendable func writeFormat(_ index: Int) {
      do {
        try formats[index].write(
          graph, quads: quads, unionOrder: unionOrder, prefixes: prefixes, diagram: .default,
          to: files[index])
        try files[index].finish()
      } catch {
        failures.withLock { $0[index] = error }
      }
    }
    if jobs == 1 {
      for index in formats.indices { writeFormat(index) }
    } else {
      let schedule = formats.indices.sorted { (formats[$0].startRank, $0) < (formats[$1].startRank, $1) }
      DispatchQueue.concurrentPerform(iterations: schedule.count) { writeFormat(schedule[$0]) }
    }
    // The first format's error, whatever the scheduling.
    if let first = failures.withLock({ $0.min { $0.key < $1.key } }) { throw first.value }
    if let merges {
      let report = try StagedFile(path: merges.path)
      staged.append(report)
      report.write(bytes: try MergeReport.json(merges.merges))
      try report.finish()
    }
    try AtomicFile.commit(staged)
  }
}
