import Foundation

/// Writes files through a temporary name in the same folder and a rename, so a reader never sees
/// half a file and an interrupted run leaves earlier outputs intact.
enum AtomicFile {
  /// Temporary files not yet renamed, removed if the process is interrupted.
  nonisolated(unsafe) static var pending: Set<String> = []
  static let lock = NSLock()

  /// Writes every file or none: all are written to temporary names first, then renamed.
  static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws {
    var temporaries: [(temporary: String, final: String)] = []
    defer {
      for (temporary, _) in temporaries { removeTemporary(temporary) }
    }
    for file in files {
      let url = URL(fileURLWithPath: file.path)
      let temporary = url.deletingLastPathComponent()
        .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        .path
      temporaries.append((temporary, file.path))
      // Registered and created under the lock: an interrupt either comes before (and the file is
      // never created) or after (and it is removed), never in between.
      let created = lock.withLock {
        pending.insert(temporary)
        return FileManager.default.createFile(atPath: temporary, contents: Data(file.bytes))
      }
      guard created else {
        throw CLIError.cannotWrite(path: file.path, reason: writeFailureReason(for: url))
      }
    }
    for (temporary, final) in temporaries {
      let renamed = lock.withLock {
        guard rename(temporary, final) == 0 else { return false }
        pending.remove(temporary)
        return true
      }
      guard renamed else {
        throw CLIError.cannotWrite(path: final, reason: String(cString: strerror(errno)))
      }
    }
    temporaries.removeAll()
  }

  private static func removeTemporary(_ path: String) {
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

  private static func writeFailureReason(for url: URL) -> String {
    let folder = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
      return "the folder \(folder) does not exist"
    }
    if !FileManager.default.isWritableFile(atPath: folder) { return "the folder \(folder) is not writable" }
    return "the disk may be full"
  }
}
