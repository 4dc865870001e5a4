import Foundation
import Testing

@testable import Text

struct BoilerplateTests {
  func body(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    let range = Boilerplate.trimmedBody(scalars, 0..<scalars.count)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[range])
    return String(view)
  }

  @Test(
    "short trailing lines without sentence-final punctuation are cut",
    arguments: [
      ("The war went on.\n\nShare on Facebook\n\nMore from Europe", "The war went on."),
      ("It rained.\nSubscribe\nSports", "It rained."),
      ("Talks failed, officials said.\n\n \n\nRead more:\nTop stories", "Talks failed, officials said."),
      ("“It is over,” he said.\n\nComments (12)", "“It is over,” he said."),
    ])
  func cutsTrailingBoilerplate(_ text: String, _ expected: String) {
    #expect(body(text) == expected)
  }

  @Test(
    "article text is kept",
    arguments: [
      "The war went on.\n\nWill it end?",
      "He said it was over.\n\n“We will see.”",
      "The vote is on Monday.\n\nThis long closing paragraph has no final period but it is clearly part of the article text and long",
      "Only a short line",
    ])
  func keepsArticleText(_ text: String) {
    #expect(body(text) == text)
  }

  @Test(
    "the shared example article loses its site boilerplate",
    .enabled(if: FileManager.default.fileExists(atPath: ExampleArticle.path)))
  func exampleArticle() throws {
    let article = try ExampleArticle.read()
    #expect(article.title == "North Korean Troops Reportedly in Russia, Says US Defense Secretary")
    let body = ExampleArticle.bodyText(article)
    #expect(body.hasPrefix("U.S. Defense Secretary Lloyd Austin has confirmed"))
    #expect(body.hasSuffix("as will Moscow and its allies."))
    for phrase in ["Leave a review", "In World", "Follow us", "News Line"] {
      #expect(!body.contains(phrase))
    }
  }
}

/// Files in the shared folder beside the checkout (`../shared`, or `$NEWSGRAPH_SHARED`), which
/// are read in place and never copied into the project.
enum SharedData {
  static func path(_ relative: String) -> String {
    let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let roots = [
      ProcessInfo.processInfo.environment["NEWSGRAPH_SHARED"],
      checkout.deletingLastPathComponent().path + "/shared",
      checkout.deletingLastPathComponent().deletingLastPathComponent().path + "/shared",
    ].compactMap { $0 }
    let candidates = roots.map { $0 + "/" + relative }
    return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[0]
  }
}

/// The example article of the shared folder.
enum ExampleArticle {
  static let path = SharedData.path("examples/north-korean-troops-in-russia.txt")

  static func read() throws -> Article {
    let items = Array(ArticleStream([path]))
    for case .article(let article) in items { return article }
    throw CocoaError(.fileReadCorruptFile)
  }

  static func bodyText(_ article: Article) -> String {
    let scalars = Array(article.text.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[article.body])
    return String(view)
  }
}
