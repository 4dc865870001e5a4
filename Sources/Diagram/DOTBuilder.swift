import Extraction
import Graph

/// Writes a graph as DOT (https://graphviz.org/doc/info/lang.html): entity type as shape and
/// colour, the predicate and its support on each edge, hedged edges dashed, denied edges red, a
/// title with a legend, and the evidence sentences as tooltips.
///
/// Node names are generated (`n0`, `n1`, ...); every string from an article goes through
/// ``DOTText``. The same graph gives the same DOT.
public struct DOTBuilder: Sendable {
  /// How the diagram looks.
  public struct Options: Sendable, Hashable {
    /// Replaces the title made from the articles' headlines.
    public var title: String?
    /// Whether the legend of types and edge styles is drawn under the title.
    public var legend: Bool
    /// The engine the DOT is meant for; graph attributes differ between `dot` and the others.
    public var engine: LayoutEngine
    /// Evidence sentences in one tooltip; the rest are counted.
    public var evidencePerTooltip: Int
    /// Longest evidence sentence in a tooltip, in characters; longer ones are cut with "…".
    public var evidenceLength: Int
    /// Node labels wrap at word boundaries after this many characters.
    public var labelWidth: Int
    /// A font name that Graphviz knows (https://graphviz.org/doc/info/attrs.html#d:fontname).
    public var fontName: String

    public init(
      title: String? = nil, legend: Bool = true, engine: LayoutEngine = .dot,
      evidencePerTooltip: Int = 4, evidenceLength: Int = 300, labelWidth: Int = 22,
      fontName: String = "Helvetica"
    ) {
      self.title = title
      self.legend = legend
      self.engine = engine
      self.evidencePerTooltip = evidencePerTooltip
      self.evidenceLength = evidenceLength
      self.labelWidth = labelWidth
      self.fontName = fontName
    }

    public static let `default` = Options()
  }

  public var options: Options

  public init(options: Options = .default) {
    self.options = options
  }

  // MARK: - Building

  /// The DOT text of the whole `graph`.
  public func build(_ graph: KnowledgeGraph) -> String {
    build(PrunedGraph(whole: graph))
  }

  /// The DOT text of a pruned graph; its summary appears under the title when something was left out.
  public func build(_ pruned: PrunedGraph) -> String {
    var out = ""
    write(pruned, to: &out)
    return out
  }

  /// Writes the DOT text of a pruned graph to `output`.
  public func write<Output: TextOutputStream>(_ pruned: PrunedGraph, to output: inout Output) {
    write(pruned, drawing: nil, titled: true, to: &output)
  }

  /// The DOT texts of the drawing's connected components, untitled, for laying out one at a time
  /// and packing (``GraphvizRenderer/renderPacked(dot:components:format:aspect:)``). Node names
  /// and edge ids are those of the whole drawing's DOT. Components come in the order of their
  /// first entity.
  public func componentDOTs(_ pruned: PrunedGraph) -> [String] {
    let graph = pruned.graph
    var index: [String: Int] = [:]
    for (offset, entity) in graph.entities.enumerated() { index[entity.key] = offset }
    let edges = graph.relations.compactMap { relation -> (Int, Int)? in
      guard let a = index[relation.subject], let b = index[relation.object] else { return nil }
      return (a, b)
    }
    return ConnectedParts.of(count: graph.entities.count, edges: edges).map { part in
      var out = ""
      write(pruned, drawing: Set(part), titled: false, to: &out)
      return out
    }
  }
  /// The DOT text of a graph with the diagram's title and no node, to measure the title.
  public func titleDOT(_ pruned: PrunedGraph) -> String {
    let drawn = drawnRelations(pruned.graph)
    return "digraph newsgraph {\n  graph [\(graphAttributes(pruned, drawn: drawn, titled: true))]\n}\n"
  }

