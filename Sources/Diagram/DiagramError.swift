/// A hard failure of the Diagram module: bad DOT, a failed layout or render, an unknown focus.
public enum DiagramError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Graphviz could not parse the DOT text; `message` is Graphviz's own (it names the line).
  case invalidDOT(message: String)
  /// The layout engine failed or is not installed.
  case layoutFailed(engine: String, message: String)
  /// The output plugin failed or is not installed (PNG and PDF need Graphviz's cairo/pango plugin).
  case renderFailed(format: String, message: String)
  /// Graphviz could not create its context (no plugins configured).
  case graphvizUnavailable(message: String)
  /// No entity has the focus name as its key, label or alias.
  case focusNotFound(name: String, suggestions: [String])
  /// A name given for an option (entity type, modality, layout) is not one of `known`.
  case unknownName(kind: String, name: String, known: [String])

  public var description: String {
    switch self {
    case .invalidDOT(let message):
      return "Graphviz could not read the DOT text: \(message)"
    case .layoutFailed(let engine, let message):
      return "Graphviz layout '\(engine)' failed: \(message)"
    case .renderFailed(let format, let message):
      return
        "Graphviz could not render \(format): \(message) (PNG and PDF need the cairo plugin, Debian package libgvc6)"
    case .graphvizUnavailable(let message):
      return "Graphviz is not usable: \(message) (install libgvc6 and run `dot -c` as root)"
    case .focusNotFound(let name, let suggestions):
      let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
      return "No entity named '\(name)' in the graph\(hint)"
    case .unknownName(let kind, let name, let known):
      return "Unknown \(kind) '\(name)'; use one of: \(known.joined(separator: ", "))"
    }
  }
}
