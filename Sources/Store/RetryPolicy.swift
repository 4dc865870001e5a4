import Foundation

/// Bounded retries with exponential backoff, for connection errors and 5xx answers.
public struct RetryPolicy: Sendable, Equatable {
  /// Attempts in all, the first included; at least 1.
  public var maxAttempts: Int
  /// The pause before the second attempt, in seconds; each later pause doubles, up to `maxDelay`.
  public var initialDelay: Double
  public var maxDelay: Double

  public init(maxAttempts: Int = 4, initialDelay: Double = 0.5, maxDelay: Double = 8) {
    self.maxAttempts = max(1, maxAttempts)
    self.initialDelay = max(0, initialDelay)
    self.maxDelay = max(0, maxDelay)
  }

  public static let `default` = RetryPolicy()

  /// The pause after failed attempt `attempt` (counting from 1), in seconds.
  public func delay(afterAttempt attempt: Int) -> Double {
    let exponent = Double(max(0, attempt - 1))
    return min(maxDelay, initialDelay * pow(2, exponent))
  }
}
