/// The code in a Markdown-like text: fenced blocks (a line starting, after up to three spaces,
/// with three backticks or tildes, to the closing fence) and inline spans between backticks on
/// one line. One linear pass.
enum CodeRanges {
  /// Sorted, disjoint byte ranges of code in `b`.
  static func find(in b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    let n = b.count
    var fenceStart: Int?
    var fenceByte: UInt8 = 0
    var lineStart = 0
    while lineStart < n {
      var lineEnd = lineStart
      while lineEnd < n && b[lineEnd] != 0x0A { lineEnd += 1 }
      var k = lineStart
      while k < lineEnd && k - lineStart < 3 && b[k] == 0x20 { k += 1 }
      let isFence = k + 2 < lineEnd + 1 && k + 2 < n && (b[k] == 0x60 || b[k] == 0x7E) && b[k + 1] == b[k] && b[k + 2] == b[k]
      if let start = fenceStart {
        if isFence && b[k] == fenceByte {
          ranges.append(start..<lineEnd)
          fenceStart = nil
        }
      } else if isFence {
        fenceStart = lineStart
        fenceByte = b[k]
      } else {
        // Inline spans: backticks paired in order on the line.
        var open: Int?
        for j in lineStart..<lineEnd where b[j] == 0x60 {
          if let o = open {
            ranges.append(o..<(j + 1))
            open = nil
          } else {
            open = j
          }
        }
      }
      lineStart = lineEnd + 1
    }
    if let start = fenceStart { ranges.append(start..<n) }
    return ranges
  }
}
