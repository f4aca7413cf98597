import Foundation
import Testing
@testable import DataPrep

/// Runs the official JSON Schema test suite (draft 2020-12) from `../shared`.
@Suite struct JSONSchemaSuiteTests {
  /// The keyword files of the draft 2020-12 suite that the validator supports in full.
  static let keywordFiles = [
    "additionalProperties", "allOf", "anchor", "anyOf", "boolean_schema", "const", "contains",
    "default", "dependentRequired", "dependentSchemas", "enum", "exclusiveMaximum", "exclusiveMinimum",
    "if-then-else", "infinite-loop-detection", "items", "maxContains", "maxItems", "maxLength",
    "maxProperties", "maximum", "minContains", "minItems", "minLength", "minProperties", "minimum",
    "multipleOf", "not", "oneOf", "pattern", "patternProperties", "prefixItems", "properties",
    "propertyNames", "ref", "required", "type", "unevaluatedItems", "unevaluatedProperties",
    "uniqueItems",
  ]

  /// Groups left out, with the reason (also listed in docs/validate.md).
  static let skippedGroups: [String: String] = [
    "ref.json/remote ref, containing refs itself": "needs the draft 2020-12 meta-schema fetched remotely",
    "unevaluatedItems.json/unevaluatedItems with $dynamicRef": "$dynamicRef is resolved statically",
    "unevaluatedProperties.json/unevaluatedProperties with $dynamicRef": "$dynamicRef is resolved statically",
  ]

  struct Outcome {
    var passed = 0
    var skipped = 0
    var failures: [String] = []
  }

  static func run(file name: String) throws -> Outcome? {
    guard let url = SharedData.require("data/json-schema-test-suite/tests/draft2020-12/\(name).json") else {
      return nil
    }
    let text = try String(contentsOf: url, encoding: .utf8)
    let groups = try JSONParser().parse(text).arrayValue ?? []
    var outcome = Outcome()
    for group in groups {
      let description = group["description"]?.stringValue ?? "?"
      let cases = group["tests"]?.arrayValue ?? []
      if skippedGroups["\(name).json/\(description)"] != nil {
        outcome.skipped += cases.count
        continue
      }
      let schema: JSONSchema
      do {
        schema = try JSONSchema(group["schema"] ?? .null)
      } catch {
        outcome.failures.append("\(description): schema did not compile: \(error.localizedDescription)")
        continue
      }
      for testCase in cases {
        let data = testCase["data"] ?? .null
        let expected = testCase["valid"]?.boolValue ?? true
        let fast = schema.isValid(data)
        let violations = schema.validate(data)
        if fast == expected && violations.isEmpty == expected {
          outcome.passed += 1
        } else {
          outcome.failures.append(
            "\(description) / \(testCase["description"]?.stringValue ?? "?"): expected \(expected ? "valid" : "invalid"), isValid=\(fast), violations=\(violations)")
        }
      }
    }
    return outcome
  }

  @Test(arguments: keywordFiles)
  func keywordFilePasses(_ name: String) throws {
    guard let outcome = try Self.run(file: name) else { return }
    print("json-schema-suite \(name).json: \(outcome.passed) passed, \(outcome.skipped) skipped, \(outcome.failures.count) failed")
    #expect(outcome.failures.isEmpty, "\(name).json: \(outcome.failures.joined(separator: "\n"))")
    #expect(outcome.passed > 0)
  }
}
