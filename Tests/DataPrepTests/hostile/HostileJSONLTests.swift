import Foundation
import Testing

@testable import DataPrep

/// Hostile JSONL through the JSONL reader (convert, instruct, validate, tokens, stats all read
/// through it): every bad line is an error naming the file and line, never a crash, never a
/// silently dropped record.
@Suite struct HostileJSONLTests {
  /// Reads every record of `path`, returning them or the error's message.
  private func read(_ path: String) -> (records: [JSONLReader.Record], error: String?) {
    var records: [JSONLReader.Record] = []
    do {
      try JSONLReader(path: path).forEachRecord { records.append($0); return true }
      return (records, nil)
    } catch {
      return (records, error.localizedDescription)
    }
  }

  @Test func aTrailingPartialLineIsAnErrorNotADroppedRecord() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("partial.jsonl", "{\"a\":1}\n{\"b\":2}\n{\"c\":\"cut off he")
    let result = read(path)
    #expect(result.records.count == 2)
    #expect(result.error?.hasPrefix("\(path):3:") == true, "\(result.error ?? "no error")")
  }

  @Test func nestingOfAHundredThousandLevelsIsAnErrorNamingTheLine() throws {
    let folder = try ScratchFolder()
    var bytes = Array("{\"ok\":1}\n{\"deep\":".utf8)
    bytes += HostileBytes.nested("[", "]", depth: 100_000)
    bytes += Array("}\n".utf8)
    let path = try folder.write("deep.jsonl", bytes)
    let result = read(path)
    #expect(result.records.count == 1)
    #expect(result.error?.hasPrefix("\(path):2:") == true)
    #expect(result.error?.contains("deep") == true || result.error?.contains("nest") == true, "\(result.error ?? "")")
  }

  @Test(arguments: HostileBytes.invalidUTF8.map(\.name))
  func invalidAndOverlongUTF8IsAnErrorNamingTheLine(name: String) throws {
    let sequence = try #require(HostileBytes.invalidUTF8.first { $0.name == name }).bytes
    let folder = try ScratchFolder()
    let path = try folder.write("bad.jsonl", Array("{\"a\":\"ok\"}\n{\"a\":\"x".utf8) + sequence + Array("y\"}\n".utf8))
    let result = read(path)
    #expect(result.records.count == 1)
    #expect(result.error?.hasPrefix("\(path):2") == true, "\(name): \(result.error ?? "no error")")
  }

  @Test func utf16WithoutByteOrderMarkIsAnErrorOnTheFirstLine() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("utf16.jsonl", HostileBytes.utf16LEWithoutBOM("{\"a\":\"b\"}\n"))
    let result = read(path)
    #expect(result.records.isEmpty)
    #expect(result.error?.hasPrefix("\(path):1:") == true, "\(result.error ?? "no error")")
  }

  @Test func rawNULBytesAreAnErrorInsideAndOutsideStrings() throws {
    let folder = try ScratchFolder()
    for (index, line) in [Array("{\"a\":\"x".utf8) + [0] + Array("y\"}".utf8), [0] + Array("{\"a\":1}".utf8)].enumerated() {
      let path = try folder.write("nul\(index).jsonl", line + [0x0A])
      let result = read(path)
      #expect(result.records.isEmpty)
      #expect(result.error?.hasPrefix("\(path):1:") == true, "\(result.error ?? "no error")")
    }
  }

  @Test func anEscapedNULIsKeptAsText() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("escaped.jsonl", "{\"a\":\"x\\u0000y\"}\n")
    let result = read(path)
    #expect(result.error == nil)
    #expect(result.records.first?.object["a"]?.stringValue == "x\u{0}y")
  }

  /// Duplicate keys are kept as written (a record passes through a stage unchanged) and every
  /// lookup sees the last value, as Python's `json` and JavaScript do: deterministic, and the
  /// same meaning downstream. Documented in docs/SECURITY.md.
  @Test func duplicateKeysPassThroughAndLookupsSeeTheLastValue() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("dup.jsonl", "{\"a\":1,\"b\":2,\"a\":3}\n")
    let first = read(path)
    let second = read(path)
    #expect(first.error == nil)
    #expect(first.records.first?.object["a"] == .integer(3))
    let written = JSONWriter().string(of: first.records[0].value)
    #expect(written == JSONWriter().string(of: second.records[0].value))
    #expect(written == #"{"a":1,"b":2,"a":3}"#)
  }

  @Test(arguments: ["1e400", "-1e400", "1e999999999999"])
  func numbersOutOfRangeAreAnErrorNamingTheLine(number: String) throws {
    let folder = try ScratchFolder()
    let path = try folder.write("num.jsonl", "{\"n\":1}\n{\"n\":\(number)}\n")
    let result = read(path)
    #expect(result.records.count == 1)
    #expect(result.error?.hasPrefix("\(path):2:") == true, "\(number): \(result.error ?? "no error")")
  }

  @Test func hugeIntegersBecomeDoublesAndTinyNumbersZeroWithoutCrashing() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("big.jsonl", "{\"n\":123456789012345678901234567890,\"m\":-9223372036854775809,\"t\":1e-400}\n")
    let result = read(path)
    #expect(result.error == nil)
    let record = try #require(result.records.first)
    #expect(record.object["n"]?.doubleValue == 1.2345678901234568e29)
    #expect(record.object["m"]?.doubleValue == -9.223372036854775808e18)
    #expect(record.object["t"]?.doubleValue == 0)
  }

  @Test func theValidatorReportsBadLinesAsFindingsAndKeepsGoing() throws {
    let folder = try ScratchFolder()
    let good = #"{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}"#
    var bytes = Array((good + "\n").utf8)
    bytes += Array("{\"messages\":\"x".utf8) + [0xC0, 0xAF] + Array("\"}\n".utf8)
    bytes += Array("{\"messages\":[{\"role\":\"user\",\"content\":\"cut".utf8)
    let path = try folder.write("chat.jsonl", bytes)
    let validator = DatasetValidator(options: ValidationOptions())
    try validator.validate(path: path)
    let report = validator.finish()
    let text = ValidationReportRenderer(style: .text, strict: false).render(report)
    #expect(text.contains("\(path):2"), "\(text)")
    #expect(text.contains("\(path):3"), "\(text)")
  }
}

/// The cases of ``HostileJSONLTests`` that take over about 5 seconds: tagged `.long`, and named so that
/// `swift test --skip LongTests` leaves them out locally (docs/testing.md); CI runs them.
extension HostileJSONLTests {
  @Suite(.tags(.long)) struct LongTests {
    @Test func aSixtyFourMegabyteLineIsReadWhole() throws {
      let folder = try ScratchFolder()
      let length = 64 << 20
      var bytes = Array("{\"text\":\"".utf8)
      bytes.reserveCapacity(length + 32)
      bytes += [UInt8](repeating: UInt8(ascii: "a"), count: length)
      bytes += Array("\"}\n{\"text\":\"after\"}\n".utf8)
      let path = try folder.write("long.jsonl", bytes)
      bytes = []
      let result = HostileJSONLTests().read(path)
      #expect(result.error == nil)
      #expect(result.records.count == 2)
      #expect(result.records.first?.object["text"]?.stringValue?.utf8.count == length)
      #expect(result.records.last?.line == 2)
    }
  }
}
