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

  /// The version of the loaded libgvc ("2.42.2").
  public static var version: String {
    graphviz.withLock { state in
      guard let gvc = state.context, let text = gvcVersion(gvc) else { return "unknown" }
      return String(cString: text)
    }
  }
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

  mutating func render(dot: String, device: String, engine: String) throws(DiagramError) -> [UInt8] {
    guard let gvc = context else {
      throw .graphvizUnavailable(message: "gvContext() returned no context")
    }
    _ = agreseterrors()
    // cgraph's line counter is global and agmemread does not reset it: without this, an error
    // message would count the lines of every DOT text read before.
    agreadline(1)
    guard let graph = agmemread(dot) else {
      throw .invalidDOT(message: Self.lastError() ?? "unreadable DOT text")
    }
    defer { agclose(graph) }

    guard gvLayout(gvc, graph, engine) == 0 else {
      throw .layoutFailed(engine: engine, message: Self.lastError() ?? "unknown layout error")
    }
    defer { gvFreeLayout(gvc, graph) }

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

  /// Graphviz's last complaint, trimmed; nil when it has none. Must be called under the lock.
  static func lastError() -> String? {
    guard let buffer = aglasterr() else { return nil }
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
