import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What a test needs to know about an SVG drawn by Graphviz: its node and edge groups, their
/// tooltips and texts, and everything that could be active content. Never its bytes.
struct SVGStructure {
  struct Group {
    var id: String
    var title = ""
    var tooltips: [String] = []
    var texts: [String] = []
    /// `stroke` of the group's paths.
    var strokes: [String] = []
    var dashed = false
    /// `stroke-width` of the group's paths; Graphviz writes it only when it is not 1.
    var strokeWidths: [String] = []
  }

  var nodes: [Group] = []
  var edges: [Group] = []
  /// Texts drawn outside any node or edge: the title and the legend.
  var graphTexts: [String] = []
  var elementNames: Set<String> = []
  var attributeNames: Set<String> = []
  /// Values of every `href` and `xlink:href`.
  var hrefs: [String] = []
  /// The drawing's size in points, from the root element's `width` and `height` ("1089pt").
  var width: Double?
  var height: Double?

  /// Parses `bytes`; nil when it is not well-formed XML.
  init?(_ bytes: [UInt8]) {
    let delegate = Collector()
    let parser = XMLParser(data: Data(bytes))
    parser.delegate = delegate
    guard parser.parse() else { return nil }
    self = delegate.structure
  }

  fileprivate init() {}
}

private final class Collector: NSObject, XMLParserDelegate {
  var structure = SVGStructure()
  /// Open elements; for `g`, its class.
  private var stack: [(name: String, groupClass: String?)] = []
  private var current: SVGStructure.Group?
  private var currentKind = ""
  private var text = ""

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    structure.elementNames.insert(name)
    structure.attributeNames.formUnion(attributes.keys)
    for (key, value) in attributes where key == "href" || key.hasSuffix(":href") {
      structure.hrefs.append(value)
    }
    if name == "svg" && stack.isEmpty {
      func points(_ value: String?) -> Double? {
        value.flatMap { Double($0.hasSuffix("pt") ? String($0.dropLast(2)) : $0) }
      }
      structure.width = points(attributes["width"])
      structure.height = points(attributes["height"])
    }
    let groupClass = name == "g" ? attributes["class"] : nil
    if let groupClass, groupClass == "node" || groupClass == "edge" {
      current = SVGStructure.Group(id: attributes["id"] ?? "")
      currentKind = groupClass
    }
    if current != nil {
      if name == "a", let tooltip = attributes["xlink:title"] { current?.tooltips.append(tooltip) }
      if name == "path" || name == "polygon" || name == "ellipse" || name == "polyline" {
        if let stroke = attributes["stroke"] { current?.strokes.append(stroke) }
        if attributes["stroke-dasharray"] != nil { current?.dashed = true }
        if let width = attributes["stroke-width"] { current?.strokeWidths.append(width) }
      }
    }
    stack.append((name, groupClass))
    text = ""
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
  ) {
    let closed = stack.removeLast()
    if name == "text" {
      if current != nil { current?.texts.append(text) } else { structure.graphTexts.append(text) }
    }
    if name == "title", current != nil, current?.title.isEmpty == true { current?.title = text }
    if closed.groupClass == "node" || closed.groupClass == "edge", let group = current {
      if currentKind == "node" { structure.nodes.append(group) } else { structure.edges.append(group) }
      current = nil
    }
    text = ""
  }
}
