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
public final class FileOutput: TextOutputStream {
  public let path: String
  let temporaryPath: String
  var file: UnsafeMutablePointer<FILE>?
  /// The first write error; writes after it are skipped and ``commit()`` reports it.
  var failure: String?

  /// Creates the temporary file; fails if the directory is not writable.
  public init(path: String) throws(RDFError) {
    self.path = path
    self.temporaryPath = path + ".partial-\(getpid())"
    guard let file = fopen(temporaryPath, "wb") else {
      throw .io(path: path, reason: "cannot create \(temporaryPath): \(String(cString: strerror(errno)))")
    }
    self.file = file
    // A 1 MiB buffer: output arrives in many small strings.
    setvbuf(file, nil, _IOFBF, 1 << 20)
  }

  deinit {
    if let file {
      fclose(file)
      unlink(temporaryPath)
    }
  }

  public func write(_ string: String) {
    guard let file, failure == nil else { return }
    var string = string
    let written = string.withUTF8 { bytes in
      bytes.isEmpty ? 0 : fwrite(bytes.baseAddress!, 1, bytes.count, file)
    }
    if written != string.utf8.count { failure = String(cString: strerror(errno)) }
  }

  /// Flushes, closes and renames the file into place.
  public func commit() throws(RDFError) {
    guard let file else { throw .io(path: path, reason: "already committed") }
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
