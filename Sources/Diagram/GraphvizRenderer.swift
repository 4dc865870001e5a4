import CGraphviz
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A Graphviz layout engine (https://graphviz.org/docs/layouts/).
public enum LayoutEngine: String, Sendable, Hashable, CaseIterable {
  case dot, neato, fdp, sfdp, circo
}

/// Lays out and renders DOT in-process through libgvc (https://graphviz.org/pdf/libguide.pdf).
///
/// Graphviz keeps global state (the error buffer, the string dictionary, plugin tables) and is not
/// thread-safe, not even for reads, so every call into it from this process goes through one lock.
/// This file is the only place that touches libgvc or cgraph.
public struct GraphvizRenderer: Sendable {
  /// An output format that libgvc renders.
  public enum Format: String, Sendable, Hashable, CaseIterable {
    /// SVG, written by Graphviz's core plugin.
    case svg
    /// PNG through cairo (the pango plugin).
    case png
    /// PDF through cairo (the pango plugin).
    case pdf

    /// The name of the device that libgvc knows: `png` alone would pick the gd plugin when it is
    /// installed, whose text rendering is worse.
    var device: String {
      switch self {
      case .svg: return "svg"
      case .png: return "png:cairo"
      case .pdf: return "pdf:cairo"
      }
    }
  }

  public init() {}

  /// Parses `dot`, lays it out with `layout` and renders it as `format`.
  public func render(dot: String, format: Format = .svg, layout: LayoutEngine = .dot)
    throws(DiagramError) -> [UInt8]
  {
    try graphviz.withLock { (state: inout GraphvizState) throws(DiagramError) -> [UInt8] in
      try state.render(dot: dot, device: format.device, engine: layout.rawValue)
    }
  }

  /// Lays `dot` out with the `dot` engine and reads back where Graphviz put its nodes and edges.
  public func layOut(dot: String) throws(DiagramError) -> DrawingLayout {
    try graphviz.withLock { (state: inout GraphvizState) throws(DiagramError) -> DrawingLayout in
      try state.layOut(dot: dot)
    }
  }

  /// Renders `dot` without laying it out again: each node and edge is put where its namesake in
  /// `layouts[i]` was, moved by `offsets[i]` (Graphviz's `nop2` engine, as `neato -n2` after
  /// `gvpack`). Edges are matched by their `id`; the graph's label is placed on top.
  public func render(
    dot: String, placing layouts: [DrawingLayout], at offsets: [DrawingLayout.Point], format: Format
  ) throws(DiagramError) -> [UInt8] {
    precondition(layouts.count == offsets.count, "one offset per layout")
    var placed = PlacedPositions()
    for (layout, offset) in zip(layouts, offsets) {
      for (name, position) in layout.nodes {
        placed.nodes[name] = DrawingLayout.shifted(position, by: offset)
      }
      for (id, edge) in layout.edges {
        placed.edges[id] = (
          DrawingLayout.shifted(edge.path, by: offset),
          edge.label.map { DrawingLayout.shifted($0, by: offset) }
        )
      }
    }
    return try graphviz.withLock { (state: inout GraphvizState) throws(DiagramError) -> [UInt8] in
      try state.render(dot: dot, device: format.device, engine: "nop2", placed: placed)
    }
  }

  /// The version of the loaded libgvc ("2.42.2").
  public static var version: String {
    graphviz.withLock { state in
      guard let gvc = state.context, let text = gvcVersion(gvc) else { return "unknown" }
      return String(cString: text)
    }
  }
}

/// Positions for `nop2`, by node name and edge id.
struct PlacedPositions {
  var nodes: [String: String] = [:]
  var edges: [String: (path: String, label: String?)] = [:]
}

// MARK: - The one context and the one lock

/// The process-wide Graphviz context, created once, reached only under `graphviz`'s lock.
private let graphviz = Mutex(GraphvizState())

/// Owns the GVC context. Not copyable: there is exactly one, inside the mutex.
private struct GraphvizState: ~Copyable {
  /// nil when gvContext failed.
  let context: OpaquePointer?

  init() {
    // Errors and warnings go to cgraph's buffer (read by aglasterr) instead of standard error.
    agseterr(AGMAX)
    context = gvContext()
  }

  mutating func render(dot: String, device: String, engine: String, placed: PlacedPositions? = nil)
    throws(DiagramError) -> [UInt8]
  {
    let gvc = try self.gvc()
    let graph = try Self.parse(dot)
    defer { agclose(graph) }
    if let placed { Self.place(placed, in: graph) }

    guard gvLayout(gvc, graph, engine) == 0 else {
      throw .layoutFailed(engine: engine, message: Self.lastError() ?? "unknown layout error")
    }
    defer { gvFreeLayout(gvc, graph) }
    return try Self.renderData(gvc, graph, device: device)
  }

  /// Lays `dot` out with the `dot` engine; positions are read from the attributes that rendering
  /// to Graphviz's own `dot` format attaches.
  mutating func layOut(dot: String) throws(DiagramError) -> DrawingLayout {
    let gvc = try self.gvc()
    let graph = try Self.parse(dot)
    defer { agclose(graph) }
    guard gvLayout(gvc, graph, "dot") == 0 else {
      throw .layoutFailed(engine: "dot", message: Self.lastError() ?? "unknown layout error")
    }
    defer { gvFreeLayout(gvc, graph) }
    _ = try Self.renderData(gvc, graph, device: "dot")

    guard let box = Self.attribute(graph, "bb").flatMap(DrawingLayout.box) else {
      throw .layoutFailed(engine: "dot", message: "no bounding box after layout")
    }
    let origin = DrawingLayout.Point(x: -box.lowerX, y: -box.lowerY)
    var layout = DrawingLayout(width: box.upperX - box.lowerX, height: box.upperY - box.lowerY)
    var node = agfstnode(graph)
    while let current = node {
      if let name = agnameof(current).map({ String(cString: $0) }),
        let position = Self.attribute(current, "pos")
      {
        layout.nodes[name] = DrawingLayout.shifted(position, by: origin)
      }
      var edge = agfstout(graph, current)
      while let currentEdge = edge {
        if let id = Self.attribute(currentEdge, "id"), !id.isEmpty,
          let path = Self.attribute(currentEdge, "pos"), !path.isEmpty
        {
          let label = Self.attribute(currentEdge, "lp").flatMap { $0.isEmpty ? nil : $0 }
          layout.edges[id] = DrawingLayout.EdgePlace(
            path: DrawingLayout.shifted(path, by: origin),
            label: label.map { DrawingLayout.shifted($0, by: origin) })
        }
        edge = agnxtout(graph, currentEdge)
      }
      node = agnxtnode(graph, current)
    }
    return layout
  }

  private func gvc() throws(DiagramError) -> OpaquePointer {
    guard let gvc = context else {
      throw .graphvizUnavailable(message: "gvContext() returned no context")
    }
    return gvc
  }

  /// The one graph of `dot`; an error for text that is not exactly one graph.
  private static func parse(_ dot: String) throws(DiagramError) -> UnsafeMutablePointer<Agraph_t> {
    _ = agreseterrors()
    // cgraph's line counter is global and agmemread does not reset it: without this, an error
    // message would count the lines of every DOT text read before.
    agreadline(1)
    let parsed = agmemread(dot)
    // Taken before draining, so that it is this text's message.
    let parseError = parsed == nil ? Self.lastError() : nil
    let trailing = Self.drainLexer()
    guard let graph = parsed else {
      throw .invalidDOT(message: parseError ?? "unreadable DOT text")
    }
    if trailing.graphs > 0 || trailing.failed {
      agclose(graph)
      let reason = trailing.failed ? Self.lastError() ?? "unreadable text" : "another graph"
      throw .invalidDOT(message: "text after the end of the graph: \(reason)")
    }
    return graph
  }

  private static func renderData(
    _ gvc: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, device: String
  )
    throws(DiagramError) -> [UInt8]
  {
    var data: UnsafeMutablePointer<CChar>? = nil
    var length: UInt32 = 0
    let status = gvRenderData(gvc, graph, device, &data, &length)
    defer { if let data { gvFreeRenderData(data) } }
    guard status == 0, let data else {
      throw .renderFailed(format: device, message: Self.lastError() ?? "unknown render error")
    }
    return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { bytes in
      Array(UnsafeBufferPointer(start: bytes, count: Int(length)))
    }
  }

  /// Sets `pos` on every node and `pos` and `lp` on every edge that `placed` knows.
  private static func place(_ placed: PlacedPositions, in graph: UnsafeMutablePointer<Agraph_t>) {
    var node = agfstnode(graph)
    while let current = node {
      if let name = agnameof(current).map({ String(cString: $0) }), let position = placed.nodes[name] {
        setAttribute(current, "pos", position)
      }
      var edge = agfstout(graph, current)
      while let currentEdge = edge {
        if let id = attribute(currentEdge, "id"), let place = placed.edges[id] {
          setAttribute(currentEdge, "pos", place.path)
          if let label = place.label { setAttribute(currentEdge, "lp", label) }
        }
        edge = agnxtout(graph, currentEdge)
      }
      node = agnxtnode(graph, current)
    }
  }

  private static func attribute(_ object: UnsafeMutableRawPointer, _ name: String) -> String? {
    name.withCString { name in
      agget(object, UnsafeMutablePointer(mutating: name)).map { String(cString: $0) }
    }
  }

  private static func attribute<T>(_ object: UnsafeMutablePointer<T>, _ name: String) -> String? {
    attribute(UnsafeMutableRawPointer(object), name)
  }

  private static func setAttribute<T>(_ object: UnsafeMutablePointer<T>, _ name: String, _ value: String) {
    name.withCString { name in
      value.withCString { value in
        "".withCString { empty in
          _ = agsafeset(
            UnsafeMutableRawPointer(object), UnsafeMutablePointer(mutating: name),
            UnsafeMutablePointer(mutating: value), UnsafeMutablePointer(mutating: empty))
        }
      }
    }
  }

  /// Reads whatever cgraph's lexer still holds after agmemread returned.
  ///
  /// agmemread hands cgraph its text a line at a time and returns as soon as the first graph is
  /// complete; the rest of that line stays in the lexer's buffer and would be read as the start of
  /// the next DOT text (an error would then name the wrong line, or another text's graph would be
  /// drawn). Reading empty texts until none yields a graph consumes it: a syntax error flushes the
  /// buffer, and so does reaching the end with no graph.
  private static func drainLexer() -> (graphs: Int, failed: Bool) {
    let before = agerrors()
    var graphs = 0
    while let extra = agmemread("") {
      agclose(extra)
      graphs += 1
    }
    return (graphs, agerrors() > before)
  }

  /// Graphviz's last complaint, trimmed; nil when it has none. Must be called under the lock.
  static func lastError() -> String? {
    // agerrors() is the highest level seen since agreseterrors(): 0 means nothing new was said,
    // and aglasterr() would return an older message.
    guard agerrors() > 0, let buffer = aglasterr() else { return nil }
    defer { free(buffer) }
    let message = String(cString: buffer)
      .split(whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: " \t") }
      .filter { !$0.isEmpty }
      .joined(separator: " ")
    return message.isEmpty ? nil : message
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var view = self[...]
    while let first = view.first, set.contains(first) { view = view.dropFirst() }
    while let last = view.last, set.contains(last) { view = view.dropLast() }
    return String(view)
  }
}
