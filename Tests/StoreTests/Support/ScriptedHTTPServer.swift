import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 that answers from a script, to test retries and headers.
/// One connection at a time; each answer closes its connection, unless `keepAlive` is set: then the
/// connection stays open that many seconds for the next request and, if none comes, gets the
/// unrequested 500 that Oxigraph writes on a connection it times out, before it is closed.
final class ScriptedHTTPServer: Sendable {
  struct Reply: Sendable {
    let status: Int
    let body: String
  }

  /// What the server received: the request line and headers of each request.
  struct Received: Sendable {
    let requestLine: String
    let headers: [String: String]
    let body: String
  }

  let port: Int
  private let listener: Int32
  private let replies: [Reply]
  private let keepAlive: Double?
  private let state = Mutex<(received: [Received], connections: Int, stopped: Bool, finished: Bool)>(
    ([], 0, false, false))

  var url: URL { URL(string: "http://127.0.0.1:\(port)/store")! }
  var received: [Received] { state.withLock { $0.received } }
  /// How many connections the server accepted.
  var connections: Int { state.withLock { $0.connections } }

  /// The answer Oxigraph 0.5 writes on a connection idle for 60 s, before closing it.
  static let idleTimeoutReply = Reply(status: 500, body: "Resource temporarily unavailable (os error 11)")

  /// Answers the n-th request with `replies[n]`, and every later one with the last reply.
  init(replies: [Reply], keepAlive: Double? = nil) throws {
    precondition(!replies.isEmpty)
    self.replies = replies
    self.keepAlive = keepAlive
    listener = try LocalPort.listeningSocket(port: 0)
    port = try LocalPort.port(of: listener)
    Thread.detachNewThread { [self] in serve() }
  }

  static func with<T>(
    replies: [Reply], keepAlive: Double? = nil, _ body: (ScriptedHTTPServer) async throws -> T
  ) async throws -> T {
    let server = try ScriptedHTTPServer(replies: replies, keepAlive: keepAlive)
    defer { server.stop() }
    return try await body(server)
  }

  func stop() {
    state.withLock { $0.stopped = true }
    while !state.withLock({ $0.finished }) { Thread.sleep(forTimeInterval: 0.01) }
    close(listener)
  }

  // MARK: - Serving

  private func serve() {
    while !state.withLock({ $0.stopped }) {
      var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 50) > 0 else { continue }
      let connection = accept(listener, nil, nil)
      guard connection >= 0 else { continue }
      state.withLock { $0.connections += 1 }
      if let keepAlive {
        while answer(connection) {
          guard let readable = waitForRequest(on: connection, seconds: keepAlive) else { break }
          if !readable {
            send(ScriptedHTTPServer.idleTimeoutReply, to: connection)
            break
          }
        }
      } else {
        _ = answer(connection)
      }
      close(connection)
    }
    state.withLock { $0.finished = true }
  }

  /// Whether the client sent something on `connection` within `seconds`; `nil` once the server stops.
  private func waitForRequest(on connection: Int32, seconds: Double) -> Bool? {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if state.withLock({ $0.stopped }) { return nil }
      var waiting = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
      if poll(&waiting, 1, 50) > 0 { return true }
    }
    return false
  }

  /// Reads one request and answers it; `false` when the client sent none.
  private func answer(_ connection: Int32) -> Bool {
    var data = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 65536)
    var headerEnd: Int?
    var contentLength = 0
    // Read the headers, then as much body as Content-Length says, so the client sees a clean answer.
    while true {
      let count = read(connection, &chunk, chunk.count)
      if count <= 0 { break }
      data.append(contentsOf: chunk[0..<count])
      if headerEnd == nil, let end = ScriptedHTTPServer.find([13, 10, 13, 10], in: data) {
        headerEnd = end + 4
        let head = String(decoding: data[0..<end], as: UTF8.self)
        for line in head.split(separator: "\r\n").dropFirst() {
          let parts = line.split(separator: ":", maxSplits: 1)
          if parts.count == 2, parts[0].lowercased() == "content-length" {
            contentLength = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
          }
        }
      }
      if let headerEnd, data.count >= headerEnd + contentLength { break }
    }
    guard let headerEnd else { return false }
    let head = String(decoding: data[0..<(headerEnd - 4)], as: UTF8.self)
    let lines = head.split(separator: "\r\n").map(String.init)
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      let parts = line.split(separator: ":", maxSplits: 1)
      if parts.count == 2 {
        headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
      }
    }
    let body = String(decoding: data[headerEnd...], as: UTF8.self)
    let index = state.withLock { state in
      state.received.append(Received(requestLine: lines.first ?? "", headers: headers, body: body))
      return state.received.count - 1
    }
    send(replies[min(index, replies.count - 1)], to: connection)
    return true
  }

  private func send(_ reply: Reply, to connection: Int32) {
    let payload = Array(reply.body.utf8)
    let response =
      "HTTP/1.1 \(reply.status) Scripted\r\nContent-Type: text/plain\r\nContent-Length: \(payload.count)\r\n"
      + (keepAlive == nil ? "Connection: close\r\n\r\n" : "\r\n")
    let bytes = Array(response.utf8) + payload
    var written = 0
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
      if count <= 0 { break }
      written += count
    }
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where haystack[start..<(start + needle.count)].elementsEqual(needle) {
      return start
    }
    return nil
  }
}
