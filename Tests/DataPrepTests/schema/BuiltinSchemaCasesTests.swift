import Testing
@testable import DataPrep

/// Runs the instruct stage's hand-written records (`SchemaCases`) through the validator with
/// the built-in schemas: each valid record passes, each invalid one fails.
@Suite struct BuiltinSchemaCasesTests {
  @Test func everyBuiltinSchemaCompiles() {
    for name in BuiltinSchemas.names {
      #expect(FormatSchemas.schema(named: name) != nil, "\(name) does not compile")
    }
  }

  @Test func handWrittenCasesAreJudgedAsDocumented() throws {
    for testCase in SchemaCases.all {
      let schema = try #require(FormatSchemas.schema(named: testCase.schema))
      for json in testCase.valid {
        let value = try JSONParser().parse(json)
        #expect(schema.validate(value).isEmpty, "\(testCase.schema) should accept \(json): \(schema.validate(value))")
      }
      for (json, why) in testCase.invalid {
        let value = try JSONParser().parse(json)
        #expect(!schema.isValid(value), "\(testCase.schema) should reject (\(why)) \(json)")
        #expect(!schema.validate(value).isEmpty)
      }
    }
  }
}
