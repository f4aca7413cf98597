import Testing
@testable import DataPrep

@Suite struct JSONSchemaTests {
  static let chat: JSONValue = [
    "type": "object",
    "required": ["messages"],
    "additionalProperties": false,
    "properties": [
      "messages": [
        "type": "array",
        "minItems": 1,
        "items": ["$ref": "#/$defs/message"],
      ]
    ],
    "$defs": [
      "message": [
        "type": "object",
        "required": ["role", "content"],
        "properties": [
          "role": ["enum": ["system", "user", "assistant"]],
          "content": ["type": "string", "minLength": 1],
        ],
      ]
    ],
  ]

  @Test func validInstanceHasNoViolations() throws {
    let schema = try JSONSchema(Self.chat)
    let record: JSONValue = ["messages": [["role": "user", "content": "hi"], ["role": "assistant", "content": "hello"]]]
    #expect(schema.isValid(record))
    #expect(schema.validate(record).isEmpty)
  }

  @Test func violationsCarryInstancePathKeywordAndSchemaPath() throws {
    let schema = try JSONSchema(Self.chat)
    let record: JSONValue = ["messages": [["role": "user", "content": "hi"], ["role": "robot", "content": ""]], "extra": 1]
    #expect(!schema.isValid(record))
    let violations = schema.validate(record)
    #expect(violations.contains { $0.instancePath == "/messages/1/role" && $0.keyword == "enum" && $0.schemaPath == "/$defs/message/properties/role/enum" })
    #expect(violations.contains { $0.instancePath == "/messages/1/content" && $0.keyword == "minLength" })
    #expect(violations.contains { $0.instancePath == "" && $0.keyword == "additionalProperties" && $0.message.contains("extra") })
  }

  @Test func missingRequiredPropertyIsNamed() throws {
    let schema = try JSONSchema(Self.chat)
    let violations = schema.validate(["messages": [["role": "user"]]])
    #expect(violations == [SchemaViolation(instancePath: "/messages/0", keyword: "required", schemaPath: "/$defs/message/required", message: "missing required property 'content'")])
  }

  @Test func pointerEscapesInInstancePath() throws {
    let schema = try JSONSchema(["additionalProperties": ["type": "integer"]])
    let violations = schema.validate(["a/b~c": "x"])
    #expect(violations.first?.instancePath == "/a~1b~0c")
  }

  @Test func stringLengthCountsUnicodeScalars() throws {
    let schema = try JSONSchema(["maxLength": 2, "minLength": 2])
    #expect(schema.isValid("💩💩"))
    #expect(!schema.isValid("💩"))
    #expect(!schema.isValid("abc"))
  }

  @Test func integralDoubleIsAnInteger() throws {
    let schema = try JSONSchema(["type": "integer", "enum": [1, 2]])
    #expect(schema.isValid(.double(1.0)))
    #expect(!schema.isValid(.double(1.5)))
  }

  @Test func anyOfFailureQuotesClosestAlternative() throws {
    let schema = try JSONSchema(["anyOf": [["type": "string"], ["type": "object", "required": ["a"]]]])
    let violations = schema.validate(["b": 1])
    #expect(violations.count == 1)
    #expect(violations.first?.keyword == "anyOf")
    #expect(violations.first?.message.contains("missing required property 'a'") == true)
  }

  @Test func unknownReferenceIsACompileError() {
    #expect(throws: SchemaError.self) { try JSONSchema(["$ref": "#/$defs/missing"]) }
  }

  @Test func referenceLoopIsACompileError() {
    #expect(throws: SchemaError.referenceCycle(schemaPath: "")) { try JSONSchema(["$ref": "#"]) }
  }

  @Test func badKeywordValueIsACompileError() {
    #expect(throws: SchemaError.self) { try JSONSchema(["minLength": "3"]) }
    #expect(throws: SchemaError.self) { try JSONSchema(["pattern": "(unclosed"]) }
  }

  @Test func violationLimitIsRespected() throws {
    let schema = try JSONSchema(["items": ["type": "string"]])
    #expect(schema.validate([1, 2, 3, 4, 5], limit: 2).count == 2)
  }
}
