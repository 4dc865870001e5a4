import Testing

@testable import Diagram

/// Escaping tables: what each nasty character becomes in a quoted string and in an HTML-like label.
struct DOTTextTests {
  @Test(arguments: [
    ("plain", "\"plain\""),
    ("say \"hi\"", "\"say \\\"hi\\\"\""),
    ("a\" -> b [color=red]", "\"a\\\" -> b [color=red]\""),
    ("back\\slash", "\"back\u{29F5}slash\""),
    ("ends with \\", "\"ends with \u{29F5}\""),
    ("\\N \\G \\E", "\"\u{29F5}N \u{29F5}G \u{29F5}E\""),
    ("line\nbreak", "\"line\nbreak\""),
    ("crlf\r\nbreak", "\"crlf\nbreak\""),
    ("u2028\u{2028}u2029\u{2029}", "\"u2028\nu2029\n\""),
    ("tab\there", "\"tab here\""),
    ("bell\u{07}nul\u{00}del\u{7F}c1\u{85}", "\"bellnuldelc1\n\""),
    ("AT&T &amp;", "\"AT&amp;T &amp;amp;\""),
    ("<script>]}", "\"<script>]}\""),
    ("Kim Jong-un, Zürich, 北朝鮮", "\"Kim Jong-un, Zürich, 北朝鮮\""),
  ])
  func quotedStringEscapesEveryDangerousCharacter(input: String, expected: String) {
    #expect(DOTText.quoted(input) == expected)
  }

  @Test(arguments: [
    ("plain", "plain"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("a & b", "a &amp; b"),
    ("\"double\" 'single'", "&quot;double&quot; &#39;single&#39;"),
    ("<B>bold</B>", "&lt;B&gt;bold&lt;/B&gt;"),
    ("x> ] } -> y", "x&gt; ] } -&gt; y"),
    ("back\\slash \\N", "back\\\u{200B}slash \\\u{200B}N"),
    ("two\nlines", "two<BR/>lines"),
    ("cr\r\nlf", "cr<BR/>lf"),
    ("bell\u{07}\u{FFFE}", "bell"),
    ("Zürich", "Zürich"),
  ])
  func htmlLabelTextEscapesMarkup(input: String, expected: String) {
    #expect(DOTText.html(input) == expected)
  }

  @Test func quotedStringNeverEndsInsideAnEscape() {
    // Whatever the input, the result is one DOT string: it opens and closes with a quote and every
    // quote inside is preceded by a backslash.
    for input in ["\\", "\\\"", "\"\\", "a\\\\\"", "\"\"\""] {
      let output = Array(DOTText.quoted(input))
      #expect(output.first == "\"" && output.last == "\"")
      for index in output.indices.dropFirst().dropLast() where output[index] == "\"" {
        #expect(output[index - 1] == "\\")
      }
      // The only backslashes are the ones that escape a quote.
      for index in output.indices.dropLast() where output[index] == "\\" {
        #expect(output[index + 1] == "\"")
      }
    }
  }
}
