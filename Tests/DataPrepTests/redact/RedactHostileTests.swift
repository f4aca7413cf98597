import Foundation
import Testing
@testable import DataPrep
import DataPrepTestSupport

/// Hostile input stays linear: the scanner's lookaheads are bounded, so 100 times more of a
/// pattern that would make a backtracking engine quadratic takes about 100 times as long.
@Suite struct RedactHostileTests {
  static func time(_ text: String) -> Duration {
    let clock = ContinuousClock()
    let scanner = PIIScanner()
    return clock.measure { _ = scanner.findings(in: text) }
  }

  @Test(arguments: ["a@", "1", "1.", "1 ", "+1 ", "a:", "-----BEGIN PRIVATE KEY-----", "eyJ.", "password=", "ab-", "a.a@", "::", "AKIA"])
  func aRepeatedPatternScansInLinearTime(_ unit: String) {
    let small = String(repeating: unit, count: 200_000 / unit.utf8.count)
    let large = String(repeating: unit, count: 2_000_000 / unit.utf8.count)
    // The best of three runs of each, so a busy machine's pauses do not count.
    let t1 = (0..<3).map { _ in Self.time(small) }.min() ?? .zero
    let t2 = (0..<3).map { _ in Self.time(large) }.min() ?? .zero
    // 10 times the input: linear is ~10x; quadratic would be ~100x. Allow noise.
    let ratio = Double(t2.components.attoseconds / 1_000_000 + t2.components.seconds * 1_000_000_000_000)
      / max(1, Double(t1.components.attoseconds / 1_000_000 + t1.components.seconds * 1_000_000_000_000))
    #expect(ratio < 40, "\(unit): \(t1) for 200 kB, \(t2) for 2 MB")
  }

  /// `swift test --skip LongTests` leaves them out locally (docs/testing.md); CI runs them.
  @Suite(.tags(.long)) struct LongTests {
    @Test(arguments: ["a@", "1", "a@a."])
    func tenMegabyteLinesFinish(_ unit: String) {
      let line = String(repeating: unit, count: 10_000_000 / unit.utf8.count)
      #expect(RedactHostileTests.time(line) < .seconds(60))
    }
  }
}
