import Testing
@testable import DataPrep

/// The word-at-a-time string scan must find exactly the first `"`, `\` or control byte.
@Suite struct JSONScannerTests {
  static func isStop(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }

  static func word(_ bytes: [UInt8]) -> UInt64 {
    bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
  }

  @Test func stopMaskFindsEveryStopByteAtEveryPosition() {
    for filler in [UInt8(ascii: "a"), 0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xC3, 0xFF] {
      for value in 0...255 {
        for position in 0..<8 {
          var bytes = [UInt8](repeating: filler, count: 8)
          bytes[position] = UInt8(value)
          let mask = JSONScanner.stringStopMask(Self.word(bytes))
          if Self.isStop(UInt8(value)) {
            #expect(mask.trailingZeroBitCount / 8 == position, "byte \(value) at \(position) in \(filler)")
          } else {
            #expect(mask == 0, "byte \(value) at \(position) in \(filler)")
          }
        }
      }
    }
  }

  @Test func stopMaskReportsTheFirstOfSeveralStopBytes() {
    var generator = RandomJSONText(seed: 99)
    let alphabet: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x61, 0x7F, 0x80, 0xA2, 0xDC, 0xFF]
    for _ in 0..<20000 {
      let bytes = (0..<8).map { _ in alphabet[generator.below(alphabet.count)] }
      let expected = bytes.firstIndex(where: Self.isStop)
      let mask = JSONScanner.stringStopMask(Self.word(bytes))
      #expect((mask == 0 ? nil : mask.trailingZeroBitCount / 8) == expected, "\(bytes)")
    }
  }
}
