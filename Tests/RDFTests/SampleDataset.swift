@testable import RDF

/// A small dataset that exercises every writer feature: prefixes (with a longest-match case),
/// `a`, repeated subjects and predicates, bare numbers and booleans, language tags, other
/// datatypes, blank nodes, nasty strings, IRIs without a usable prefixed name, and two named graphs.
enum SampleDataset {
  static let ex = "http://example.org/"
  static let exVocab = "http://example.org/vocab#"

  static let prefixes = PrefixMap([
    ("ex", ex), ("v", exVocab), ("xsd", XSD.ns), ("rdfs", RDFS.ns),
  ])

  static let context = JSONLDContext(
    prefixes: prefixes,
    terms: [
      .init("label", RDFS.label),
      .init("age", IRI(unchecked: exVocab + "age"), coercion: .datatype(XSD.integer)),
      .init("knows", IRI(unchecked: exVocab + "knows"), coercion: .id),
      .init("score", IRI(unchecked: exVocab + "score"), coercion: .datatype(XSD.decimal)),
    ])

  static func iri(_ local: String) -> IRI { IRI(unchecked: ex + local) }
  static func vocab(_ local: String) -> IRI { IRI(unchecked: exVocab + local) }

  static let quads: [Quad] = {
    let alice = Subject.iri(iri("alice"))
    let bob = Subject.iri(iri("bob"))
    let graphA = GraphName.iri(iri("graph/a"))
    let graphB = GraphName.iri(iri("graph/b"))
    let quads: [Quad] = [
      Quad(alice, RDFVocabulary.type, .iri(vocab("Person"))),
      Quad(alice, RDFVocabulary.type, .iri(vocab("Agent"))),
      Quad(alice, RDFS.label, .literal(Literal("Alice \"Al\" Smith\nline two\ttab \\ back"))),
      Quad(alice, RDFS.label, .literal(Literal("Alicia", language: "es"))),
      Quad(alice, vocab("age"), .literal(Literal(integer: 42))),
      Quad(alice, vocab("score"), .literal(Literal("0.875", datatype: XSD.decimal))),
      Quad(alice, vocab("active"), .literal(Literal(boolean: true))),
      Quad(alice, vocab("knows"), .iri(iri("bob"))),
      Quad(alice, vocab("knows"), .blank(BlankNode("b0"))),
      Quad(alice, vocab("born"), .literal(Literal("1990-01-02", datatype: XSD.date))),
      Quad(
        alice, vocab("note"), .literal(Literal("sep\u{2028}para\u{2029}ctl\u{01}del\u{7F}fffd\u{FFFD}é東"))),
      Quad(bob, RDFS.label, .literal(Literal("Bob"))),
      Quad(bob, vocab("age"), .literal(Literal("forty", datatype: XSD.integer))),
      Quad(bob, vocab("homepage"), .iri(iri("people/bob."))),
      Quad(bob, vocab("tag"), .iri(iri("tags/a~b"))),
      Quad(.blank(BlankNode("b0")), RDFS.label, .literal(Literal("anonymous"))),
      Quad(alice, vocab("says"), .literal(Literal("hello")), graph: graphA),
      Quad(alice, vocab("knows"), .iri(iri("carol")), graph: graphA),
      Quad(bob, vocab("says"), .literal(Literal("bye")), graph: graphB),
    ]
    return quads.sorted()
  }()
}
