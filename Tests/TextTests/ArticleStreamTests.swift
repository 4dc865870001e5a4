import Foundation
import Testing

@testable import Text

/// A temporary folder, removed at the end of the test.
final class TemporaryFolder {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "newsgraph-text-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  @discardableResult
  func write(_ name: String, _ contents: String) throws -> String {
    try write(name, Array(contents.utf8))
  }

  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let file = path + "/" + name
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }
}

extension Array where Element == IngestItem {
  var articles: [Article] { compactMap { if case .article(let a) = $0 { a } else { nil } } }
  var findings: [IngestFinding] { compactMap { if case .finding(let f) = $0 { f } else { nil } } }
}

func bodyText(_ article: Article) -> String {
  let scalars = Array(article.text.unicodeScalars)
  var view = String.UnicodeScalarView()
  view.append(contentsOf: scalars[article.body])
  return String(view)
}

struct ArticleStreamTests {
  // MARK: - Formats

  @Test("plain text: first non-empty line is the headline, the rest is the body")
  func readsPlainText() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("a.txt", "\n\n  Headline Here  \n\nFirst line.\nSecond line.\n")
    let items = Array(ArticleStream([file]))
    #expect(items.findings.isEmpty)
    let article = try #require(items.articles.first)
    #expect(article.id == "a.txt")
    #expect(article.title == "Headline Here")
    #expect(bodyText(article) == "First line.\nSecond line.")
  }

  @Test("HTML file: text, headline, URL and date")
  func readsHTML() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write(
      "page.html",
      """
      <html><head><meta property="og:url" content="https://example.com/x">
      <meta property="article:published_time" content="2024-10-23"></head>
      <body><nav>Home | World</nav><h1>Big News</h1><p>It happened.</p></body></html>
      """)
    let article = try #require(Array(ArticleStream([file])).articles.first)
    #expect(article.title == "Big News")
    #expect(article.url == "https://example.com/x")
    #expect(article.date == "2024-10-23")
    #expect(bodyText(article) == "It happened.")
  }

  @Test("character references in plain text and JSON Lines are decoded when complete; AT&T and R&D stay")
  func decodesCompleteReferencesInPlainText() throws {
    let folder = try TemporaryFolder()
    let text = try folder.write(
      "a.txt",
      "Jos&#233; Manuel Barroso &#x2014; a view\n\nJos&#233; met AT&T &amp; R&D staff &ampx; &#163;5 &copy;")
    let json = try folder.write(
      "b.jsonl", #"{"title": "S&#227;o Paulo", "text": "Jos&#233; left &lt;quietly&gt; &amp more."}"#)
    let articles = Array(ArticleStream([text, json])).articles
    try #require(articles.count == 2)
    #expect(articles[0].title == "José Manuel Barroso — a view")
    #expect(bodyText(articles[0]) == "José met AT&T & R&D staff &ampx; £5 ©")
    #expect(articles[1].title == "São Paulo")
    #expect(bodyText(articles[1]) == "José left <quietly> &amp more.")
  }

  @Test("JSON Lines: one article per row, ids from the row or path#L<line>")
  func readsJSONLines() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write(
      "feed.jsonl",
      """
      {"id": "a1", "title": "One", "text": "First story.", "url": "https://x/1", "date": "2024-10-23"}

      {"title": "Two", "body": "Second story."}
      {"id": 7, "text": "Third story.", "date": "October 23, 2024"}
      """)
    let items = Array(ArticleStream([file]))
    #expect(items.findings.isEmpty)
    let articles = items.articles
    #expect(articles.map(\.id) == ["a1", "feed.jsonl#L3", "7"])
    #expect(articles.map(\.title) == ["One", "Two", nil])
    #expect(articles[0].url == "https://x/1")
    #expect(articles[2].date == "2024-10-23")
    #expect(articles[1].source == file + ":3")
    #expect(bodyText(articles[1]) == "Second story.")
  }

  @Test("a folder is walked recursively in sorted order, keeping known extensions, skipping hidden files")
  func walksFolders() throws {
    let folder = try TemporaryFolder()
    try folder.write("b.txt", "B\n\nBody b.")
    try folder.write("a.html", "<p>Body a.</p>")
    try folder.write("sub/c.text", "C\n\nBody c.")
    try folder.write("sub/d.ndjson", "{\"text\": \"Body d.\"}\n")
    try folder.write("notes.md", "# ignored")
    try folder.write(".hidden.txt", "H\n\nhidden")
    try folder.write(".git/e.txt", "E\n\nhidden folder")
    let root = folder.path + "/"
    let items = Array(ArticleStream([root]))
    #expect(items.findings.isEmpty)
    // Ids start at the folder's own name, never at an absolute path.
    let name = URL(fileURLWithPath: folder.path).lastPathComponent
    #expect(
      items.articles.map(\.id) == [
        name + "/a.html", name + "/b.txt", name + "/sub/c.text", name + "/sub/d.ndjson#L1",
      ])
  }

  @Test("a corpus folder's README or licence is left out with a warning, but read when named alone")
  func leavesOutReadmesInFolders() throws {
    let folder = try TemporaryFolder()
    try folder.write("a.txt", "A\n\nBody a.")
    let readme = try folder.write("README.TXT", "About this corpus\n\nThe files are articles.")
    try folder.write("sub/LICENSE.txt", "Licence\n\nResearch use only.")
    let items = Array(ArticleStream([folder.path]))
    #expect(items.articles.map(\.title) == ["A"])
    #expect(items.findings.map(\.severity) == [.warning, .warning])
    #expect(items.findings.contains { $0.source == readme })
    #expect(Array(ArticleStream([readme])).articles.map(\.title) == ["About this corpus"])
  }

  @Test(
    "standard input: format sniffed, id stdin",
    arguments: [
      ("Headline\n\nBody text.", "Headline", "stdin"),
      ("<html><h1>Headline</h1><p>Body text.</p></html>", "Headline", "stdin"),
      ("  {\"id\": \"s1\", \"title\": \"Headline\", \"text\": \"Body text.\"}\n", "Headline", "s1"),
    ])
  func readsStandardInput(_ input: String, _ title: String, _ id: String) throws {
    let pipe = Pipe()
    pipe.fileHandleForWriting.write(Data(input.utf8))
    try pipe.fileHandleForWriting.close()
    let items = Array(ArticleStream(["-"], standardInput: pipe.fileHandleForReading.fileDescriptor))
    let article = try #require(items.articles.first)
    #expect(article.title == title)
    #expect(article.id == id)
    #expect(bodyText(article) == "Body text.")
  }

  @Test("JSON Lines are streamed: a huge row and many rows are read line by line")
  func streamsLargeJSONLines() throws {
    let folder = try TemporaryFolder()
    let long = String(repeating: "word ", count: 400_000) + "end."
    var lines = ["{\"text\": \"\(long)\"}"]
    for i in 0..<2000 { lines.append("{\"id\": \"r\(i)\", \"text\": \"Row \(i).\"}") }
    let file = try folder.write("big.jsonl", lines.joined(separator: "\r\n"))
    var count = 0
    var lastID = ""
    for case .article(let article) in ArticleStream([file]) {
      count += 1
      lastID = article.id
    }
    #expect(count == 2001)
    #expect(lastID == "r1999")
  }

  // MARK: - Bad input

  @Test("a missing file is an error naming the path")
  func missingFile() {
    let items = Array(ArticleStream(["/nonexistent/news.txt"]))
    #expect(items.articles.isEmpty)
    #expect(items.findings.count == 1)
    #expect(items.findings.first?.severity == .error)
    #expect(items.findings.first?.description == "/nonexistent/news.txt: error: no such file or folder")
  }

  @Test("a folder without articles is an error")
  func emptyFolder() throws {
    let folder = try TemporaryFolder()
    try folder.write("readme.md", "nothing here")
    let items = Array(ArticleStream([folder.path]))
    #expect(items.articles.isEmpty)
    #expect(items.findings.map(\.severity) == [.error])
    #expect(items.findings.first?.message.contains("no articles found") == true)
  }

  @Test("an unreadable file is an error", .enabled(if: getuid() != 0))
  func unreadableFile() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("secret.txt", "Title\n\nBody.")
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file)
    let items = Array(ArticleStream([file]))
    #expect(items.articles.isEmpty)
    #expect(items.findings.map(\.severity) == [.error])
    #expect(items.findings.first?.message.contains("cannot open") == true)
  }

  @Test(
    "a file that fails while being read is an error naming the reason",
    .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/mem")))
  func readFailure() {
    // Opening /proc/self/mem succeeds, reading it from offset 0 fails with EIO.
    let items = Array(ArticleStream(["/proc/self/mem"]))
    #expect(items.articles.isEmpty)
    #expect(items.findings.map(\.severity) == [.error])
    #expect(items.findings.first?.message.hasPrefix("cannot read (") == true)
  }

  @Test("a binary file is skipped with one finding; other files are still read")
  func binaryFile() throws {
    let folder = try TemporaryFolder()
    try folder.write("a.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
    try folder.write("b.txt", "Title\n\nBody.")
    let items = Array(ArticleStream([folder.path]))
    #expect(items.articles.count == 1)
    #expect(items.findings.count == 1)
    #expect(items.findings.first?.severity == .skipped)
    #expect(items.findings.first?.source.hasSuffix("a.txt") == true)
    #expect(items.findings.first?.message.contains("binary") == true)
  }

  @Test(
    "an empty article is skipped with a finding that says so",
    arguments: ["", "   \n\n  ", "<html><script>x</script></html>"])
  func emptyArticle(_ contents: String) throws {
    let folder = try TemporaryFolder()
    try folder.write("empty.html", contents)
    try folder.write("z.txt", "Title\n\nBody.")
    let items = Array(ArticleStream([folder.path]))
    #expect(items.articles.count == 1)
    #expect(items.findings.count == 1)
    #expect(items.findings.first?.severity == .skipped)
  }

  @Test("invalid UTF-8 is decoded leniently with a warning giving the count and first offset")
  func invalidUTF8() throws {
    let folder = try TemporaryFolder()
    var bytes = Array("Title\n\nCaf".utf8)
    bytes += [0xE9, 0x20, 0xFF, 0xFE]
    bytes += Array(" ok.".utf8)
    let file = try folder.write("latin1.txt", bytes)
    let items = Array(ArticleStream([file]))
    let article = try #require(items.articles.first)
    #expect(bodyText(article) == "Caf\u{FFFD} \u{FFFD}\u{FFFD} ok.")
    let finding = try #require(items.findings.first)
    #expect(items.findings.count == 1)
    #expect(finding.severity == .warning)
    #expect(finding.byteOffset == 10)
    #expect(finding.message == "invalid UTF-8: 3 bytes replaced with U+FFFD (first at byte 10)")
  }

  @Test("a malformed JSON Lines row gives a finding with its line; the other rows are read")
  func malformedRows() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write(
      "feed.jsonl",
      """
      {"text": "Good one."}
      {"text": "broken
      [1, 2]
      {"title": "No text"}
      {"text": 5}
      {"text": "Good two.", "date": "someday"}
      """)
    let items = Array(ArticleStream([file]))
    #expect(items.articles.map(\.id) == ["feed.jsonl#L1", "feed.jsonl#L6"])
    let findings = items.findings
    #expect(findings.map(\.line) == [2, 3, 4, 5, 6])
    // Rows 2-5 are left out; row 6 is read with its date dropped.
    #expect(findings.map(\.severity) == [.skipped, .skipped, .skipped, .skipped, .warning])
    #expect(findings.allSatisfy { $0.source == file })
    #expect(findings[0].description.hasPrefix(file + ":2: not valid JSON ("))
    #expect(findings[0].message.hasSuffix("; row skipped"))
    #expect(findings[1].message == "not a JSON object; row skipped")
    #expect(findings[2].message == "row has no \"text\" or \"body\" field; row skipped")
    #expect(findings[4].message.contains("date"))
  }

  @Test("invalid UTF-8 inside a JSON Lines row is repaired and reported with its line")
  func invalidUTF8InRow() throws {
    let folder = try TemporaryFolder()
    var bytes = Array("{\"text\": \"Caf".utf8)
    bytes += [0xE9]
    bytes += Array(" ok.\"}\n".utf8)
    let file = try folder.write("feed.jsonl", bytes)
    let items = Array(ArticleStream([file]))
    #expect(items.articles.count == 1)
    #expect(items.findings.map(\.line) == [1])
    #expect(items.findings.first?.message.hasPrefix("invalid UTF-8: 1 byte") == true)
  }

  @Test("UTF-16 with a byte-order mark is read as text")
  func utf16() throws {
    let folder = try TemporaryFolder()
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "Title\n\nBody.".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let file = try folder.write("u16.txt", bytes)
    let items = Array(ArticleStream([file]))
    #expect(items.findings.isEmpty)
    #expect(items.articles.first.map(bodyText) == "Body.")
  }

  @Test("segmenting an ingested article gives tokens whose offsets match their forms")
  func offsetsMatchForms() throws {
    let article = ArticleReader().plainText(
      "Headline\n\nKim Jong-un’s troops don't rest. “Really?” Yes… (U.S. officials)",
      id: "a", source: "a")
    let document = Document.segmented(article)
    #expect(document.tokenCount > 0)
    for i in 0..<document.tokenCount {
      #expect(document.text(ofTokens: i..<(i + 1)) == document.forms[i])
      #expect(article.body.contains(Int(document.tokenStarts[i])))
    }
  }

  @Test(
    "every token of the example article has offsets that give back its form",
    .enabled(if: FileManager.default.fileExists(atPath: ExampleArticle.path)))
  func exampleOffsets() throws {
    let article = try ExampleArticle.read()
    let document = Document.segmented(article)
    #expect(document.tokenCount > 600)
    for i in 0..<document.tokenCount {
      #expect(document.text(ofTokens: i..<(i + 1)) == document.forms[i])
    }
    #expect(document.forms.contains("Jong-un"))
    #expect(!document.forms.contains("Leave"))
    let sentences = document.sentences.map { document.text(ofTokens: $0) }
    #expect(
      sentences.first
        == "U.S. Defense Secretary Lloyd Austin has confirmed that North Korean troops are reportedly present in Russia, bolstering the country's military resources."
    )
    #expect(
      sentences.contains(
        "“We are monitoring this situation very closely,” Austin said, “and we strongly condemn any action that contributes to the destabilization of Ukraine or violates international sanctions.”"
      ))
    #expect(
      sentences.last
        == "Both Washington and Kyiv will likely adjust their strategies in response to this new dimension, as will Moscow and its allies."
    )
  }
}
