/// Escaping of article text for DOT, in one place: every string that came from an article reaches
/// the DOT source through `quoted(_:)` or `html(_:)`.
///
/// Graphviz reads text in two layers: the DOT lexer (https://graphviz.org/doc/info/lang.html) and
/// then its own escape sequences (`escString`: `\N`, `\G`, `\E`, `\n`, `\l`, ... see
/// https://graphviz.org/docs/attr-types/escString/), which are also applied to the text of
/// HTML-like labels. Graphviz 2.42 applies them twice to tooltips. So a backslash from the text
/// must never reach Graphviz in a position where it could start an escape.
enum DOTText {
  // MARK: - Quoted strings

  /// A DOT double-quoted string (`"..."`) for `escString` attributes such as `tooltip`.
  ///
  /// `"` becomes `\"`; line breaks become a literal line feed (kept by Graphviz, shown as a
  /// line break); `&` becomes `&amp;` because Graphviz passes entities through to SVG and decodes
  /// them in labels; a backslash becomes U+29F5 REVERSE SOLIDUS OPERATOR, which looks the same
  /// and is never an escape (a real one would be read once or twice depending on the attribute and
  /// the Graphviz version); control characters, which XML forbids, are dropped.
  static func quoted(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\u{29F5}"
      case "&": out += "&amp;"
      case "\n":
        if !previousWasCR { out += "\n" }
      case "\r", "\u{85}", "\u{2028}", "\u{2029}": out += "\n"
      case "\t": out += " "
      default:
        if isForbidden(scalar) { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
    return out
  }

  // MARK: - HTML-like labels

  /// Text for the inside of an HTML-like label (`<...>`), as XML character data.
  ///
  /// `& < > " '` become entities, line breaks become `<BR/>`, and a backslash is followed by
  /// U+200B ZERO WIDTH SPACE so that Graphviz never reads it as the start of `\N`, `\G`, ...
  /// (https://graphviz.org/doc/info/shapes.html#html).
  static func html(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\\": out += "\\\u{200B}"
      case "\n":
        if !previousWasCR { out += "<BR/>" }
      case "\r", "\u{85}", "\u{2028}", "\u{2029}": out += "<BR/>"
      case "\t": out += " "
      default:
        if isForbidden(scalar) { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  // MARK: - Shared

  /// Characters that XML 1.0 forbids or discourages (C0 and C1 controls, DEL, U+FFFE, U+FFFF):
  /// passed through, they would make the SVG unreadable.
  static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
  }
}
