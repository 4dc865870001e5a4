/// One result of reading inputs: an article, or a problem found on the way.
public enum IngestItem: Sendable, Hashable {
  case article(Article)
  case finding(IngestFinding)
}

/// A problem met while reading an input, for a person to read: what went wrong and where.
///
/// Findings are values, not thrown errors: reading goes on with the next row, file or input.
public struct IngestFinding: Sendable, Hashable, CustomStringConvertible {
  /// How bad it is.
  public enum Severity: String, Sendable, Hashable, Comparable {
    /// Something was repaired (invalid UTF-8, an unreadable date), and the input was read.
    case warning
    /// An article, row or file was left out; the rest of the input was read.
    case skipped
    /// The input could not be read at all.
    case error

    private var rank: Int {
      switch self {
      case .warning: 0
      case .skipped: 1
      case .error: 2
      }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  }

  /// The path as given (or joined inside a folder), or `-` for standard input.
  public var source: String
  /// 1-based line number, for JSON Lines rows.
  public var line: Int?
  /// 0-based byte offset in the file (or line, with ``line``), when it helps.
  public var byteOffset: Int?
  public var severity: Severity
  /// What happened and what was done, without the location (see ``description``).
  public var message: String

  public init(
    source: String, line: Int? = nil, byteOffset: Int? = nil, severity: Severity, message: String
  ) {
    self.source = source
    self.line = line
    self.byteOffset = byteOffset
    self.severity = severity
    self.message = message
  }

  /// `feed.jsonl:12: not valid JSON (…); row skipped`, or `page.html: …` without a line.
  public var description: String {
    var location = source
    if let line { location += ":\(line)" }
    return "\(location): \(severity == .error ? "error: " : "")\(message)"
  }
}
