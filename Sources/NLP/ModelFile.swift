import Foundation

// MARK: - Errors

/// Hard failures of the NLP module.
public enum NLPError: Error, CustomStringConvertible, Sendable {
  case invalidCoNLLU(file: String, line: Int, reason: String)
  case invalidModel(file: String, reason: String)
  case missingResource(String)
  case io(file: String, reason: String)

  public var description: String {
    switch self {
    case .invalidCoNLLU(let file, let line, let reason): "\(file):\(line): invalid CoNLL-U: \(reason)"
    case .invalidModel(let file, let reason): "\(file): invalid model file: \(reason)"
    case .missingResource(let name): "bundled model \(name) not found in the NLP resources"
    case .io(let file, let reason): "\(file): \(reason)"
    }
  }
}

// MARK: - Header

/// The metadata at the start of a model file: what it is, what it was trained on, how well it did.
public struct ModelHeader: Codable, Sendable, Equatable {
  /// `tagger` or `parser`.
  public var kind: String
  public var formatVersion: Int
  /// Class labels of the main linear model, in class-id order.
  public var labels: [String]
  /// Base name of the training file.
  public var trainingData: String
  /// FNV-1a 64 of the training file's bytes, as `fnv1a64:` and 16 hex digits.
  public var trainingChecksum: String
  /// Scores reached on the development data when training finished (percentages).
  public var scores: [String: Double]
  /// Training options (iterations, seed, thresholds), as strings.
  public var options: [String: String]

  public init(
    kind: String, labels: [String], trainingData: String, trainingChecksum: String,
    scores: [String: Double] = [:], options: [String: String] = [:]
  ) {
    self.kind = kind
    self.formatVersion = ModelArchive.formatVersion
    self.labels = labels
    self.trainingData = trainingData
    self.trainingChecksum = trainingChecksum
    self.scores = scores
    self.options = options
  }
}

// MARK: - Archive

/// A model file: magic `NGMODEL1`, a little-endian UInt32 format version, a UInt32 length and the
/// JSON header, then named binary sections (4-byte tag, UInt32 element size, UInt64 count, the raw
/// little-endian elements, zero padding to 8 bytes).
///
/// Version history: 1, the first layout; 2, the tagger and parser gain word-class features (and
/// their word classes as sections `WGRN`, `WKEY`, `WVAL`). The container is the same, so a reader
/// accepts both; each model kind then asks for the version its features need (``requireFormat``).
public struct ModelArchive: Sendable {
  public static let formatVersion = 2
  /// Container versions this reader can decode.
  static let readableVersions = 1...2
  static let magic: [UInt8] = Array("NGMODEL1".utf8)

  public var header: ModelHeader
  /// The format version the file was written with (``formatVersion`` for a new archive).
  public private(set) var fileVersion = Self.formatVersion
  private(set) var sections: [String: (elementSize: Int, bytes: [UInt8])] = [:]
  private var order: [String] = []

  public init(header: ModelHeader) { self.header = header }

  mutating func put<T: BitwiseCopyable>(_ tag: String, _ values: [T]) {
    precondition(tag.utf8.count == 4)
    let bytes = values.withUnsafeBytes { Array($0) }
    if sections[tag] == nil { order.append(tag) }
    sections[tag] = (MemoryLayout<T>.stride, bytes)
  }

  mutating func put(_ tag: String, strings: [String]) {
    var bytes: [UInt8] = []
    for s in strings {
      bytes.append(contentsOf: s.utf8)
      bytes.append(0)
    }
    put(tag, bytes)
  }

