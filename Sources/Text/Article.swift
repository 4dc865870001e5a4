/// One news article as read from its source, before any language processing.
///
/// Character offsets everywhere in NewsGraph count Unicode scalars into ``text``
/// (the unit RFC 5147 `#char=` fragments use).
public struct Article: Sendable, Hashable {
  /// A stable identifier: the JSON Lines `id`; else the file's name, or for a file inside a folder
  /// given as input the folder's name joined with the path inside it (`examples/a.txt`), with
  /// `#L<line>` for JSON Lines rows without an id; or `stdin`. Never an absolute path, so the
  /// same corpus gives the same ids wherever it sits.
  public var id: String
  /// Where the article came from, for messages: a path, `path:line` for JSON Lines, or `-`.
  public var source: String
  /// The headline, when one is known (first non-empty line of a plain-text file, `<title>`/`<h1>`,
  /// or the JSON Lines `title`).
  public var title: String?
  /// The article's text. For plain text this is the decoded file; for HTML, the extracted text.
  public var text: String
  /// The part of ``text`` that is the article body, in Unicode scalar offsets: it excludes the
  /// headline and site boilerplate cut from the end.
  public var body: Range<Int>
  public var url: String?
  /// Publication date as ISO 8601 (`2024-10-23` or a full timestamp), when known.
  public var date: String?

  public init(
    id: String, source: String, title: String? = nil, text: String, body: Range<Int>? = nil,
    url: String? = nil, date: String? = nil
  ) {
    self.id = id
    self.source = source
    self.title = title
    self.text = text
    self.body = body ?? 0..<text.unicodeScalars.count
    self.url = url
    self.date = date
  }
}
