import Extraction

/// How an entity type is drawn: a shape and a colour pair, so that type reads from either.
///
/// Colours are the Okabe–Ito palette (distinguishable with the common colour-vision
/// deficiencies), lightened for the fill and kept dark for the border.
public struct EntityStyle: Sendable, Hashable {
  /// A Graphviz node shape (https://graphviz.org/doc/info/shapes.html).
  public var shape: String
  /// Extra node styles besides `filled` ("rounded", "dashed").
  public var extraStyle: String?
  public var fill: String
  public var border: String

  /// The style of each entity type.
  public static func of(_ type: EntityType) -> EntityStyle {
    switch type {
    case .person:
      return EntityStyle(shape: "ellipse", extraStyle: nil, fill: "#FCE3C0", border: "#B86E00")
    case .organization:
      return EntityStyle(shape: "box", extraStyle: "rounded", fill: "#CFE6F7", border: "#0061A3")
    case .country:
      return EntityStyle(shape: "hexagon", extraStyle: nil, fill: "#CDEFE3", border: "#00745A")
    case .city:
      return EntityStyle(shape: "octagon", extraStyle: nil, fill: "#FFF6B8", border: "#8A7B00")
    case .place:
      return EntityStyle(shape: "parallelogram", extraStyle: nil, fill: "#DDF0FB", border: "#2F7FB0")
    case .group:
      return EntityStyle(shape: "house", extraStyle: nil, fill: "#F7D9C9", border: "#A8471A")
    case .concept:
      return EntityStyle(shape: "note", extraStyle: nil, fill: "#EEDDEA", border: "#8E4F7F")
    case .unknown:
      return EntityStyle(shape: "ellipse", extraStyle: "dashed", fill: "#EEEEEE", border: "#777777")
    }
  }

  /// `style` attribute value.
  var styleAttribute: String { extraStyle.map { "filled,\($0)" } ?? "filled" }
}
