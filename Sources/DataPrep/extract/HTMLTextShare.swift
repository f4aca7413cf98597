/// A fraction such as "a quarter" or "nine tenths", for the thresholds that compare one text
/// measure with another (link text with visible text, a block's prose with the page's).
///
/// Compared in integer arithmetic (`part * denominator` against `whole * numerator`), so a
/// threshold never depends on rounding.
struct HTMLTextShare {
  /// The parts taken.
  let numerator: Int
  /// The parts the whole is cut into.
  let denominator: Int

  /// The share `numerator / denominator`.
  init(_ numerator: Int, _ denominator: Int) {
    self.numerator = numerator
    self.denominator = denominator
  }

  /// Whether `part` is at least this share of `whole`.
  func isReached(by part: Int, of whole: Int) -> Bool { part * denominator >= whole * numerator }

  /// Whether `part` is less than this share of `whole`.
  func isMissed(by part: Int, of whole: Int) -> Bool { part * denominator < whole * numerator }

  /// Whether `part` is at most this share of `whole`.
  func isNotExceeded(by part: Int, of whole: Int) -> Bool { part * denominator <= whole * numerator }
}
