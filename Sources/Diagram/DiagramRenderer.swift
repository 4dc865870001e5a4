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
    /// The screen the drawing should fit at 100% zoom: fewer entities are drawn (never fewer than
    /// ``Fit/minimumEntities``) until it does. nil draws up to the pruning limits whatever the size.
    public var fit: Fit?

    public init(
      pruning: GraphPruner.Options = .default, style: DOTBuilder.Options = .default,
      layout: LayoutEngine? = nil, format: GraphvizRenderer.Format = .svg, fit: Fit? = .screen
    ) {
      self.pruning = pruning
      self.style = style
      self.layout = layout
      self.format = format
      self.fit = fit
    }

    public static let `default` = Options()
  }

  public init() {}

  /// The DOT text for `graph` after pruning (for `.dot` output): the drawing that ``render(_:options:)``
  /// makes, screen fit included, without positions.
  public func dot(_ graph: KnowledgeGraph, options: Options = .default) throws(DiagramError) -> DOTDiagram {
    let (pruned, engine) = try prunedToLimits(graph, options: options)
    guard engine == .dot, options.fit != nil else { return dotText(pruned, engine: engine, options: options) }
    return try packedLayout(graph, options: options, first: pruned).source
  }

  /// `graph` pruned to the options' limits, before any fitting, and the engine for it.
  private func prunedToLimits(_ graph: KnowledgeGraph, options: Options) throws(DiagramError)
    -> (PrunedGraph, LayoutEngine)
  {
    let pruned = try GraphPruner(options: options.pruning).prune(graph)
    let engine =
      options.layout
      ?? .automatic(nodes: pruned.graph.entities.count, edges: pruned.graph.relations.count)
    return (pruned, engine)
  }

  private func dotText(_ pruned: PrunedGraph, engine: LayoutEngine, options: Options) -> DOTDiagram {
    var style = options.style
    style.engine = engine
    return DOTDiagram(dot: DOTBuilder(options: style).build(pruned), summary: pruned.summary, engine: engine)
  }

  /// The rendered diagram of `graph`: pruned, laid out and rendered in `options.format`.
  ///
  /// With the `dot` engine, each connected part is laid out on its own and the parts are packed
  /// into the shape of the screen (``ComponentPacker``); when the result is larger than
  /// `options.fit`, fewer entities are drawn and the layout is done again.
  public func render(_ graph: KnowledgeGraph, options: Options = .default) throws(DiagramError)
    -> RenderedDiagram
  {
    let renderer = GraphvizRenderer()
    let (pruned, engine) = try prunedToLimits(graph, options: options)
    guard engine == .dot else {
      let source = dotText(pruned, engine: engine, options: options)
      let bytes = try renderer.render(dot: source.dot, format: options.format, layout: engine)
      return RenderedDiagram(
        bytes: bytes, dot: source.dot, summary: source.summary, engine: engine, format: options.format)
    }
    let packed = try packedLayout(graph, options: options, first: pruned)
    let bytes = try renderer.render(
      dot: packed.source.dot, placing: packed.chosen.layouts, at: packed.chosen.packing.offsets,
      format: options.format)
    return RenderedDiagram(
      bytes: bytes, dot: packed.source.dot, summary: packed.source.summary, engine: .dot,
      format: options.format, fitted: packed.fitted ? options.fit : nil)
  }

  /// The `dot` drawing: parts laid out one by one and packed, with fewer entities until it fits.
  /// `first` is `graph` pruned to the options' limits, the first try.
  private func packedLayout(_ graph: KnowledgeGraph, options: Options, first pruned: PrunedGraph)
    throws(DiagramError)
    -> (source: DOTDiagram, chosen: PackedAttempt, fitted: Bool)
  {
    let renderer = GraphvizRenderer()
    var style = options.style
    style.engine = .dot
    let builder = DOTBuilder(options: style)
    let aspect = options.fit?.aspect ?? 16.0 / 9.0

    /// One try: prune to at most `entities`, lay the parts out, pack.
    func attempt(entities: Int) throws(DiagramError) -> PackedAttempt {
      var pruning = options.pruning
      // Relations shrink in the same ratio: the lines between hubs are what fills the picture.
      let base = options.pruning.maxNodes ?? graph.entities.count
      pruning.maxNodes = entities
      pruning.maxEdges = options.pruning.maxEdges.map { max(entities, $0 * entities / max(base, 1)) }
      return try attempt(try GraphPruner(options: pruning).prune(graph))
    }

    /// Lays the parts of `pruned` out and packs them.
    func attempt(_ pruned: PrunedGraph) throws(DiagramError) -> PackedAttempt {
      let layouts = try builder.componentDOTs(pruned).map { dot throws(DiagramError) in
        try renderer.layOut(dot: dot)
      }
      let packing = ComponentPacker.pack(
        layouts.map { ComponentPacker.Size(width: $0.width, height: $0.height) }, aspect: aspect)
      let title = try renderer.layOut(dot: builder.titleDOT(pruned))
      // The page's padding (`pad=0.25`, in inches) is added on every side when rendering.
      let pad = 2 * 0.25 * 72.0
      return PackedAttempt(
        pruned: pruned, layouts: layouts, packing: packing,
        width: max(packing.width, title.width) + pad, height: packing.height + title.height + pad)
    }

    let first = try attempt(pruned)
    var chosen = first
    var fitted = false
    if let fit = options.fit,
      var next = fit.fewerEntities(
        than: first.pruned.summary.shownEntities, width: first.width, height: first.height)
    {
      // The most entities that fit: a first guess from the area, then bisection, a few layouts at
      // most (each takes milliseconds at these sizes).
      fitted = true
      var fits = fit.minimumEntities - 1
      var tooMany = first.pruned.summary.shownEntities
      var best: PackedAttempt?
      var last = first
      for _ in 0..<6 {
        next = min(max(next, fits + 1, fit.minimumEntities), tooMany - 1)
        last = try attempt(entities: next)
        if next <= fit.minimumEntities || fit.holds(width: last.width, height: last.height) {
          best = last
          fits = next
        } else {
          tooMany = next
        }
        if tooMany - fits <= 1 { break }
        next = best == nil ? next * 3 / 4 : (fits + tooMany) / 2
      }
      chosen = best ?? last
    }

    let source = DOTDiagram(dot: builder.build(chosen.pruned), summary: chosen.pruned.summary, engine: .dot)
    return (source, chosen, fitted)
  }
}

