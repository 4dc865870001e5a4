import ArgumentParser
import Extraction
import Foundation

/// `newsgraph gazetteer build`: derives the bundled gazetteer from the source data sets.
struct GazetteerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gazetteer",
    abstract: "Build the gazetteer of countries, organisations, leaders and roles.",
    subcommands: [Build.self]
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
}
