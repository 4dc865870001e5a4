// MARK: - Open-addressing table from feature hashes to dense ids

/// A hash table from 64-bit feature keys to dense `Int32` ids, with linear probing.
///
/// Keys are already well-mixed hashes, so the slot is taken from the key's high bits directly.
/// Key 0 marks an empty slot; ``FeatureTable/normalize(_:)`` maps a 0 key to 1.
struct FeatureTable: Sendable {
  private(set) var keys: [UInt64]
  private(set) var values: [Int32]
  private(set) var count = 0
  private var shift: UInt64

  init(minimumCapacity: Int = 1024) {
    var capacity = 16
    while capacity < minimumCapacity * 2 { capacity <<= 1 }
    keys = Array(repeating: 0, count: capacity)
    values = Array(repeating: -1, count: capacity)
    shift = UInt64(64 - capacity.trailingZeroBitCount)
  }

  @inline(__always)
  static func normalize(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

  /// The slot where the search for `key` (normalized) starts: its high bits.
  @inline(__always)
  static func home(_ key: UInt64, shift: UInt64) -> Int { Int(truncatingIfNeeded: key &>> shift) }

  /// The id of `key`, or -1 when absent.
  @inline(__always)
  func find(_ key: UInt64) -> Int32 {
    let key = Self.normalize(key)
    return keys.withUnsafeBufferPointer { k in
      let mask = k.count - 1
      var i = Self.home(key, shift: shift)
      while true {
        let stored = k[i]
        if stored == key { return values[i] }
        if stored == 0 { return -1 }
        i = (i + 1) & mask
      }
    }
  }

  /// The id of `key`, inserting it with id `count` when absent.
  @inline(__always)
  mutating func findOrInsert(_ key: UInt64) -> (id: Int32, inserted: Bool) {
    let key = Self.normalize(key)
    if (count + 1) * 2 > keys.count { grow() }
    let mask = keys.count - 1
    var i = Self.home(key, shift: shift)
    while true {
      let stored = keys[i]
      if stored == key { return (values[i], false) }
      if stored == 0 {
        keys[i] = key
        values[i] = Int32(count)
        count += 1
        return (Int32(count - 1), true)
      }
      i = (i + 1) & mask
    }
  }

  /// Inserts `key` with an explicit id (used when loading a model).
  mutating func insert(_ key: UInt64, id: Int32) {
    let key = Self.normalize(key)
    if (count + 1) * 2 > keys.count { grow() }
    let mask = keys.count - 1
    var i = Self.home(key, shift: shift)
    while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
    if keys[i] == 0 { count += 1 }
    keys[i] = key
    values[i] = id
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    let capacity = keys.count * 2
    keys = Array(repeating: 0, count: capacity)
    values = Array(repeating: -1, count: capacity)
    shift = UInt64(64 - capacity.trailingZeroBitCount)
    count = 0
    for (k, v) in zip(oldKeys, oldValues) where k != 0 { insert(k, id: v) }
  }

  /// All (key, id) pairs, ordered by id.
  func pairsByID() -> [(UInt64, Int32)] {
    var out: [(UInt64, Int32)] = []
    out.reserveCapacity(count)
    for (k, v) in zip(keys, values) where k != 0 { out.append((k, v)) }
    out.sort { $0.1 < $1.1 }
    return out
  }
}
