/// Hard failures reading the CAMEO verb dictionary or a verb-class table.
public enum VerbLexiconError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The dictionary has no `VERB PATTERNS` section header.
  case missingVerbSection(file: String)
  /// A line cannot be read; `reason` says what was expected.
  case malformedLine(file: String, line: Int, reason: String)
  /// The bundled table is not in the package's resources.
  case missingResource(name: String)

  public var description: String {
    switch self {
    case .missingVerbSection(let file):
      "\(file): no '####### VERB PATTERNS #######' section; is this a PETRARCH verb dictionary?"
    case .malformedLine(let file, let line, let reason): "\(file):\(line): \(reason)"
    case .missingResource(let name):
      "the resource \(name) is missing from the Extraction bundle; rebuild the package"
    }
  }
}
