import Testing

@testable import DataPrep

/// ``ExtractOptions/field(parsing:)``: record-mode fields as `extract --field` gives them.
@Suite struct ExtractOptionsTests {
  @Test func aFieldIsNameEqualsXPath() throws {
    let field = try ExtractOptions.field(parsing: "body=@Body")
    #expect(field.name == "body")
    #expect(field.xpath == "@Body")
  }

  @Test func theXPathMayHoldEqualsSigns() throws {
    let field = try ExtractOptions.field(parsing: "title=string(@a[.='x'])")
    #expect(field.name == "title")
    #expect(field.xpath == "string(@a[.='x'])")
  }

  @Test(arguments: ["body", "=@Body", "body=", "=", ""])
  func aSpecWithoutNameOrXPathIsRejected(spec: String) {
    #expect(throws: ExtractError.badFieldSpec(spec)) { try ExtractOptions.field(parsing: spec) }
  }
}
