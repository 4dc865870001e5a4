import ArgumentParser
import Extraction
import Foundation
import Text

/// `newsgraph gazetteer build`: derives the bundled gazetteer from the source data sets.
struct GazetteerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gazetteer",
    abstract: "Build the gazetteer of countries, organisations, leaders and roles.",
    subcommands: [Build.self, Info.self]
  )

  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Derive the gazetteer resource from countries.json, country-codes.csv, "
        + "world-leaders-2022.csv and the PETRARCH2 dictionaries.",
      discussion: """
        The output is deterministic: the same sources give the same bytes. The derived database \
        stays under ODbL 1.0 (from countries.json); see NOTICE for the other sources' licences.
        """
    )

    @Option(help: "Folder with countries.json, country-codes.csv and world-leaders-2022.csv.")
    var sources: String

    @Option(help: "Folder with the PETRARCH2 dictionaries (Phoenix.*.txt).")
    var petrarch: String

    @Option(name: .shortAndLong, help: "Where to write the gazetteer ('-' for standard output).")
    var output: String = "Sources/Extraction/Resources/gazetteer.tsv"

    func run() throws {
      let builder = GazetteerBuilder(
        options: .init(
          sources: URL(fileURLWithPath: sources), petrarch: URL(fileURLWithPath: petrarch)))
      let (text, summary) = try builder.build()
      if output == "-" {
        FileHandle.standardOutput.write(Data(text.utf8))
      } else {
        // Write beside the target and rename, so a failure never leaves half a file.
        let url = URL(fileURLWithPath: output)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
          ".\(url.lastPathComponent).tmp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
          try? FileManager.default.removeItem(at: temporary)
          throw ValidationError(
            "\(output): cannot write the gazetteer (errno \(errno)); does its folder exist?")
        }
      }
      let message =
        "gazetteer: \(summary.countries) countries, \(summary.organizations) organisations, "
        + "\(summary.armedGroups) armed groups, \(summary.persons) people in \(summary.leaders) leader positions "
        + "(as of 2022), \(summary.roles) role phrases, \(summary.names) names "
        + "(\(summary.clashes) clashing names dropped), \(text.utf8.count) bytes\n"
      FileHandle.standardError.write(Data(message.utf8))
    }
  }

  /// `newsgraph gazetteer info`: what the bundled gazetteer holds and how fast it loads and scans.
  struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the bundled gazetteer's size, load time and scanning speed."
    )

    @Option(help: "How many times to load it; the median is reported.")
    var runs: Int = 21

    @Option(help: "Text files or folders (comma-separated) to scan and link, for throughput figures.")
    var scan: String?

    func run() throws {
      var times: [Double] = []
      var gazetteer: Gazetteer? = nil
      for _ in 0..<max(1, runs) {
        let start = DispatchTime.now().uptimeNanoseconds
        gazetteer = try Gazetteer.bundled()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      }
      guard let gazetteer else { return }
      times.sort()
      let people = gazetteer.entries.filter { $0.type == .person }.count
      print(
        "entries: \(gazetteer.entries.count) (\(people) people), leader positions: \(gazetteer.leaders.count)"
      )
      print("roles: \(gazetteer.roles.count)")
      print(
        String(
          format: "load: median %.1f ms, min %.1f ms over %d runs", times[times.count / 2], times[0],
          times.count))
      guard let scan else { return }
      try measureScanning(gazetteer, paths: scan)
    }

    /// Scans and links every text file under `paths` with a rough split on spaces and punctuation
    /// (the real tokenizer lives in the NLP stage) and capitalized runs as candidates.
    func measureScanning(_ gazetteer: Gazetteer, paths: String) throws {
      var files: [URL] = []
      for path in paths.split(separator: ",").map(String.init) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
          throw ValidationError("\(path): no such file or folder")
        }
        if isDirectory.boolValue {
          let walker = FileManager.default.enumerator(atPath: path)
          while let relative = walker?.nextObject() as? String {
            if relative.hasSuffix(".txt") {
              files.append(URL(fileURLWithPath: path).appendingPathComponent(relative))
            }
          }
        } else {
          files.append(URL(fileURLWithPath: path))
        }
      }
      files.sort { $0.path < $1.path }
      let documents = try files.map { url in
        Self.roughDocument(String(decoding: try Data(contentsOf: url), as: UTF8.self), id: url.path)
      }
      let tokens = documents.reduce(0) { $0 + $1.tokenCount }
      let linker = EntityLinker(gazetteer: gazetteer)
      var scanTimes: [Double] = []
      var linkTimes: [Double] = []
      var found = 0
      var entities = 0
      for _ in 0..<max(1, min(runs, 5)) {
        var start = DispatchTime.now().uptimeNanoseconds
        found = 0
        for document in documents { found += gazetteer.matches(in: document.forms[...]).count }
        scanTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        start = DispatchTime.now().uptimeNanoseconds
        entities = 0
        for document in documents {
          entities +=
            linker.link(document, candidates: CandidateMention.capitalizedRuns(in: document)).entities.count
        }
        linkTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      }
      scanTimes.sort()
      linkTimes.sort()
      let scan = scanTimes[scanTimes.count / 2]
      let link = linkTimes[linkTimes.count / 2]
      print(
        String(
          format:
            "%d files, %d tokens; scan: %d matches, %.1f ms, %.0f tokens/s; link: %d entities, %.1f ms, %.0f tokens/s",
          documents.count, tokens, found, scan * 1e3, Double(tokens) / scan, entities, link * 1e3,
          Double(tokens) / link))
    }

    /// Words (letters, digits, inner hyphens, apostrophes and periods) and single marks, with
    /// sentences ending at ".", "!" and "?". Enough for measuring; not the project's tokenizer.
    static func roughDocument(_ text: String, id: String) -> Document {
      var document = Document(article: Article(id: id, source: id, text: text))
      var starts: [Int32] = []
      var ends: [Int32] = []
      var forms: [String] = []
      var sentences: [Range<Int>] = []
      var sentenceStart = 0
      let scalars = document.scalars
      var index = 0
      while index < scalars.count {
        let scalar = scalars[index]
        if scalar.properties.isWhitespace {
          index += 1
          continue
        }
        var end = index + 1
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
          while end < scalars.count {
            let next = scalars[end]
            let inner = next == "-" || next == "'" || next == "\u{2019}" || next == "."
            if next.properties.isAlphabetic || next.properties.numericType != nil
              || (inner && end + 1 < scalars.count && scalars[end + 1].properties.isAlphabetic)
            {
              end += 1
            } else {
              break
            }
          }
        }
        starts.append(Int32(index))
        ends.append(Int32(end))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[index..<end])
        forms.append(String(view))
        if end == index + 1, scalar == "." || scalar == "!" || scalar == "?" {
          sentences.append(sentenceStart..<forms.count)
          sentenceStart = forms.count
        }
        index = end
      }
      if sentenceStart < forms.count { sentences.append(sentenceStart..<forms.count) }
      document.tokenStarts = starts
      document.tokenEnds = ends
      document.forms = forms
      document.sentences = sentences
      return document
    }
  }
}
