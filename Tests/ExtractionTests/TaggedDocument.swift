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
