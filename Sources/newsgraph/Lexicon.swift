import ArgumentParser
import Extraction
import Foundation

/// `newsgraph lexicon`: the verb lexicon that gives claims their relation class.
struct Lexicon: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Build the verb lexicon that gives claims their relation class.",
    subcommands: [LexiconBuild.self]
  )
}

/// `newsgraph lexicon build`: the CAMEO verb dictionary in, `verb-classes.tsv` out.
struct LexiconBuild: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Derive verb-classes.tsv from the PETRARCH CAMEO verb dictionary.",
    discussion: """
      Writes one line per verb lemma, verb_particle pair or irregular form: \
      lemma<TAB>relation class<TAB>CAMEO code, sorted by lemma. The bundled table is \
      Sources/Extraction/Resources/verb-classes.tsv; rebuild it with
        newsgraph lexicon build --cameo CAMEO.2.0.txt -o Sources/Extraction/Resources/verb-classes.tsv
      The same dictionary gives the same bytes.
      """)

  @Option(help: "The PETRARCH CAMEO verb dictionary (CAMEO.2.0.txt).")
  var cameo: String

  @Option(name: [.short, .long], help: "The table to write.")
  var output: String

  @Flag(help: "Leave out the documented overrides and write CAMEO's classes as they are.")
  var noOverrides = false

  @Flag(help: "Print nothing but errors.")
  var quiet = false

  func run() throws {
    let text: String
    do {
      text = try String(contentsOfFile: cameo, encoding: .utf8)
    } catch {
      throw CLIError.invalidOption("cannot read \(cameo): \((error as NSError).localizedDescription)")
    }
    let name = URL(fileURLWithPath: cameo).lastPathComponent
    let dictionary = try CAMEOVerbDictionary(parsing: text, file: cameo)
    let builder = VerbLexiconBuilder(options: noOverrides ? .unmodified : .default)
    let derivations = builder.derive(from: dictionary)
    let lexicon = VerbLexicon(entries: derivations.map(\.entry))
    let header = builder.tableHeader(sourceName: name)
    try AtomicFile.writeAll([(output, Array(lexicon.tsv(header: header).utf8))])

    if !quiet {
      let counts = Dictionary(grouping: derivations, by: \.source).mapValues(\.count)
      let parts = VerbLexiconBuilder.Source.allCases.reversed().map { "\(counts[$0] ?? 0) \($0)" }
      print(
        "\(dictionary.blocks.count) verb blocks → \(lexicon.count) rows (\(parts.joined(separator: ", "))); "
          + "wrote \(output)")
    }
  }
}
