import Extraction
import Testing
import Text

@Suite struct LinkingTests {
  @Test func debugExample() throws {
    let (document, linked) = LinkingFixture.link(try LinkingFixture.exampleArticle())
    for entity in linked.entities {
      print(
        entity.key, "|", entity.label, "|", entity.type, "|", entity.wikidata ?? "-", "|",
        entity.jobTitle ?? "-", "|", entity.affiliation ?? "-", "|", entity.aliases, entity.mentions.count)
    }
    for candidate in linked.unresolved {
      print("UNRESOLVED", document.forms[candidate.tokens].joined(separator: " "))
    }
  }
}
