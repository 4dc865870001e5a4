/// Escaping for JSON strings, in one place. https://www.rfc-editor.org/rfc/rfc8259#section-7
public enum JSONSyntax {
  /// A JSON string token for `value`: `"` and `\` escaped, control characters as `\n`-style
  /// escapes or `\u00XX`, and U+2028/U+2029 as `\u2028`/`\u2029` so that the text is also safe
  /// inside JavaScript. Everything else, U+FFFD included, stays UTF-8.
  public static func string(_ value: String) -> String {
    guard NTriplesSyntax.needsStringEscape(value) else { return "\"" + value + "\"" }
    var escaped = "\""
    escaped.reserveCapacity(value.utf8.count + 8)
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      case "\t": escaped += "\\t"
      case "\u{08}": escaped += "\\b"
      case "\u{0C}": escaped += "\\f"
      default:
        if NTriplesSyntax.isEscapedControl(scalar) {
          let hex = String(scalar.value, radix: 16, uppercase: false)
          escaped += "\\u" + String(repeating: "0", count: 4 - hex.utf8.count) + hex
        } else {
          escaped.unicodeScalars.append(scalar)
        }
      }
    }
    return escaped + "\""
  }

  /// Writes `value` as a JSON string token.
  public static func string(_ value: String, to output: inout some TextOutputStream) {
    output.write(string(value))
  }

  /// Code point order of object keys, which is what "sorted keys" means in our output.
  static func keyPrecedes(_ lhs: String, _ rhs: String) -> Bool { codePointOrder(lhs, rhs) < 0 }
}