  /// Relations whose two ends are drawn, in the graph's order; edge `i` has the id `e<i>`.
  private func drawnRelations(_ graph: KnowledgeGraph) -> [GraphRelation] {
    let keys = Set(graph.entities.map(\.key))
    return graph.relations.filter { keys.contains($0.subject) && keys.contains($0.object) }
  }

  /// Writes the DOT text of the entities whose indices are in `drawing` (all when nil) and the
  /// relations between them; `titled` adds the title and legend.
  private func write<Output: TextOutputStream>(
    _ pruned: PrunedGraph, drawing: Set<Int>?, titled: Bool, to output: inout Output
  ) {
    let graph = pruned.graph
    var nodeName: [String: String] = [:]
    for (index, entity) in graph.entities.enumerated() where drawing?.contains(index) ?? true {
      nodeName[entity.key] = "n\(index)"
    }
    var labels = pruned.attributionLabels
    for entity in graph.entities { labels[entity.key] = entity.label }
    let allDrawn = drawnRelations(graph)

    output.write("digraph newsgraph {\n")
    output.write("  graph [\(graphAttributes(pruned, drawn: allDrawn, titled: titled))]\n")
    let font = DOTText.quoted(options.fontName)
    output.write("  node [fontname=\(font) fontsize=11 margin=\"0.10,0.05\" penwidth=1.2]\n")
    output.write(
      "  edge [fontname=\(font) fontsize=9 color=\"#555555\" fontcolor=\"#333333\" arrowsize=0.7]\n")

    // MARK: Nodes
    var evidenceOf: [String: [String]] = [:]
    for relation in allDrawn {
      for statement in relation.statements {
        evidenceOf[relation.subject, default: []].append(statement.evidence)
        if relation.object != relation.subject {
          evidenceOf[relation.object, default: []].append(statement.evidence)
        }
      }
    }
    for entity in graph.entities {
      guard let name = nodeName[entity.key] else { continue }
      let style = EntityStyle.of(entity.type)
      let tooltip = nodeTooltip(entity, evidence: evidenceOf[entity.key] ?? [], labels: labels)
      output.write(
        "  \(name) [label=<\(nodeLabel(entity))> shape=\(style.shape) "
          + "style=\"\(style.styleAttribute)\" fillcolor=\"\(style.fill)\" color=\"\(style.border)\" "
          + "tooltip=\(DOTText.quoted(tooltip))]\n")
    }

    // MARK: Edges
    // One edge per ordered pair: parallel relations between the same two entities share a line
    // and stack their labels, strongest first, so that hubs do not become a fan of curves.
    for (index, bundle) in Self.bundles(allDrawn).enumerated() {
      guard let tail = nodeName[bundle[0].subject], let head = nodeName[bundle[0].object] else { continue }
      let looks = bundle.map(EdgeLook.init)
      let tooltip = DOTText.quoted(
        bundle.map { edgeTooltip($0, labels: labels) }.joined(separator: "\n\n"))
      var attributes =
        "id=\"e\(index)\" label=<\(bundleLabel(looks))> tooltip=\(tooltip) "
        + "labeltooltip=\(tooltip) penwidth=\(Self.decimal(looks.map(\.penWidth).max() ?? 1))"
      if looks.allSatisfy(\.hedged) { attributes += " style=dashed" }
      let colours = Set(looks.map { $0.colour ?? "" })
      if colours.count == 1, let colour = looks[0].colour {
        attributes += " color=\"\(colour)\" fontcolor=\"\(colour)\""
      }
      output.write("  \(tail) -> \(head) [\(attributes)]\n")
    }
    output.write("}\n")
  }

  // MARK: - Graph, title and legend

