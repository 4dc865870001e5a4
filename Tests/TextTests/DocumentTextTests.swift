import Testing

@testable import Text

@Suite struct DocumentTextTests {
  /// Scalars of one to four UTF-8 bytes, combining marks and a flag made of two scalars.
  static let text = "Zürich — Kyiv 🇺🇦, São Paulo e\u{301}, 東京 and x"

  @Test func textOfEveryScalarRangeMatchesTheStringsOwnScalars() {
    let document = Document(article: Article(id: "a", source: "a", text: Self.text))
    let scalars = Array(Self.text.unicodeScalars)
    for lower in 0...scalars.count {
      for upper in lower...scalars.count {
        var expected = String.UnicodeScalarView()
        expected.append(contentsOf: scalars[lower..<upper])
        #expect(document.text(lower..<upper) == String(expected))
      }
    }
    #expect(document.text(0..<scalars.count) == Self.text)
  }
}
