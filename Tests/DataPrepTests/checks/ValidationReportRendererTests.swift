import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import Testing
@testable import DataPrep

@Suite struct ValidationReportRendererTests {
  static func sampleReport() throws -> ValidationReport {
    var lines = ValidationTestSupport.cleanChatLines(120)
    lines.insert(#"{"messages":[{"role":"user","content":"a"},{"role":"user","content":"Explain b & <c> now."},{"role":"assistant","content":"d"}]}"#, at: 4)
    lines.append(lines[0])
    return try ValidationTestSupport.run(lines)
  }

  @Test func textHasOneLinePerFindingAndCountsAtTheEnd() throws {
    let text = ValidationReportRenderer(style: .text).render(try Self.sampleReport())
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasSuffix("train.jsonl:5: error: two user turns in a row (messages.0, messages.1) [role-order]") })
    #expect(lines.contains { $0.hasSuffix("train.jsonl:122: error: duplicate of line 1 [duplicate]") })
    #expect(lines.contains("FAILED: 2 errors, 0 warnings, 0 notes in 1 file (122 records)"))
    #expect(lines.contains("  role-order: 1 error"))
    #expect(lines.contains("  duplicate: 1 error"))
  }

  @Test func jsonCarriesFindingsAndSummary() throws {
    let text = ValidationReportRenderer(style: .json).render(try Self.sampleReport())
    let value = try JSONParser().parse(text)
    let findings = try #require(value["findings"]?.arrayValue)
    #expect(findings.count == 2)
    for finding in findings {
      for key in ["file", "line", "severity", "check", "message"] { #expect(finding[key] != nil, "\(key)") }
    }
    #expect(findings.first?["check"] == "role-order")
    #expect(findings.first?["line"]?.integerValue == 5)
    #expect(value["summary"]?["errors"]?.integerValue == 2)
    #expect(value["summary"]?["passed"] == false)
    #expect(value["summary"]?["checks"]?["duplicate"]?["errors"]?.integerValue == 1)
    #expect(value["files"]?.arrayValue?.first?["format"] == "openai-chat")
  }

  @Test func githubWritesWorkflowAnnotations() throws {
    let text = ValidationReportRenderer(style: .github).render(try Self.sampleReport())
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix("::error file=") && $0.contains("train.jsonl,line=5,title=dataprep role-order::two user turns") })
    #expect(lines.last?.hasPrefix("dataprep validate: FAILED") == true)
  }

  @Test func githubEscapesNewlinesAndPercent() {
    var report = ValidationReport()
    report.findings = [ValidationFinding(file: "a,b.jsonl", line: nil, severity: .warning, check: .fileSize, message: "50%\nmore")]
    report.counts = [.init(check: .fileSize, errors: 0, warnings: 1, notes: 0)]
    let text = ValidationReportRenderer(style: .github).render(report)
    #expect(text.hasPrefix("::warning file=a%2Cb.jsonl,title=dataprep file-size::50%25%0Amore\n"))
  }

  @Test func junitIsXMLWithAFailurePerFailingCheck() throws {
    let text = ValidationReportRenderer(style: .junit).render(try Self.sampleReport())
    #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dataprep validate\""))
    #expect(text.contains("failures=\"2\""))
    #expect(text.contains("<testcase classname=\"dataprep.validate\" name=\"role-order\""))
    #expect(text.contains("<failure type=\"duplicate\""))
    #expect(!text.contains("Explain b & <c> now."))
    #expect(text.hasSuffix("</testsuites>\n"))
    let parsed = try XMLDocument(xmlString: text)
    #expect(parsed.rootElement()?.name == "testsuites")
  }
}
