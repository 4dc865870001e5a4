#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(Musl)
  import Musl
#endif

/// Streams the quads of an N-Quads or N-Triples file, one line in memory at a time.
/// https://www.w3.org/TR/n-quads/
///
/// ```swift
/// let reader = try NQuadsReader(path: "graph.nq")
/// while let quad = try reader.next() { ... }
/// ```
public final class NQuadsReader {
  /// The path as given (`-` is standard input).
  public let path: String
  var parser: NQuadsParser
  var file: UnsafeMutablePointer<FILE>?
  var line: UnsafeMutablePointer<CChar>?
  var capacity = 0
  /// The number of the last line read, from 1.
  public private(set) var lineNumber = 0

  /// Opens `path` for reading (`-` reads standard input).
  public init(path: String, allowsGraphNames: Bool = true) throws(RDFError) {
    self.path = path
    self.parser = NQuadsParser(source: path, allowsGraphNames: allowsGraphNames)
    if path == "-" {
      // fdopen on a duplicate, so that closing it leaves the process's stdin alone; avoids
      // touching the C global `stdin`, which Swift 6 treats as shared mutable state.
      guard let opened = fdopen(dup(0), "rb") else {
        throw .io(path: path, reason: "cannot read standard input: \(String(cString: strerror(errno)))")
      }
      file = opened
    } else {
      guard let opened = fopen(path, "rb") else {
        throw .io(path: path, reason: "cannot open for reading: \(String(cString: strerror(errno)))")
      }
      file = opened
    }
  }

  deinit {
    free(line)
    if let file { fclose(file) }
  }

  /// The next quad, or `nil` at the end of the file. Blank and comment lines are skipped.
  public func next() throws(RDFError) -> Quad? {
    guard let file else { return nil }
    while true {
      let count = getline(&line, &capacity, file)
      if count < 0 {
        if ferror(file) != 0 {
          throw .io(
            path: path, reason: "read error after line \(lineNumber): \(String(cString: strerror(errno)))")
        }
        return nil
      }
      lineNumber += 1
      let quad = try line!.withMemoryRebound(to: UInt8.self, capacity: count) { (bytes) throws(RDFError) in
        try parser.parse(bytes: UnsafeBufferPointer(start: bytes, count: count), lineNumber: lineNumber)
      }
      if let quad { return quad }
    }
  }

  /// Every quad of the file, in file order.
  public static func readAll(path: String, allowsGraphNames: Bool = true) throws(RDFError) -> [Quad] {
    let reader = try NQuadsReader(path: path, allowsGraphNames: allowsGraphNames)
    var quads: [Quad] = []
    while let quad = try reader.next() { quads.append(quad) }
    return quads
  }
}
