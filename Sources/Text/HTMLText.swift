/// The readable text of an HTML page, with its headline, URL and publication date.
///
/// One forward pass over the markup, linear in its length whatever it looks like: unclosed tags,
/// comments or script elements run to the end of the input (as in a browser) instead of being
/// searched for again, and a `<` that does not start a tag is text
/// (https://html.spec.whatwg.org/multipage/parsing.html#tokenization).
///
/// Dropped: `script`, `style`, `noscript`, `template`, `nav`, `header`, `footer`, `aside`, `form`,
/// comments and the like. Block elements (`p`, `div`, `br`, `h1`–`h6`, `li`, `tr`, `article`,
/// `section`, ...) become paragraph breaks (a blank line); other whitespace collapses to one space.
public struct HTMLText: Sendable, Hashable {
  /// The extracted text: paragraphs separated by a blank line, no leading or trailing space.
  public var text: String
  /// The headline: the first `<h1>` (even inside a dropped `<header>`), else `<title>`, else
  /// `og:title`.
  public var title: String?
  /// `og:url`, else `<link rel="canonical">`.
  public var url: String?
  /// `article:published_time`, else another common date `<meta>`, else the first `<time datetime>`.
  public var date: String?

  public init(text: String, title: String? = nil, url: String? = nil, date: String? = nil) {
    self.text = text
    self.title = title
    self.url = url
    self.date = date
  }

  /// Extracts the text and metadata of an HTML document or fragment.
  public static func extract(_ html: String) -> HTMLText {
    let scalars = Array(html.unicodeScalars)
    var parser = HTMLScanner(scalars)
    parser.run()
    let title = [parser.firstH1, parser.documentTitle, parser.meta["og:title"]]
      .compactMap { $0.map(collapse) }.first { !$0.isEmpty }
    let date =
      parser.meta["article:published_time"] ?? parser.meta["datepublished"]
      ?? parser.meta["date"] ?? parser.meta["pubdate"] ?? parser.meta["dc.date"]
      ?? parser.meta["dcterms.created"] ?? parser.timeDatetime
    let url = parser.meta["og:url"] ?? parser.canonical
    return HTMLText(
      text: parser.finishText(), title: title, url: url.map(collapse).flatMap { $0.isEmpty ? nil : $0 },
      date: date.map(collapse).flatMap { $0.isEmpty ? nil : $0 })
  }

  /// Collapses whitespace runs to one space and trims.
  static func collapse(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in s.unicodeScalars {
      if ScalarClass.isWhitespace(scalar) {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(scalar)
      }
    }
    return String(out)
  }
}

// MARK: - Scanner

struct HTMLScanner {
  let x: [Unicode.Scalar]
  var out = String.UnicodeScalarView()
  /// 0: nothing pending, 1: a space, 2: a paragraph break.
  var pending = 0
  /// Depth inside dropped containers (`nav`, `header`, ...).
  var skipDepth = 0
  var firstH1: String?
  var h1Buffer: String.UnicodeScalarView?
  var documentTitle: String?
  var meta: [String: String] = [:]
  var canonical: String?
  var timeDatetime: String?

  init(_ scalars: [Unicode.Scalar]) {
    x = scalars
  }

  static let rawText: Set<String> = [
    "script", "style", "noscript", "template", "textarea", "xmp", "iframe", "noembed", "noframes",
    "title", "svg", "math", "object",
  ]
  static let dropped: Set<String> = [
    "nav", "footer", "header", "aside", "form", "button", "select", "menu", "dialog",
  ]
  static let blocks: Set<String> = [
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "article", "section", "ul",
    "ol", "dl", "dt", "dd", "table", "tbody", "thead", "blockquote", "pre", "hr", "main", "figure",
    "figcaption", "address", "caption", "details", "summary", "body", "center", "hgroup",
  ]

  // MARK: Output

  mutating func text(_ s: Unicode.Scalar) {
    if h1Buffer != nil { h1Buffer!.append(s) }
    guard skipDepth == 0 else { return }
    if ScalarClass.isWhitespace(s) {
      if pending == 0 && !out.isEmpty { pending = 1 }
      return
    }
    if pending == 2 {
      out.append("\n")
      out.append("\n")
    } else if pending == 1 {
      out.append(" ")
    }
    pending = 0
    out.append(s)
  }

  mutating func blockBreak() {
    if skipDepth == 0 && !out.isEmpty { pending = 2 }
    if h1Buffer != nil { h1Buffer!.append(" ") }
  }

