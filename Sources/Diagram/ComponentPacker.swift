/// Arranges the drawings of a graph's connected components in a rectangle of a given shape.
///
/// `dot` lays unconnected parts out one under the other (with `rankdir=LR`), so a news graph of a
/// few clusters becomes a tall strip. Packing the parts, as Graphviz's `gvpack` does, keeps the
/// drawing about the shape of a screen. The arrangement is shelves: rows filled left to right, or
/// columns filled top to bottom, whichever comes closer to the wanted shape.
public enum ComponentPacker {
  public struct Size: Sendable, Hashable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
      self.width = width
      self.height = height
    }
  }

  public struct Packing: Sendable, Hashable {
    /// Lower-left corner of each part, in the order given (Graphviz's y axis points up).
    public var offsets: [DrawingLayout.Point]
    public var width: Double
    public var height: Double
  }

  /// Places `sizes` with `gap` points between parts, in the arrangement whose bounding box, once
  /// scaled to fit a box of `aspect` (width / height), needs the least scaling.
  public static func pack(_ sizes: [Size], aspect: Double, gap: Double = 18) -> Packing {
    guard !sizes.isEmpty else { return Packing(offsets: [], width: 0, height: 0) }
    // Largest parts first, the first part (the most important entity's) before equal ones.
    let order = sizes.indices.sorted { a, b in
      let areaA = sizes[a].width * sizes[a].height
      let areaB = sizes[b].width * sizes[b].height
      return areaA != areaB ? areaA > areaB : a < b
    }
    var best: Packing?
    var bestScore = Double.infinity
    for byRows in [true, false] {
      let extents = order.map { byRows ? sizes[$0].width : sizes[$0].height }
      let longest = extents.max() ?? 0
      let total = extents.reduce(0, +) + gap * Double(extents.count - 1)
      let steps = 32
      for step in 0...steps {
        let limit = longest + (total - longest) * Double(step) / Double(steps)
        let packing = shelves(sizes, order: order, limit: limit, gap: gap, byRows: byRows)
        let score = max(packing.width / aspect, packing.height)
        if score < bestScore - 1e-9 {
          bestScore = score
          best = packing
        }
      }
    }
    return best!
  }

  /// Shelf packing: rows no wider than `limit` (or columns no taller, when `byRows` is false).
  static func shelves(_ sizes: [Size], order: [Int], limit: Double, gap: Double, byRows: Bool) -> Packing {
    // Positions in a frame where shelves grow along `across` and parts along `along`, y downwards.
    var along = [Double](repeating: 0, count: sizes.count)
    var across = [Double](repeating: 0, count: sizes.count)
    var shelfStart = 0.0
    var shelfDepth = 0.0
    var cursor = 0.0
    var longest = 0.0
    var first = true
    for index in order {
      let length = byRows ? sizes[index].width : sizes[index].height
      let depth = byRows ? sizes[index].height : sizes[index].width
      if !first && cursor + length > limit + 1e-9 {
        shelfStart += shelfDepth + gap
        shelfDepth = 0
        cursor = 0
      }
      along[index] = cursor
      across[index] = shelfStart
      cursor += length + gap
      longest = max(longest, cursor - gap)
      shelfDepth = max(shelfDepth, depth)
      first = false
    }
    let extent = shelfStart + shelfDepth
    let width = byRows ? longest : extent
    let height = byRows ? extent : longest
    let offsets = sizes.indices.map { index -> DrawingLayout.Point in
      let x = byRows ? along[index] : across[index]
      let top = byRows ? across[index] : along[index]
      return DrawingLayout.Point(x: x, y: height - top - sizes[index].height)
    }
    return Packing(offsets: offsets, width: width, height: height)
  }
}
