import Diagram
import Foundation
import Text

/// A one-line progress display on standard error, shown only when it is a terminal: articles done
/// (of how many, when the inputs can be counted), tokens per second, time spent and time left.
final class ProgressReporter: @unchecked Sendable {
  private let enabled: Bool
  private let started = Date()
  private var lastDraw = Date.distantPast
  private var drew = false
  /// Articles in the inputs, counted before the run; nil when unknown (standard input).
  private let expected: Int?

  init(enabled: Bool, inputs: [String] = []) {
    self.enabled = enabled && isatty(STDERR_FILENO) == 1
    expected = self.enabled ? Self.countArticles(inputs) : nil
  }

  func update(articles: Int, tokens: Int) {
    guard enabled, Date().timeIntervalSince(lastDraw) > 0.2 else { return }
    lastDraw = Date()
    let seconds = max(Date().timeIntervalSince(started), 0.001)
    let line = Self.line(articles: articles, expected: expected, tokens: tokens, seconds: seconds)
    FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    drew = true
  }

  func finish() {
    if drew { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }

  /// "1,204/2,225 articles · 61,000 tokens/s · 20 s · about 17 s left".
  static func line(articles: Int, expected: Int?, tokens: Int, seconds: Double) -> String {
    var parts: [String] = []
    if let expected, expected >= articles {
      parts.append("\(PruneSummary.grouped(articles))/\(PruneSummary.grouped(expected)) articles")
    } else {
      parts.append("\(PruneSummary.grouped(articles)) articles")
    }
    parts.append("\(PruneSummary.grouped(Int(Double(tokens) / seconds))) tokens/s")
    parts.append("\(Int(seconds)) s")
    if let expected, expected >= articles, articles > 0 {
      let left = seconds * Double(expected - articles) / Double(articles)
      parts.append("about \(Int(left.rounded(.up))) s left")
    }
    return parts.joined(separator: " · ")
  }

  // MARK: - Counting the inputs

  /// Article files under `inputs` and non-empty lines of their JSON Lines files; nil when an input
  /// is standard input. Cheap next to processing: folders are listed and JSON Lines files scanned
  /// for newlines, nothing is decoded.
  static func countArticles(_ inputs: [String]) -> Int? {
    var count = 0
    let manager = FileManager.default
    for input in inputs {
      if input == "-" { return nil }
      var isFolder: ObjCBool = false
      guard manager.fileExists(atPath: input, isDirectory: &isFolder) else { continue }
      let files =
        isFolder.boolValue
        ? ((try? manager.subpathsOfDirectory(atPath: input)) ?? []).map {
          (input as NSString).appendingPathComponent($0)
        } : [input]
      for file in files {
        guard let format = ArticleReader.Format(extension: (file as NSString).pathExtension) else { continue }
        count += format == .jsonLines ? lines(in: file) : 1
      }
    }
    return count
  }

  /// Non-empty lines of a file, read in blocks.
  private static func lines(in path: String) -> Int {
    guard let handle = FileHandle(forReadingAtPath: path) else { return 0 }
    defer { try? handle.close() }
    var count = 0
    var lineHasText = false
    while let block = try? handle.read(upToCount: 1 << 20), !block.isEmpty {
      for byte in block {
        if byte == UInt8(ascii: "\n") {
          if lineHasText { count += 1 }
          lineHasText = false
        } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\r") && byte != UInt8(ascii: "\t") {
          lineHasText = true
        }
      }
    }
    return count + (lineHasText ? 1 : 0)
  }
}
