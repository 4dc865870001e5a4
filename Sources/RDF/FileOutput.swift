#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(Musl)
  import Musl
#endif

/// A buffered `TextOutputStream` into a file that appears only when complete: it writes to a
/// temporary file next to `path` and renames it over `path` in ``commit()``. If the output is
/// dropped without a commit (an error, a crash of the writer), the temporary file is removed
/// and `path` is left as it was, so no half-written graph is ever seen.
///
/// ```swift
/// var output = try FileOutput(path: "graph.ttl")
/// RDFFormat.turtle.write(quads, prefixes: prefixes, to: &output)
/// try output.commit()
/// ```
public final class FileOutput: ByteSink {
  public let path: String
  let temporaryPath: String
  var file: UnsafeMutablePointer<FILE>?
  /// The first write error; writes after it are skipped and ``commit()`` reports it.
  var failure: String?
  /// Output collects here and goes to the file in large blocks: writers emit many short strings,
  /// and a locked `fwrite` per string would cost more than the formatting.
  var buffer: [UInt8] = []
  static let blockSize = 1 << 16

  /// Creates the temporary file; fails if the directory is not writable.
  public init(path: String) throws(RDFError) {
    self.path = path
    self.temporaryPath = path + ".partial-\(getpid())"
    guard let file = fopen(temporaryPath, "wb") else {
      throw .io(path: path, reason: "cannot create \(temporaryPath): \(String(cString: strerror(errno)))")
    }
    self.file = file
    buffer.reserveCapacity(Self.blockSize + 4096)
  }

  deinit {
    if let file {
      fclose(file)
      unlink(temporaryPath)
    }
  }

  public func write(_ string: String) {
    var string = string  // `withUTF8` may first make the string contiguous
    string.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
  }

  /// Blocks as large as the buffer go to the file at once, without a copy into it.
  public func write(bytes: UnsafeRawBufferPointer) {
    if buffer.isEmpty && bytes.count >= Self.blockSize {
      guard let file, failure == nil else { return }
      if fwrite(bytes.baseAddress!, 1, bytes.count, file) != bytes.count {
        failure = String(cString: strerror(errno))
      }
      return
    }
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.blockSize { flushBuffer() }
  }

  func flushBuffer() {
    defer { buffer.removeAll(keepingCapacity: true) }
    guard let file, failure == nil, !buffer.isEmpty else { return }
    let written = buffer.withUnsafeBufferPointer { fwrite($0.baseAddress!, 1, $0.count, file) }
    if written != buffer.count { failure = String(cString: strerror(errno)) }
  }

  /// Flushes, closes and renames the file into place.
  public func commit() throws(RDFError) {
    guard let file else { throw .io(path: path, reason: "already committed") }
    flushBuffer()
    self.file = nil
    let flushed = fflush(file) == 0
    let flushError = flushed ? nil : String(cString: strerror(errno))
    let closed = fclose(file) == 0
    if let reason = failure ?? flushError ?? (closed ? nil : String(cString: strerror(errno))) {
      unlink(temporaryPath)
      throw .io(path: path, reason: "write failed: \(reason)")
    }
    guard rename(temporaryPath, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporaryPath)
      throw .io(path: path, reason: "cannot move the finished file into place: \(reason)")
    }
  }
}
