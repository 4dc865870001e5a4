import Foundation

/// Turns the bytes of one input (a plain-text file, an HTML page, one JSON Lines row) into an
/// ``Article`` plus findings. ``ArticleStream`` drives it over files, folders and standard input.
public struct ArticleReader: Sendable {
  /// The formats NewsGraph reads.
  public enum Format: String, Sendable, Hashable, CaseIterable {
    case text, html, jsonLines

    /// The format for a file extension (`txt`, `html`, `jsonl`, ...), or nil when not an input.
    public init?(extension ext: String) {
      switch ext.lowercased() {
      case "txt", "text": self = .text
      case "html", "htm": self = .html
      case "jsonl", "ndjson": self = .jsonLines
      default: return nil
      }
    }

    /// Guesses the format from the first bytes: `{` means JSON Lines, `<` HTML, anything else text.
    public static func sniff(_ bytes: some Collection<UInt8>) -> Format {
      var iterator = bytes.makeIterator()
      var index = 0
      while let b = iterator.next() {
        defer { index += 1 }
        if index < 3 && (b == 0xEF || b == 0xBB || b == 0xBF) { continue }  // UTF-8 BOM
        if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C { continue }
        if b == UInt8(ascii: "{") { return .jsonLines }
        if b == UInt8(ascii: "<") { return .html }
        return .text
      }
      return .text
    }
  }

  /// Reading options.
  public struct Options: Sendable, Hashable {
    /// Cut trailing boilerplate lines from the body (see ``Boilerplate``).
    public var trimsBoilerplate: Bool = true
    public var boilerplate: Boilerplate.Rule = .default

    public init(trimsBoilerplate: Bool = true, boilerplate: Boilerplate.Rule = .default) {
      self.trimsBoilerplate = trimsBoilerplate
      self.boilerplate = boilerplate
    }

    public static let `default` = Options()
  }

  public var options: Options

  public init(options: Options = .default) {
    self.options = options
  }

  // MARK: - Whole documents

  /// Reads a plain-text or HTML document (JSON Lines input goes row by row through
  /// ``readJSONLine(_:source:line:id:)``). `source` names the input in findings.
  public func readDocument(_ bytes: [UInt8], format: Format, id: String, source: String)
    -> [IngestItem]
  {
    var items: [IngestItem] = []
    if LenientDecoder.looksBinary(bytes[..<min(bytes.count, 8192)]) {
      return [
        .finding(
          IngestFinding(
            source: source, severity: .skipped,
            message: "binary data, not text (NUL or control bytes); file skipped"))
      ]
    }
    let decoded = LenientDecoder.decode(bytes)
    if let finding = LenientDecoder.finding(decoded, source: source) { items.append(.finding(finding)) }
    let article: Article
    switch format {
    case .html: article = html(decoded.text, id: id, source: source)
    case .text, .jsonLines: article = plainText(decoded.text, id: id, source: source)
    }
    items.append(checked(article, source: source, line: nil))
    return items
  }

