import Foundation

/// A one-line progress display on standard error, shown only when it is a terminal.
final class ProgressReporter: @unchecked Sendable {
  private let enabled: Bool
  private let started = Date()
  private var lastDraw = Date.distantPast
  private var drew = false

  init(enabled: Bool) {
    self.enabled = enabled && isatty(STDERR_FILENO) == 1
  }

  func update(articles: Int, tokens: Int) {
    guard enabled, Date().timeIntervalSince(lastDraw) > 0.2 else { return }
    lastDraw = Date()
    let seconds = max(Date().timeIntervalSince(started), 0.001)
    let line = "\r\(articles) articles, \(Int(Double(tokens) / seconds)) tokens/s, \(Int(seconds)) s"
    FileHandle.standardError.write(Data(line.utf8))
    drew = true
  }

  func finish() {
    if drew { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