  private func graphAttributes(_ pruned: PrunedGraph, drawn: [GraphRelation], titled: Bool) -> String {
    var attributes = [
      "fontname=\(DOTText.quoted(options.fontName))", "labelloc=t", "labeljust=l", "pad=0.25",
      "outputorder=edgesfirst", "bgcolor=white",
    ]
    if titled { attributes.append("label=<\(titleTable(pruned, drawn: drawn))>") }
    switch options.engine {
    case .dot:
      // No `newrank` and no `pack`: with both, dot 2.42 crashes; `pack` alone drops edge labels.
      attributes += ["rankdir=LR", "nodesep=0.25", "ranksep=0.45"]
      if drawn.count > 120 {
        // Network simplex over the labels' virtual nodes dominates dot's time on big graphs;
        // bounding its iterations keeps an explicit `dot` layout within seconds.
        attributes += ["nslimit=2", "nslimit1=2"]
      }
    case .neato, .fdp:
      attributes += ["overlap=prism", "sep=\"+6\"", "splines=true"]
    case .sfdp:
      attributes += ["overlap=prism", "sep=\"+6\""]
    case .circo:
      attributes += ["splines=true"]
    }
    return attributes.joined(separator: " ")
  }

  /// The title, a line of facts and the legend, as one HTML-like table: it works with every
  /// engine and adds no node to the drawing.
  private func titleTable(_ pruned: PrunedGraph, drawn: [GraphRelation]) -> String {
    let articles = pruned.graph.articles
    var rows: [String] = []
    func row(_ html: String) { rows.append("<TR><TD ALIGN=\"LEFT\">\(html)</TD></TR>") }

    let headline: String
    var headlines: [String] = []
    if let title = options.title {
      headline = title
    } else if articles.count == 1 {
      headline = articles[0].title ?? articles[0].id
    } else {
      headline = articles.isEmpty ? "Knowledge graph" : "\(PruneSummary.grouped(articles.count)) articles"
      headlines = articles.prefix(3).map { $0.title ?? $0.id }
      if articles.count > 3 { headlines.append("… and \(PruneSummary.grouped(articles.count - 3)) more") }
    }
    row("<FONT POINT-SIZE=\"15\"><B>\(wrapped(headline, width: 90))</B></FONT>")
    for line in headlines {
      row("<FONT POINT-SIZE=\"10\">\(DOTText.html(Self.clipped(line, to: 110)))</FONT>")
    }

    var facts: [String] = []
    let dates = articles.compactMap { $0.date.map(Self.day) }.sorted()
    if let first = dates.first, let last = dates.last {
      facts.append(first == last ? first : "\(first) – \(last)")
    }
    if let focus = pruned.summary.focus {
      let label = pruned.graph.entity(focus)?.label ?? focus
      facts.append("around \(label)")
    }
    facts.append(pruned.summary.description)
    row("<FONT POINT-SIZE=\"10\" COLOR=\"#555555\">\(DOTText.html(facts.joined(separator: " · ")))</FONT>")

    if options.legend, let legend = legendTable(pruned.graph, drawn: drawn) { row(legend) }
    return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">"
      + rows.joined() + "</TABLE>"
  }

  /// One cell per entity type present, in its colours, then notes for the edge styles present.
  private func legendTable(_ graph: KnowledgeGraph, drawn: [GraphRelation]) -> String? {
    let types = Set(graph.entities.map(\.type))
    var cells = EntityType.allCases.filter(types.contains).map { type in
      let style = EntityStyle.of(type)
      return "<TD BGCOLOR=\"\(style.fill)\" COLOR=\"\(style.border)\">"
        + "<FONT POINT-SIZE=\"9\">\(type.rawValue)</FONT></TD>"
    }
    let looks = drawn.map(EdgeLook.init)
    var notes: [String] = []
    if looks.contains(where: \.hedged) { notes.append("dashed: reported or hedged") }
    if looks.contains(where: { $0.colour == EdgeLook.negative }) { notes.append("red: denied") }
    if looks.contains(where: { $0.colour == EdgeLook.disputed }) { notes.append("orange: disputed") }
    if looks.contains(where: { $0.support > 1 }) { notes.append("(n), thicker: more articles") }
    if !notes.isEmpty {
      cells.append(
        "<TD BORDER=\"0\"><FONT POINT-SIZE=\"9\" COLOR=\"#555555\">"
          + DOTText.html(notes.joined(separator: " · ")) + "</FONT></TD>")
    }
    guard !cells.isEmpty else { return nil }
    return "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"3\" CELLPADDING=\"2\"><TR>"
      + cells.joined() + "</TR></TABLE>"
  }

