import Testing

@testable import Extraction

/// A hand-written dictionary in the PETRARCH format, with the irregularities of CAMEO.2.0.txt.
let cameoExcerpt = """
  # CAMEO VERB PATTERN DICTIONARY (test excerpt)
  ####### SYNONYM SETS #######

  &MILITARY
  +TROOPS
  +SOLDIERS

  ####### VERB PATTERNS #######

  ---  SEND   [---]  ---
  DEPLOY
  SEND {SENDS SENDING SENT }
  +BEEF_UP {+BEEFS_UP +BEEFED_UP, +BEEFING_UP}  # sls 2007
  - * &MILITARY                                         [072]         # SEND
  - * AID                                               [070]         # SEND
  - * {MEDICAL TEAM}                                    [073]         # SEND
  - * POLICE                                            [154]         # DEPLOY
  - * (TO)                                              [042:043]     # SEND

  ---  BLAME   [112]  ---
  ACCUSE
  CONDEMN [111]
  HOLD {HOLDS HOLDING HELD } [---] # HUX 10/10/97
  RECONVENE[---]
  SCRAP {SCRAPPING SCRAPS SCRAPPED };shan   8/30/93
  - * (FOR)                                             [112]         # BLAME
  - * (BEFORE COURT)                                    [:173]        # BLAME
  - * RESPONSIBILITY                                    [080!]        # ACCUSE

  ---  DISGRACE   [110]---  ---
  DISGRACE

  ######## TRANSFORMATIONS ##########
  ~ a (a b ATTACK) SAY = a b 015
  """

@Suite struct VerbLexiconCAMEOTests {
  let dictionary: CAMEOVerbDictionary

  init() throws {
    dictionary = try CAMEOVerbDictionary(parsing: cameoExcerpt, file: "excerpt.txt")
  }

  @Test func readsOnlyTheVerbBlocksBetweenTheSectionHeaders() {
    #expect(dictionary.blocks.map(\.name) == ["SEND", "BLAME", "DISGRACE"])
  }

  @Test func blockHeaderCodeIsReadEvenWithDashesGluedToIt() {
    #expect(dictionary.blocks.map(\.code) == [.null, .event("112"), .event("110")])
  }

  @Test func synonymsAreLowercaseWithThePhraseMarkerRemoved() {
    #expect(dictionary.blocks[0].synonyms.map(\.lemma) == ["deploy", "send", "beef_up"])
  }

  @Test func irregularFormsAreReadAcrossSpacesAndCommas() {
    #expect(dictionary.blocks[0].synonyms[1].forms == ["sends", "sending", "sent"])
    #expect(dictionary.blocks[0].synonyms[2].forms == ["beefs_up", "beefed_up", "beefing_up"])
  }

  @Test func verbCodeDistinguishesAbsentFromExplicitNull() {
    let codes = Dictionary(uniqueKeysWithValues: dictionary.blocks[1].synonyms.map { ($0.lemma, $0.code) })
    #expect(
      codes == [
        "accuse": .unspecified, "condemn": .event("111"), "hold": .null, "reconvene": .null,
        "scrap": .unspecified,
      ])
  }

  @Test func semicolonCommentsOnVerbLinesAreDropped() {
    #expect(dictionary.blocks[1].synonyms.last?.forms == ["scrapping", "scraps", "scrapped"])
  }

  @Test func patternsKeepTheirWordsAndTheFirstUsableCodePart() {
    let send = dictionary.blocks[0].patterns
    #expect(send.map(\.code) == [.event("072"), .event("070"), .event("073"), .event("154"), .event("042")])
    #expect(send.last?.words == ["*", "(TO)"])
    #expect(send.last?.line == 18)
    // `[080!]` has a stray mark after the digits.
    #expect(dictionary.blocks[1].patterns.map(\.code)[0] == .event("112"))
    #expect(dictionary.blocks[1].patterns.map(\.code)[2] == .event("080"))
  }

  @Test func pairedCodeWithoutAForwardPartHasNoEvent() {
    // `[:173]`: only the reverse event (object to subject) is coded.
    #expect(dictionary.blocks[1].patterns[1].code == .null)
  }

  @Test func patternCommentIsKeptForAttribution() {
    #expect(dictionary.blocks[0].patterns.map(\.comment) == ["SEND", "SEND", "SEND", "DEPLOY", "SEND"])
  }

  @Test func windowsLineEndsReadTheSame() throws {
    let crlf = try CAMEOVerbDictionary(
      parsing: cameoExcerpt.split(separator: "\n", omittingEmptySubsequences: false).joined(
        separator: "\r\n"),
      file: "crlf.txt")
    #expect(crlf == dictionary)
  }

  @Test func aFileWithoutAVerbSectionIsRejected() {
    #expect(throws: VerbLexiconError.missingVerbSection(file: "actors.txt")) {
      try CAMEOVerbDictionary(parsing: "ABKHAZIA [ABK]\n+ABKHAZ\n", file: "actors.txt")
    }
  }

  @Test(arguments: [
    ("####### VERB PATTERNS #######\nSEND\n", 2, "before the first"),
    ("####### VERB PATTERNS #######\n---  SEND  [---]  ---\nSEND {SENT\n", 3, "'{' without"),
    ("####### VERB PATTERNS #######\n---  SEND  [---]  ---\n- * AID [7x0]\n", 3, "not a CAMEO code"),
    ("####### VERB PATTERNS #######\n---  SEND  [---]  ---\n- * AID [99]\n", 3, "not a CAMEO code"),
  ])
  func malformedLinesAreReportedWithFileAndLine(text: String, line: Int, reason: String) {
    do {
      _ = try CAMEOVerbDictionary(parsing: text, file: "bad.txt")
      Issue.record("no error for \(text.debugDescription)")
    } catch let VerbLexiconError.malformedLine(file, foundLine, foundReason) {
      #expect(file == "bad.txt")
      #expect(foundLine == line)
      #expect(foundReason.contains(reason))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }
}
