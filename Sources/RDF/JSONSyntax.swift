/// Escaping for JSON strings, in one place. https://www.rfc-editor.org/rfc/rfc8259#section-7
public enum JSONSyntax {
  /// A JSON string token for `value`: `"` and `\` escaped, control characters as `\n`-style
  /// escapes or `\u00XX`, and U+2028/U+2029 as `\u2028`/`\u2029` so that the text is also safe
  /// inside JavaScript. Everything else, U+FFFD included, stays UTF-8.
  public static func string(_ value: String) -> String {
    guard NTriplesSyntax.needsStringEscape(value) else { return "\"" + value + "\"" }
    var output = ByteOutput(capacity: value.utf8.count + 16)
    string(value, into: &output)
    return output.string
  }

  /// ``string(_:)`` as bytes.
  static func string(_ value: String, into output: inout ByteOutput) {
    output.append(UInt8(ascii: "\""))
    stringContent(value, into: &output)
    output.append(UInt8(ascii: "\""))
  }

  /// The inside of ``string(_:)``: `value` escaped, without the quotes, so that a token can be
  /// written in parts (a prefix, `:` and a local name).
  static func stringContent(_ value: some StringProtocol, into output: inout ByteOutput) {
    if let done: Void = value.utf8.withContiguousStorageIfAvailable({
      NTriplesSyntax.escapeQuotedString($0, uppercaseHex: false, into: &output)
    }) {
      return done
    }
    var copy = String(value)
    copy.withUTF8 { NTriplesSyntax.escapeQuotedString($0, uppercaseHex: false, into: &output) }
  }

  /// Writes `value` as a JSON string token.
  public static func string(_ value: String, to output: inout some TextOutputStream) {
    output.write(string(value))
  }

  /// Code point order of object keys, which is what "sorted keys" means in our output.
  static func keyPrecedes(_ lhs: String, _ rhs: String) -> Bool { codePointOrder(lhs, rhs) < 0 }
}
