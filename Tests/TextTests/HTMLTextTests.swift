import Testing

@testable import Text

struct HTMLTextTests {
  @Test(
    "named and numeric entities are decoded",
    arguments: [
      ("<p>Tom &amp; Jerry</p>", "Tom & Jerry"),
      ("<p>&lt;b&gt; &quot;x&quot; &apos;y&apos;</p>", "<b> \"x\" 'y'"),
      ("<p>caf&eacute; &#233; &#xE9; &#XE9;</p>", "café é é é"),
      ("<p>&ldquo;Hi&rdquo; &mdash; &hellip;&nbsp;ok</p>", "“Hi” — … ok"),
      ("<p>&#128512; &#x1F600;</p>", "😀 😀"),
      ("<p>&#150; &#0; &#xD800;</p>", "– \u{FFFD} \u{FFFD}"),
      ("<p>AT&T &unknown; &amp</p>", "AT&T &unknown; &"),
    ])
  func decodesEntities(_ html: String, _ expected: String) {
    #expect(HTMLText.extract(html).text == expected)
  }

  @Test(
    "scripts, styles, navigation, comments and forms are dropped",
    arguments: [
      ("<p>a</p><script>var x = '<p>no</p>';</script><p>b</p>", "a\n\nb"),
      ("<style>p { color: red }</style><p>a</p>", "a"),
      ("<nav><a>Home</a> <a>World</a></nav><p>a</p>", "a"),
      ("<p>a<!-- hidden <p>no</p> --> b</p>", "a b"),
      ("<header>Site</header><p>a</p><footer>© Site</footer>", "a"),
      ("<aside>Related</aside><form><input>Search</form><p>a</p>", "a"),
      ("<noscript>Enable JS</noscript><template><p>t</p></template><p>a</p>", "a"),
      ("<SCRIPT type=x>alert(1)</SCRIPT ><p>a</p>", "a"),
    ])
  func dropsNonContent(_ html: String, _ expected: String) {
    #expect(HTMLText.extract(html).text == expected)
  }

  @Test(
    "block elements become paragraph breaks, inline whitespace collapses",
    arguments: [
      ("<div>a</div><div>b</div>", "a\n\nb"),
      ("<p>a<br>b</p>", "a\n\nb"),
      ("<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"),
      ("<h2>Sub</h2>text  with\n  <b>bold</b> words", "Sub\n\ntext with bold words"),
      ("<table><tr><td>a</td><td>b</td></tr></table>", "a b"),
    ])
  func blocksBecomeParagraphs(_ html: String, _ expected: String) {
    #expect(HTMLText.extract(html).text == expected)
  }

  @Test(
    "malformed markup ends without losing earlier text",
    arguments: [
      ("<p>kept</p><p>also <b", "kept\n\nalso"),
      ("<p>kept</p><!-- never closed <p>lost", "kept"),
      ("<p>kept</p><script>never closed", "kept"),
      ("<p>a < b and c <3 d</p>", "a < b and c <3 d"),
      ("<p>x</p><a href=\"unclosed>y", "x"),
      ("</p></div>text<", "text<"),
    ])
  func toleratesMalformedMarkup(_ html: String, _ expected: String) {
    #expect(HTMLText.extract(html).text == expected)
  }

  @Test(
    "pathological markup is processed in linear time",
    // A unit and a repeat count, so the test log names the case instead of printing it whole.
    arguments: [
      ("<", 200_000), ("<a", 100_000), ("<!--", 50_000), ("<a href='", 30_000), ("&#", 100_000),
      ("<script>", 30_000),
    ])
  func linearOnPathologicalMarkup(_ unit: String, _ count: Int) {
    let html = String(repeating: unit, count: count)
    let clock = ContinuousClock()
    let elapsed = clock.measure { _ = HTMLText.extract(html) }
    // Quadratic behaviour on these inputs would take minutes; linear takes milliseconds.
    #expect(elapsed < .seconds(5))
  }

  @Test("title, URL and date come from h1/title and meta tags")
  func readsMetadata() {
    let html = """
      <html><head><title>Troops in Russia | Example News</title>
      <meta property="og:url" content="https://example.com/a?x=1&amp;y=2">
      <meta property="article:published_time" content="2024-10-23T08:00:00Z">
      </head><body><header><h1>Troops &amp; Russia</h1></header><p>Body.</p></body></html>
      """
    let page = HTMLText.extract(html)
    #expect(page.title == "Troops & Russia")
    #expect(page.url == "https://example.com/a?x=1&y=2")
    #expect(page.date == "2024-10-23T08:00:00Z")
    #expect(page.text == "Body.")
    let noHeading = HTMLText.extract("<title> Just  the title </title><p>x</p>")
    #expect(noHeading.title == "Just the title")
  }

  @Test("an HTML article's body leaves out the headline paragraph")
  func articleBodyExcludesHeadline() {
    let article = ArticleReader().html(
      "<h1>Headline</h1><p>First paragraph.</p><p>Second paragraph.</p><p>Share this</p>",
      id: "a.html", source: "a.html")
    #expect(article.title == "Headline")
    let scalars = Array(article.text.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[article.body])
    #expect(String(view) == "First paragraph.\n\nSecond paragraph.")
  }
}