  /// A plain-text article: the first non-empty line is the headline, the rest the body.
  /// Character references ("Jos&#233;") left by the scraper that wrote the text are decoded.
  public func plainText(_ text: String, id: String, source: String) -> Article {
    let text = HTMLScanner.decodeCompleteReferences(text)
    let x = Array(text.unicodeScalars)
    var i = 0
    while i < x.count && ScalarClass.isWhitespace(x[i]) { i += 1 }
    var lineEnd = i
    while lineEnd < x.count && !Boilerplate.isLineBreak(x[lineEnd]) { lineEnd += 1 }
    var title: String?
    var bodyStart = i
    var rest = lineEnd
    while rest < x.count && ScalarClass.isWhitespace(x[rest]) { rest += 1 }
    // A first line is a headline when more text follows it and it is not a whole paragraph.
    if rest < x.count && lineEnd - i <= 300 {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: x[i..<lineEnd])
      title = HTMLText.collapse(String(view))
      bodyStart = rest
    }
    let body = bodyRange(x, bodyStart..<x.count)
    return Article(id: id, source: source, title: title, text: text, body: body)
  }

  /// An HTML article: text, headline, URL and date from ``HTMLText``; the headline's paragraph is
  /// left out of the body when the text starts with it.
  public func html(_ html: String, id: String, source: String) -> Article {
    let extracted = HTMLText.extract(html)
    let x = Array(extracted.text.unicodeScalars)
    var bodyStart = 0
    if let title = extracted.title {
      var end = 0
      while end < x.count && !Boilerplate.isLineBreak(x[end]) { end += 1 }
      var view = String.UnicodeScalarView()
      view.append(contentsOf: x[0..<end])
      if HTMLText.collapse(String(view)) == title { bodyStart = end }
    }
    return Article(
      id: id, source: source, title: extracted.title, text: extracted.text,
      body: bodyRange(x, bodyStart..<x.count), url: extracted.url,
      date: extracted.date.flatMap(Self.isoDate))
  }

  // MARK: - JSON Lines

  /// Reads one JSON Lines row (without its line break). Blank rows give nothing.
  /// `id` is used when the row has no `id` field.
  public func readJSONLine(_ bytes: [UInt8], source: String, line: Int, id: String) -> [IngestItem] {
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return [] }
    var items: [IngestItem] = []
    let decoded = LenientDecoder.decode(bytes)
    if let finding = LenientDecoder.finding(decoded, source: source, line: line) {
      items.append(.finding(finding))
    }
    func skip(_ message: String) -> [IngestItem] {
      items + [
        .finding(IngestFinding(source: source, line: line, severity: .skipped, message: message))
      ]
    }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(
        with: Data(decoded.text.utf8), options: [.fragmentsAllowed])
    } catch {
      return skip("not valid JSON (\(Self.reason(error))); row skipped")
    }
    guard let row = object as? [String: Any] else {
      return skip("not a JSON object; row skipped")
    }
    guard let text = (row["text"] as? String) ?? (row["body"] as? String) else {
      let hasField = row["text"] != nil || row["body"] != nil
      return skip(
        hasField
          ? "\"text\"/\"body\" is not a string; row skipped"
          : "row has no \"text\" or \"body\" field; row skipped")
    }
    let rowID = Self.string(row["id"]).flatMap { $0.isEmpty ? nil : $0 } ?? id
    let rowSource = "\(source):\(line)"
    var article: Article
    if Self.looksLikeHTML(text) {
      article = html(text, id: rowID, source: rowSource)
    } else {
      let text = HTMLScanner.decodeCompleteReferences(text)
      let x = Array(text.unicodeScalars)
      article = Article(id: rowID, source: rowSource, text: text, body: bodyRange(x, 0..<x.count))
    }
    if let title = Self.string(row["title"]).map({
      HTMLText.collapse(HTMLScanner.decodeCompleteReferences($0))
    }),
      !title.isEmpty
    {
      article.title = title
    }
    if let url = Self.string(row["url"]), !url.isEmpty { article.url = url }
    if let date = Self.string(row["date"]) {
      if let iso = Self.isoDate(date) {
        article.date = iso
      } else {
        items.append(
          .finding(
            IngestFinding(
              source: source, line: line, severity: .warning,
              message: "date \"\(date)\" is not a date NewsGraph understands; date left out")))
      }
    }
    items.append(checked(article, source: source, line: line))
    return items
  }

  static func string(_ value: Any?) -> String? {
    switch value {
    case let s as String: return s
    case let n as NSNumber: return n.stringValue
    default: return nil
    }
  }

  static func looksLikeHTML(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first(where: { !ScalarClass.isWhitespace($0) }), first == "<"
    else { return false }
    return text.contains("</") || text.contains("/>")
  }

  /// A short reason from a JSONSerialization error (Foundation's messages are long).
  static func reason(_ error: Error) -> String {
    let ns = error as NSError
    var text = (ns.userInfo["NSDebugDescription"] as? String) ?? ns.localizedDescription
    text = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.hasSuffix(".") { text.removeLast() }
    // Foundation capitalises; our messages continue a sentence.
    if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true {
      text = first.lowercased() + text.dropFirst()
    }
    return text
  }

  // MARK: - Shared

  func bodyRange(_ x: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
    if options.trimsBoilerplate {
      return Boilerplate.trimmedBody(x, range, rule: options.boilerplate)
    }
    return Boilerplate.trimmedBody(x, range, rule: Boilerplate.Rule(maximumWords: -1, maximumLength: -1))
  }

  /// The article, or a finding when it has no body text.
  func checked(_ article: Article, source: String, line: Int?) -> IngestItem {
    if article.body.isEmpty {
      return .finding(
        IngestFinding(
          source: source, line: line, severity: .skipped,
          message: "empty article (no body text); skipped"))
    }
    return .article(article)
  }

  /// ISO 8601 for common date spellings (`2024-10-23`, `2024-10-23T08:00:00Z`, RFC 2822,
  /// `October 23, 2024`, `23 October 2024`), or nil.
  public static func isoDate(_ raw: String) -> String? {
    let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    let scalars = Array(value.unicodeScalars)
    func digits(_ r: Range<Int>) -> Bool {
      r.upperBound <= scalars.count && r.allSatisfy { ScalarClass.isDigit(scalars[$0]) }
    }
    if digits(0..<4) && scalars.count >= 10 && scalars[4] == "-" && digits(5..<7) && scalars[7] == "-"
      && digits(8..<10)
    {
      return value
    }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    for format in [
      "EEE, dd MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm:ss Z", "MMMM d, yyyy", "MMM d, yyyy",
      "d MMMM yyyy", "d MMM yyyy", "yyyy/MM/dd", "MM/dd/yyyy",
    ] {
      formatter.dateFormat = format
      if let date = formatter.date(from: value) {
        let out = DateFormatter()
        out.locale = Locale(identifier: "en_US_POSIX")
        out.timeZone = TimeZone(identifier: "UTC")
        out.dateFormat = format.contains("HH") ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd"
        return out.string(from: date)
      }
    }
    return nil
  }
}
