import Foundation
import Testing

@testable import DataPrep

/// `--tokenizer` wiring: the shared token-counter seam in validate and instruct, and the
/// fallback to an estimate when the default tokenizer is not installed.
@Suite struct TokenizerWiringTests {
  /// o200k_base from `../shared`, or `nil` (the test then skips with a message).
  static func o200k() throws -> Tokenizer? {
    guard let url = SharedData.require("data/tokenizers/o200k_base.tiktoken.gz") else { return nil }
    return try Tokenizer(tiktokenFile: url.path, encoding: .o200kBase)
  }

  static func chatLine(_ user: String, _ assistant: String) -> String { ChatLines.record(user, assistant) }

  @Test func missingDefaultTokenizerFallsBackWithOneWarningNamingTheFolders() throws {
    let empty = TokenizerFixtures.folder()
    let locator = TokenizerLocator(searchFolders: [empty.path])
    let selection = try TokenizerSelection.resolve(nil, fallback: .characterEstimate, locator: locator)
    #expect(selection.tokenizer == nil)
    #expect(selection.counter.isEstimate)
    let warning = try #require(selection.warning)
    #expect(warning.contains(empty.path))
    #expect(warning.contains("o200k_base.tiktoken"))
    #expect(warning.contains("DATAPREP_TOKENIZERS"))
    #expect(warning.contains("characters/4"))
  }

  @Test func explicitTokenizerThatIsMissingFailsTheRun() {
    let locator = TokenizerLocator(searchFolders: [TokenizerFixtures.folder().path])
    #expect(throws: TokenizerError.self) {
      try TokenizerSelection.resolve("o200k_base", fallback: .characterEstimate, locator: locator)
    }
    #expect(throws: TokenizerError.self) {
      try TokenizerSelection.resolve("/nonexistent/x.tiktoken", fallback: .characterEstimate, locator: locator)
    }
  }

  @Test func installedDefaultTokenizerIsUsedWithoutWarning() throws {
    let folder = TokenizerFixtures.folder()
    _ = TokenizerFixtures.rankFile(in: folder, name: "o200k_base.tiktoken")
    let selection = try TokenizerSelection.resolve(nil, fallback: .characterEstimate, locator: TokenizerLocator(searchFolders: [folder.path]))
    #expect(selection.warning == nil)
    #expect(selection.tokenizer != nil)
    #expect(!selection.counter.isEstimate)
  }

  @Test func validateMaxTokensWithRealTokenizerFlagsExactlyTheOverLongLine() throws {
    guard let tokenizer = try Self.o200k() else { return }
    var lines = ValidationTestSupport.cleanChatLines(120)
    // Digits are split in threes by o200k (many tokens, few characters); long whitespace runs
    // are few tokens but many characters: the estimate gets both wrong.
    lines[40] = Self.chatLine("Read the number.", String(repeating: "1234567890", count: 100))
    lines[80] = Self.chatLine("Wait.", "Done" + String(repeating: " ", count: 1_400) + "done")
    let counter = ExampleTokenCounter(tokenizer: tokenizer)
    let digitsTokens = try #require(counter.count(try JSONParser().parse(lines[40]).objectValue ?? JSONObject())).total
    #expect(digitsTokens > 300)

    var options = ValidationOptions()
    options.maxTokens = 300
    let path = try ValidationTestSupport.temporaryFile(lines.joined(separator: "\n") + "\n")
    let real = DatasetValidator(
      options: options, schemaLookup: { FormatSchemas.schema(for: $0) }, tokenCounter: TokenCounter(tokenizer: tokenizer))
    try real.validate(path: path)
    let findings = real.finish().findings.filter { $0.check == .tooLong }
    #expect(findings.map(\.line) == [41])
    #expect(findings.first?.message.contains("\(digitsTokens) tokens (o200k_base)") == true)
    #expect(findings.first?.message.contains("estimate") == false)
    #expect(findings.first?.message.contains("about") == false)

    let estimated = DatasetValidator(options: options, schemaLookup: { FormatSchemas.schema(for: $0) })
    try estimated.validate(path: path)
    let guesses = estimated.finish().findings.filter { $0.check == .tooLong }
    #expect(guesses.map(\.line) == [81])
    #expect(guesses.first?.message.contains("estimated as characters/4") == true)
  }

  @Test func validateCountsChatOverheadWithTheRealCounter() throws {
    // A counter of one token per scalar: "ab" + "cd" contents, roles "user"/"assistant".
    let perScalar = TokenCounter(name: "scalars") { $0.unicodeScalars.count }
    let line = Self.chatLine("ab", "cd")
    let expected = 3 + (3 + 4 + 2) + (3 + 9 + 2)
    var options = ValidationOptions()
    options.maxTokens = expected - 1
    let path = try ValidationTestSupport.temporaryFile(line + "\n")
    let validator = DatasetValidator(options: options, schemaLookup: { FormatSchemas.schema(for: $0) }, tokenCounter: perScalar)
    try validator.validate(path: path)
    let findings = validator.finish().findings.filter { $0.check == .tooLong }
    #expect(findings.count == 1)
    #expect(findings.first?.message.contains("about \(expected) tokens (scalars)") == true)

    options.maxTokens = expected
    let atLimit = DatasetValidator(options: options, schemaLookup: { FormatSchemas.schema(for: $0) }, tokenCounter: perScalar)
    try atLimit.validate(path: path)
    #expect(atLimit.finish().findings.filter { $0.check == .tooLong }.isEmpty)
  }

  @Test func tokenBoundIsNeverBelowTheCount() throws {
    let perByte = TokenCounter(name: "bytes") { $0.utf8.count }
    let counter = ExampleTokenCounter(textCounter: perByte)
    let records = [
      Self.chatLine("héllo wörld", "日本語のテキスト"),
      #"{"messages":[{"role":"system","content":"s"},{"role":"user","name":"bob","content":"x"},{"role":"assistant","content":"y"}]}"#,
      #"{"prompt":"p","completion":"c"}"#,
      #"{"instruction":"i","input":"","output":"o"}"#,
      #"{"conversations":[{"from":"human","value":"h"},{"from":"gpt","value":"g"}]}"#,
    ]
    for line in records {
      let object = try #require(try JSONParser().parse(line).objectValue)
      let count = try #require(counter.count(object)).total
      #expect(DatasetValidator.tokenBound(object) >= count, "\(line)")
    }
    let withTools = try #require(
      try JSONParser().parse(#"{"messages":[{"role":"assistant","tool_calls":[{"id":"1","type":"function","function":{"name":"f","arguments":"{}"}}]}]}"#).objectValue)
    #expect(DatasetValidator.tokenBound(withTools) == Int.max)
  }

  @Test func instructMaxTokensDropsAndCountsLongExamples() throws {
    let words = TokenCounter(name: "words") { $0.split(whereSeparator: \.isWhitespace).count }
    var document = InstructFixtures.manual
    let longAnswer = String(repeating: "The widget keeps working in every room of the house. ", count: 40)
    document.metadata["qa"] = [["question": "Is it waterproof?", "answer": "No, keep it dry."], ["question": "Where does it work?", "answer": .string(longAnswer)]]
    let all = InstructOptions(format: .openAIChat, tasks: [.faq], tokenCounter: words)
    let (fullSummary, full) = try InstructFixtures.run([document], all)
    #expect(fullSummary.dropped.isEmpty)
    let counter = ExampleTokenCounter(textCounter: words)
    let counts = full.compactMap { $0.objectValue.flatMap { counter.count($0)?.total } }
    #expect(counts.filter { $0 > 100 }.count == 1)

    // An answer budget over the limit: the long answer is not cut into parts, so it is dropped.
    let limited = InstructOptions(format: .openAIChat, tasks: [.faq], tokenCounter: words, maxTokens: 100, answerTokens: 10_000)
    let (summary, kept) = try InstructFixtures.run([document], limited)
    #expect(kept.count == full.count - 1)
    #expect(summary.dropped == [.tooManyTokens: 1])
    #expect(summary.report.contains("dropped (example over --max-tokens): 1"))
    #expect(!kept.contains { JSONWriter().string(of: $0).contains("every room") })
  }

  @Test func instructChunksWithTheGivenCounter() throws {
    let words = TokenCounter(name: "words") { $0.split(whereSeparator: \.isWhitespace).count }
    let options = InstructOptions(format: .text, tasks: [.completion], chunkTokens: 10, overlapTokens: 0, tokenCounter: words)
    let (_, out) = try InstructFixtures.run([InstructFixtures.article], options)
    #expect(out.count > 1)
    for record in out {
      let text = record.objectValue?["text"]?.stringValue ?? ""
      #expect(words.count(text) <= 10)
    }
  }

  @Test func instructRejectsANonPositiveMaxTokens() {
    #expect(throws: InstructError.self) {
      try InstructOptions(format: .openAIChat, maxTokens: 0).check()
    }
  }
}

