import Foundation
import Testing

import DataPrep

/// A damaged `.gz` through the binary: validate and extract stop with an error naming the file
/// (the reader itself is tested in GzipIntegrityTests).
@Suite struct GzipIntegrityCommandTests {
  @Test func validateAndExtractReportADamagedGzipNamingIt() throws {
    let folder = try TemporaryDirectory()
    let chat = (0..<10).map { #"{"messages":[{"role":"user","content":"q\#($0)"},{"role":"assistant","content":"a\#($0)"}]}"# + "\n" }
    let first = try folder.gzipped(chat.prefix(5).joined(), name: "a.jsonl")
    var second = try folder.gzipped(chat.suffix(5).joined(), name: "b.jsonl")
    second[0] = 0
    let dataset = try folder.write("chat.jsonl.gz", first + second)
    let validated = try CommandRunner.run(["validate", dataset, "--quiet"])
    if validated.stderr == CommandRunner.skipMessage { return }
    #expect(validated.status == 2, "\(validated.stderr)")
    #expect(validated.stderr.contains(dataset) && validated.stderr.contains("not a gzip member"), "\(validated.stderr)")

    let page = try folder.gzipped(
      "<html><body><article><h1>T</h1>" + String(repeating: "<p>Paragraph text here.</p>", count: 400) + "</article></body></html>",
      name: "page.html")
    let truncated = try folder.write("cut.html.gz", Array(page.prefix(page.count - 6)))
    let output = folder.path("out.jsonl")
    let extracted = try CommandRunner.run(["extract", truncated, "-o", output])
    #expect(extracted.status != 0)
    #expect(extracted.stderr.contains(truncated) && extracted.stderr.contains("truncated"), "\(extracted.stderr)")
  }
}
