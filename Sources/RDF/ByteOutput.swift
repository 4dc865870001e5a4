/// The UTF-8 bytes of a document being written, collected in one reusable buffer and handed on in
/// large blocks.
///
/// The writers format every term as bytes into this buffer (plain runs copied whole, escapes
/// appended byte by byte) instead of building a `String` per term, and a `TextOutputStream` sees
/// one `write` per block. A block always ends between terms, so it is valid UTF-8 on its own.
struct ByteOutput {
  var bytes: [UInt8] = []
  /// The size from which ``flushIfFull(to:)`` hands the block on: a file's buffer.
  static let blockSize = 1 << 16

  init(capacity: Int = ByteOutput.blockSize + 4096) {
    bytes.reserveCapacity(capacity)
  }

  var count: Int { bytes.count }

  // MARK: - Appending

  @inline(__always)
  mutating func append(_ byte: UInt8) { bytes.append(byte) }

  @inline(__always)
  mutating func append(_ text: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  @inline(__always)
  mutating func append(_ text: String) {
    NTriplesSyntax.withUTF8(text) { bytes.append(contentsOf: $0) }
  }

  @inline(__always)
  mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: utf8) }

  /// `\uXXXX` (or `\UXXXXXXXX` above U+FFFF) with upper- or lowercase hex digits.
  mutating func appendUCHAR(_ value: UInt32, uppercase: Bool = true) {
    let digits: StaticString = uppercase ? "0123456789ABCDEF" : "0123456789abcdef"
    let width = value <= 0xFFFF ? 4 : 8
    bytes.append(UInt8(ascii: "\\"))
    bytes.append(value <= 0xFFFF ? UInt8(ascii: "u") : UInt8(ascii: "U"))
    for shift in stride(from: (width - 1) * 4, through: 0, by: -4) {
      bytes.append(digits.utf8Start[Int((value >> UInt32(shift)) & 0xF)])
    }
  }

  /// Drops what was appended after `mark` (a ``count`` taken earlier).
  mutating func truncate(to mark: Int) {
    bytes.removeSubrange(mark...)
  }

  // MARK: - Handing on

  /// Hands the bytes to `output` once they fill a block.
  @inline(__always)
  mutating func flushIfFull(to output: inout some TextOutputStream) {
    if bytes.count >= Self.blockSize { flush(to: &output) }
  }

  /// Hands every byte collected so far to `output`: as they are to a ``ByteSink`` (a file), else
  /// as a `String`.
  mutating func flush(to output: inout some TextOutputStream) {
    guard !bytes.isEmpty else { return }
    if let sink = output as? any ByteSink {
      bytes.withUnsafeBytes { sink.write(bytes: $0) }
    } else {
      output.write(String(decoding: bytes, as: UTF8.self))
    }
    bytes.removeAll(keepingCapacity: true)
  }

  /// The bytes as a string (for the `String`-returning escaping functions).
  var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// A text output that also takes UTF-8 bytes as they are. The writers' blocks go to it without
/// being made into a `String` first, which would validate and copy every byte of a graph once
/// more on its way to the file.
public protocol ByteSink: AnyObject, TextOutputStream {
  /// Writes `bytes`, valid UTF-8, as if they were a `String` given to `write(_:)`.
  func write(bytes: UnsafeRawBufferPointer)
}
