import Foundation
import Testing
@testable import DataPrep

/// `pii`: what redact would replace, reported by kind and line, never by value.
@Suite struct PIICheckTests {
  typealias Support = ValidationTestSupport

  static func record(_ answer: String) -> String {
    let quoted = JSONWriter().string(of: .string(answer))
    return #"{"messages":[{"role":"user","content":"How do I connect?"},{"role":"assistant","content":\#(quoted)}]}"#
  }

  @Test func aPlantedSecretIsAnErrorAtItsLineWithoutTheValue() throws {
    let secret = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"
    let lines = [Self.record("Use the client."), Self.record("Export GITHUB_TOKEN=\(secret) first."), Self.record("Done.")]
    let found = try Support.run(lines).findings.filter { $0.check == .pii }
    #expect(found.count == 1)
    let finding = try #require(found.first)
    #expect(finding.line == 2)
    #expect(finding.severity == .error)
    #expect(finding.message.contains("1 secret"))
    #expect(!finding.message.contains(secret))
  }

  @Test func anEmailIsAWarningAndCleanTextHasNoFinding() throws {
    let lines = [Self.record("Write to ann@corp.com."), Self.record("Version 1.2.3.4 of the docs, 2024-01-15.")]
    let found = try Support.run(lines).findings.filter { $0.check == .pii }
    #expect(found.map(\.line) == [1])
    #expect(found.first?.severity == .warning)
    #expect(found.first?.message.contains("ann@corp.com") == false)
  }

  @Test func theRuleTurnsItOff() throws {
    var options = ValidationOptions()
    options.rules[.pii] = .some(nil)
    let found = try Support.run([Self.record("Write to ann@corp.com.")], options: options).findings.filter { $0.check == .pii }
    #expect(found.isEmpty)
  }
}
