import Foundation
import Testing
@testable import DataPrep

@Suite struct BuiltinSchemasTests {
  @Test func embeddedCopiesEqualTheFilesInSchemas() throws {
    let folder = SharedData.packageRoot.appendingPathComponent("schemas")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".schema.json") }
      .map { String($0.dropLast(".schema.json".count)) }
      .sorted()
    #expect(BuiltinSchemas.names == files, "run scripts/embed-schemas.sh")
    for name in files {
      let text = try String(contentsOf: folder.appendingPathComponent("\(name).schema.json"), encoding: .utf8)
      #expect(BuiltinSchemas.json(named: name) == text, "\(name) differs: run scripts/embed-schemas.sh")
    }
  }

  @Test func unknownNameHasNoSchema() {
    #expect(BuiltinSchemas.json(named: "nope") == nil)
  }

  @Test func everyEmbeddedSchemaIsAJSONObjectNamingDraft2020() throws {
    for name in BuiltinSchemas.names {
      let text = try #require(BuiltinSchemas.json(named: name))
      let value = try JSONParser().parse(text)
      #expect(value["$schema"]?.stringValue == "https://json-schema.org/draft/2020-12/schema", "\(name)")
    }
  }

  @Test func everyCaseIsJSONForAKnownSchema() throws {
    for testCase in SchemaCases.all {
      #expect(BuiltinSchemas.names.contains(testCase.schema))
      for json in testCase.valid + testCase.invalid.map(\.json) {
        #expect(throws: Never.self) { try JSONParser().parse(json) }
      }
    }
  }
}
