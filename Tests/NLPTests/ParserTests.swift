import Testing

@testable import NLP

@Test func projectivizerLiftsACrossingArcAndMarksItsLabel() {
  // "A hearing is scheduled on the issue today": "on"(4) depends on "hearing"(1) across "is scheduled".
  // 0 A, 1 hearing, 2 is, 3 scheduled, 4 on, 5 issue; heads (-1 = root):
  var heads = [1, 3, 3, -1, 5, 1]
  var labels = ["det", "nsubj", "aux", "root", "case", "nmod"]
  #expect(!Projectivizer.isProjective(5, heads: heads))
  let lifted = Projectivizer.projectivize(heads: &heads, labels: &labels)
  #expect(lifted == 1)
  #expect(heads == [1, 3, 3, -1, 5, 3])
  #expect(labels[5] == "nmod|nsubj")
  #expect(heads.indices.allSatisfy { Projectivizer.isProjective($0, heads: heads) })
}

@Test func deprojectivizerReattachesALiftedWordToTheMarkedHead() {
  let parser = Parser(
    labels: ["det", "nsubj", "aux", "root", "case", "nmod", "nmod|nsubj"],
    model: PerceptronTrainer(classCount: 1).freeze())
  var heads = [1, 3, 3, -1, 5, 3]
  var labels = [0, 1, 2, 3, 4, 6]
  parser.deprojectivize(heads: &heads, labels: &labels)
  #expect(heads == [1, 3, 3, -1, 5, 1])
}

@Test func oracleCostsAreZeroAlongTheGoldPath() {
  // Following zero-cost transitions from the start must rebuild a projective gold tree exactly.
  let labels = ["det", "nsubj", "root", "obj"]
  let parser = Parser(labels: labels, model: PerceptronTrainer(classCount: 1).freeze(), classes: .empty)
  // "the cat saw dogs": the←cat, cat←saw, saw=root, dogs←saw; the root is at n = 4.
  let gold = ParserExample(
    words: [1, 2, 3, 4, 5], tags: [1, 2, 3, 4, 5], codes: [0, 0, 0, 0, 0], heads: [1, 2, 4, 2],
    labels: [0, 1, 2, 3])
  let w = Parser.Workspace(parser: parser)
  w.words = gold.words
  w.tags = gold.tags
  w.codes = gold.codes
  w.reset(4)
  while !w.isTerminal {
    parser.markValid(w)
    let base = Parser.costs(w, gold: gold)
    let t = (0..<parser.transitionCount).first { w.valid[$0] && Parser.cost($0, base, w, gold: gold) == 0 }
    #expect(t != nil)
    guard let t else { return }
    w.apply(t)
  }
  #expect(Array(w.heads.prefix(4)) == [1, 2, 4, 2])
  #expect(Array(w.labels.prefix(4)) == [0, 1, 2, 3])
}
