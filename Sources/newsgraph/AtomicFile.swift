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
        .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)").path
      lock.withLock { _ = pending.insert(temporary) }
      temporaries.append((temporary, file.path))
      guard FileManager.default.createFile(atPath: temporary, contents: Data(file.bytes)) else {
        throw CLIError.cannotWrite(path: file.path, reason: writeFailureReason(for: url))
      }
    }
    for (temporary, final) in temporaries {
      guard rename(temporary, final) == 0 else {
        throw CLIError.cannotWrite(path: final, reason: String(cString: strerror(errno)))
      }
      lock.withLock { _ = pending.remove(temporary) }
    }
    temporaries.removeAll()
  }

  private static func removeTemporary(_ path: String) {
    unlink(path)
    lock.withLock { _ = pending.remove(path) }
  }

  /// Removes temporaries left by an interrupted run; safe to call from a signal source handler.
  static func removePending() {
    lock.withLock {
      for path in pending { unlink(path) }
      pending.removeAll()
    }
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
