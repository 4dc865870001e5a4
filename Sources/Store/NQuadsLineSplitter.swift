import RDF

/// Splits one N-Quads (or N-Triples) line into its triple and its graph, without building terms.
/// https://www.w3.org/TR/n-quads/#sec-grammar
///
/// Stop-gap until the RDF target's `NQuadsParser` is merged: it knows enough of the grammar to find
/// where each term ends (IRIs, blank nodes, literals with escapes, language tags and datatypes),
/// which is all the loader needs for well-formed input such as our own output. It does not check
/// IRI characters or escape sequences; the store does that and its message is shown.
struct NQuadsLineSplitter {
  let file: String
  /// Whether a fourth term (a graph name) is allowed: N-Quads yes, N-Triples no.
  let allowsGraph: Bool

  private enum TermKind { case iri, blank, literal }

  /// The statement on `line`, or `nil` for an empty or comment line.
  func split(_ line: ArraySlice<UInt8>, lineNumber: Int) throws(StoreError) -> SerializedStatement? {
    var index = skipSpace(line, from: line.startIndex)
    guard index < line.endIndex, line[index] != UInt8(ascii: "#") else { return nil }
    let tripleStart = index

    let subject = try term(line, at: &index, lineNumber: lineNumber, role: "subject")
    guard subject != .literal else { throw error(line, index, lineNumber, "a subject cannot be a literal") }
    index = skipSpace(line, from: index)
    let predicate = try term(line, at: &index, lineNumber: lineNumber, role: "predicate")
    guard predicate == .iri else { throw error(line, index, lineNumber, "a predicate must be an IRI") }
    index = skipSpace(line, from: index)
    let object = try term(line, at: &index, lineNumber: lineNumber, role: "object")
    let tripleEnd = index
    var hasBlank = subject == .blank || object == .blank

    index = skipSpace(line, from: index)
    var graph = GraphSelector.defaultGraph
    if index < line.endIndex, line[index] != UInt8(ascii: ".") {
      guard allowsGraph else {
        throw error(line, index, lineNumber, "N-Triples has no graph name; expected '.' (is this N-Quads?)")
      }
      let graphStart = index
      let kind = try term(line, at: &index, lineNumber: lineNumber, role: "graph name")
      switch kind {
      case .iri:
        let value = String(decoding: line[(graphStart + 1)..<(index - 1)], as: UTF8.self)
        graph = .named(IRI(unchecked: value))
      case .blank:
        hasBlank = true
        throw error(
          line, graphStart, lineNumber,
          "a blank-node graph name cannot be addressed over the Graph Store Protocol; use --graph IRI")
      case .literal:
        throw error(line, graphStart, lineNumber, "a graph name cannot be a literal")
      }
      index = skipSpace(line, from: index)
    }
    guard index < line.endIndex, line[index] == UInt8(ascii: ".") else {
      throw error(line, index, lineNumber, "expected '.' at the end of the statement")
    }
    index = skipSpace(line, from: index + 1)
    guard index == line.endIndex || line[index] == UInt8(ascii: "#") else {
      throw error(line, index, lineNumber, "one statement per line is expected; found more after '.'")
    }
    return SerializedStatement(
      triple: Array(line[tripleStart..<tripleEnd]), graph: graph, hasBlankNode: hasBlank, line: lineNumber)
  }

  // MARK: - Terms

  /// Moves `index` past one term and says which kind it was.
  private func term(
    _ line: ArraySlice<UInt8>, at index: inout Int, lineNumber: Int, role: String
  ) throws(StoreError) -> TermKind {
    guard index < line.endIndex else { throw error(line, index, lineNumber, "missing \(role)") }
    switch line[index] {
    case UInt8(ascii: "<"):
      // IRIREF: no raw '>' inside; escapes are \u and \U, which contain none.
      guard let close = line[(index + 1)...].firstIndex(of: UInt8(ascii: ">")) else {
        throw error(line, index, lineNumber, "unterminated IRI in \(role)")
      }
      index = close + 1
      return .iri
    case UInt8(ascii: "_"):
      guard index + 1 < line.endIndex, line[index + 1] == UInt8(ascii: ":") else {
        throw error(line, index, lineNumber, "expected '_:' to start a blank node \(role)")
      }
      var end = index + 2
      while end < line.endIndex, !isSpace(line[end]), line[end] != UInt8(ascii: "<"),
        line[end] != UInt8(ascii: "\"")
      {
        end += 1
      }
      // BLANK_NODE_LABEL cannot end with '.', so a '.' right after it ends the statement.
      while end > index + 2, line[end - 1] == UInt8(ascii: ".") { end -= 1 }
      guard end > index + 2 else { throw error(line, index, lineNumber, "empty blank node label in \(role)") }
      index = end
      return .blank
    case UInt8(ascii: "\""):
      guard role == "object" else { throw error(line, index, lineNumber, "a \(role) cannot be a literal") }
      var position = index + 1
      while true {
        guard position < line.endIndex else {
          throw error(line, index, lineNumber, "unterminated string literal")
        }
        let byte = line[position]
        if byte == UInt8(ascii: "\\") {
          position += 2
        } else if byte == UInt8(ascii: "\"") {
          break
        } else {
          position += 1
        }
      }
      position += 1
      if position < line.endIndex, line[position] == UInt8(ascii: "@") {
        position += 1
        let tagStart = position
        while position < line.endIndex, isLanguageTagByte(line[position]) { position += 1 }
        guard position > tagStart else { throw error(line, position, lineNumber, "empty language tag") }
      } else if position + 1 < line.endIndex, line[position] == UInt8(ascii: "^"),
        line[position + 1] == UInt8(ascii: "^")
      {
        position += 2
        guard position < line.endIndex, line[position] == UInt8(ascii: "<"),
          let close = line[(position + 1)...].firstIndex(of: UInt8(ascii: ">"))
        else {
          throw error(line, position, lineNumber, "expected a datatype IRI after '^^'")
        }
        position = close + 1
      }
      index = position
      return .literal
    default:
      throw error(line, index, lineNumber, "expected an IRI, a blank node or a literal as \(role)")
    }
  }

  private func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

  private func isLanguageTagByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
      true
    default: false
    }
  }

  private func skipSpace(_ line: ArraySlice<UInt8>, from index: Int) -> Int {
    var index = index
    while index < line.endIndex, isSpace(line[index]) { index += 1 }
    return index
  }

  private func error(_ line: ArraySlice<UInt8>, _ index: Int, _ lineNumber: Int, _ reason: String)
    -> StoreError
  {
    // Columns count characters, not bytes, as an editor shows them.
    let column = String(decoding: line[line.startIndex..<min(index, line.endIndex)], as: UTF8.self).count + 1
    return .syntax(file: file, line: lineNumber, column: column, reason: reason)
  }
}
