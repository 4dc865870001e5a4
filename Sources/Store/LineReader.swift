import Foundation

/// Reads a file line by line through a fixed-size buffer, so memory stays flat whatever the size.
struct LineReader {
  private let handle: FileHandle
  private let path: String
  private let blockSize: Int
  private var buffer: [UInt8] = []
  /// Where the next line starts in `buffer`.
  private var start = 0
  /// Where to resume looking for a newline in `buffer`.
  private var scanned = 0
  private var atEnd = false
  /// The number of the line last returned, from 1.
  private(set) var lineNumber = 0

  init(path: String, blockSize: Int = 1 << 20) throws(StoreError) {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadableInput(file: path, reason: "no such file, or no permission to read it")
    }
    self.handle = handle
    self.path = path
    self.blockSize = blockSize
  }

  /// The next line without its `\n` (and without a `\r` before it), or `nil` at the end of the file.
  /// The caller should drop the slice before asking for the next line, so the buffer is not copied.
  mutating func nextLine() throws(StoreError) -> ArraySlice<UInt8>? {
    while true {
      if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
        var end = newline
        if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = buffer[start..<end]
        start = newline + 1
        scanned = start
        lineNumber += 1
        return line
      }
      scanned = buffer.count
      if atEnd {
        guard start < buffer.count else { return nil }
        let line = buffer[start...]
        start = buffer.count
        scanned = start
        lineNumber += 1
        return line
      }
      try refill()
    }
  }

  /// Drops the consumed bytes and appends the next block of the file.
  private mutating func refill() throws(StoreError) {
    if start > 0 {
      buffer.removeFirst(start)
      scanned -= start
      start = 0
    }
    let block: Data?
    do {
      block = try handle.read(upToCount: blockSize)
    } catch {
      throw .unreadableInput(file: path, reason: error.localizedDescription)
    }
    guard let block, !block.isEmpty else {
      atEnd = true
      try? handle.close()
      return
    }
    buffer.append(contentsOf: block)
  }
}
