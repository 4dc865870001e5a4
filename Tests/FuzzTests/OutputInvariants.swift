import Diagram
import Foundation
import Graph
import RDF

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The invariants every output must keep, whatever the text of the articles: checked for one
/// graph, returning a description of each violation (empty when all hold).
struct OutputInvariants {
  var mapping = try! RDFMapping()
  /// SVG rendering goes through libgvc (slow, behind one lock); some loops check it less often.
  var rendersSVG = true

  func violations(_ graph: KnowledgeGraph) -> [String] {
    var found: [String] = []
    found += rdfViolations(graph)
    found += diagramViolations(graph)
    return found
  }

  // MARK: - RDF

  /// N-Triples and N-Quads read back, line by line, into exactly the quads of the mapping;
  /// JSON-LD is JSON. (Turtle and TriG are parsed by rdflib and pyoxigraph in Tests/python.)
  func rdfViolations(_ graph: KnowledgeGraph) -> [String] {
    var found: [String] = []
    let expected = mapping.quads(for: graph)
    for format in [RDFFormat.ntriples, .nquads] {
      var text = ""
      mapping.write(graph, format: format, to: &text)
      var parser = NQuadsParser(source: "graph.\(format.rawValue)", allowsGraphNames: format == .nquads)
      var parsed: [Quad] = []
      for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        do {
          if let quad = try parser.parse(line: String(line), lineNumber: index + 1) { parsed.append(quad) }
        } catch {
          found.append(
            "\(format): line \(index + 1) does not parse (\(error)): \(line.prefix(200).debugDescription)")
          break
        }
      }
      if format == .nquads && Set(parsed) != Set(expected) {
        found.append(
          "nquads: read back \(Set(parsed).count) quads, wrote \(Set(expected).count); they differ")
      }
      if format == .ntriples && Set(parsed.map(Self.triple)) != Set(expected.map(Self.triple)) {
        found.append("ntriples: the triples read back differ from the triples written")
      }
    }
    for format in [RDFFormat.turtle, .trig] {
      var text = ""
      mapping.write(graph, format: format, to: &text)
      // Turtle and TriG allow no raw line break inside a short string and no C0 control at all
      // outside escapes; these are the usual escaping mistakes.
      if let bad = text.unicodeScalars.first(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }) {
        found.append("\(format): raw control character U+\(String(bad.value, radix: 16))")
      }
    }
    var json = ""
    mapping.write(graph, format: .jsonld, to: &json)
    if (try? JSONSerialization.jsonObject(with: Data(json.utf8))) == nil {
      found.append("jsonld: not valid JSON")
    }
    return found
  }

  static func triple(_ quad: Quad) -> Triple { Triple(quad.subject, quad.predicate, quad.object) }

  // MARK: - Diagram

  func diagramViolations(_ graph: KnowledgeGraph) -> [String] {
    var found: [String] = []
    let renderer = DiagramRenderer()
    let tamed = Self.tamed(graph)
    // Fitting to a screen draws fewer entities when long labels make the drawing larger, so
    // text may change how many are drawn there; without fitting it may not.
    let unfitted = DiagramRenderer.Options(fit: nil)
    do {
      let dot = try renderer.dot(graph, options: unfitted).dot
      let tameDot = try renderer.dot(tamed, options: unfitted).dot
      // Text can change what a string says, never the shape of the DOT around it.
      let skeleton = DOTSkeleton.tokens(dot)
      let tameSkeleton = DOTSkeleton.tokens(tameDot)
      if skeleton.malformed { found.append("dot: unbalanced quoting: \(dot.prefix(300).debugDescription)") }
      if skeleton.structure != tameSkeleton.structure {
        found.append(
          "dot: the structure depends on the text; first difference near "
            + "\(DOTSkeleton.firstDifference(skeleton.structure, tameSkeleton.structure))")
      }
      guard rendersSVG else { return found }
      found += SVGAudit(try renderer.render(graph).bytes).violations
      let svg = try renderer.render(graph, options: unfitted).bytes
      let tameSVG = try renderer.render(tamed, options: unfitted).bytes
      let audit = SVGAudit(svg)
      found += audit.violations
      let tameAudit = SVGAudit(tameSVG)
      if audit.nodeCount != tameAudit.nodeCount || audit.edgeCount != tameAudit.edgeCount {
        found.append(
          "svg: \(audit.nodeCount) nodes and \(audit.edgeCount) edges drawn, "
            + "\(tameAudit.nodeCount) and \(tameAudit.edgeCount) for the same graph with plain text")
      }
    } catch {
      found.append("diagram: \(error)")
    }
    return found
  }

  /// The same graph with every piece of free text replaced by plain letters (keys kept, so that
  /// pruning and ordering, which follow keys and counts, are the same).
  static func tamed(_ graph: KnowledgeGraph) -> KnowledgeGraph {
    func tame(_ text: String) -> String { text.isEmpty ? "" : "Text" }
    var graph = graph
    for index in graph.entities.indices {
      graph.entities[index].label = tame(graph.entities[index].label)
      graph.entities[index].aliases = graph.entities[index].aliases.map(tame)
      graph.entities[index].jobTitle = graph.entities[index].jobTitle.map(tame)
    }
    for index in graph.relations.indices {
      for s in graph.relations[index].statements.indices {
        graph.relations[index].statements[s].evidence = tame(graph.relations[index].statements[s].evidence)
      }
    }
    for index in graph.articles.indices {
      graph.articles[index].title = graph.articles[index].title.map(tame)
    }
    return graph
  }
}

