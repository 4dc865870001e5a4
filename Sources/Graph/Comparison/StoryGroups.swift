/// Groups of articles that tell the same story: average-link agglomerative clustering of a
/// similarity matrix, stopped when no two groups are on average at least `threshold` alike.
///
/// Average link, not single link: a single link chains two stories through one article that
/// mentions both (in ECB+, an article on one earthquake that recalls the other), whereas the
/// average over all pairs needs the groups to agree as wholes. The merge order is fixed (best
/// pair first, ties to the lowest indices), so the same matrix gives the same groups. Time is
/// cubic in the number of articles in the worst case, fine for the hundreds a folder holds.
public struct StoryGroups: Sendable {
  /// The default threshold, chosen on the ECB+ training topics (`newsgraph eval similarity
  /// --sweep`) with the default weights of ``ArticleSimilarity``.
  public static let defaultThreshold = 0.15

  /// One merge of the agglomeration: the groups holding `a` and `b` became one, at `average`.
  public struct Merge: Sendable, Hashable {
    public var a: Int
    public var b: Int
    public var average: Double
  }

  public var threshold: Double

  public init(threshold: Double = StoryGroups.defaultThreshold) { self.threshold = threshold }

  /// Groups of indices into `matrix`, each sorted, ordered by their first member.
  public func groups(_ matrix: [[Double]]) -> [[Int]] {
    Self.cut(Self.merges(matrix, until: threshold), count: matrix.count, at: threshold)
  }

  /// Every merge, best first, down to `until` (average link never merges at a higher average
  /// after a lower one, so any threshold above `until` is a prefix of this list).
  public static func merges(_ matrix: [[Double]], until floor: Double = -.infinity) -> [Merge] {
    let n = matrix.count
    var size = Array(repeating: 1, count: n)
    var alive = Array(repeating: true, count: n)
    // Sum of pairwise similarities between groups i and j; the average is sum / (|i| · |j|).
    var sums = matrix
    var merges: [Merge] = []
    while true {
      var best: (i: Int, j: Int, average: Double)?
      for i in 0..<n where alive[i] {
        for j in (i + 1)..<max(n, i + 1) where alive[j] {
          let average = sums[i][j] / Double(size[i] * size[j])
          if average >= floor, best == nil || average > best!.average { best = (i, j, average) }
        }
      }
      guard let (i, j, average) = best else { break }
      // Lance–Williams for average link: the sums simply add.
      for k in 0..<n where alive[k] && k != i && k != j {
        sums[i][k] += sums[j][k]
        sums[k][i] = sums[i][k]
      }
      size[i] += size[j]
      alive[j] = false
      merges.append(Merge(a: i, b: j, average: average))
    }
    return merges
  }

  /// The groups after the merges at or above `threshold`.
  public static func cut(_ merges: [Merge], count: Int, at threshold: Double) -> [[Int]] {
    var members: [[Int]] = (0..<count).map { [$0] }
    for merge in merges where merge.average >= threshold {
      members[merge.a] += members[merge.b]
      members[merge.b] = []
    }
    return members.filter { !$0.isEmpty }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
  }
}
