import ArgumentParser
import Extraction
import Foundation

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

    @Option(help: "A text file to scan (split on spaces and punctuation) for a throughput figure.")
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
      let text = try String(contentsOfFile: scan, encoding: .utf8)
      var forms: [String] = []
      var word = ""
      for character in text {
        if character.isLetter || character.isNumber || character == "-" || character == "'" {
          word.append(character)
        } else {
          if !word.isEmpty { forms.append(word) }
          word = ""
          if !character.isWhitespace { forms.append(String(character)) }
        }
      }
      if !word.isEmpty { forms.append(word) }
      var scanTimes: [Double] = []
      var found = 0
      for _ in 0..<max(1, runs) {
        let start = DispatchTime.now().uptimeNanoseconds
        found = gazetteer.matches(in: forms[...]).count
        scanTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      }
      scanTimes.sort()
      let median = scanTimes[scanTimes.count / 2]
      print(
        String(
          format: "scan: %d tokens, %d matches, median %.2f ms, %.0f tokens/s", forms.count, found,
          median * 1e3,
          Double(forms.count) / median))
    }
  }
}
