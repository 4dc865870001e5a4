import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A real Oxigraph server on 127.0.0.1, on a free port, storing into a temporary folder.
///
/// The binary is `$OXIGRAPH_BIN`, or `oxigraph` on `PATH` (`pip install oxigraph`).
final class OxigraphServer {
  let port: Int
  private let process: Process
  private let directory: URL

  var storeURL: URL { URL(string: "http://127.0.0.1:\(port)/store")! }
  var queryURL: URL { URL(string: "http://127.0.0.1:\(port)/query")! }

  /// Starts a server, runs `body`, and stops the server whatever happens.
  static func with<T>(_ body: (OxigraphServer) async throws -> T) async throws -> T {
    let server = try OxigraphServer()
    defer { server.stop() }
    return try await body(server)
  }

  static func binary() throws -> String {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["OXIGRAPH_BIN"], !path.isEmpty {
      guard FileManager.default.isExecutableFile(atPath: path) else {
        throw TestFailure("OXIGRAPH_BIN=\(path) is not an executable file")
      }
      return path
    }
    for folder in (environment["PATH"] ?? "").split(separator: ":") {
      let candidate = "\(folder)/oxigraph"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw TestFailure(
      "the Oxigraph server was not found: `pip install oxigraph`, then put `oxigraph` on PATH "
        + "or set OXIGRAPH_BIN to its path")
  }

  private init() throws {
    let binary = try OxigraphServer.binary()
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("newsgraph-oxigraph-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    // Parallel tests each start a server: a port another test's server took between our probe
    // and our bind would make this process exit while the other answers in its place. So ports are
    // never handed out twice in this process, and the server must still be running once the port
    // answers; else we try another port.
    var attempt = 0
    while true {
      attempt += 1
      let port = try OxigraphServer.unusedPort()
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = ["serve", "--location", directory.path, "--bind", "127.0.0.1:\(port)"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      let deadline = Date().addingTimeInterval(20)
      while !LocalPort.accepts(port: port) && process.isRunning && Date() < deadline {
        Thread.sleep(forTimeInterval: 0.05)
      }
      Thread.sleep(forTimeInterval: 0.1)
      if process.isRunning && LocalPort.accepts(port: port) {
        self.port = port
        self.process = process
        return
      }
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
      }
      guard attempt < 5 else {
        try? FileManager.default.removeItem(at: directory)
        throw TestFailure("Oxigraph (\(binary)) did not start listening on 127.0.0.1 after 5 tries")
      }
    }
  }

  /// Ports already given to a server of this test process.
  private static let handedOut = Mutex<Set<Int>>([])

  private static func unusedPort() throws -> Int {
    for _ in 0..<50 {
      let port = try LocalPort.free()
      if handedOut.withLock({ $0.insert(port).inserted }) { return port }
    }
    throw TestFailure("no unused local port")
  }

  func stop() {
    if process.isRunning {
      // Oxigraph 0.5 does not exit on SIGTERM or SIGINT; its folder is thrown away, so SIGKILL is safe.
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(at: directory)
  }
}
