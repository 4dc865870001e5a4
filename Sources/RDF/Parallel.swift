import Dispatch

/// `body(0)`, ..., `body(count - 1)` side by side, one per core (just `body(0)` when `count` is
/// 1). The calls must touch disjoint memory: they may share buffers, which the compiler cannot
/// check.
public func inParallel(_ count: Int, _ body: (Int) -> Void) {
  if count == 1 {
    body(0)
    return
  }
  withoutActuallyEscaping(body) { body in
    let shared = SharedBody(body: body)
    DispatchQueue.concurrentPerform(iterations: count) { shared.body($0) }
  }
}

/// A closure handed to several threads by ``inParallel(_:_:)``.
private struct SharedBody: @unchecked Sendable {
  let body: (Int) -> Void
}
