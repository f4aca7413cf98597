/// Lines copied out of the reader's buffer so workers can parse them after the reader moves on.
struct LineBatch: Sendable {
  var bytes: [UInt8] = []
  var starts: [Int] = []
  var numbers: [Int] = []

  var count: Int { numbers.count }

  mutating func append(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
    starts.append(bytes.count)
    bytes.append(contentsOf: line)
    numbers.append(number)
  }

  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    starts.removeAll(keepingCapacity: true)
    numbers.removeAll(keepingCapacity: true)
  }

  func withLine<R, E: Error>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
    let start = starts[index]
    let end = index + 1 < starts.count ? starts[index + 1] : bytes.count
    return try bytes.withUnsafeBufferPointer { (all) throws(E) -> R in
      try body(UnsafeBufferPointer(rebasing: all[start..<end]))
    }
  }
}
