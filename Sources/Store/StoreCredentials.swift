import Foundation

/// Credentials for the store, read from the environment only, so they never appear in a command
/// line, a shell history or a process listing.
public enum StoreCredentials: Sendable, Equatable {
  /// HTTP Basic authentication. https://www.rfc-editor.org/rfc/rfc7617
  case basic(user: String, password: String)
  /// A bearer token. https://www.rfc-editor.org/rfc/rfc6750
  case bearer(token: String)

  public static let userVariable = "NEWSGRAPH_STORE_USER"
  public static let passwordVariable = "NEWSGRAPH_STORE_PASSWORD"
  public static let tokenVariable = "NEWSGRAPH_STORE_TOKEN"

  /// Reads `NEWSGRAPH_STORE_TOKEN`, or `NEWSGRAPH_STORE_USER` with `NEWSGRAPH_STORE_PASSWORD`;
  /// `nil` when none is set. Setting only one of user and password, or a token and a user, is an error.
  public static func fromEnvironment(
    _ environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(StoreError) -> StoreCredentials? {
    let user = environment[userVariable].flatMap { $0.isEmpty ? nil : $0 }
    let password = environment[passwordVariable].flatMap { $0.isEmpty ? nil : $0 }
    let token = environment[tokenVariable].flatMap { $0.isEmpty ? nil : $0 }
    switch (user, password, token) {
    case (nil, nil, nil): return nil
    case (nil, nil, let token?): return .bearer(token: token)
    case (let user?, let password?, nil): return .basic(user: user, password: password)
    case (_, _, _?):
      throw .invalidConfiguration(
        "set either \(tokenVariable) or \(userVariable) and \(passwordVariable), not both")
    case (_?, nil, nil):
      throw .invalidConfiguration("\(userVariable) is set but \(passwordVariable) is not")
    case (nil, _?, nil):
      throw .invalidConfiguration("\(passwordVariable) is set but \(userVariable) is not")
    }
  }

  /// The value of the `Authorization` header. Never printed.
  var authorizationHeader: String {
    switch self {
    case .basic(let user, let password):
      "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    case .bearer(let token): "Bearer " + token
    }
  }
}
