/// Text that tests a tokenizer reading a stream a block at a time.
package enum StreamingText {
  /// Text with the shapes that meet at line ends: white space before and after newlines,
  /// punctuation, contractions, digits, letters of several scripts, invalid UTF-8 and CRLF.
  package static func tricky(lines: Int, seed: UInt64) -> [UInt8] {
    let fragments: [String] = [
      "Hello world", "  indented", "trailing   ", "x", "'s", "it's", "123", "4567", "!!", "?\r", "\t",
      "über", "日本語", "A", "b", "  ", "", "...", "'\u{17F}", "end.", "Z9", "HTTPServer", "naïve", "/",
    ]
    var generator = SeededGenerator(seed: seed)
    var bytes: [UInt8] = []
    for _ in 0..<lines {
      let parts = Int.random(in: 1...4, using: &generator)
      for _ in 0..<parts {
        bytes += Array((fragments.randomElement(using: &generator) ?? "x").utf8)
        if Int.random(in: 0..<5, using: &generator) == 0 { bytes.append(0x20) }
      }
      if Int.random(in: 0..<40, using: &generator) == 0 { bytes += [0xE2, 0x82] }  // a cut-short scalar
      bytes += Int.random(in: 0..<10, using: &generator) == 0 ? [0x0D, 0x0A] : [0x0A]
      if Int.random(in: 0..<8, using: &generator) == 0 { bytes.append(0x0A) }
    }
    return bytes
  }
}
