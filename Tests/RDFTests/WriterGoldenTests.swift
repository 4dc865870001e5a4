import Testing

@testable import RDF

/// Each writer on the sample dataset, byte for byte against its golden file.
@Suite struct WriterGoldenTests {
  @Test(arguments: RDFFormat.allCases)
  func writerMatchesGoldenFile(format: RDFFormat) throws {
    var output = ""
    format.write(
      SampleDataset.quads, prefixes: SampleDataset.prefixes, context: SampleDataset.context, to: &output)
    try GoldenFile.check(output, against: "sample.\(format.fileExtension)")
  }

  @Test(arguments: RDFFormat.allCases)
  func writerIsDeterministic(format: RDFFormat) {
    var first = ""
    var second = ""
    format.write(
      SampleDataset.quads, prefixes: SampleDataset.prefixes, context: SampleDataset.context, to: &first)
    format.write(
      SampleDataset.quads.reversed().sorted(), prefixes: SampleDataset.prefixes,
      context: SampleDataset.context,
      to: &second)
    #expect(first == second)
  }
}
