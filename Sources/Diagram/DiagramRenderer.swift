import Graph

/// Draws a knowledge graph: prunes it, writes DOT, and lays it out and renders it through libgvc.
///
/// ```swift
/// let diagram = try DiagramRenderer().render(graph, options: .init(format: .svg))
/// print(diagram.summary)  // "showing 40 of 1,204 entities and 80 of 3,377 relations"
/// ```
public struct DiagramRenderer: Sendable {
  public struct Options: Sendable, Hashable {
    /// What to draw.
    public var pruning: GraphPruner.Options
    /// How it looks; its `engine` is replaced by the engine chosen from `layout`.
    public var style: DOTBuilder.Options
    /// The layout engine; nil picks one by size (``LayoutEngine/automatic(nodes:edges:)``).
    public var layout: LayoutEngine?
    public var format: GraphvizRenderer.Format

    public init(
      pruning: GraphPruner.Options = .default, style: DOTBuilder.Options = .default,
      layout: LayoutEngine? = nil, format: GraphvizRenderer.Format = .svg
    ) {
      self.pruning = pruning
      self.style = style
      self.layout = layout
      self.format = format
    }

    public static let `default` = Options()
  }

  public init() {}

  /// The DOT text for `graph` after pruning, without layout (for `.dot` output).
  public func dot(_ graph: KnowledgeGraph, options: Options = .default) throws(DiagramError) -> DOTDiagram {
    let pruned = try GraphPruner(options: options.pruning).prune(graph)
    let engine =
      options.layout
      ?? .automatic(nodes: pruned.graph.entities.count, edges: pruned.graph.relations.count)
    var style = options.style
    style.engine = engine
    return DOTDiagram(dot: DOTBuilder(options: style).build(pruned), summary: pruned.summary, engine: engine)
  }

  /// The rendered diagram of `graph`: pruned, laid out and rendered in `options.format`.
  public func render(_ graph: KnowledgeGraph, options: Options = .default) throws(DiagramError)
    -> RenderedDiagram
  {
    let source = try dot(graph, options: options)
    let bytes = try GraphvizRenderer().render(dot: source.dot, format: options.format, layout: source.engine)
    return RenderedDiagram(
      bytes: bytes, dot: source.dot, summary: source.summary, engine: source.engine,
      format: options.format)
  }
}

/// DOT text ready for layout.
public struct DOTDiagram: Sendable, Hashable {
  public var dot: String
  /// What pruning left out.
  public var summary: PruneSummary
  /// The engine the DOT was written for.
  public var engine: LayoutEngine
}

/// A rendered diagram and how it was made.
public struct RenderedDiagram: Sendable, Hashable {
  /// The SVG, PNG or PDF file's bytes.
  public var bytes: [UInt8]
  /// The DOT text that was laid out.
  public var dot: String
  /// What pruning left out.
  public var summary: PruneSummary
  public var engine: LayoutEngine
  public var format: GraphvizRenderer.Format
}

extension LayoutEngine {
  /// `dot` while its layered layout stays fast, `sfdp` beyond. Edge labels make `dot` slow: on
  /// this machine kind, 60 entities with 120 labelled relations take about 0.3 s, 80 with 160
  /// about 2 s, 120 with 240 about 15 s; `sfdp` lays out 1,000 in about 3 s.
  public static func automatic(nodes: Int, edges: Int) -> LayoutEngine {
    nodes <= 60 && edges <= 120 ? .dot : .sfdp
  }
}
