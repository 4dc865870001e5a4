import Foundation
import Testing

@testable import Graph

/// Reading ECB+ markables: entity classes, selected sentences, cross- and intra-document chains.
@Suite struct ECBPlusCorpusTests {
  let document = """
    <Document doc_name="7_1ecb.xml" doc_id="D1">
    <token t_id="1" sentence="0" number="0">Hugh</token>
    <token t_id="2" sentence="0" number="1">Jackman</token>
    <token t_id="3" sentence="0" number="2">hosts</token>
    <token t_id="4" sentence="1" number="0">He</token>
    <token t_id="5" sentence="1" number="1">sings</token>
    <token t_id="6" sentence="2" number="0">Sydney</token>
    <token t_id="7" sentence="1" number="2">today</token>
    <Markables>
    <HUMAN_PART_PER m_id="1"  >
      <token_anchor t_id="1"/>
      <token_anchor t_id="2"/>
    </HUMAN_PART_PER>
    <ACTION_OCCURRENCE m_id="2"  >
      <token_anchor t_id="3"/>
    </ACTION_OCCURRENCE>
    <HUMAN_PART_PER m_id="3"  >
      <token_anchor t_id="4"/>
    </HUMAN_PART_PER>
    <LOC_GEO m_id="4"  >
      <token_anchor t_id="6"/>
    </LOC_GEO>
    <TIME_DATE m_id="5"  >
      <token_anchor t_id="7"/>
    </TIME_DATE>
    <HUMAN_PART_PER m_id="9" RELATED_TO="" TAG_DESCRIPTOR="jackman" instance_id="HUM1" />
    </Markables>
    <Relations>
    <CROSS_DOC_COREF r_id="1" note="HUM1" >
      <source m_id="1" />
      <source m_id="3" />
      <target m_id="9" />
    </CROSS_DOC_COREF>
    </Relations>
    </Document>
    """

  func corpus() throws -> ECBPlusCorpus {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ecbplus-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("7"), withIntermediateDirectories: true)
    try document.write(to: folder.appendingPathComponent("7/7_1ecb.xml"), atomically: true, encoding: .utf8)
    try "Topic,File,Sentence Number\n7,1ecb,0\n7,1ecb,1\n".write(
      to: folder.appendingPathComponent("ECBplus_coreference_sentences.csv"), atomically: true,
      encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try ECBPlusCorpus(folder: folder.path, topics: [7])
  }

  @Test func entityMarkablesOfSelectedSentencesOnly() throws {
    let mentions = try corpus().mentions
    // The action is an event; "Sydney" lies in sentence 2, which is not selected.
    #expect(mentions.map(\.text).sorted() == ["He", "Hugh Jackman", "today"])
    #expect(mentions.first { $0.text == "He" }?.sentenceText == "He sings today")
  }

  @Test func crossDocumentLinksMakeOneChainAndTheRestAreSingletons() throws {
    let chains = try corpus().goldChains.map { $0.sorted() }.sorted { $0.count > $1.count }
    #expect(chains == [["7_1ecb.xml:1", "7_1ecb.xml:3"], ["7_1ecb.xml:5"]])
  }
}
