/// Counts word 3-grams and estimates how many are distinct, for the low-diversity check.
/// Words are runs of non-whitespace bytes, ASCII letters lowercased; 3-grams never span records.
struct TrigramDiversity {
  private(set) var total = 0
  private var distinct = DistinctCountEstimator()

  /// Estimated distinct 3-grams / all 3-grams (1 when there are none).
  var ratio: Double { total == 0 ? 1 : min(1, distinct.estimate / Double(total)) }

  /// Adds the 3-grams of `texts`, which belong to one record.
  mutating func add<S: Sequence>(record texts: S) where S.Element == String {
    var previous: (UInt64, UInt64) = (0, 0)
    var words = 0
    for var text in texts {
      text.withUTF8 { bytes in
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        for byte in bytes {
          if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
            if inWord {
              if words >= 2 {
                distinct.add(previous.0 &* 31 &+ previous.1 &* 0x100_0000_01b3 ^ hash)
                total += 1
              }
              previous = (previous.1, hash)
              words += 1
              hash = 0xcbf2_9ce4_8422_2325
              inWord = false
            }
            continue
          }
          inWord = true
          let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
          hash = (hash ^ UInt64(lowered)) &* 0x0000_0100_0000_01b3
        }
        if inWord {
          if words >= 2 {
            distinct.add(previous.0 &* 31 &+ previous.1 &* 0x100_0000_01b3 ^ hash)
            total += 1
          }
          previous = (previous.1, hash)
          words += 1
        }
      }
    }
  }
}
