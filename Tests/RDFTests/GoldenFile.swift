import Foundation
import Testing

/// Compares output with a file under `Tests/RDFTests/Golden/`; with `NEWSGRAPH_RECORD=1` in the
/// environment it writes the file instead (and the test then checks nothing but that it wrote).
enum GoldenFile {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static var isRecording: Bool { ProcessInfo.processInfo.environment["NEWSGRAPH_RECORD"] == "1" }

  static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    let url = directory.appendingPathComponent(name)
    if isRecording {
      try actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(
      actual == expected, "output differs from Golden/\(name); rerun with NEWSGRAPH_RECORD=1 to refresh",
      sourceLocation: sourceLocation)
  }
}
