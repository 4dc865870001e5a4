import Extraction
import Graph

/// Draws a ``GraphDiff``: shared entities and relations grey, those only in A in blue, only in B
/// in orange, contradicted relations in red and bold with both stances in the label, and a legend
/// that names A and B.
///
/// Entity shapes are those of ``EntityStyle`` (type reads from shape, side from colour). Every
/// node and edge gets a Graphviz `id` naming its side (`shared-n3`, `onlyA-e7`,
/// `contradiction-e2`), which the SVG keeps as the group's `id`, so the drawing can be checked
/// and scripted without reading colours. A and B take the Okabe–Ito blue and orange (told apart
/// with the common colour-vision deficiencies); contradictions the red that ``DOTBuilder`` uses
/// for denied edges.
public struct DiffDiagram: Sendable {
  /// Options of the diff diagram.
  public struct Options: Sendable, Hashable {
    /// The names of the two sides, shown in the legend.
    public var nameA: String
    public var nameB: String
    /// Most entities drawn; the rest (fewest relations first) are left out and counted.
    public var maxNodes: Int
    public var fontName: String

    public init(nameA: String = "A", nameB: String = "B", maxNodes: Int = 60, fontName: String = "Helvetica")
    {
      self.nameA = nameA
      self.nameB = nameB
      self.maxNodes = maxNodes
      self.fontName = fontName
    }
  }

  /// Where an element is found.
  public enum Side: String, Sendable, Hashable, CaseIterable {
    case shared, onlyA, onlyB, contradiction

    var fill: String {
      switch self {
      case .shared: "#EEEEEE"
      case .onlyA: "#CCE3F2"
      case .onlyB: "#FBE6BF"
      case .contradiction: "#F5C6C0"
      }
    }

    var stroke: String {
      switch self {
      case .shared: "#999999"
      case .onlyA: "#0072B2"
      case .onlyB: "#E69F00"
      case .contradiction: "#C0392B"
      }
    }
  }

  public var options: Options

  public init(options: Options = Options()) { self.options = options }

  // MARK: - DOT

  /// The DOT text of `diff`.
  public func dot(_ diff: GraphDiff) -> String { source(diff).dot }

  /// Renders `diff` through libgvc as `format`, with the layout engine chosen by the size drawn.
  /// With `dot`, the connected parts are laid out one by one and packed into the shape of a
  /// screen, as ``DiagramRenderer`` does, instead of one tall strip.
  public func render(_ diff: GraphDiff, format: GraphvizRenderer.Format = .svg) throws(DiagramError)
    -> [UInt8]
  {
    let whole = source(diff)
    let renderer = GraphvizRenderer()
    guard whole.engine == .dot, whole.parts.count > 1 else {
      return try renderer.render(dot: whole.dot, format: format, layout: whole.engine)
    }
    let layouts = try whole.parts.map { part throws(DiagramError) in
      try renderer.layOut(dot: source(diff, drawing: part).dot)
    }
    let packing = ComponentPacker.pack(
      layouts.map { ComponentPacker.Size(width: $0.width, height: $0.height) }, aspect: Fit.screen.aspect)
    return try renderer.render(dot: whole.dot, placing: layouts, at: packing.offsets, format: format)
  }