  // MARK: - Labels and tooltips

  /// Most relation lines on one edge; the rest are counted.
  static let linesPerEdge = 3

  /// Relations grouped by (subject, object) in the order of each pair's first relation; within a
  /// group, by support (highest first), then in the graph's order.
  static func bundles(_ relations: [GraphRelation]) -> [[GraphRelation]] {
    var groupOf: [String: Int] = [:]
    var groups: [[GraphRelation]] = []
    for relation in relations {
      let pair = relation.subject + "\u{0}" + relation.object
      if let group = groupOf[pair] {
        groups[group].append(relation)
      } else {
        groupOf[pair] = groups.count
        groups.append([relation])
      }
    }
    return groups.map { group in
      group.enumerated().sorted { a, b in
        a.element.support != b.element.support ? a.element.support > b.element.support : a.offset < b.offset
      }.map(\.element)
    }
  }

  /// One line per relation, each in its own colour when the edge mixes them.
  private func bundleLabel(_ looks: [EdgeLook]) -> String {
    let mixed = Set(looks.map { $0.colour ?? "" }).count > 1
    var lines = looks.prefix(Self.linesPerEdge).map { look in
      let text = wrapped(look.label, width: 40)
      guard mixed, let colour = look.colour else { return text }
      return "<FONT COLOR=\"\(colour)\">\(text)</FONT>"
    }
    if looks.count > Self.linesPerEdge { lines.append("+\(looks.count - Self.linesPerEdge) more") }
    return lines.joined(separator: "<BR/>")
  }

  private func nodeLabel(_ entity: GraphEntity) -> String {
    var label = wrapped(entity.label.isEmpty ? entity.key : entity.label, width: options.labelWidth)
    if let title = entity.jobTitle, !title.isEmpty {
      label +=
        "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#444444\">"
        + wrapped(title, width: options.labelWidth + 6) + "</FONT>"
    }
    return label
  }

  private func nodeTooltip(_ entity: GraphEntity, evidence: [String], labels: [String: String])
    -> String
  {
    var lines = ["\(entity.label) (\(entity.type.rawValue))"]
    let role = [entity.jobTitle, entity.affiliation.map { labels[$0] ?? $0 }].compactMap { $0 }
    if !role.isEmpty { lines.append(role.joined(separator: ", ")) }
    if !entity.aliases.isEmpty { lines.append("also: " + entity.aliases.joined(separator: ", ")) }
    if let wikidata = entity.wikidata { lines.append("Wikidata: \(wikidata)") }
    let articles = entity.articles.count
    lines.append(
      "\(articles) \(articles == 1 ? "article" : "articles"), "
        + "\(entity.mentionCount) \(entity.mentionCount == 1 ? "mention" : "mentions")")
    var seen = Set<String>()
    let distinct = evidence.filter { seen.insert($0).inserted }
    for sentence in distinct.prefix(options.evidencePerTooltip) {
      lines.append("“\(Self.clipped(sentence, to: options.evidenceLength))”")
    }
    if distinct.count > options.evidencePerTooltip {
      lines.append("… and \(distinct.count - options.evidencePerTooltip) more")
    }
    return lines.joined(separator: "\n")
  }

