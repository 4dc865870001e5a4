import ArgumentParser

extension NewsGraphCommand {
  /// Every subcommand, in the order `--help` lists them. Each lives in its own file.
  static let all: [any ParsableCommand.Type] = [
    Build.self,
    ExtractCommand.self,
    Render.self,
    Load.self,
    AnnotateCommand.self,
    TrainCommand.self,
    EvalCommand.self,
    BenchCommand.self,
    GazetteerCommand.self,
    Lexicon.self,
    Explain.self,
    Diff.self,
    Compare.self,
  ]
}