/// Chunks fit `--chunk-tokens` as a whole even when the counter is not additive over words.
@Suite struct ChunkFitTests {
  @Test func chunksFitWhenWordCountsDoNotAddUp() {
    // Each "q q" pair costs one extra token in a whole text, none in single words.
    let counter = TokenCounter(name: "pairs") { text in
      text.split(whereSeparator: \.isWhitespace).count + text.components(separatedBy: "q q").count - 1
    }
    let chunker = TextChunker(chunkTokens: 4, overlapTokens: 0, counter: counter)
    let chunks = chunker.chunks(of: "a q q b c q q d e")
    #expect(!chunks.isEmpty)
    for chunk in chunks { #expect(counter.count(String(chunk)) <= 4, "\(chunk)") }
    #expect(chunks.joined(separator: " ") == "a q q b c q q d e")
  }

  @Test func realTokenizerChunksNeverExceedTheBudget() throws {
    guard let tokenizer = try TokenizerWiringTests.o200k() else { return }
    let counter = TokenCounter(tokenizer: tokenizer)
    let text = String(repeating: "The widget keeps working in every room of the house. 12345, (ok)! ", count: 80)
    let chunks = TextChunker(chunkTokens: 100, overlapTokens: 10, counter: counter).chunks(of: text)
    #expect(chunks.count > 5)
    for chunk in chunks { #expect(tokenizer.count(String(chunk)) <= 100) }
  }
}
