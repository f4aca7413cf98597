import Foundation
import Testing

import DataPrep

@Suite struct SplitTokenReportTests {
  @Test func splitReportsTokensPerSplitWithTheNamedTokenizer() throws {
    guard let rankFile = SharedData.require("data/tokenizers/o200k_base.tiktoken.gz") else { return }
    let folder = try ScratchFolder()
    var lines = ""
    for i in 0..<40 {
      lines += #"{"messages":[{"role":"user","content":"Question number \#(i)?"},{"role":"assistant","content":"Answer \#(i)."}],"metadata":{"source_id":"doc\#(i)"}}"# + "\n"
    }
    let input = try folder.write("examples.jsonl", lines)
    let result = try CommandRunner.run(["split", input, "--ratio", "0.8", "-o", folder.path("out"), "--tokenizer", rankFile.path])
    guard result.status != -1 else {
      print(result.stderr)
      return
    }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("train: "))
    #expect(result.stderr.contains("validation: "))
    #expect(result.stderr.contains("tokens (o200k_base)"))
  }
}