  /// The DOT text, the engine it was written for, and the connected parts of what is drawn (entity
  /// keys). With `drawing`, only those entities and the relations between them, without the title.
  private func source(_ diff: GraphDiff, drawing: Set<String>? = nil) -> (
    dot: String, engine: LayoutEngine, parts: [Set<String>]
  ) {
    var entitySide: [String: Side] = [:]
    for key in diff.entities.shared { entitySide[key] = .shared }
    for key in diff.entities.onlyA { entitySide[key] = .onlyA }
    for key in diff.entities.onlyB { entitySide[key] = .onlyB }
    let contradicted = Dictionary(uniqueKeysWithValues: diff.contradictions.map { ($0.relation, $0) })
    var relationSide: [(relation: RelationIdentity, side: Side)] = []
    for relation in diff.relations.shared {
      relationSide.append((relation, contradicted[relation] == nil ? .shared : .contradiction))
    }
    relationSide += diff.relations.onlyA.map { ($0, .onlyA) }
    relationSide += diff.relations.onlyB.map { ($0, .onlyB) }
    relationSide.sort { $0.relation < $1.relation }

    // Keep the entities with the most relations (contradictions count most), then by label.
    var weight: [String: Int] = [:]
    for (relation, side) in relationSide {
      let points = side == .contradiction ? 1000 : 1
      weight[relation.subject, default: 0] += points
      weight[relation.object, default: 0] += points
    }
    let ranked = entitySide.keys.sorted {
      (-(weight[$0] ?? 0), diff.label($0), $0) < (-(weight[$1] ?? 0), diff.label($1), $1)
    }
    let kept = Set(ranked.prefix(max(options.maxNodes, 0)))
    let nodes = entitySide.keys.filter(kept.contains).sorted { (diff.label($0), $0) < (diff.label($1), $1) }
    let drawn = relationSide.filter {
      kept.contains($0.relation.subject) && kept.contains($0.relation.object)
    }
    var nodeName: [String: String] = [:]
    for (index, key) in nodes.enumerated() { nodeName[key] = "n\(index)" }
    let parts = Self.parts(nodes, drawn.map { ($0.relation.subject, $0.relation.object) })

    var out = "digraph diff {\n"
    let font = DOTText.quoted(options.fontName)
    let engine = LayoutEngine.automatic(nodes: nodes.count, edges: drawn.count)
    var graph = [
      "fontname=\(font)", "labelloc=t", "labeljust=l", "pad=0.25", "bgcolor=white", "outputorder=edgesfirst",
    ]
    if drawing == nil {
      graph.append(
        "label=<\(legend(diff, drawnNodes: nodes.count, drawnEdges: drawn.count, relationCount: relationSide.count))>"
      )
    }
    graph +=
      engine == .dot ? ["rankdir=LR", "nodesep=0.25", "ranksep=0.45"] : ["overlap=prism", "sep=\"+6\""]
    out += "  graph [\(graph.joined(separator: " "))]\n"
    out += "  node [fontname=\(font) fontsize=11 margin=\"0.10,0.05\" penwidth=1.4 style=filled]\n"
    out += "  edge [fontname=\(font) fontsize=9 arrowsize=0.7]\n"
    for key in nodes where drawing?.contains(key) ?? true {
      let side = entitySide[key]!
      let shape = EntityStyle.of(diff.types[key] ?? .unknown).shape
      let tooltip = "\(diff.label(key)) (\(diff.types[key]?.rawValue ?? "unknown")): \(description(side))"
      out +=
        "  \(nodeName[key]!) [id=\"\(side.rawValue)-\(nodeName[key]!)\" label=<\(DOTText.html(diff.label(key)))> "
        + "shape=\(shape) fillcolor=\"\(side.fill)\" color=\"\(side.stroke)\" tooltip=\(DOTText.quoted(tooltip))]\n"
    }
    for (index, item) in drawn.enumerated() where drawing?.contains(item.relation.subject) ?? true {
      let relation = item.relation
      var label = relation.predicate.replacingOccurrences(of: "_", with: " ")
      var attributes = "color=\"\(item.side.stroke)\" fontcolor=\"\(item.side.stroke)\""
      if let contradiction = contradicted[relation] {
        label = "\u{26A0} \(label): A \(contradiction.a.rawValue), B \(contradiction.b.rawValue)"
        attributes += " penwidth=2.6 style=bold"
      } else if item.side != .shared {
        attributes += " penwidth=1.6"
      }
      let tooltip = edgeTooltip(diff, relation: relation, side: item.side)
      out +=
        "  \(nodeName[relation.subject]!) -> \(nodeName[relation.object]!) [id=\"\(item.side.rawValue)-e\(index)\" "
        + "label=<\(DOTText.html(label))> tooltip=\(DOTText.quoted(tooltip)) labeltooltip=\(DOTText.quoted(tooltip)) "
        + "\(attributes)]\n"
    }
    out += "}\n"
    return (out, engine, parts)
  }