/// A pruned graph laid out part by part and packed, with the size of the page it makes in points.
private struct PackedAttempt {
  var pruned: PrunedGraph
  var layouts: [DrawingLayout]
  var packing: ComponentPacker.Packing
  var width: Double
  var height: Double
}

/// The screen a diagram is drawn for.
public struct Fit: Sendable, Hashable {
  /// In CSS pixels (1/96 inch), as a browser shows an SVG at 100%.
  public var width: Int
  public var height: Int
  /// Fitting never draws fewer entities than this; a drawing that is still too large stays so.
  public var minimumEntities: Int

  public init(width: Int, height: Int, minimumEntities: Int = 12) {
    self.width = width
    self.height = height
    self.minimumEntities = minimumEntities
  }

  /// A 1920 × 1080 screen (full HD, the commonest desktop size).
  public static let screen = Fit(width: 1920, height: 1080)

  public var aspect: Double { Double(width) / Double(height) }

  /// Whether a page of `width` × `height` points fits on the screen.
  func holds(width: Double, height: Double) -> Bool { scale(width: width, height: height) >= 1 }

  /// How much a page of `width` × `height` points must shrink to fit (above 1: room to spare).
  private func scale(width: Double, height: Double) -> Double {
    // Graphviz's point is 1/72 inch; a CSS pixel is 1/96 inch.
    min(Double(self.width) * 0.75 / width, Double(self.height) * 0.75 / height)
  }

  /// How many entities to try next when a drawing of `shown` entities measures `width` × `height`
  /// points; nil when it fits or cannot shrink further. Area grows about with the number of
  /// entities, so the count shrinks with the area ratio, by at least one.
  func fewerEntities(than shown: Int, width: Double, height: Double) -> Int? {
    let scale = self.scale(width: width, height: height)
    guard scale < 1, shown > minimumEntities else { return nil }
    let next = Int((Double(shown) * scale * scale).rounded(.down))
    return max(minimumEntities, min(shown - 1, next))
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
  /// The screen that fewer entities were drawn for, when fitting left some out.
  public var fitted: Fit?

  public init(
    bytes: [UInt8], dot: String, summary: PruneSummary, engine: LayoutEngine,
    format: GraphvizRenderer.Format, fitted: Fit? = nil
  ) {
    self.bytes = bytes
    self.dot = dot
    self.summary = summary
    self.engine = engine
    self.format = format
    self.fitted = fitted
  }
}

extension LayoutEngine {
  /// `dot` while its layered layout stays fast, `sfdp` beyond. Edge labels make `dot` slow: on
  /// this machine kind, 60 entities with 120 labelled relations take about 0.3 s, 80 with 160
  /// about 2 s, 120 with 240 about 15 s; `sfdp` lays out 1,000 in about 3 s.
  public static func automatic(nodes: Int, edges: Int) -> LayoutEngine {
    nodes <= 60 && edges <= 120 ? .dot : .sfdp
  }
}
