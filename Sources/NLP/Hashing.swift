// MARK: - Feature hashing

/// 64-bit hashing used for features: strings are hashed once per token, then combined with
/// template ids and other values by ``FeatureHash/combine(_:_:)``.
///
/// The functions are fixed (not Swift's per-process seeded `Hasher`) so that a model file trained
/// in one process predicts the same in another.
public enum FeatureHash {
  static let seed: UInt64 = 0x243F_6A88_85A3_08D3

  /// Mixes `value` into `hash` (a strong 64-bit mixer, after MurmurHash3's finalizer).
  @inline(__always)
  public static func combine(_ hash: UInt64, _ value: UInt64) -> UInt64 {
    var x = (hash ^ value) &+ 0x9E37_79B9_7F4A_7C15 &+ (hash << 6) &+ (hash >> 2)
    x ^= x >> 33
    x &*= 0xFF51_AFD7_ED55_8CCD
    x ^= x >> 33
    x &*= 0xC4CE_B9FE_1A85_EC53
    x ^= x >> 33
    return x
  }

  /// FNV-1a over bytes, then mixed; the hash of a string's UTF-8.
  @inline(__always)
  public static func bytes(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in buffer {
      h ^= UInt64(b)
      h &*= 0x100_0000_01B3
    }
    return combine(h, UInt64(buffer.count))
  }

  /// The hash of a string's UTF-8 bytes.
  public static func string(_ s: String) -> UInt64 {
    var s = s
    return s.withUTF8 { bytes($0) }
  }

  /// FNV-1a 64 of a byte sequence, as a fixed checksum of training data (not mixed).
  public static func checksum(_ data: some Sequence<UInt8>) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in data {
      h ^= UInt64(b)
      h &*= 0x100_0000_01B3
    }
    return h
  }
}