  /// The connected parts of the drawing, each in the order of its first node.
  private static func parts(_ nodes: [String], _ edges: [(String, String)]) -> [Set<String>] {
    var index: [String: Int] = [:]
    for (position, key) in nodes.enumerated() { index[key] = position }
    let pairs = edges.compactMap { edge -> (Int, Int)? in
      guard let a = index[edge.0], let b = index[edge.1] else { return nil }
      return (a, b)
    }
    return ConnectedParts.of(count: nodes.count, edges: pairs).map { Set($0.map { nodes[$0] }) }
  }

  // MARK: - Legend and tooltips

  private func description(_ side: Side) -> String {
    switch side {
    case .shared: "in both"
    case .onlyA: "only in A (\(options.nameA))"
    case .onlyB: "only in B (\(options.nameB))"
    case .contradiction: "in both, contradicting"
    }
  }

  private func legend(_ diff: GraphDiff, drawnNodes: Int, drawnEdges: Int, relationCount: Int) -> String {
    func cell(_ side: Side, _ text: String) -> String {
      "<TD BGCOLOR=\"\(side.fill)\" COLOR=\"\(side.stroke)\"><FONT POINT-SIZE=\"10\" COLOR=\"#222222\">"
        + DOTText.html(text) + "</FONT></TD>"
    }
    let entityCount = diff.entities.shared.count + diff.entities.onlyA.count + diff.entities.onlyB.count
    var facts = [
      "entities: \(diff.entities.shared.count) shared, \(diff.entities.onlyA.count) only in A, \(diff.entities.onlyB.count) only in B",
      "relations: \(diff.relations.shared.count) shared, \(diff.relations.onlyA.count) only in A, \(diff.relations.onlyB.count) only in B, \(diff.contradictions.count) contradicted",
      "similarity (Jaccard): entities \(DOTBuilder.decimal(diff.entities.jaccard, places: 2)), relations \(DOTBuilder.decimal(diff.relations.jaccard, places: 2))",
    ]
    if drawnNodes < entityCount || drawnEdges < relationCount {
      facts.append(
        "showing \(drawnNodes) of \(entityCount) entities and \(drawnEdges) of \(relationCount) relations")
    }
    let rows =
      "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"15\"><B>"
      + DOTText.html("Differences between A and B") + "</B></FONT></TD></TR>"
      + facts.map {
        "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\" COLOR=\"#555555\">\(DOTText.html($0))</FONT></TD></TR>"
      }.joined()
      + "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"3\" CELLPADDING=\"3\"><TR>"
      + cell(.onlyA, "only in A: \(options.nameA)") + cell(.onlyB, "only in B: \(options.nameB)")
      + cell(.shared, "in both") + cell(.contradiction, "\u{26A0} contradiction (bold)")
      + "</TR></TABLE></TD></TR>"
    return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">\(rows)</TABLE>"
  }

  private func edgeTooltip(_ diff: GraphDiff, relation: RelationIdentity, side: Side) -> String {
    var lines = [
      "\(diff.label(relation.subject)) → \(relation.predicate) → \(diff.label(relation.object))",
      description(side),
    ]
    for (name, statements) in [
      ("A", diff.statementsA[relation] ?? []), ("B", diff.statementsB[relation] ?? []),
    ] {
      for statement in statements.prefix(3) {
        var notes = [statement.modality.rawValue]
        if statement.polarity == .negative { notes.append("denied") }
        lines.append(
          "\(name): “\(DOTBuilder.clipped(statement.evidence, to: 200))” (\(statement.article), sentence \(statement.sentence + 1), \(notes.joined(separator: ", ")))"
        )
      }
    }
    return lines.joined(separator: "\n")
  }
}
