/// Groups of articles that tell the same story: average-link agglomerative clustering of a
/// similarity matrix, stopped when no two groups are on average at least `threshold` alike.
///
/// Average link, not single link: a single link chains two stories through one article that
/// mentions both (in ECB+, an article on one earthquake that recalls the other), whereas the
/// average over all pairs needs the groups to agree as wholes. The merge order is fixed (best
/// pair first, ties to the lowest indices), so the same matrix gives the same groups. Time is
/// cubic in the number of articles in the worst case, fine for the hundreds a folder holds.
public struct StoryGroups: Sendable {
  /// The default threshold, chosen on the ECB+ training topics (`newsgraph eval similarity`).
  public static let defaultThreshold = 0.2

  public var threshold: Double

  public init(threshold: Double = StoryGroups.defaultThreshold) { self.threshold = threshold }

  /// Groups of indices into `matrix`, each sorted, ordered by their first member.
  public func groups(_ matrix: [[Double]]) -> [[Int]] {
    let n = matrix.count
    var members: [[Int]] = (0..<n).map { [$0] }
    var alive = Array(repeating: true, count: n)
    // Sum of pairwise similarities between groups i and j; the average is sum / (|i| · |j|).
    var sums = matrix
    while true {
      var best: (i: Int, j: Int, average: Double)?
      for i in 0..<n where alive[i] {
        for j in (i + 1)..<max(n, i + 1) where alive[j] {
          let average = sums[i][j] / Double(members[i].count * members[j].count)
          if average >= threshold, best == nil || average > best!.average { best = (i, j, average) }
        }
      }
      guard let (i, j, _) = best else { break }
      // Lance–Williams for average link: the sums simply add.
      for k in 0..<n where alive[k] && k != i && k != j {
        sums[i][k] += sums[j][k]
        sums[k][i] = sums[i][k]
      }
      members[i] += members[j]
      members[j] = []
      alive[j] = false
    }
    return members.filter { !$0.isEmpty }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
  }
}
