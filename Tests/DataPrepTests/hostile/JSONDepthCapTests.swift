@testable import DataPrep
import Foundation
import Testing

/// `--max-json-depth` is capped at ``JSONParser/maximumSafeDepth``: the documented maximum used
/// to be 100,000 and 20,000 levels overflowed the stack (a segfault).
@Suite(.serialized) struct JSONDepthCapTests {
  @Test func theLibraryClampsTheDepthToTheSafeMaximum() throws {
    #expect(InputLimits(maximumJSONDepth: 100_000).maximumJSONDepth == JSONParser.maximumSafeDepth)
    #expect(JSONParser(maximumDepth: 100_000).maximumDepth == JSONParser.maximumSafeDepth)
    let deep = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
    #expect(throws: JSONParseError.self) { try JSONParser(maximumDepth: 100_000).parse(deep) }
  }

  /// Parsing, writing and releasing the deepest accepted value on a thread with half the
  /// default stack (4 MiB), even in a debug build (about 2.5 KiB a level; a release build
  /// needs under 768 KiB for the 1,000 levels).
  @Test func theDeepestAcceptedValueFitsInHalfTheStack() {
    let depth = JSONParser.maximumSafeDepth
    let text = "{\"a\":" + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1) + "}"
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var written = ""
    let thread = Thread {
      if let value = try? JSONParser(maximumDepth: depth).parse(text) {
        written = JSONWriter().string(of: value)
      }
      done.signal()
    }
    thread.stackSize = 4 << 20
    thread.start()
    done.wait()
    #expect(written == text)
  }

}
