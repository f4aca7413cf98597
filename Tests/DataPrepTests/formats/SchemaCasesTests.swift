import Testing
@testable import DataPrep

@Suite struct SchemaCasesTests {
  @Test func everyBuiltinSchemaCompiles() {
    for name in BuiltinSchemas.names {
      #expect(BuiltinSchemaValidator.compiled[name] != nil, "\(name) does not compile")
    }
  }

  @Test(arguments: SchemaCases.all.map(\.schema))
  func validExamplesAreAccepted(schema: String) throws {
    let testCase = try #require(SchemaCases.all.first { $0.schema == schema })
    for json in testCase.valid {
      let violations = BuiltinSchemaValidator.violations(try JSONParser().parse(json), schema: schema)
      #expect(violations.isEmpty, "\(schema) rejects \(json): \(violations)")
    }
  }

  @Test(arguments: SchemaCases.all.map(\.schema))
  func invalidExamplesAreRejected(schema: String) throws {
    let testCase = try #require(SchemaCases.all.first { $0.schema == schema })
    for (json, why) in testCase.invalid {
      let violations = BuiltinSchemaValidator.violations(try JSONParser().parse(json), schema: schema)
      #expect(!violations.isEmpty, "\(schema) accepts a record with \(why): \(json)")
    }
  }

  @Test(arguments: SchemaCases.all.map(\.schema))
  func eachRequiredFieldsAbsenceIsRejected(schema: String) throws {
    let testCase = try #require(SchemaCases.all.first { $0.schema == schema })
    let schemaValue = try JSONParser().parse(try #require(BuiltinSchemas.json(named: schema)))
    let required = (schemaValue["required"]?.arrayValue ?? []).compactMap(\.stringValue)
    #expect(!required.isEmpty)
    for json in testCase.valid {
      let record = try #require(try JSONParser().parse(json).objectValue)
      for key in required {
        var without = record
        without[key] = nil
        #expect(
          !BuiltinSchemaValidator.violations(.object(without), schema: schema).isEmpty,
          "\(schema) accepts a record without `\(key)`")
      }
    }
  }

  @Test(arguments: SchemaCases.all.map(\.schema))
  func eachWrongTypeIsRejected(schema: String) throws {
    let testCase = try #require(SchemaCases.all.first { $0.schema == schema })
    let wrongValues: [JSONValue] = [.null, .bool(true), .integer(1), .double(1.5), .string("s"), .array([]), .object(JSONObject())]
    for json in testCase.valid {
      let record = try #require(try JSONParser().parse(json).objectValue)
      for member in record {
        for wrong in wrongValues where wrong.typeName != member.value.typeName {
          if case .double = wrong, case .integer = member.value { continue }
          var changed = record
          changed[member.key] = wrong
          #expect(
            !BuiltinSchemaValidator.violations(.object(changed), schema: schema).isEmpty,
            "\(schema) accepts `\(member.key)` as \(wrong.typeName)")
        }
      }
    }
  }
}
