import Testing

@testable import RDF

@Suite struct TurtleSerializerTests {
  let ex = "http://ex.org/"
  var prefixes: PrefixMap { PrefixMap([("ex", ex)]) }
  func iri(_ local: String) -> IRI { IRI(unchecked: ex + local) }

  @Test func turtleGroupsRepeatedSubjectWithSemicolonAndPredicateWithComma() {
    var serializer = TurtleSerializer(prefixes: prefixes)
    var output = ""
    serializer.write(Triple(.iri(iri("s")), iri("p"), .iri(iri("o1"))), to: &output)
    serializer.write(Triple(.iri(iri("s")), iri("p"), .iri(iri("o2"))), to: &output)
    serializer.write(Triple(.iri(iri("s")), iri("q"), .iri(iri("o3"))), to: &output)
    serializer.write(Triple(.iri(iri("t")), iri("q"), .iri(iri("o3"))), to: &output)
    serializer.finish(to: &output)
    #expect(
      output
        == "@prefix ex: <http://ex.org/> .\n\nex:s ex:p ex:o1, ex:o2 ;\n    ex:q ex:o3 .\n\nex:t ex:q ex:o3 .\n"
    )
  }

  @Test func turtleWritesAForRDFType() {
    var serializer = TurtleSerializer(prefixes: prefixes)
    var output = ""
    serializer.write(Triple(.iri(iri("s")), RDFVocabulary.type, .iri(iri("C"))), to: &output)
    serializer.finish(to: &output)
    #expect(output.hasSuffix("ex:s a ex:C .\n"))
  }

  @Test func turtleDropsARepeatedTriple() {
    var serializer = TurtleSerializer(prefixes: prefixes)
    var output = ""
    let triple = Triple(.iri(iri("s")), iri("p"), .iri(iri("o")))
    serializer.write(triple, to: &output)
    serializer.write(triple, to: &output)
    serializer.finish(to: &output)
    #expect(output.hasSuffix("ex:s ex:p ex:o .\n"))
  }

  @Test func trigWritesDefaultGraphFirstThenOneBlockPerGraph() {
    var output = ""
    let quads = [
      Quad(.iri(iri("s")), iri("p"), .iri(iri("o")), graph: .iri(iri("g2"))),
      Quad(.iri(iri("s")), iri("p"), .iri(iri("o")), graph: .iri(iri("g1"))),
      Quad(.iri(iri("s")), iri("p"), .iri(iri("o"))),
    ].sorted()
    RDFFormat.trig.write(quads, prefixes: prefixes, to: &output)
    #expect(
      output
        == "@prefix ex: <http://ex.org/> .\n\nex:s ex:p ex:o .\n\nex:g1 {\n    ex:s ex:p ex:o .\n}\n\nex:g2 {\n    ex:s ex:p ex:o .\n}\n"
    )
  }

  @Test func emptyDatasetGivesValidDocuments() {
    for format in RDFFormat.allCases {
      var output = ""
      format.write([], prefixes: PrefixMap(), to: &output)
      switch format {
      case .jsonld: #expect(output == "{\n  \"@context\": {},\n  \"@graph\": []\n}\n")
      default: #expect(output == "")
      }
    }
  }

  @Test func canonicallySortedSortsAndRemovesDuplicates() {
    let shuffled = (SampleDataset.quads + SampleDataset.quads.prefix(3)).shuffled()
    #expect(shuffled.canonicallySorted() == SampleDataset.quads)
    #expect(SampleDataset.quads == SampleDataset.quads.sorted())
  }

  @Test func canonicallySortedAgreesWithQuadOrderOnControlBytesAndPrefixes() {
    let lexicalForms = [
      "a", "a\u{0}", "a\u{0}b", "a\u{1}", "a\u{1}\u{0}", "a\u{2}", "ab", "", "\u{0}", "é", "z",
    ]
    var quads: [Quad] = []
    for (index, lexical) in lexicalForms.enumerated() {
      let graph: GraphName? =
        index % 3 == 0 ? nil : (index % 3 == 1 ? .iri(iri("g")) : .blank(BlankNode("g")))
      let subject: Subject = index % 2 == 0 ? .iri(iri("s\(lexical)")) : .blank(BlankNode("b\(index % 4)"))
      quads.append(Quad(subject, iri("p"), .literal(Literal(lexical)), graph: graph))
      quads.append(Quad(subject, iri("p"), .literal(Literal(lexical, language: "en")), graph: graph))
      quads.append(Quad(subject, iri("p\(lexical)"), .iri(iri(lexical)), graph: graph))
      quads.append(Quad(subject, iri("p"), .blank(BlankNode(lexical)), graph: graph))
    }
    #expect(quads.shuffled().canonicallySorted() == Array(Set(quads)).sorted())
  }

  @Test func unionOrderListsEachTripleOnceInSubjectPredicateObjectOrder() {
    // The same triple in two graphs, and in the default graph.
    let triple = SampleDataset.quads[0].triple
    let quads = (SampleDataset.quads + [Quad(triple), Quad(triple, graph: .iri(iri("other")))]).shuffled()
    let union = quads.unionOrder().map { quads[$0].triple }
    let expected = Array(Set(quads.map { Quad($0.triple) })).sorted().map(\.triple)
    #expect(union == expected)
  }

  @Test(arguments: [[], [0], [3, 1], [4, 0, 2], [5, 4, 3, 2, 1, 0], [1, 2, 3, 4, 5, 0]])
  func permutingInPlaceKeepsTheChosenQuadsInTheirNewOrder(order: [Int]) {
    let original = Array(SampleDataset.quads.prefix(6))
    var quads = original
    quads.permute(keeping: order)
    #expect(quads == order.map { original[$0] })
  }

  @Test func quadsSortDefaultGraphFirst() {
    let named = Quad(.iri(iri("a")), iri("p"), .iri(iri("o")), graph: .iri(iri("g")))
    let unnamed = Quad(.iri(iri("z")), iri("p"), .iri(iri("o")))
    #expect([named, unnamed].sorted() == [unnamed, named])
  }
}
