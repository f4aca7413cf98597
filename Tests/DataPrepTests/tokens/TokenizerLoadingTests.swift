import Foundation
import Testing

@testable import DataPrep

@Suite struct TokenizerLoadingTests {
  @Test func rankFileMergesByTokenRank() throws {
    let folder = TokenizerFixtures.folder()
    let file = TokenizerFixtures.rankFile(in: folder, name: "tiny.tiktoken")
    let tokenizer = try Tokenizer(tiktokenFile: file.path, encoding: .cl100kBase)
    #expect(tokenizer.encode("abcd") == [258])  // the whole piece is a token
    #expect(tokenizer.encode("abce") == [256, 99, 101])
    #expect(tokenizer.encode("cd ab") == [257, 32, 256])  // " ab" is one piece, merged to " " + "ab"
    #expect(tokenizer.decode(tokenizer.encode("cd ab")) == "cd ab")
  }

  @Test func gzipRankFilesAreReadThroughByteSource() throws {
    guard let url = SharedData.require("data/tokenizers/cl100k_base.tiktoken.gz") else { return }
    let tokenizer = try Tokenizer(tiktokenFile: url.path)
    #expect(tokenizer.name == "cl100k_base")
    #expect(tokenizer.encode("hello world") == [15339, 1917])
    #expect(tokenizer.vocabularySize == 100_277)
  }

