import Text

/// Builds a one-sentence document from `word/UPOS` or `word/UPOS/lemma` items separated by spaces,
/// so extraction tests control the tags without depending on a trained model.
func taggedDocument(_ tagged: String, id: String = "test") -> Document {
  let items = tagged.split(separator: " ").map { $0.split(separator: "/", omittingEmptySubsequences: false) }
  let words = items.map { String($0[0]) }
  let text = words.joined(separator: " ")
  var document = Document(article: Article(id: id, source: id, text: text))
  var offset = 0
  for (index, item) in items.enumerated() {
    let word = words[index]
    document.tokenStarts.append(Int32(offset))
    offset += word.unicodeScalars.count
    document.tokenEnds.append(Int32(offset))
    offset += 1
    document.forms.append(word)
    document.upos.append(item.count > 1 ? String(item[1]) : "X")
    document.lemmas.append(item.count > 2 ? String(item[2]) : word.lowercased())
  }
  document.sentences = [0..<words.count]
  return document
}

/// Builds a one-sentence parsed document from CoNLL-U-like lines `form lemma UPOS head deprel`
/// (heads 1-based, 0 for the root; one line per word), so extractor tests control the parse.
/// Words are written with a space between them, except before a form marked `~` ("~-" glues a
/// hyphen to the word before it).
func parsedDocument(_ rows: String, id: String = "test") -> Document {
  let lines = rows.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.filter {
    !$0.isEmpty
  }
  var text = ""
  var forms: [String] = []
  var starts: [Int32] = []
  for fields in lines {
    precondition(fields.count == 5, "parsedDocument: want 'form lemma UPOS head deprel', got \(fields)")
    let glued = fields[0].count > 1 && fields[0].hasPrefix("~")
    if !text.isEmpty && !glued { text += " " }
    starts.append(Int32(text.unicodeScalars.count))
    forms.append(glued ? String(fields[0].dropFirst()) : fields[0])
    text += forms[forms.count - 1]
  }
  var document = Document(article: Article(id: id, source: id, text: text))
  document.forms = forms
  document.tokenStarts = starts
  document.tokenEnds = zip(starts, forms).map { $0 + Int32($1.unicodeScalars.count) }
  for fields in lines {
    document.lemmas.append(fields[1])
    document.upos.append(fields[2])
    document.xpos.append("_")
    document.heads.append(Int32(Int(fields[3])! - 1))
    document.deprels.append(fields[4])
  }
  document.sentences = [0..<lines.count]
  return document
}