  func get<T: BitwiseCopyable>(_ tag: String, as: T.Type = T.self, file: String) throws -> [T] {
    guard let section = sections[tag] else {
      throw NLPError.invalidModel(file: file, reason: "missing section \(tag)")
    }
    guard section.elementSize == MemoryLayout<T>.stride else {
      throw NLPError.invalidModel(
        file: file, reason: "section \(tag) has element size \(section.elementSize)")
    }
    let count = section.bytes.count / MemoryLayout<T>.stride
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      section.bytes.withUnsafeBytes { raw in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
      }
      initialized = count
    }
  }

  func strings(_ tag: String, file: String) throws -> [String] {
    let bytes: [UInt8] = try get(tag, file: file)
    var out: [String] = []
    var start = 0
    for (i, b) in bytes.enumerated() where b == 0 {
      out.append(String(decoding: bytes[start..<i], as: UTF8.self))
      start = i + 1
    }
    return out
  }

  func has(_ tag: String) -> Bool { sections[tag] != nil }

  /// Throws a clear error when the file predates `minimum`, the first version whose features the
  /// loading model kind computes (an older file would load but predict nonsense).
  func requireFormat(_ minimum: Int, retrain command: String, file: String) throws {
    guard fileVersion >= minimum else {
      throw NLPError.invalidModel(
        file: file,
        reason:
          "\(header.kind) model of format version \(fileVersion) was trained with older features; this NewsGraph needs version \(minimum) or later: retrain it with `\(command)`"
      )
    }
  }

  // MARK: Encoding

  /// The file's bytes.
  public func encoded() throws -> [UInt8] {
    var out = Self.magic
    func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { out.append(contentsOf: $0) } }
    func u64(_ v: Int) { withUnsafeBytes(of: UInt64(v).littleEndian) { out.append(contentsOf: $0) } }
    u32(Self.formatVersion)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    var header = header
    header.formatVersion = Self.formatVersion
    let json = Array(try encoder.encode(header))
    u32(json.count)
    out.append(contentsOf: json)
    while out.count % 8 != 0 { out.append(0) }
    for tag in order {
      let section = sections[tag]!
      out.append(contentsOf: tag.utf8)
      u32(section.elementSize)
      u64(section.bytes.count / section.elementSize)
      out.append(contentsOf: section.bytes)
      while out.count % 8 != 0 { out.append(0) }
    }
    return out
  }

  public func write(to path: String) throws {
    let bytes = try encoded()
    let url = URL(fileURLWithPath: path)
    do {
      try Data(bytes).write(to: url, options: .atomic)
    } catch {
      throw NLPError.io(file: path, reason: "cannot write model: \(error.localizedDescription)")
    }
  }

  /// Decodes a model file; `file` names it in errors.
  public init(bytes: [UInt8], file: String) throws {
    func fail(_ reason: String) -> NLPError { .invalidModel(file: file, reason: reason) }
    guard bytes.count >= 16, Array(bytes[0..<8]) == Self.magic else {
      throw fail("not a NewsGraph model (bad magic)")
    }
    var pos = 8
    func u32() throws -> Int {
      guard pos + 4 <= bytes.count else { throw fail("truncated at byte \(pos)") }
      var v: UInt32 = 0
      for i in 0..<4 { v |= UInt32(bytes[pos + i]) << (8 * UInt32(i)) }
      pos += 4
      return Int(v)
    }
    func u64() throws -> Int {
      let lo = try u32()
      let hi = try u32()
      return lo | (hi << 32)
    }
    let version = try u32()
    guard Self.readableVersions.contains(version) else {
      throw fail(
        "format version \(version), this NewsGraph reads versions \(Self.readableVersions.lowerBound)–\(Self.readableVersions.upperBound)"
      )
    }
    fileVersion = version
    let jsonLength = try u32()
    guard pos + jsonLength <= bytes.count else { throw fail("truncated header") }
    do {
      header = try JSONDecoder().decode(ModelHeader.self, from: Data(bytes[pos..<(pos + jsonLength)]))
    } catch {
      throw fail("bad header: \(error)")
    }
    pos += jsonLength
    while pos % 8 != 0 { pos += 1 }
    while pos < bytes.count {
      guard pos + 16 <= bytes.count else { throw fail("truncated section at byte \(pos)") }
      let tag = String(decoding: bytes[pos..<(pos + 4)], as: UTF8.self)
      pos += 4
      let size = try u32()
      let count = try u64()
      let length = size * count
      guard size > 0, pos + length <= bytes.count else { throw fail("section \(tag) overruns the file") }
      sections[tag] = (size, Array(bytes[pos..<(pos + length)]))
      order.append(tag)
      pos += length
      while pos % 8 != 0 { pos += 1 }
    }
  }

  public init(contentsOf path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw NLPError.io(file: path, reason: "cannot read model file")
    }
    try self.init(bytes: [UInt8](data), file: path)
  }

  // MARK: Hash tables

  /// Stores a table as two sections, its keys in ascending order and their ids.
  mutating func put(_ table: FeatureTable, keys: String, values: String) {
    var pairs: [(UInt64, Int32)] = []
    for (k, v) in zip(table.keys, table.values) where k != 0 { pairs.append((k, v)) }
    pairs.sort { $0.0 < $1.0 }
    put(keys, pairs.map(\.0))
    put(values, pairs.map(\.1))
  }

  /// The table stored by ``put(_:keys:values:)``; `what` names it in errors.
  func table(keys: String, values: String, what: String, file: String) throws -> FeatureTable {
    let k: [UInt64] = try get(keys, file: file)
    let v: [Int32] = try get(values, file: file)
    guard k.count == v.count else { throw NLPError.invalidModel(file: file, reason: "inconsistent \(what)") }
    var table = FeatureTable(minimumCapacity: max(16, k.count))
    for (key, id) in zip(k, v) { table.insert(key, id: id) }
    return table
  }

  // MARK: Linear models

  mutating func put(_ model: LinearModel, prefix: Character) {
    put("\(prefix)KEY", model.keys)
    put("\(prefix)ROW", model.rowStart)
    put("\(prefix)ENT", model.entries)
    put("\(prefix)SCL", [model.scale])
  }

  func linearModel(prefix: Character, classCount: Int, file: String) throws -> LinearModel {
    let keys: [UInt64] = try get("\(prefix)KEY", file: file)
    let rows: [Int32] = try get("\(prefix)ROW", file: file)
    let entries: [UInt32] = try get("\(prefix)ENT", file: file)
    let scale: [Float] = try get("\(prefix)SCL", file: file)
    guard rows.count == keys.count + 1, Int(rows.last ?? -1) == entries.count, scale.count == 1,
      zip(rows, rows.dropFirst()).allSatisfy({ $0 <= $1 }), entries.allSatisfy({ Int($0 >> 16) < classCount })
    else { throw NLPError.invalidModel(file: file, reason: "inconsistent weight sections \(prefix)") }
    guard entries.count < LinearModel.maxEntries, keys.count < LinearModel.maxEntries else {
      throw NLPError.invalidModel(
        file: file, reason: "more than \(LinearModel.maxEntries - 1) weights or features in section \(prefix)"
      )
    }
    return LinearModel(classCount: classCount, keys: keys, rowStart: rows, entries: entries, scale: scale[0])
  }
}

extension FeatureHash {
  /// The checksum of a file as written in model headers.
  public static func fileChecksum(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw NLPError.io(file: path, reason: "cannot read")
    }
    let h = checksum(data)
    let hex = String(h, radix: 16)
    return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
  }
}
