import Foundation

@testable import NLP

/// Test data: UD English EWT from the shared data folder (searched upward from this file), read once.
enum Fixtures {
  static let ewtFolder: String? = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    for _ in 0..<6 {
      let candidate = url.appendingPathComponent("shared/data/ud-english-ewt").path
      if FileManager.default.fileExists(atPath: candidate + "/en_ewt-ud-train.conllu") { return candidate }
      url = url.deletingLastPathComponent()
    }
    return nil
  }()

  static var ewtAvailable: Bool { ewtFolder != nil }

  static let train: [CoNLLUSentence] = load("en_ewt-ud-train.conllu")
  static let dev: [CoNLLUSentence] = load("en_ewt-ud-dev.conllu")

  static func load(_ name: String) -> [CoNLLUSentence] {
    guard let folder = ewtFolder, let data = FileManager.default.contents(atPath: folder + "/" + name) else {
      return []
    }
    return (try? CoNLLU.parse(String(decoding: data, as: UTF8.self), file: name)) ?? []
  }

  /// A tiny hand-written file with a comment, a multiword token and an empty node.
  static let tiny = """
    # newdoc id = test
    # sent_id = s1
    # text = I don't know.
    1	I	I	PRON	PRP	_	4	nsubj	_	_
    2-3	don't	_	_	_	_	_	_	_	_
    2	do	do	AUX	VBP	_	4	aux	_	_
    3	n't	not	PART	RB	_	4	advmod	_	_
    4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
    5	.	.	PUNCT	.	_	4	punct	_	_

    # sent_id = s2
    # text = Go home
    1	Go	go	VERB	VB	_	0	root	_	_
    1.1	went	go	VERB	VBD	_	_	_	0:root	_
    2	home	home	ADV	RB	_	1	advmod	_	_

    """
}
