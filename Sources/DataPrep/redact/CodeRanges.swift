/// The code in a Markdown-like text: fenced blocks (a line starting, after up to three spaces,
/// with three backticks or tildes after a blank line, to the closing fence) and inline spans (a run of backticks to
/// the next run of the same length on the line, within 256 bytes, as CommonMark pairs them; an
/// opener without its closer is literal). Linear: each closer search is bounded.
enum CodeRanges {
  /// Sorted, disjoint byte ranges of code in `b`.
  static func find(in b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    let n = b.count
    var fenceStart: Int?
    var fenceByte: UInt8 = 0
    var lineStart = 0
    // An opening fence follows a blank line (as `dataprep extract` writes them): a line of
    // tildes under a reStructuredText heading is an underline, not a fence.
    var previousBlank = true
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
      } else if isFence && previousBlank {
        fenceStart = lineStart
        fenceByte = b[k]
      } else {
        inlineSpans(in: b, from: lineStart, to: lineEnd, into: &ranges)
      }
      previousBlank = true
      for k in lineStart..<lineEnd where b[k] != 0x20 && b[k] != 0x09 && b[k] != 0x0D {
        previousBlank = false
        break
      }
      lineStart = lineEnd + 1
    }
    if let start = fenceStart { ranges.append(start..<n) }
    return ranges
  }

  /// The longest inline code span looked for.
  static let longestSpan = 256

  /// Inline code spans of the line `start..<end`, appended in order.
  static func inlineSpans(in b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into ranges: inout [Range<Int>]) {
    var j = start
    while j < end {
      guard b[j] == 0x60 else {
        j += 1
        continue
      }
      var runEnd = j
      while runEnd < end && b[runEnd] == 0x60 { runEnd += 1 }
      let length = runEnd - j
      // The closer: the next run of exactly `length` backticks.
      var k = runEnd
      var closed = -1
      let limit = min(end, runEnd + longestSpan)
      while k < limit {
        if b[k] == 0x60 {
          var r = k
          while r < end && b[r] == 0x60 { r += 1 }
          if r - k == length {
            closed = r
            break
          }
          k = r
        } else {
          k += 1
        }
      }
      if closed >= 0 {
        ranges.append(j..<closed)
        j = closed
      } else {
        j = runEnd
      }
    }
  }
}
