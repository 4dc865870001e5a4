import ArgumentParser

/// The `newsgraph` command line: a thin layer over the library targets.
@main
struct NewsGraphCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "newsgraph",
    abstract: "Build a knowledge graph from news articles.",
    subcommands: NewsGraphCommand.all
  )
}
