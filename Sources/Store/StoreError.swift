import Foundation

/// Hard failures of the Store module. Every message names the server or file and says what to do.
public enum StoreError: Error, Sendable, CustomStringConvertible {
  /// The input file could not be opened or read.
  case unreadableInput(file: String, reason: String)
  /// The input is in a format `load` cannot stream.
  case unsupportedInput(file: String, reason: String)
  /// A line of N-Triples/N-Quads input is malformed; `line` and `column` count from 1.
  case syntax(file: String, line: Int, column: Int, reason: String)
  /// The command line or the environment asks for something impossible.
  case invalidConfiguration(String)
  /// The server could not be reached, even after retrying.
  case unreachable(server: String, graph: String, attempts: Int, reason: String)
  /// The server answered 5xx on every attempt.
  case serverFailed(server: String, graph: String, status: Int, message: String, attempts: Int)
  /// The server refused the request (4xx): the data, the graph name or the credentials are wrong.
  case rejected(server: String, graph: String, method: String, status: Int, message: String)
  /// The server's answer could not be understood.
  case unexpectedAnswer(server: String, reason: String)

  public var description: String {
    switch self {
    case .unreadableInput(let file, let reason):
      return "\(file): cannot read: \(reason)"
    case .unsupportedInput(let file, let reason):
      return "\(file): \(reason)"
    case .syntax(let file, let line, let column, let reason):
      return "\(file):\(line):\(column): \(reason)"
    case .invalidConfiguration(let reason):
      return reason
    case .unreachable(let server, let graph, let attempts, let reason):
      return
        "cannot reach the store at \(server) (\(graph)) after \(attempts) attempt\(attempts == 1 ? "" : "s"): "
        + "\(reason). Is the server running, and is the URL right?"
    case .serverFailed(let server, let graph, let status, let message, let attempts):
      return
        "the store at \(server) failed on \(graph) with HTTP \(status) on all \(attempts) attempt\(attempts == 1 ? "" : "s")"
        + StoreError.quoted(message)
    case .rejected(let server, let graph, let method, let status, let message):
      var text =
        "the store at \(server) refused \(method) of \(graph) with HTTP \(status)"
        + StoreError.quoted(message)
      if status == 401 || status == 403 {
        text +=
          "\n(set NEWSGRAPH_STORE_USER and NEWSGRAPH_STORE_PASSWORD, or NEWSGRAPH_STORE_TOKEN, to the store's credentials)"
      }
      return text
    case .unexpectedAnswer(let server, let reason):
      return "unexpected answer from \(server): \(reason)"
    }
  }

  /// The server's own words, on their own line, or nothing when it said nothing.
  static func quoted(_ message: String) -> String {
    message.isEmpty
      ? " and no message" : "; it said:\n  " + message.replacingOccurrences(of: "\n", with: "\n  ")
  }
}
