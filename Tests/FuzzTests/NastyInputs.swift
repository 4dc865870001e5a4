import Foundation

/// Generators of hostile article text and bytes, all driven by one seeded generator.
struct NastyInputs {
  var random: SplitMix64

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  // MARK: - Pieces

  static let names = [
    "Vladimir Putin", "Kim Jong Un", "Joe Biden", "Xi Jinping", "Angela Merkel", "Emmanuel Macron",
    "Fumio Kishida", "Yoon Suk Yeol", "North Korea", "the United Nations", "Moscow", "Tokyo", "Seoul",
    "NATO", "José García", "Zoë Ørsted", "Ángela Müller-Lüdenscheidt", "O'Brien", "al-Assad",
  ]
  static let verbs = [
    "met", "visited", "criticized", "said", "accused", "signed a deal with", "sent troops to",
  ]
  static let hostile = [
    "<script>alert(1)</script>", "\" onload=\"alert(1)", "'><svg onload=alert(1)>", "]; evil [label=\"x",
    "\\N\\G\\E\\L\\n\\\\", "\"\"\"", "'''", "<http://evil.example/>", "@prefix ex: <http://x/> .",
    "_:b0 <a> \"b\" .", "\"@en", "^^<http://x>", "&amp;&lt;&#0;&#xD800;&bogus;", "<!-- -->", "]]>",
    "{\"@context\": 1}", "xlink:href=\"http://evil.example/\"", "url(http://evil.example/)",
    "javascript:alert(1)",
    "%00%0A", "\u{0}", "\u{7}", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}",
    "\u{FFFE}", "\u{FFFF}", "\u{202E}evil\u{202C}", "\u{200D}", "e\u{301}\u{302}\u{303}\u{304}\u{305}",
    "שלום עולם", "السلام عليكم", "👨‍👩‍👧‍👦", "🇰🇵", "🏳️‍🌈", "\u{10FFFF}", "\r\n", "\r", "\t",
    "Mr.", "U.S.", "e.g.", "...", "?!", "“quoted”", "«guillemets»", "—", "\\", "\\u0000", "\\\"",
  ]
  static let htmlBits = [
    "<p>", "</p>", "<div class=\"x\">", "<br>", "<b>", "<i>", "<script>", "</script>", "<style>", "</style>",
    "<!--", "-->", "<![CDATA[", "]]>", "<title>", "</title>", "&amp;", "&nbsp;", "&#8220;", "&#x1F600;",
    "&mdash;",
    "&", "<", ">", "<a href=\"javascript:alert(1)\">", "</a>", "<img src=x onerror=alert(1)>",
    "<meta name=\"date\" content=\"",
    "<h1>", "</h1>", "<li>", "<table><tr><td>", "<noscript>", "<template>", "<textarea>", "<!DOCTYPE html>",
    "<?xml?>",
  ]

  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
  mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
  mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }

  /// A sentence that the extractor is likely to find entities and a relation in, salted with
  /// hostile fragments inside and around the names.
  mutating func newsSentence() -> String {
    var words: [String] = [pick(Self.names)]
    if chance(0.5) { words[0] = (chance(0.5) ? pick(Self.hostile) : "") + words[0] + pick(Self.hostile) }
    words.append(pick(Self.verbs))
    words.append(chance(0.3) ? pick(Self.hostile) + " " + pick(Self.names) : pick(Self.names))
    words.append(chance(0.5) ? "in \(pick(Self.names))" : "on Monday")
    return words.joined(separator: " ") + pick([".", ".", "!", "?", ". ", "…", ""])
  }

  /// Text of one of many kinds of trouble.
  mutating func text() -> String {
    var parts: [String] = []
    for _ in 0..<int(1...12) {
      switch int(0...9) {
      case 0...3: parts.append(newsSentence())
      case 4: parts.append(pick(Self.hostile))
      case 5: parts.append(pick(Self.htmlBits))
      case 6: parts.append(randomScalars(count: int(1...40)))
      case 7: parts.append(nested(depth: int(1...300)))
      case 8: parts.append(String(repeating: pick(Self.hostile), count: int(1...30)))
      default: parts.append(pick(["\n", "\n\n", " ", "\u{2028}", "\r\n\r\n"]))
      }
    }
    return parts.joined(separator: pick([" ", "", "\n"]))
  }

  /// HTML made of random tags, entities and sentences, often unclosed.
  mutating func html() -> String {
    var parts: [String] = []
    if chance(0.5) { parts.append("<html><head><title>\(text())</title></head><body>") }
    for _ in 0..<int(1...20) { parts.append(chance(0.5) ? pick(Self.htmlBits) : text()) }
    return parts.joined()
  }

  /// Scalars from every plane, including controls, surrogates' neighbours and noncharacters.
  mutating func randomScalars(count: Int) -> String {
    var view = String.UnicodeScalarView()
    for _ in 0..<count {
      let value: UInt32 =
        switch int(0...5) {
        case 0: UInt32(int(0...0x7F))
        case 1: UInt32(int(0x80...0x7FF))
        case 2: UInt32(int(0x300...0x36F))  // combining marks
        case 3: UInt32(int(0x590...0x6FF))  // Hebrew, Arabic
        case 4: UInt32(int(0x1F300...0x1FAFF))  // emoji
        default: UInt32(int(0...0x10FFFF))
        }
      if let scalar = Unicode.Scalar(value) { view.append(scalar) }
    }
    return String(view)
  }

  /// Deeply nested brackets and quotes around a name.
  mutating func nested(depth: Int) -> String {
    let pairs: [(String, String)] = [
      ("(", ")"), ("[", "]"), ("{", "}"), ("\"", "\""), ("'", "'"), ("«", "»"), ("“", "”"), ("<", ">"),
    ]
    var open = ""
    var close = ""
    for _ in 0..<depth {
      let pair = pick(pairs)
      open += pair.0
      if chance(0.9) { close = pair.1 + close }
    }
    return open + pick(Self.names) + close
  }

  // MARK: - Bytes

  /// Bytes that are not valid UTF-8: random bytes, overlong forms, surrogates, truncated sequences.
  mutating func invalidUTF8() -> [UInt8] {
    let bad: [[UInt8]] = [
      [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80],
      [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xFE], [0x80], [0xBF],
      [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC3], [0xEF, 0xBB, 0xBF], [0xC1, 0xBF],
    ]
    var bytes: [UInt8] = []
    for _ in 0..<int(1...30) {
      switch int(0...2) {
      case 0: bytes += pick(bad)
      case 1: bytes += Array(newsSentence().utf8)
      default: bytes.append(UInt8(int(0...255)))
      }
    }
    return bytes
  }

  mutating func randomBytes(count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
  }

  /// A JSON Lines row: valid, broken, or with hostile strings in every field.
  mutating func jsonLine() -> [UInt8] {
    func quoted(_ text: String) -> String {
      let data = try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])
      return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
    switch int(0...5) {
    case 0: return invalidUTF8()
    case 1: return Array("{\"id\": \(quoted(text())), \"text\": \"\(text().prefix(20))".utf8)
    default:
      var fields = ["\"text\": \(quoted(text()))"]
      if chance(0.7) { fields.append("\"id\": \(quoted(chance(0.5) ? text() : "a\(int(0...99))"))") }
      if chance(0.5) { fields.append("\"title\": \(quoted(text()))") }
      if chance(0.3) {
        fields.append("\"url\": \(quoted(pick(["javascript:alert(1)", "http://x/<a>", text()])))")
      }
      if chance(0.3) {
        fields.append(
          "\"date\": \(quoted(pick(["2024-02-30", "0000-00-00", "2024-01-01T25:61:00Z", text()])))")
      }
      if chance(0.2) { fields.append("\"text\": 12") }
      return Array("{\(fields.joined(separator: ", "))}".utf8)
    }
  }

  /// Mutates bytes: flips, inserts, deletes and splices (what a scraper's bugs look like).
  mutating func mutate(_ input: [UInt8]) -> [UInt8] {
    var bytes = input
    for _ in 0..<int(1...8) {
      let position = bytes.isEmpty ? 0 : int(0...bytes.count - 1)
      switch int(0...3) {
      case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(1 << int(0...7))
      case 1: bytes.insert(contentsOf: Array(pick(Self.hostile).utf8), at: position)
      case 2 where !bytes.isEmpty: bytes.removeSubrange(position..<min(bytes.count, position + int(1...16)))
      default: bytes.insert(UInt8(int(0...255)), at: position)
      }
    }
    return bytes
  }
}
