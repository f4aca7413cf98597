/// Pseudo-random words from a fixed vocabulary, the same for the same seed: distinct documents
/// for the dedup tests and the commands that read them.
package enum RandomWords {
  /// `count` pseudo-random words (`w0` to `w4999`).
  package static func words(_ count: Int, seed: UInt64) -> [String] {
    var rng = SeededGenerator(seed: seed)
    return (0..<count).map { _ in "w\(rng.next() % 5000)" }
  }

  /// The words of ``words(_:seed:)`` joined by spaces.
  package static func text(_ count: Int, seed: UInt64) -> String { words(count, seed: seed).joined(separator: " ") }
}
