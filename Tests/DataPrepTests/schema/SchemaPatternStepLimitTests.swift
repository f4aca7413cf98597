@testable import DataPrep
import Foundation
import Testing

/// A `pattern` that backtracks catastrophically is abandoned after a bounded number of steps
/// and reported as a violation of the record, instead of costing seconds per record.
@Suite struct SchemaPatternStepLimitTests {
  static let evil = HostileBytes.backtrackingPattern
  static let attack = HostileBytes.backtrackingInput

  @Test func aCatastrophicMatchIsAbandonedQuickly() throws {
    let pattern = try #require(SchemaPattern(Self.evil))
    let start = Date()
    let outcome = pattern.match(Self.attack)
    #expect(Date().timeIntervalSince(start) < 5)
    #expect(outcome == .abandoned(steps: SchemaPattern.stepLimit(forLength: Self.attack.utf16.count)))
    // Ordinary inputs still get their answer.
    #expect(pattern.match(String(repeating: "a", count: 40)) == .matched)
    #expect(pattern.match("b") == .notMatched)
    let linear = try #require(SchemaPattern("^[a-z]+(-[a-z]+)*$"))
    #expect(linear.match(String(repeating: "ab-", count: 100_000) + "c") == .matched)
  }

  @Test func theRecordGetsAViolationNamingThePattern() throws {
    let schema = try JSONSchema(JSONParser().parse(#"{"properties":{"name":{"type":"string","pattern":"^(a+)+$"}},"patternProperties":{"^(x+)+$":{"type":"integer"}}}"#))
    let start = Date()
    let violations = schema.validate(.object(JSONObject([.init(key: "name", value: .string(Self.attack))])))
    #expect(Date().timeIntervalSince(start) < 5)
    #expect(violations.count == 1)
    #expect(violations.first?.instancePath == "/name")
    #expect(violations.first?.keyword == "pattern")
    #expect(violations.first?.message.contains("abandoned") == true)
    #expect(violations.first?.message.contains(Self.evil) == true)
    let key = String(repeating: "x", count: 40) + "!"
    let keyed = schema.validate(.object(JSONObject([.init(key: key, value: .string("v"))])))
    #expect(keyed.map(\.keyword) == ["patternProperties"])
    #expect(!schema.isValid(.object(JSONObject([.init(key: "name", value: .string(Self.attack))]))))
  }

}
