import Dispatch

/// `body(0..<count)` computed on every core; results in index order. For independent pieces of
/// work (training seeds, folds) whose scheduling must not change the result.
public func concurrentMap<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
  let slots = WriteOnceSlots<T>(count: count)
  DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, body(i)) }
  return slots.values()
}

/// Write-once slots filled by concurrent workers, each index by exactly one of them. The storage
/// is allocated once, so writes to different indices never touch shared array state.
public final class WriteOnceSlots<T>: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<T?>
  public init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }
  deinit {
    slots.deinitialize()
    slots.deallocate()
  }
  public func set(_ index: Int, _ value: T) { slots[index] = value }
  /// The values, once every slot is set.
  public func values() -> [T] { slots.map { $0! } }
}

/// The training state of one seed of a seed-averaged perceptron: its weights, its shuffling (and
/// exploration) generator, its order of examples and its scratch space. Seeds train side by side,
/// each on one worker at a time; their weights are averaged after every iteration.
final class TrainingSeed<Scratch>: @unchecked Sendable {
  var trainer: PerceptronTrainer
  var rng: SplitMix64
  var order: [Int]
  let scratch: Scratch

  init(classCount: Int, seed: UInt64, order: [Int], scratch: Scratch) {
    trainer = PerceptronTrainer(classCount: classCount)
    rng = SplitMix64(seed: seed)
    self.order = order
    self.scratch = scratch
  }

  /// Seeds `seed`, `seed + 1`, ... (at least one).
  static func seeds(
    _ count: Int, from seed: UInt64, classCount: Int, order: [Int], scratch: () -> Scratch
  ) -> [TrainingSeed] {
    (0..<max(1, count)).map {
      TrainingSeed(classCount: classCount, seed: seed &+ UInt64($0), order: order, scratch: scratch())
    }
  }
}
