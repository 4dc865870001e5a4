import Foundation
import Testing

@testable import RDF

@Suite struct FileOutputTests {
  func temporaryPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "ng-out-\(UInt64.random(in: 0...UInt64.max)).ttl"
    ).path
  }

  @Test func fileAppearsOnlyAfterCommit() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    var output = try FileOutput(path: path)
    RDFFormat.turtle.write(SampleDataset.quads, prefixes: SampleDataset.prefixes, to: &output)
    #expect(!FileManager.default.fileExists(atPath: path))
    try output.commit()
    var expected = ""
    RDFFormat.turtle.write(SampleDataset.quads, prefixes: SampleDataset.prefixes, to: &expected)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
  }

  @Test func droppedOutputLeavesTheOldFileAndNoTemporaryFile() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    try "old".write(toFile: path, atomically: true, encoding: .utf8)
    do {
      let output = try FileOutput(path: path)
      output.write("new, unfinished")
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    let directory = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory).filter {
        $0.hasPrefix(name + ".partial")
      }.isEmpty)
  }

  /// The writers hand their blocks to the file as bytes (``ByteSink``): straight to the file when
  /// its buffer is empty, else after what it holds. Either way the file holds what a `String`
  /// output gets, in order.
  @Test(arguments: RDFFormat.allCases, [false, true])
  func blocksHandedAsBytesGiveTheTextOutput(format: RDFFormat, startsWithText: Bool) throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let quads = ByteWriterTests.manyQuads
    var output = try FileOutput(path: path)
    var expected = ""
    if startsWithText {
      output.write("# written first\n")
      expected.write("# written first\n")
    }
    format.write(quads, prefixes: ByteWriterTests.prefixes, to: &output)
    try output.commit()
    format.write(quads, prefixes: ByteWriterTests.prefixes, to: &expected)
    #expect(expected.utf8.count > 2 * FileOutput.blockSize)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected.utf8))
  }

  @Test func unwritableDirectoryIsReported() {
    #expect(throws: RDFError.self) { try FileOutput(path: "/nonexistent-dir/graph.ttl") }
  }
}