  private func edgeTooltip(_ relation: GraphRelation, labels: [String: String]) -> String {
    let subject = labels[relation.subject] ?? relation.subject
    let object = labels[relation.object] ?? relation.object
    let support = relation.support
    var lines = [
      "\(subject) → \(EdgeLook.words(relation.predicate)) → \(object)",
      "\(support) \(support == 1 ? "article" : "articles")"
        + (relation.relationClass.map { " · class: \($0)" } ?? ""),
    ]
    for statement in relation.statements.prefix(options.evidencePerTooltip) {
      var source = [statement.article, "sentence \(statement.sentence + 1)"]
      if statement.modality != .asserted { source.append(statement.modality.rawValue) }
      if statement.polarity == .negative { source.append("denied") }
      source.append("confidence \(Self.decimal(statement.confidence, places: 2))")
      if let attribution = statement.attribution {
        source.append("according to \(labels[attribution] ?? attribution)")
      }
      lines.append(
        "“\(Self.clipped(statement.evidence, to: options.evidenceLength))” ("
          + source.joined(separator: ", ") + ")")
    }
    if relation.statements.count > options.evidencePerTooltip {
      lines.append("… and \(relation.statements.count - options.evidencePerTooltip) more")
    }
    return lines.joined(separator: "\n")
  }

  // MARK: - Text helpers

  /// `text` escaped for an HTML-like label, broken into lines of about `width` characters.
  private func wrapped(_ text: String, width: Int) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(whereSeparator: \.isWhitespace) {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += line.isEmpty ? String(word) : " " + word
    }
    if !line.isEmpty { lines.append(line) }
    let html = lines.map(DOTText.html).joined(separator: "<BR/>")
    // Graphviz rejects an empty HTML-like label: `<>`.
    return html.isEmpty ? "&#160;" : html
  }

  /// At most `limit` characters, cut at a word boundary with "…".
  static func clipped(_ text: String, to limit: Int) -> String {
    guard text.count > limit else { return text }
    var cut = text.prefix(limit)
    if let space = cut.lastIndex(where: \.isWhitespace),
      cut.distance(from: cut.startIndex, to: space) > limit / 2
    {
      cut = cut[..<space]
    }
    return cut + "…"
  }

  /// The day of an ISO 8601 date-time ("2024-10-23T10:00:00Z" → "2024-10-23"); other text as is.
  static func day(_ date: String) -> String {
    let prefix = date.prefix(10)
    let isDay =
      prefix.count == 10
      && prefix.enumerated().allSatisfy { offset, character in
        offset == 4 || offset == 7 ? character == "-" : character.isASCII && character.isNumber
      }
    return isDay ? String(prefix) : date
  }

  /// `value` with `places` decimals (1 or more), the same on every locale.
  static func decimal(_ value: Double, places: Int = 1) -> String {
    var scale = 1
    for _ in 0..<max(places, 1) { scale *= 10 }
    let scaled = Int((value * Double(scale)).rounded())
    let fraction = String(scaled.magnitude % scale.magnitude)
    let padded = String(repeating: "0", count: max(places, 1) - fraction.count) + fraction
    return (scaled < 0 ? "-" : "") + "\(scaled.magnitude / scale.magnitude).\(padded)"
  }
}

// MARK: - Edge look

/// How one relation is drawn, derived from its statements.
struct EdgeLook {
  static let negative = "#C0392B"
  static let disputed = "#D35400"

  let label: String
  let support: Int
  /// No statement asserts it: all are reported, possible, hypothetical or speculated.
  let hedged: Bool
  let colour: String?
  let penWidth: Double

  init(_ relation: GraphRelation) {
    support = relation.support
    hedged = !relation.statements.contains { $0.modality == .asserted }
    let negatives = relation.statements.count { $0.polarity == .negative }
    let predicate = Self.words(relation.predicate)
    var text: String
    if negatives > 0 && negatives == relation.statements.count {
      text = "not " + predicate
      colour = Self.negative
    } else if negatives > 0 {
      text = predicate + " (disputed)"
      colour = Self.disputed
    } else {
      text = predicate
      colour = nil
    }
    if support > 1 { text += " (\(support))" }
    label = text
    penWidth = min(1.0 + 0.8 * Double(support - 1), 5.0)
  }

  /// `impose_on` → "impose on".
  static func words(_ predicate: String) -> String {
    predicate.replacingUnderscores()
  }
}

extension String {
  fileprivate func replacingUnderscores() -> String {
    String(map { $0 == "_" ? " " : $0 })
  }
}
