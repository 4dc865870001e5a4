/// Where Graphviz put the nodes and edges of one drawing, in points, with the drawing's lower-left
/// corner at the origin (Graphviz's y axis points up).
public struct DrawingLayout: Sendable, Hashable {
  /// A place on the drawing, in points.
  public struct Point: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
      self.x = x
      self.y = y
    }
  }

  /// An edge's spline (Graphviz's `pos`) and its label's centre (`lp`).
  public struct EdgePlace: Sendable, Hashable {
    public var path: String
    public var label: String?

    public init(path: String, label: String?) {
      self.path = path
      self.label = label
    }
  }

  public var width: Double
  public var height: Double
  /// Graphviz `pos` of each node, by node name.
  public var nodes: [String: String]
  /// Places of each edge, by edge id.
  public var edges: [String: EdgePlace]

  public init(
    width: Double, height: Double, nodes: [String: String] = [:], edges: [String: EdgePlace] = [:]
  ) {
    self.width = width
    self.height = height
    self.nodes = nodes
    self.edges = edges
  }

  // MARK: - Graphviz's coordinate text

  /// The corners of a `bb` attribute ("llx,lly,urx,ury"); nil when it is not four numbers.
  static func box(_ text: String) -> (lowerX: Double, lowerY: Double, upperX: Double, upperY: Double)? {
    let numbers = text.split(separator: ",").compactMap { Double($0) }
    guard numbers.count == 4 else { return nil }
    return (numbers[0], numbers[1], numbers[2], numbers[3])
  }

  /// A `pos` or `lp` value with every point moved by `offset`: a node's "x,y", a label's "x,y",
  /// or an edge's spline ("e,x,y s,x,y x,y x,y ...": the `e,` and `s,` arrow ends included).
  /// Parts that are not points are kept as they are.
  public static func shifted(_ text: String, by offset: Point) -> String {
    text.split(separator: " ", omittingEmptySubsequences: true).map { part -> String in
      var fields = part.split(separator: ",", omittingEmptySubsequences: false)
      let first = fields.count == 3 && (fields[0] == "e" || fields[0] == "s") ? 1 : 0
      guard fields.count - first == 2, let x = Double(fields[first]), let y = Double(fields[first + 1])
      else { return String(part) }
      fields[first] = Substring(number(x + offset.x))
      fields[first + 1] = Substring(number(y + offset.y))
      return fields.joined(separator: ",")
    }.joined(separator: " ")
  }

  /// Two decimals at most, the same on every locale ("12.5", "-3", "0.25").
  static func number(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let whole = hundredths.magnitude / 100
    let fraction = hundredths.magnitude % 100
    var text = (hundredths < 0 ? "-" : "") + String(whole)
    if fraction != 0 {
      text += "." + (fraction < 10 ? "0" : "") + String(fraction)
      while text.hasSuffix("0") { text.removeLast() }
    }
    return text
  }
}
