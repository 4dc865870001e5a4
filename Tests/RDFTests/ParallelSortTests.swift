import Testing

@testable import RDF

/// Sorting on several cores gives exactly what sorting on one gives.
@Suite struct ParallelSortTests {
  static let ex = "http://ex.org/"

  /// 60,000 quads (enough for three parts) drawn with a fixed generator from small pools, so
  /// that terms repeat across parts and some quads twice: IRIs and blank nodes as subjects,
  /// plain, typed and language-tagged literals, the default graph and named ones.
  static let quads: [Quad] = {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    func iri(_ name: String) -> IRI { IRI(unchecked: ex + name) }
    var quads: [Quad] = []
    for _ in 0..<60_000 {
      let subject: Subject = next(10) == 0 ? .blank(BlankNode("b\(next(50))")) : .iri(iri("s\(next(3_000))"))
      let predicate = iri("p\(next(20))")
      let object: Term =
        switch next(4) {
        case 0: .iri(iri("s\(next(3_000))"))
        case 1: .literal(Literal("text \(next(5_000))"))
        case 2: .literal(Literal(String(next(100)), datatype: XSD.integer))
        default: .literal(Literal("mot \(next(500))", language: next(2) == 0 ? "fr" : "en"))
        }
      let graph: GraphName? =
        switch next(5) {
        case 0: nil
        case 1: .blank(BlankNode("g\(next(5))"))
        default: .iri(iri("article/\(next(400))"))
        }
      quads.append(Quad(subject, predicate, object, graph: graph))
    }
    return quads
  }()

  @Test(arguments: [2, 3])
  func sortingInPartsGivesTheQuadsAndUnionOrderOfOnePart(parts: Int) {
    #expect(QuadRanks(Self.quads, includingGraph: true, parts: parts).parts == parts)
    var one = Self.quads
    let unionOfOne = one.sortCanonicallyWithUnionOrder(parts: 1)
    var several = Self.quads
    let unionOfSeveral = several.sortCanonicallyWithUnionOrder(parts: parts)
    #expect(one == Array(Set(Self.quads)).sorted())
    #expect(several == one)
    #expect(unionOfSeveral == unionOfOne)
    #expect(Self.quads.unionOrder(parts: parts) == Self.quads.unionOrder(parts: 1))
  }

  @Test func smallInputsStayInOnePart() {
    #expect(QuadRanks(Array(Self.quads.prefix(1_000)), includingGraph: true, parts: 4).parts == 1)
  }

  @Test func canonicallyEquivalentStringsAreDistinctTerms() {
    // "é" as one code point and as "e" with a combining accent: equal `String`s, different
    // RDF terms.
    let composed = Literal("caf\u{E9}")
    let decomposed = Literal("cafe\u{301}")
    #expect(composed != decomposed)
    #expect(IRI(unchecked: "urn:caf\u{E9}") != IRI(unchecked: "urn:cafe\u{301}"))
    #expect(Set([composed, decomposed]).count == 2)
    let subject = Subject.iri(IRI(unchecked: Self.ex + "s"))
    let predicate = IRI(unchecked: Self.ex + "p")
    let quads = [
      Quad(subject, predicate, .literal(decomposed)), Quad(subject, predicate, .literal(composed)),
    ]
    let sorted = quads.canonicallySorted()
    #expect(sorted.count == 2)
    var turtle = ""
    RDFFormat.turtle.write(sorted, prefixes: PrefixMap([("ex", Self.ex)]), context: nil, to: &turtle)
    #expect(turtle.contains("\"caf\u{E9}\""))
    #expect(turtle.contains("\"cafe\u{301}\""))
  }
}
