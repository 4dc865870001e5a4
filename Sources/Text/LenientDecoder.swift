/// Decodes bytes as UTF-8 without ever failing: invalid bytes become U+FFFD and are counted.
///
/// Also recognises a UTF-8 byte-order mark (dropped) and UTF-16 with a byte-order mark, and tells
/// binary data (NUL bytes, mostly control bytes) from text.
public enum LenientDecoder {
  /// Decoded text and what had to be repaired.
  public struct Result: Sendable, Hashable {
    public var text: String
    /// Number of bytes that were not valid UTF-8 and were replaced by U+FFFD.
    public var replacedBytes: Int
    /// Byte offset of the first replaced byte.
    public var firstReplacedOffset: Int?
  }

  // MARK: - Decoding

  /// Decodes `bytes`; each byte that does not belong to a valid UTF-8 sequence becomes U+FFFD.
  public static func decode(_ bytes: some Collection<UInt8>) -> Result {
    let array = Array(bytes)
    return array.withUnsafeBufferPointer { decode($0) }
  }

  static func decode(_ b: UnsafeBufferPointer<UInt8>) -> Result {
    var start = 0
    if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { start = 3 }
    if b.count >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)) {
      return decodeUTF16(b, littleEndian: b[0] == 0xFF)
    }
    let body = UnsafeBufferPointer(rebasing: b[start...])
    if let valid = String(validating: body, as: UTF8.self) {
      return Result(text: valid, replacedBytes: 0, firstReplacedOffset: nil)
    }
    var view = String.UnicodeScalarView()
    var replaced = 0
    var first: Int?
    var i = 0
    let n = body.count
    while i < n {
      let c = body[i]
      if c < 0x80 {
        view.append(Unicode.Scalar(c))
        i += 1
        continue
      }
      let length: Int
      var value: UInt32
      var minimum: UInt32
      switch c {
      case 0xC2...0xDF:
        length = 2
        value = UInt32(c & 0x1F)
        minimum = 0x80
      case 0xE0...0xEF:
        length = 3
        value = UInt32(c & 0x0F)
        minimum = 0x800
      case 0xF0...0xF4:
        length = 4
        value = UInt32(c & 0x07)
        minimum = 0x10000
      default:
        length = 0
        value = 0
        minimum = 0
      }
      var ok = length > 0 && i + length <= n
      if ok {
        for k in 1..<length {
          let d = body[i + k]
          guard d & 0xC0 == 0x80 else {
            ok = false
            break
          }
          value = (value << 6) | UInt32(d & 0x3F)
        }
      }
      if ok, value >= minimum, let scalar = Unicode.Scalar(value) {
        view.append(scalar)
        i += length
      } else {
        view.append("\u{FFFD}")
        replaced += 1
        if first == nil { first = start + i }
        i += 1
      }
    }
    return Result(text: String(view), replacedBytes: replaced, firstReplacedOffset: first)
  }

  private static func decodeUTF16(_ b: UnsafeBufferPointer<UInt8>, littleEndian: Bool) -> Result {
    var units: [UInt16] = []
    units.reserveCapacity(b.count / 2)
    var i = 2
    while i + 1 < b.count {
      let unit =
        littleEndian ? UInt16(b[i]) | UInt16(b[i + 1]) << 8 : UInt16(b[i]) << 8 | UInt16(b[i + 1])
      units.append(unit)
      i += 2
    }
    var view = String.UnicodeScalarView()
    var replaced = b.count % 2
    var first: Int? = replaced > 0 ? b.count - 1 : nil
    var offset = 2
    var parser = UTF16.ForwardParser()
    var iterator = units.makeIterator()
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        view.append(UTF16.decode(encoded))
        offset += encoded.count * 2
      case .error(let length):
        view.append("\u{FFFD}")
        replaced += length * 2
        if first == nil || offset < first! { first = offset }
        offset += length * 2
      case .emptyInput:
        break loop
      }
    }
    return Result(text: String(view), replacedBytes: replaced, firstReplacedOffset: first)
  }

  // MARK: - Binary data

  /// Whether the bytes look like binary data rather than text: a NUL byte, or more than 10% control
  /// bytes other than tab, line feed, form feed and carriage return, within the first 8 KiB.
  /// UTF-16 with a byte-order mark is text.
  public static func looksBinary(_ bytes: some Collection<UInt8>) -> Bool {
    let head = Array(bytes.prefix(8192))
    if head.count >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)) {
      return false
    }
    var control = 0
    for c in head {
      if c == 0 { return true }
      if (c < 0x20 && c != 9 && c != 10 && c != 12 && c != 13 && c != 0x1B) || c == 0x7F { control += 1 }
    }
    return !head.isEmpty && control * 10 > head.count
  }

  /// A finding for replaced bytes, or nil when nothing was replaced.
  static func finding(_ result: Result, source: String, line: Int? = nil) -> IngestFinding? {
    guard result.replacedBytes > 0 else { return nil }
    let bytes = result.replacedBytes == 1 ? "1 byte" : "\(result.replacedBytes) bytes"
    let offset = result.firstReplacedOffset.map { " (first at byte \($0))" } ?? ""
    return IngestFinding(
      source: source, line: line, byteOffset: result.firstReplacedOffset, severity: .warning,
      message: "invalid UTF-8: \(bytes) replaced with U+FFFD\(offset)")
  }
}
