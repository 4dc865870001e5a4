import Foundation
import Testing

@testable import Store

/// `newsgraph load` as a user runs it: exit status, standard output and standard error.
@Suite("newsgraph load command")
struct LoadCommandTests {
  struct Run {
    let status: Int32
    let output: String
    let error: String
  }

  /// The `newsgraph` executable built next to this test bundle (`swift test` builds it).
  static func executable() throws -> URL {
    if let path = ProcessInfo.processInfo.environment["NEWSGRAPH_BIN"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    let bundle = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    var folder = bundle.deletingLastPathComponent()
    // On macOS the test binary sits inside NewsGraphPackageTests.xctest/Contents/MacOS.
    while folder.path.contains(".xctest") { folder = folder.deletingLastPathComponent() }
    let candidate = folder.appendingPathComponent("newsgraph")
    guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
      throw TestFailure(
        "the newsgraph executable is not at \(candidate.path); run `swift build --product newsgraph` "
          + "or set NEWSGRAPH_BIN")
    }
    return candidate
  }

  func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
    let process = Process()
    process.executableURL = try LoadCommandTests.executable()
    process.arguments = ["load"] + arguments
    var merged = ProcessInfo.processInfo.environment
    for key in [
      StoreCredentials.userVariable, StoreCredentials.passwordVariable, StoreCredentials.tokenVariable,
    ] {
      merged[key] = nil
    }
    merged.merge(environment) { $1 }
    process.environment = merged
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
      error: String(decoding: err, as: UTF8.self))
  }

  @Test func aStoppedServerGivesAClearErrorAndANonZeroStatus() throws {
    let file = try ModelFixture().write()
    defer { try? FileManager.default.removeItem(at: file) }
    let port = try LocalPort.free()
    let run = try run([file.path, "--store", "http://127.0.0.1:\(port)/store", "--attempts", "2"])
    #expect(run.status != 0)
    #expect(run.error.contains("cannot reach the store at http://127.0.0.1:\(port)/store"))
    #expect(run.error.contains("after 2 attempts"))
    #expect(run.error.contains("connection refused"))
  }

  @Test func aLoadThatVerifiesExitsZeroAndReportsWhere() async throws {
    let fixture = ModelFixture()
    let file = try fixture.write()
    defer { try? FileManager.default.removeItem(at: file) }
    try await OxigraphServer.with { server in
      let run = try run([
        file.path, "--store", server.storeURL.absoluteString, "--per-article-graphs", "--replace", "--verify",
      ])
      #expect(run.status == 0, "\(run.error)")
      #expect(run.output.contains("replaced \(fixture.countsByGraph.values.reduce(0, +)) triples"))
      #expect(run.output.contains("graph <\(fixture.articles[0].iri)>"))
      #expect(run.output.contains("verified"))
    }
  }

  @Test func aRefusedUploadShowsTheServersMessageAndFails() async throws {
    let file = try ModelFixture().write(
      "<http://example.org/%zz> <http://example.org/p> \"x\" .\n", ext: "nt")
    defer { try? FileManager.default.removeItem(at: file) }
    try await OxigraphServer.with { server in
      let run = try run([
        file.path, "--store", server.storeURL.absoluteString, "--graph", "http://example.org/g",
      ])
      #expect(run.status != 0)
      #expect(run.error.contains("refused POST of graph <http://example.org/g> with HTTP 400"))
      // The server's own explanation follows on the next line.
      let said = run.error.components(separatedBy: "it said:\n").last ?? ""
      #expect(!said.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
      // And which lines of the file the refused request carried.
      #expect(run.error.contains("from line 1 of \(file.path)"))
    }
  }

  @Test func credentialsFromTheEnvironmentAreNeverPrinted() async throws {
    let file = try ModelFixture().write()
    defer { try? FileManager.default.removeItem(at: file) }
    try await ScriptedHTTPServer.with(replies: [.init(status: 403, body: "forbidden")]) { server in
      let run = try run(
        [file.path, "--store", server.url.absoluteString],
        environment: [StoreCredentials.tokenVariable: "tok-9f8e7d"])
      #expect(run.status != 0)
      #expect(run.error.contains("HTTP 403"))
      #expect(!(run.error + run.output).contains("tok-9f8e7d"))
      #expect(server.received.first?.headers["authorization"] == "Bearer tok-9f8e7d")
    }
  }

  @Test func turtleIsRefusedWithAWayOut() throws {
    let file = try ModelFixture().write("<http://example.org/a> <http://example.org/p> 1 .\n", ext: "ttl")
    defer { try? FileManager.default.removeItem(at: file) }
    let run = try run([file.path, "--store", "http://127.0.0.1:9/store"])
    #expect(run.status != 0)
    #expect(run.error.contains(file.path))
    #expect(run.error.contains(".nq"))
  }

  @Test func twoTargetsAtOnceAreAUsageError() throws {
    let run = try run(["g.nq", "--store", "http://127.0.0.1:9/store", "--graph", "http://e/g", "--dataset"])
    #expect(run.status != 0)
    #expect(run.error.contains("choose one of"))
  }
}
