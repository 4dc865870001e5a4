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

  @Test func unwritableDirectoryIsReported() {
    #expect(throws: RDFError.self) { try FileOutput(path: "/nonexistent-dir/graph.ttl") }
  }
}
