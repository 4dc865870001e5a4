import Foundation

// MARK: - Deterministic randomness

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast and fully determined by its seed, so a
/// failure can be replayed from the seed printed with it.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

// MARK: - Budget

/// How long and from which seed the fuzz tests run. CI uses the defaults (a fixed seed and a few
/// seconds per target); `NEWSGRAPH_FUZZ_SECONDS` and `NEWSGRAPH_FUZZ_SEED` run longer or elsewhere
/// by hand, and `NEWSGRAPH_FUZZ_LARGE=1` also sends the 10 MB article and the 100,000-article feed
/// through the whole pipeline (minutes in a debug build).
enum FuzzConfiguration {
  static let defaultSeed: UInt64 = 0x4E47_2026_1125

  static var seed: UInt64 {
    guard let raw = ProcessInfo.processInfo.environment["NEWSGRAPH_FUZZ_SEED"] else { return defaultSeed }
    return UInt64(raw) ?? UInt64(raw.dropFirst(raw.hasPrefix("0x") ? 2 : 0), radix: 16) ?? defaultSeed
  }

  /// Seconds for one time-bounded fuzz loop.
  static func seconds(default value: Double) -> Double {
    ProcessInfo.processInfo.environment["NEWSGRAPH_FUZZ_SECONDS"].flatMap(Double.init) ?? value
  }

  static var large: Bool { ProcessInfo.processInfo.environment["NEWSGRAPH_FUZZ_LARGE"] == "1" }

  /// A per-test seed, so that two loops never draw the same inputs.
  static func seed(for name: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return seed ^ hash
  }
}

/// Seconds since an arbitrary start, monotonic.
func monotonicSeconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