  @Test func aBadRankLineIsNamed() throws {
    let folder = TokenizerFixtures.folder()
    let url = folder.appendingPathComponent("bad.tiktoken")
    try "YQ== 0\nYg== 1\nnot-base64! 2\n".write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: TokenizerError.badRankLine(path: url.path, line: 3, reason: "the token is not valid base64")) {
      try Tokenizer(tiktokenFile: url.path)
    }
    try "YQ== 0\nYg==\n".write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: TokenizerError.badRankLine(path: url.path, line: 2, reason: "no space before the rank")) {
      try Tokenizer(tiktokenFile: url.path)
    }
    try "YQ== x1\n".write(to: url, atomically: true, encoding: .utf8)
    let error = #expect(throws: TokenizerError.self) { try Tokenizer(tiktokenFile: url.path) }
    #expect(error?.localizedDescription.contains("\(url.path):1:") == true)
  }

  @Test func aRankFileWithoutEveryByteIsRejected() throws {
    let folder = TokenizerFixtures.folder()
    let url = folder.appendingPathComponent("partial.tiktoken")
    try "AA== 0\n".write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: TokenizerError.missingByteToken(path: url.path, byte: 1)) {
      try Tokenizer(tiktokenFile: url.path)
    }
  }

  @Test func aMissingFileIsReported() {
    let path = "/nonexistent/dir/o200k_base.tiktoken"
    #expect(throws: TokenizerError.unreadable(path: path, reason: "no such file")) {
      try TokenizerLocator(searchFolders: []).load(path)
    }
    #expect(throws: TokenizerError.self) { try Tokenizer(tiktokenFile: path) }
  }

  @Test func anUnknownNameIsReported() {
    let error = #expect(throws: TokenizerError.unknownName("gpt-17")) {
      try TokenizerLocator(searchFolders: []).load("gpt-17")
    }
    #expect(error?.localizedDescription.contains("o200k_base") == true)
  }

  @Test func aBuiltInNameNotInstalledSaysWhereItLookedAndHowToInstall() {
    let error = #expect(throws: TokenizerError.notFound(name: "cl100k_base", searched: ["/a", "/b"])) {
      try TokenizerLocator(searchFolders: ["/a", "/b"]).load("cl100k_base")
    }
    let message = error?.localizedDescription ?? ""
    #expect(message.contains("/a, /b") && message.contains("copying") && message.contains("DATAPREP_TOKENIZERS"))
  }

  @Test func namesAreFoundInTheSearchFoldersInOrder() throws {
    let first = TokenizerFixtures.folder()
    let second = TokenizerFixtures.folder()
    _ = TokenizerFixtures.rankFile(in: second, name: "cl100k_base.tiktoken")
    let locator = TokenizerLocator(searchFolders: [first.path, second.path])
    #expect(try locator.locate("cl100k_base") == second.appendingPathComponent("cl100k_base.tiktoken").path)
    let tokenizer = try locator.load("cl100k_base")
    #expect(tokenizer.name == "cl100k_base")
    #expect(tokenizer.specialTokens["<|endoftext|>"] == 100_257)
    _ = TokenizerFixtures.rankFile(in: first, name: "cl100k_base.tiktoken")
    #expect(try locator.locate("cl100k_base") == first.appendingPathComponent("cl100k_base.tiktoken").path)
  }

  @Test func theStandardFoldersComeFromEnvironmentExecutableAndHome() {
    let locator = TokenizerLocator(
      environment: ["DATAPREP_TOKENIZERS": "/env/tok"], executablePath: "/opt/dp/bin/dataprep", homeFolder: "/home/u",
      includeBundled: false)
    #expect(
      locator.searchFolders == [
        "/env/tok", "/opt/dp/share/dataprep/tokenizers", "/opt/dp/bin", "/home/u/.cache/dataprep/tokenizers",
      ])
  }

  // MARK: - Hugging Face tokenizer.json

  @Test func huggingFaceByteLevelBPEMergesByMergeRank() throws {
    let folder = TokenizerFixtures.folder()
    let url = TokenizerFixtures.huggingFaceFile(
      in: folder,
      merges: [("h", "e"), ("l", "l"), ("he", "ll"), ("hell", "o"), ("Ġ", "w"), ("Ġw", "o")])
    let tokenizer = try TokenizerLocator(searchFolders: []).load(url.path)
    let hello = 256 + 3
    let gw = 256 + 4
    let gwo = 256 + 5
    #expect(tokenizer.encode("hello") == [hello])
    #expect(tokenizer.encode("hello world") == [hello, gwo, Int(UInt8(ascii: "r")), Int(UInt8(ascii: "l")), Int(UInt8(ascii: "d"))])
    #expect(tokenizer.encode(" w") == [gw])
    #expect(tokenizer.decode(tokenizer.encode("hello world!\n")) == "hello world!\n")
    #expect(tokenizer.encode("é") == [0xC3, 0xA9])
  }

  @Test func gpt2SplitsNewlineRunsLikeAnyWhiteSpace() throws {
    // GPT-2 has no `\s*[\r\n]+` alternative: "\n\n" before a word is two pieces.
    let folder = TokenizerFixtures.folder()
    let newline = TokenizerFixtures.byteCharacter(0x0A)
    let tokenizer = try Tokenizer(huggingFaceFile: TokenizerFixtures.huggingFaceFile(in: folder, merges: [(newline, newline)]).path)
    #expect(tokenizer.encode("a\n\nb") == [0x61, 0x0A, 0x0A, 0x62])
    #expect(tokenizer.encode("a\n\n") == [0x61, 256])
  }

  @Test func huggingFaceMergeOrderWinsOverVocabularyOrder() throws {
    // "e l" has the smaller id but "l l" the earlier merge: Hugging Face merges "ll" first.
    let folder = TokenizerFixtures.folder()
    let url = TokenizerFixtures.huggingFaceFile(in: folder, merges: [("l", "l"), ("e", "l")], extraVocab: [])
    let tokenizer = try Tokenizer(huggingFaceFile: url.path)
    #expect(tokenizer.encode("ell") == [Int(UInt8(ascii: "e")), 256])
  }

  @Test func longPiecesMergeTheSameThroughTheHeap() throws {
    let folder = TokenizerFixtures.folder()
    let url = TokenizerFixtures.huggingFaceFile(in: folder, merges: [("a", "b"), ("ab", "ab"), ("b", "a"), ("abab", "a")])
    let tokenizer = try Tokenizer(huggingFaceFile: url.path)
    guard let merges = tokenizer.merges else {
      Issue.record("a tokenizer.json has merges")
      return
    }
    for text in [String(repeating: "abba", count: 50), String(repeating: "ababababa", count: 20), "ab"] {
      var scanned = TokenIDSink()
      var heaped = TokenIDSink()
      Array(text.utf8).withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        BytePairMerge.mergeByPairRank(base, buffer.count, table: tokenizer.table, merges: merges, into: &scanned)
        BytePairMerge.mergeLargeByPairRank(base, buffer.count, table: tokenizer.table, merges: merges, into: &heaped)
      }
      #expect(scanned.ids == heaped.ids)
      #expect(tokenizer.decode(heaped.ids) == text)
    }
    // Over 256 bytes, encode takes the heap path.
    let long = String(repeating: "ababababa", count: 60)
    #expect(tokenizer.decode(tokenizer.encode(long)) == long)
  }

  @Test func ignoreMergesEmitsWholeVocabularyWords() throws {
    let folder = TokenizerFixtures.folder()
    let with = try Tokenizer(
      huggingFaceFile: TokenizerFixtures.huggingFaceFile(in: folder, merges: [], extraVocab: ["xyz"], ignoreMerges: true).path)
    #expect(with.encode("xyz") == [256])
    let without = try Tokenizer(
      huggingFaceFile: TokenizerFixtures.huggingFaceFile(in: folder, merges: [], extraVocab: ["xyz"], ignoreMerges: false).path)
    #expect(without.encode("xyz") == [0x78, 0x79, 0x7A])
  }

  @Test func huggingFaceSplitRegexesUseScannerOrRegexFallback() throws {
    let folder = TokenizerFixtures.folder()
    let llama3 = #"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+"#
    let split = { (regex: String) in
      #"{"type":"Sequence","pretokenizers":[{"type":"Split","pattern":{"Regex":"\#(regex)"},"behavior":"Isolated","invert":false},{"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":false}]}"#
    }
    let fast = try Tokenizer(huggingFaceFile: TokenizerFixtures.huggingFaceFile(in: folder, merges: [("1", "2")], preTokenizer: split(llama3)).path)
    guard case .pattern(.llama3) = fast.steps.first else {
      Issue.record("the Llama 3 regex was not recognised")
      return
    }
    // Digits split in threes: "1234" is "123" + "4"; "12" merges.
    #expect(fast.encode("1234") == [256, 0x33, 0x34])
    let digitsOnly = #"\\p{N}"#
    let slow = try Tokenizer(huggingFaceFile: TokenizerFixtures.huggingFaceFile(in: folder, merges: [("1", "2")], preTokenizer: split(digitsOnly)).path)
    guard case .regex = slow.steps.first else {
      Issue.record("an unknown regex should use the NSRegularExpression fallback")
      return
    }
    #expect(slow.encode("a12b") == [0x61, 0x31, 0x32, 0x62])
    #expect(slow.decode(slow.encode("héllo 12")) == "héllo 12")
  }

  @Test func huggingFaceErrorsNameTheProblem() throws {
    let folder = TokenizerFixtures.folder()
    let url = folder.appendingPathComponent("tokenizer.json")
    try "{not json".write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: TokenizerError.self) { try Tokenizer(huggingFaceFile: url.path) }
    try #"{"model":{"type":"WordPiece","vocab":{}}}"#.write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: TokenizerError.unsupported(path: url.path, feature: "model type 'WordPiece'")) {
      try Tokenizer(huggingFaceFile: url.path)
    }
    try #"{"pre_tokenizer":{"type":"Whitespace"},"model":{"type":"BPE","vocab":{},"merges":[]}}"#.write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: TokenizerError.unsupported(path: url.path, feature: "pre-tokenizer 'Whitespace'")) {
      try Tokenizer(huggingFaceFile: url.path)
    }
    let bad = TokenizerFixtures.huggingFaceFile(in: folder, merges: [("q", "zz")])
    #expect(throws: TokenizerError.self) { try Tokenizer(huggingFaceFile: bad.path) }
  }

  @Test func specialTokensOfHuggingFaceFilesAreTheAddedTokens() throws {
    let folder = TokenizerFixtures.folder()
    let tokenizer = try Tokenizer(huggingFaceFile: TokenizerFixtures.huggingFaceFile(in: folder, merges: []).path)
    #expect(tokenizer.specialTokens["<|endoftext|>"] == 256)
    #expect(tokenizer.encode("a<|endoftext|>", allowingSpecialTokens: true) == [0x61, 256])
    #expect(tokenizer.encode("a<|endoftext|>").count == 14)
  }
}