// MARK: - DOT

/// The DOT source with every quoted string and HTML-like string replaced by a placeholder, per
/// the lexical rules of https://graphviz.org/doc/info/lang.html.
enum DOTSkeleton {
  static func tokens(_ dot: String) -> (structure: [String], malformed: Bool) {
    let x = Array(dot.unicodeScalars)
    var out: [String] = []
    var word = ""
    var i = 0
    func flush() {
      if !word.isEmpty { out.append(word) }
      word = ""
    }
    while i < x.count {
      let c = x[i]
      switch c {
      case "\"":
        flush()
        i += 1
        while i < x.count && x[i] != "\"" { i += x[i] == "\\" ? 2 : 1 }
        if i >= x.count { return (out, true) }
        out.append("<string>")
      case "<":
        flush()
        var depth = 1
        i += 1
        while i < x.count && depth > 0 {
          if x[i] == "<" { depth += 1 } else if x[i] == ">" { depth -= 1 }
          i += 1
        }
        if depth > 0 { return (out, true) }
        i -= 1
        out.append("<html>")
      case " ", "\n", "\t", "\r":
        flush()
      case "[", "]", "{", "}", ";", "=", ",":
        flush()
        out.append(String(c))
      default:
        word.unicodeScalars.append(c)
      }
      i += 1
    }
    flush()
    return (out, false)
  }

  static func firstDifference(_ a: [String], _ b: [String]) -> String {
    let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    return "token \(index): \(a[index..<min(a.count, index + 8)]) vs \(b[index..<min(b.count, index + 8)])"
  }
}

// MARK: - SVG

/// Reads an SVG as XML and lists what must never come from article text: scripts, event
/// handlers, external references and elements that embed other documents.
final class SVGAudit: NSObject, XMLParserDelegate {
  private(set) var violations: [String] = []
  private(set) var nodeCount = 0
  private(set) var edgeCount = 0
  static let forbiddenElements: Set<String> = [
    "script", "foreignobject", "iframe", "embed", "object", "image", "use", "handler", "listener", "animate",
    "set", "feimage",
  ]

  init(_ bytes: [UInt8]) {
    super.init()
    let parser = XMLParser(data: Data(bytes))
    parser.delegate = self
    if !parser.parse() {
      violations.append("svg: not well-formed XML (\(parser.parserError.map { "\($0)" } ?? "?"))")
    }
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    let element = elementName.lowercased()
    if Self.forbiddenElements.contains(element) { violations.append("svg: <\(elementName)> element") }
    if element == "g" {
      if attributes["class"] == "node" { nodeCount += 1 }
      if attributes["class"] == "edge" { edgeCount += 1 }
    }
    for (name, value) in attributes {
      let lower = name.lowercased()
      let local = lower.split(separator: ":").last.map(String.init) ?? lower
      if local.hasPrefix("on") {
        violations.append("svg: event handler attribute \(name)=\(value.debugDescription)")
      }
      if local == "href" || local == "src" {
        violations.append("svg: reference \(name)=\(value.debugDescription)")
      }
      if value.lowercased().contains("url(") && local != "title" {
        violations.append("svg: url() in \(name)=\(value.debugDescription)")
      }
    }
  }

  // `parse()` can return true after a fatal error on Linux; the callback is what counts.
  func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
    violations.append("svg: not well-formed XML (\(parseError))")
  }

  func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?) {
    if target.lowercased() != "xml" { violations.append("svg: processing instruction <?\(target)") }
  }
}
