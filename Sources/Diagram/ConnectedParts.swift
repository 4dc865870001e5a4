/// The connected parts of a drawing, found by union–find over its edges.
enum ConnectedParts {
  /// Groups nodes `0..<count` joined by `edges` (pairs of node indices); each part is sorted and
  /// the parts come in the order of their first node.
  static func of(count: Int, edges: [(Int, Int)]) -> [[Int]] {
    var parent = Array(0..<count)
    func root(_ node: Int) -> Int {
      var node = node
      while parent[node] != node {
        parent[node] = parent[parent[node]]
        node = parent[node]
      }
      return node
    }
    for (a, b) in edges {
      let (ra, rb) = (root(a), root(b))
      if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
    var members: [Int: [Int]] = [:]
    for node in 0..<count { members[root(node), default: []].append(node) }
    return members.keys.sorted().map { members[$0]! }
  }
}