  mutating func finishText() -> String { String(out) }

  // MARK: Pass

  mutating func run() {
    let n = x.count
    var i = 0
    while i < n {
      let c = x[i]
      if c == "<" && i + 1 < n {
        let d = x[i + 1]
        if d == "!" {
          i = skipDeclaration(i)
          continue
        }
        if d == "?" {
          i = skip(to: ">", from: i + 2)
          continue
        }
        if d == "/" && i + 2 < n && ScalarClass.isLetter(x[i + 2]) {
          i = endTag(i)
          continue
        }
        if ScalarClass.isLetter(d) && d.value < 128 {
          i = startTag(i)
          continue
        }
      }
      if c == "&" {
        i = entity(i)
        continue
      }
      text(c)
      i += 1
    }
    if let buffer = h1Buffer, firstH1 == nil { firstH1 = String(buffer) }
  }

  /// Index just after the next `ch` at or after `from`, or the end.
  func skip(to ch: Unicode.Scalar, from: Int) -> Int {
    var i = from
    while i < x.count {
      if x[i] == ch { return i + 1 }
      i += 1
    }
    return x.count
  }

  mutating func skipDeclaration(_ i: Int) -> Int {
    let n = x.count
    if i + 3 < n && x[i + 2] == "-" && x[i + 3] == "-" {
      var j = i + 4
      while j + 2 < n {
        if x[j] == "-" && x[j + 1] == "-" && x[j + 2] == ">" { return j + 3 }
        j += 1
      }
      return n  // unclosed comment: the rest is comment
    }
    return skip(to: ">", from: i + 2)
  }

  func tagName(_ from: Int) -> (String, Int) {
    var j = from
    var name = String.UnicodeScalarView()
    while j < x.count {
      let c = x[j]
      guard ScalarClass.isWord(c) || c == "-" || c == ":" else { break }
      name.append(Unicode.Scalar(ScalarClass.asciiLower(c)) ?? c)
      j += 1
    }
    return (String(name), j)
  }

  mutating func endTag(_ i: Int) -> Int {
    let (name, j) = tagName(i + 2)
    let end = skip(to: ">", from: j)
    if Self.dropped.contains(name) {
      if skipDepth > 0 { skipDepth -= 1 }
    }
    if name == "h1", let buffer = h1Buffer {
      if firstH1 == nil { firstH1 = String(buffer) }
      h1Buffer = nil
    }
    if Self.blocks.contains(name) { blockBreak() } else if name == "td" || name == "th" { text(" ") }
    return end
  }

