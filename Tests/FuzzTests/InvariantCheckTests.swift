import Testing

/// The checks themselves must be able to fail: each is shown a violation it has to report.
@Suite("Fuzz: the invariant checks catch what they look for")
struct InvariantCheckTests {
  @Test(arguments: [
    "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
    "<svg xmlns=\"http://www.w3.org/2000/svg\"><g onload=\"alert(1)\"/></svg>",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><a xlink:href=\"http://evil.example/\"/></svg>",
    "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>unclosed</svg>",
  ])
  func svgAuditReportsScriptsHandlersReferencesAndBrokenXML(_ svg: String) {
    #expect(!SVGAudit(Array(svg.utf8)).violations.isEmpty)
  }

  @Test func svgAuditAcceptsTextThatMerelyMentionsScripts() {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&lt;script&gt; onload=\"x\"</text></svg>"
    #expect(SVGAudit(Array(svg.utf8)).violations.isEmpty)
  }

  @Test func dotSkeletonSeesALabelBreakingOutOfItsQuotes() {
    let safe = DOTSkeleton.tokens("n0 [tooltip=\"a \\\"b\\\" c\"];")
    let broken = DOTSkeleton.tokens("n0 [tooltip=\"a \"b\" c\"];")
    let html = DOTSkeleton.tokens("n0 [label=<a &lt;b&gt;>];")
    let brokenHTML = DOTSkeleton.tokens("n0 [label=<a <b>>]; x [label=<c>];")
    #expect(safe.structure == ["n0", "[", "tooltip", "=", "<string>", "]", ";"])
    #expect(broken.malformed || broken.structure != safe.structure)
    #expect(html.structure == ["n0", "[", "label", "=", "<html>", "]", ";"])
    #expect(brokenHTML.structure != html.structure)
  }
}
