import Foundation

/// Writes files through a temporary name in the same folder and a rename, so a reader never sees
/// half a file and an interrupted run leaves earlier outputs intact.
enum AtomicFile {
  /// Temporary files not yet renamed, removed if the process is interrupted.
  nonisolated(unsafe) static var pending: Set<String> = []
  static let lock = NSLock()

  /// Writes every file or none: all are written to temporary names first, then renamed.
  static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws {
    var staged: [StagedFile] = []
    defer { discard(staged) }
    for file in files {
      let output = try StagedFile(path: file.path)
      staged.append(output)
      output.write(bytes: file.bytes)
      try output.finish()
    }
    try commit(staged)
    staged.removeAll()
  }

  /// Renames every finished file into place, in order; the first failure stops and is thrown.
  /// On failure, the files not yet renamed stay temporary: ``discard(_:)`` removes them.
  static func commit(_ files: [StagedFile]) throws {
    for file in files {
      let renamed = lock.withLock {
        guard rename(file.temporary, file.path) == 0 else { return false }
        pending.remove(file.temporary)
        return true
      }
      guard renamed else {
        throw CLIError.cannotWrite(path: file.path, reason: String(cString: strerror(errno)))
      }
      file.committed = true
    }
  }

  /// Removes the temporaries of files that were not committed.
  static func discard(_ files: [StagedFile]) {
    for file in files where !file.committed { file.abandon() }
  }

  static func removeTemporary(_ path: String) {
    unlink(path)
    lock.withLock { _ = pending.remove(path) }
  }

  /// Removes temporaries left by an interrupted run, right before the process exits; safe to call
  /// from a signal source handler.
  ///
  /// The lock is kept on purpose: the thread that writes the outputs then blocks before creating
  /// another temporary, instead of leaving one behind while `exit` runs.
  static func removePending() {
    lock.lock()
    for path in pending { unlink(path) }
    pending.removeAll()
  }

  static func writeFailureReason(for path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    let shown = folder.isEmpty ? "." : folder
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: shown, isDirectory: &isDirectory) || !isDirectory.boolValue {
      return "the folder \(shown) does not exist"
    }
    if !FileManager.default.isWritableFile(atPath: shown) { return "the folder \(shown) is not writable" }
    return "the disk may be full"
  }
}

/// One output file being written: a buffered stream into a temporary file beside `path`, which
/// ``AtomicFile/commit(_:)`` renames into place. Streaming keeps memory flat whatever the size of
/// the file. One writer at a time; different files may be written on different threads.
final class StagedFile: TextOutputStream, @unchecked Sendable {
  let path: String
  let temporary: String
  private var file: UnsafeMutablePointer<FILE>?
  private var buffer: [UInt8] = []
  /// The first write error; later writes are skipped and ``finish()`` reports it.
  private var failure: String?
  fileprivate(set) var committed = false
  private static let blockSize = 1 << 16

  init(path: String) throws {
    self.path = path
    let name = (path as NSString).lastPathComponent
    let folder = (path as NSString).deletingLastPathComponent
    temporary = (folder as NSString).appendingPathComponent(
      ".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    // Registered and created under the lock: an interrupt either comes before (and the file is
    // never created) or after (and it is removed), never in between.
    let opened = AtomicFile.lock.withLock { () -> UnsafeMutablePointer<FILE>? in
      AtomicFile.pending.insert(temporary)
      return fopen(temporary, "wb")
    }
    guard let opened else {
      AtomicFile.lock.withLock { _ = AtomicFile.pending.remove(temporary) }
      throw CLIError.cannotWrite(path: path, reason: AtomicFile.writeFailureReason(for: path))
    }
    file = opened
    buffer.reserveCapacity(Self.blockSize + 4096)
  }

  deinit {
    if let file { fclose(file) }
    if !committed { AtomicFile.removeTemporary(temporary) }
  }

  func write(_ string: String) {
    buffer.append(contentsOf: string.utf8)
    if buffer.count >= Self.blockSize { flush() }
  }

  func write(bytes: [UInt8]) {
    flush()
    append(bytes)
  }

  private func flush() {
    append(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  private func append(_ bytes: [UInt8]) {
    guard let file, failure == nil, !bytes.isEmpty else { return }
    let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress!, 1, $0.count, file) }
    if written != bytes.count { failure = String(cString: strerror(errno)) }
  }

  /// Flushes and closes the temporary file; throws if any write failed.
  func finish() throws {
    flush()
    guard let file else { return }
    self.file = nil
    let flushed = fflush(file) == 0
    let reason = failure ?? (flushed ? nil : String(cString: strerror(errno)))
    let closed = fclose(file) == 0
    if let reason = reason ?? (closed ? nil : String(cString: strerror(errno))) {
      throw CLIError.cannotWrite(path: path, reason: "write failed (\(reason)); the disk may be full")
    }
  }

  /// Closes and removes the temporary file.
  fileprivate func abandon() {
    if let file {
      fclose(file)
      self.file = nil
    }
    AtomicFile.removeTemporary(temporary)
  }
}
