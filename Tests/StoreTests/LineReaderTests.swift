import Foundation
import Testing

@testable import Store

@Suite("LineReader")
struct LineReaderTests {
  func lines(of text: String, blockSize: Int) throws -> [String] {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString).nq")
    try Data(text.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    var reader = try LineReader(path: url.path, blockSize: blockSize)
    var result: [String] = []
    while let line = try reader.nextLine() {
      result.append(String(decoding: line, as: UTF8.self))
      #expect(reader.lineNumber == result.count)
    }
    return result
  }

  /// Block sizes smaller than a line make every line cross a block boundary.
  @Test(arguments: [1, 2, 3, 5, 64, 1 << 20])
  func splitsLinesAcrossBlockBoundaries(blockSize: Int) throws {
    let text = "first line\r\nsecond, 東京\n\nlast without newline"
    #expect(
      try lines(of: text, blockSize: blockSize) == ["first line", "second, 東京", "", "last without newline"])
  }

  @Test func anEmptyFileHasNoLines() throws {
    #expect(try lines(of: "", blockSize: 4).isEmpty)
  }

  @Test func aMissingFileNamesItself() throws {
    do {
      _ = try LineReader(path: "/nonexistent/graph.nq")
      Issue.record("opened a missing file")
    } catch {
      #expect(error.description.contains("/nonexistent/graph.nq"))
    }
  }
}
