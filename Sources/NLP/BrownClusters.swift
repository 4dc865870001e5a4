import Foundation

// MARK: - Brown clusters and word frequencies of a large corpus

/// Brown clusters (Brown et al. 1992) and word frequencies learnt from a corpus far larger than
/// the project's unlabelled text, for the recognizer's features (Ratinov & Roth 2009 found the
/// cluster paths the strongest single aid to a linear recognizer). The source is the English
/// lexeme tables of spaCy's `spacy-lookups-data` (MIT): 1,000 Brown clusters over 190,000 word
/// forms and log-probabilities of a million forms, both case-sensitive. spaCy does not say which
/// corpora they come from; the probabilities cover web-forum words ("subreddit", "lol") that the
/// clusters lack. "Reuters", "Apple" and "AFP" share a cluster; "Xinhua" sits with "TASS" and
/// "Yonhap".
///
/// For each kept form the table stores its cluster path (as spaCy stores it: the bit string read
/// as a binary number), how frequent it is, and how its frequency compares with the same word in
/// the other case ("AOL" is 10 times as frequent as "aol"; "Apple" and "apple" are about even).
/// Forms are keyed by ``WordHashes/form`` (case-sensitive); the table is stored in the
/// recognizer's model file.
public struct BrownClusters: Sendable {
  /// Form hash → packed code: cluster path (bits 0–17), frequency bucket (18–22), case bucket
  /// (23–25).
  let table: FeatureTable

  /// No clusters (the features are left out).
  public static let empty = BrownClusters(table: FeatureTable(minimumCapacity: 16))

  public var wordCount: Int { table.count }

  init(table: FeatureTable) { self.table = table }

  // MARK: Codes

  static let pathBits: Int32 = 18

  /// The packed code of a form hash, or −1 when the form is not listed.
  @inline(__always)
  func code(_ form: UInt64) -> Int32 { table.count == 0 ? -1 : table.find(form) }

  /// The first `length` bits of the cluster path + 1 (the whole path when shorter); 0 when the
  /// form is unknown or has no cluster.
  @inline(__always)
  static func path(_ code: Int32, prefix length: Int) -> UInt64 {
    guard code >= 0 else { return 0 }
    let path = UInt32(code & (1 << pathBits - 1))
    guard path != 0 else { return 0 }
    let bits = 32 - path.leadingZeroBitCount
    return UInt64(bits > length ? path >> UInt32(bits - length) : path) + 1
  }

  /// Frequency bucket + 1: the rounded-down negative log-probability (0 = not listed).
  @inline(__always)
  static func frequency(_ code: Int32) -> UInt64 { code < 0 ? 0 : UInt64((code >> 18) & 31) + 1 }

  /// Case bucket + 1: the form's log-probability against the other case's (0 = not listed).
  @inline(__always)
  static func caseBucket(_ code: Int32) -> UInt64 { code < 0 ? 0 : UInt64((code >> 23) & 7) + 1 }

  /// The bucket of a form's log-probability `p` against `other`, the same word's in the other
  /// case (``otherCase(_:_:)``; nil when not listed): 0 when not listed, then by the difference,
  /// from "far rarer" (1) to "far more frequent" (6).
  static func caseBucket(_ p: Double, other: Double?) -> Int32 {
    guard let other else { return 0 }
    let d = p - other
    if d < -3 { return 1 }
    if d < -1 { return 2 }
    if d < 0 { return 3 }
    if d < 1 { return 4 }
    if d < 3 { return 5 }
    return 6
  }

  // MARK: Loading

  /// The log-probability of `form` in the other case: its lowercase when it has a capital; else
  /// the likelier of its capitalized and its uppercase form ("aol" against "AOL"); nil when not
  /// listed.
  static func otherCase(_ form: String, _ logProbabilities: [String: NSNumber]) -> Double? {
    if form.contains(where: \.isUppercase) {
      let lower = form.lowercased()
      return lower == form ? nil : logProbabilities[lower]?.doubleValue
    }
    let variants = [form.prefix(1).uppercased() + form.dropFirst(), form.uppercased()]
    return variants.filter { $0 != form }.compactMap { logProbabilities[$0]?.doubleValue }.max()
  }

  /// Reads spaCy's `en_lexeme_cluster.json` and `en_lexeme_prob.json` (uncompressed; objects
  /// from form to cluster number and to natural-log probability). Kept: forms with a cluster, and
  /// forms at least as probable as `minimumLogProbability`.
  public static func load(
    clusters: Data, clusterFile: String, probabilities: Data, probabilityFile: String,
    minimumLogProbability: Double = -17
  ) throws -> BrownClusters {
    func object(_ data: Data, _ file: String) throws -> [String: NSNumber] {
      let parsed: Any
      do {
        parsed = try JSONSerialization.jsonObject(with: data)
      } catch {
        throw NLPError.io(file: file, reason: "not JSON: \(error.localizedDescription)")
      }
      guard let object = parsed as? [String: NSNumber] else {
        throw NLPError.io(file: file, reason: "expected a JSON object of numbers by word form")
      }
      return object
    }
    let paths = try object(clusters, clusterFile)
    let logProbabilities = try object(probabilities, probabilityFile)
    var codes: [UInt64: Int32] = [:]
    for (form, p) in logProbabilities {
      let path = paths[form]?.int32Value ?? 0
      let logP = p.doubleValue
      guard path > 0 || logP >= minimumLogProbability else { continue }
      guard path >= 0 && path < 1 << pathBits else {
        throw NLPError.io(file: clusterFile, reason: "cluster \(path) of '\(form)' out of range")
      }
      let frequency = Int32(min(31, max(0, Int(-logP))))
      let caseCode = caseBucket(logP, other: otherCase(form, logProbabilities))
      codes[WordHashes.formAndLower(form).0] = path | frequency << 18 | caseCode << 23
    }
    var table = FeatureTable(minimumCapacity: max(16, codes.count))
    for key in codes.keys.sorted() { table.insert(key, id: codes[key]!) }
    return BrownClusters(table: table)
  }

  // MARK: Model file

  func put(into archive: inout ModelArchive) {
    archive.put(table, keys: "BKEY", values: "BVAL")
  }

  /// The clusters stored in `archive`, or ``empty`` for a model written without them.
  init(archive: ModelArchive, file: String) throws {
    guard archive.has("BKEY") else {
      self = .empty
      return
    }
    self.init(table: try archive.table(keys: "BKEY", values: "BVAL", what: "Brown clusters", file: file))
  }
}
