/// Counts word 3-grams and estimates how many are distinct, for the low-diversity check.
///
/// Only 3-grams whose hash falls in a fixed 1/8 of the hash space are counted: a distinct
/// 3-gram is either always or never in the sample, so distinct/total is estimated without bias
/// at an eighth of the cost. Memory is fixed (4 KB).
struct TrigramDiversity {
  private(set) var sampled = 0
  private var distinct = DistinctCountEstimator()

  /// About how many 3-grams were seen (the sample scaled up).
  var total: Int { sampled * 8 }

  /// Estimated distinct 3-grams / all 3-grams (1 when there are none).
  var ratio: Double { sampled == 0 ? 1 : min(1, distinct.estimate / Double(sampled)) }

  /// The sampled count and the estimator's registers, for a shard to store.
  var parts: (sampled: Int, registers: [UInt8]) { (sampled, distinct.registerBytes) }

  /// Adds another share's count and registers (the union of the two shares' 3-grams).
  mutating func merge(sampled other: Int, registers: [UInt8]) {
    sampled += other
    distinct.merge(registers: registers)
  }

  /// Offers the 3-gram of three consecutive word hashes.
  @inline(__always)
  mutating func add(_ first: UInt64, _ second: UInt64, _ third: UInt64) {
    let t = ((first &* 0x9E37_79B9_7F4A_7C15) ^ (second &* 0xC2B2_AE3D_27D4_EB4F) ^ third) &* 0x1656_67B1_9E37_79F9
    guard t >> 61 == 0 else { return }
    distinct.add(t)
    sampled += 1
  }
}
