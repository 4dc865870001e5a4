import Foundation

/// Failures the command line reports to the person at the terminal.
enum CLIError: Error, CustomStringConvertible {
  case cannotWrite(path: String, reason: String)
  case cannotCreateFolder(path: String, reason: String)
  case unknownFormat(String, known: [String])
  case noArticles(inputs: [String])
  case invalidOption(String)

  var description: String {
    switch self {
    case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
    case .cannotCreateFolder(let path, let reason): "cannot create the output folder \(path): \(reason)"
    case .unknownFormat(let name, let known):
      "unknown format '\(name)'; known formats: \(known.joined(separator: ", "))"
    case .noArticles(let inputs):
      "no article could be read from \(inputs.joined(separator: " ")); nothing was written"
    case .invalidOption(let message): message
    }
  }
}

/// Exit statuses of `newsgraph`, documented in the README.
enum ExitStatus {
  /// Everything asked for was written.
  static let success: Int32 = 0
  /// Nothing useful could be done (bad options, no readable article, an output not written).
  static let failure: Int32 = 1
  /// Outputs were written, but some inputs were skipped.
  static let partial: Int32 = 3
}

/// Prints a message on standard error, prefixed with the program name.
func report(_ message: String) {
  var standardError = StandardError()
  print("newsgraph: \(message)", to: &standardError)
}

struct StandardError: TextOutputStream {
  mutating func write(_ string: String) {
    FileHandle.standardError.write(Data(string.utf8))
  }
}