  mutating func startTag(_ i: Int) -> Int {
    let (name, j) = tagName(i + 1)
    let wantsAttributes = name == "meta" || name == "link" || name == "time"
    var attributes: [String: String] = [:]
    let (end, selfClosing) = attributesEnd(j, collect: wantsAttributes, into: &attributes)
    if wantsAttributes { record(name, attributes) }
    if Self.rawText.contains(name) && !selfClosing {
      let close = rawTextEnd(name, from: end)
      if name == "title" && documentTitle == nil {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: x[end..<close.contentEnd])
        documentTitle = Self.decodeEntities(String(view))
      }
      return close.after
    }
    if Self.dropped.contains(name) && !selfClosing {
      skipDepth += 1
    }
    if Self.blocks.contains(name) {
      blockBreak()
    } else if name == "td" || name == "th" {
      text(" ")
    }
    if name == "h1" && firstH1 == nil && h1Buffer == nil {
      h1Buffer = String.UnicodeScalarView()
    }
    return end
  }

  /// Scans attributes from `from`; returns the index after `>` (or the end) and whether the tag
  /// closed itself with `/>`.
  func attributesEnd(_ from: Int, collect: Bool, into attributes: inout [String: String]) -> (
    Int, Bool
  ) {
    let n = x.count
    var j = from
    while j < n {
      let c = x[j]
      if c == ">" { return (j + 1, j > from && x[j - 1] == "/") }
      if ScalarClass.isWhitespace(c) || c == "/" {
        j += 1
        continue
      }
      // attribute name
      let nameStart = j
      while j < n && !ScalarClass.isWhitespace(x[j]) && x[j] != "=" && x[j] != ">" && x[j] != "/" {
        j += 1
      }
      let nameEnd = j
      while j < n && ScalarClass.isWhitespace(x[j]) { j += 1 }
      var valueRange = j..<j
      if j < n && x[j] == "=" {
        j += 1
        while j < n && ScalarClass.isWhitespace(x[j]) { j += 1 }
        if j < n && (x[j] == "\"" || x[j] == "'") {
          let quote = x[j]
          let valueStart = j + 1
          j = valueStart
          while j < n && x[j] != quote { j += 1 }
          valueRange = valueStart..<j
          if j < n { j += 1 }
        } else {
          let valueStart = j
          while j < n && !ScalarClass.isWhitespace(x[j]) && x[j] != ">" { j += 1 }
          valueRange = valueStart..<j
        }
      }
      if collect && nameEnd > nameStart {
        var name = String.UnicodeScalarView()
        for k in nameStart..<nameEnd { name.append(Unicode.Scalar(ScalarClass.asciiLower(x[k])) ?? x[k]) }
        var value = String.UnicodeScalarView()
        value.append(contentsOf: x[valueRange])
        attributes[String(name)] = Self.decodeEntities(String(value))
      }
    }
    return (n, false)
  }

  /// The end of a raw-text element's content (`</script`) and the index after its end tag.
  func rawTextEnd(_ name: String, from: Int) -> (contentEnd: Int, after: Int) {
    let nameScalars = Array(name.unicodeScalars)
    let n = x.count
    var j = from
    while j + 1 < n {
      if x[j] == "<" && x[j + 1] == "/" && j + 2 + nameScalars.count <= n {
        var match = true
        for k in 0..<nameScalars.count
        where ScalarClass.asciiLower(x[j + 2 + k]) != nameScalars[k].value {
          match = false
          break
        }
        if match {
          return (j, skip(to: ">", from: j + 2 + nameScalars.count))
        }
      }
      j += 1
    }
    return (n, n)
  }

  mutating func record(_ tag: String, _ attributes: [String: String]) {
    switch tag {
    case "meta":
      guard let content = attributes["content"] else { return }
      for key in ["property", "name", "itemprop"] {
        if let name = attributes[key]?.lowercased(), meta[name] == nil { meta[name] = content }
      }
    case "link":
      if attributes["rel"]?.lowercased() == "canonical", canonical == nil {
        canonical = attributes["href"]
      }
    case "time":
      if timeDatetime == nil, let value = attributes["datetime"] { timeDatetime = value }
    default: break
    }
  }

  // MARK: Entities

  /// Decodes the character reference at `i` (or emits `&` as text); returns the next index.
  mutating func entity(_ i: Int) -> Int {
    if let (scalars, next) = Self.reference(x, at: i) {
      for s in scalars { text(s) }
      return next
    }
    text("&")
    return i + 1
  }

  /// The character reference starting with `&` at `i`: its scalars and the index after it.
  static func reference(_ x: [Unicode.Scalar], at i: Int) -> ([Unicode.Scalar], Int)? {
    let n = x.count
    var j = i + 1
    guard j < n else { return nil }
    if x[j] == "#" {
      j += 1
      var hex = false
      if j < n && (x[j] == "x" || x[j] == "X") {
        hex = true
        j += 1
      }
      var value: UInt32 = 0
      let digitsStart = j
      while j < n, j - digitsStart < 8 {
        let v = x[j].value
        if v >= 48 && v <= 57 {
          value = value * (hex ? 16 : 10) + (v - 48)
        } else if hex && ((v >= 97 && v <= 102) || (v >= 65 && v <= 70)) {
          value = value * 16 + (v | 0x20) - 87
        } else {
          break
        }
        j += 1
      }
      guard j > digitsStart else { return nil }
      if j < n && x[j] == ";" { j += 1 }
      // Windows-1252 C1 remapping (as browsers do), else the scalar or U+FFFD.
      if let mapped = windows1252[value] { return ([mapped], j) }
      if value == 0 { return (["\u{FFFD}"], j) }
      return ([Unicode.Scalar(value) ?? "\u{FFFD}"], j)
    }
    let nameStart = j
    while j < n && j - nameStart < 32 && ScalarClass.isWord(x[j]) && x[j].value < 128 { j += 1 }
    guard j > nameStart else { return nil }
    var name = String.UnicodeScalarView()
    name.append(contentsOf: x[nameStart..<j])
    let key = String(name)
    if j < n && x[j] == ";" {
      if let value = namedEntities[key] { return (value, j + 1) }
      return nil
    }
    // Legacy references without `;` (`&amp`, `&nbsp`), as browsers accept them.
    if legacyWithoutSemicolon.contains(key), let value = namedEntities[key] { return (value, j) }
    return nil
  }

  /// Decodes the complete character references (ending in `;`) in plain text scraped from the
  /// web ("Jos&#233;", "&amp;"), leaving a bare `&` and unterminated names as they are, since in
  /// plain text "AT&T" or "R&D" are words, not references.
  static func decodeCompleteReferences(_ s: String) -> String { decodeEntities(s, completeOnly: true) }

  /// Decodes all character references in a string (attribute values, titles), or with
  /// `completeOnly` only those ending in `;`.
  static func decodeEntities(_ s: String, completeOnly: Bool = false) -> String {
    guard s.unicodeScalars.contains("&") else { return s }
    let x = Array(s.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < x.count {
      if x[i] == "&", let (scalars, next) = reference(x, at: i), !completeOnly || x[next - 1] == ";" {
        out.append(contentsOf: scalars)
        i = next
      } else {
        out.append(x[i])
        i += 1
      }
    }
    return String(out)
  }

  static let legacyWithoutSemicolon: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

  static let windows1252: [UInt32: Unicode.Scalar] = [
    0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}",
    0x86: "\u{2020}", 0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}",
    0x8B: "\u{2039}", 0x8C: "\u{0152}", 0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}",
    0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}", 0x96: "\u{2013}", 0x97: "\u{2014}",
    0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}", 0x9C: "\u{0153}",
    0x9E: "\u{017E}", 0x9F: "\u{0178}",
  ]

  /// Named references (https://html.spec.whatwg.org/multipage/named-characters.html): the
  /// Latin-1 set plus the typographic ones that occur in news pages.
  static let namedEntities: [String: [Unicode.Scalar]] = {
    var table: [String: [Unicode.Scalar]] = [
      "amp": ["&"], "lt": ["<"], "gt": [">"], "quot": ["\""], "apos": ["'"], "nbsp": [" "],
      "ndash": ["\u{2013}"], "mdash": ["\u{2014}"], "lsquo": ["\u{2018}"], "rsquo": ["\u{2019}"],
      "sbquo": ["\u{201A}"], "ldquo": ["\u{201C}"], "rdquo": ["\u{201D}"], "bdquo": ["\u{201E}"],
      "hellip": ["\u{2026}"], "bull": ["\u{2022}"], "middot": ["\u{B7}"], "prime": ["\u{2032}"],
      "Prime": ["\u{2033}"], "lsaquo": ["\u{2039}"], "rsaquo": ["\u{203A}"], "euro": ["\u{20AC}"],
      "trade": ["\u{2122}"], "dagger": ["\u{2020}"], "Dagger": ["\u{2021}"], "permil": ["\u{2030}"],
      "ensp": [" "], "emsp": [" "], "thinsp": [" "], "zwnj": ["\u{200C}"], "zwj": ["\u{200D}"],
      "lrm": ["\u{200E}"], "rlm": ["\u{200F}"], "shy": ["\u{AD}"], "minus": ["\u{2212}"],
      "larr": ["\u{2190}"], "rarr": ["\u{2192}"], "uarr": ["\u{2191}"], "darr": ["\u{2193}"],
      "OElig": ["\u{152}"], "oelig": ["\u{153}"], "Scaron": ["\u{160}"], "scaron": ["\u{161}"],
      "Yuml": ["\u{178}"], "fnof": ["\u{192}"], "circ": ["\u{2C6}"], "tilde": ["\u{2DC}"],
      "hairsp": ["\u{200A}"], "numsp": [" "], "NewLine": ["\n"], "Tab": ["\t"],
    ]
    // Latin-1 Supplement, U+00A1 to U+00FF, in code point order.
    let latin1 = [
      "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo",
      "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para",
      "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave",
      "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc",
      "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc",
      "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN",
      "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave",
      "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve",
      "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml",
      "yacute", "thorn", "yuml",
    ]
    for (k, name) in latin1.enumerated() where table[name] == nil {
      table[name] = [Unicode.Scalar(UInt32(0xA1 + k))!]
    }
    // Greek letters, which appear in science and finance news.
    let greek = [
      "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa",
      "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", "", "Sigma", "Tau", "Upsilon", "Phi", "Chi",
      "Psi", "Omega",
    ]
    for (k, name) in greek.enumerated() where !name.isEmpty {
      table[name] = [Unicode.Scalar(UInt32(0x391 + k))!]
      table[name.lowercased()] = [Unicode.Scalar(UInt32(0x3B1 + k))!]
    }
    table["sigmaf"] = ["\u{3C2}"]
    return table
  }()
}
