/// One shard of a job split `count` ways: the `index`-th (0-based) task of a job array.
///
/// A shard takes its share of the inputs deterministically (see ``ShardInputs``): files in
/// byte order `files[index::count]`, or one file's lines by byte ranges, so that every task of
/// an array agrees on who reads what without talking to the others.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
  /// The task's position, `0..<count`.
  public let index: Int
  /// How many tasks share the work.
  public let count: Int

  /// The largest shard count accepted: five digits in part names.
  public static let maximumCount = 99_999

  /// The whole job in one task.
  public static let whole = Shard(unchecked: 0, 1)

  /// Shard `index` of `count`.
  /// - Throws: ``ShardError/outOfRange(index:count:)`` unless `0 <= index < count <= maximumCount`.
  public init(index: Int, count: Int) throws(ShardError) {
    guard count >= 1, count <= Self.maximumCount, index >= 0, index < count else {
      throw .outOfRange(index: index, count: count)
    }
    self.index = index
    self.count = count
  }

  private init(unchecked index: Int, _ count: Int) {
    self.index = index
    self.count = count
  }

  /// Parses `I/N` (0-based), as `--shard` takes it.
  /// - Throws: ``ShardError/badSpecification(_:)`` or ``ShardError/outOfRange(index:count:)``.
  public init(parsing text: String) throws(ShardError) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      throw .badSpecification(text)
    }
    try self.init(index: index, count: count)
  }

  /// `I/N`.
  public var description: String { "\(index)/\(count)" }

  /// `part-IIIII-of-NNNNN`, the stem of this shard's output files.
  public var partStem: String { "part-\(Self.padded(index))-of-\(Self.padded(count))" }

  /// The positions of `0..<total` this shard takes: `index`, `index + count`, ...
  public func positions(of total: Int) -> StrideTo<Int> {
    stride(from: index, to: total, by: count)
  }

  /// The items this shard takes: `items[index::count]`.
  public func selecting<T>(_ items: [T]) -> [T] {
    positions(of: items.count).map { items[$0] }
  }

  /// `n` on five digits (more when larger).
  static func padded(_ n: Int) -> String {
    let digits = String(n)
    return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
  }
}
