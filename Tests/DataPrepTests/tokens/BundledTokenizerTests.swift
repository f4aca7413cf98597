@testable import DataPrep
import Foundation
import Testing

/// The o200k_base and cl100k_base rank files that ship with dataprep (SwiftPM resources): found
/// with nothing installed, exact, overridden by DATAPREP_TOKENIZERS, and a missing bundle is a
/// clear error or the estimate, never a crash.
@Suite struct BundledTokenizerTests {
  /// tiktoken 0.14.0's ids (`encode(text, disallowed_special=())`).
  static let references: [(text: String, o200k: [Int], cl100k: [Int]?)] = [
    ("hello world", [24912, 2375], [15339, 1917]),
    ("Explain how `<s>` strikes text in HTML.", [176289, 1495, 55472, 82, 88780, 51297, 2201, 306, 15961, 13], nil),
    (
      "Ünïcödé — 日本語のテキスト\n\tcode();",
      [8858, 77, 191375, 43369, 377, 2733, 17428, 40909, 3385, 16056, 18368, 38236, 198, 86873, 4177], nil
    ),
  ]

  /// A locator as a fresh machine has it: no DATAPREP_TOKENIZERS, an empty home folder.
  static func freshLocator() -> TokenizerLocator {
    TokenizerLocator(environment: [:], homeFolder: TokenizerFixtures.folder().path)
  }

  @Test func theDefaultLocatorFindsTheBundledFilesWithoutTheEnvironmentVariable() throws {
    let locator = Self.freshLocator()
    let bundled = try #require(TokenizerLocator.bundledFolder())
    #expect(bundled.contains("dataprep_DataPrep"))
    #expect(locator.searchFolders.last == bundled)
    for name in ["o200k_base", "cl100k_base"] {
      #expect(try locator.locate(name) == "\(bundled)/\(name).tiktoken.gz")
    }
    #expect(FileManager.default.fileExists(atPath: "\(bundled)/NOTICE.md"))
  }

  @Test func theBundledTokenizersCountExactly() throws {
    let locator = Self.freshLocator()
    let o200k = try locator.load("o200k_base")
    let cl100k = try locator.load("cl100k_base")
    #expect(o200k.name == "o200k_base")
    #expect(cl100k.name == "cl100k_base")
    for reference in Self.references {
      #expect(o200k.encode(reference.text) == reference.o200k)
      #expect(o200k.count(reference.text) == reference.o200k.count)
      if let ids = reference.cl100k { #expect(cl100k.encode(reference.text) == ids) }
    }
    // The default selection is exact: no warning, the tokenizer's name, not an estimate.
    let selection = try TokenizerSelection.resolve(nil, fallback: .characterEstimate, locator: locator)
    #expect(selection.warning == nil)
    #expect(selection.counter.isEstimate == false)
    #expect(selection.counter.name == "o200k_base")
    #expect(selection.counter.count("hello world") == 2)
  }

  @Test func theBundledFilesMatchEveryReferenceVector() throws {
    guard let vectors = try TokenizerVectorTests.vectors() else { return }
    let locator = Self.freshLocator()
    for name in ["o200k_base", "cl100k_base"] {
      let tokenizer = try locator.load(name)
      let wrong = vectors.filter { tokenizer.encode($0.text) != $0.ids[name] ?? [] }
      #expect(wrong.isEmpty, "\(name): \(wrong.count) vectors differ, first at line \(wrong.first?.line ?? 0)")
    }
  }

  @Test func theEnvironmentVariableStillOverridesTheBundle() throws {
    let folder = TokenizerFixtures.folder()
    let installed = TokenizerFixtures.rankFile(in: folder, name: "o200k_base.tiktoken")
    let locator = TokenizerLocator(environment: ["DATAPREP_TOKENIZERS": folder.path], homeFolder: nil)
    #expect(locator.searchFolders.first == folder.path)
    #expect(try locator.locate("o200k_base") == installed.path)
    let tokenizer = try locator.load("o200k_base")
    #expect(tokenizer.table.count < 300)  // the small fixture, not the bundled 200k vocabulary
    // The names not installed there still come from the bundle.
    #expect(try locator.locate("cl100k_base").contains("dataprep_DataPrep"))
  }

  @Test func anExplicitTokenizerPathStillOverridesTheBundle() throws {
    let folder = TokenizerFixtures.folder()
    let file = TokenizerFixtures.rankFile(in: folder, name: "small.tiktoken")
    let selection = try TokenizerSelection.resolve(file.path, fallback: .characterEstimate, locator: Self.freshLocator())
    #expect((selection.tokenizer?.table.count ?? 0) < 300)
  }

  @Test func aMissingBundleIsAClearErrorOrTheEstimateNotACrash() throws {
    let locator = TokenizerLocator(
      environment: [:], executablePath: "/nonexistent/bin/dataprep", homeFolder: nil, includeBundled: false)
    #expect(!locator.searchFolders.contains { $0.contains("dataprep_DataPrep") })
    do {
      _ = try locator.locate("o200k_base")
      Issue.record("o200k_base was found with no bundle")
    } catch {
      guard case .notFound = error else {
        Issue.record("expected notFound, got \(error)")
        return
      }
      let message = error.errorDescription ?? ""
      #expect(message.contains("dataprep_DataPrep.resources"))
      #expect(message.contains("DATAPREP_TOKENIZERS"))
    }
    let selection = try TokenizerSelection.resolve(nil, fallback: .characterEstimate, locator: locator)
    #expect(selection.counter.isEstimate)
    #expect(selection.warning?.contains("dataprep_DataPrep.resources") == true)
  }

  @Test func aBundleBesideAnotherExecutableIsFound() throws {
    let folder = TokenizerFixtures.folder()
    let tokenizers = folder.appendingPathComponent("dataprep_DataPrep.resources/tokenizers")
    try FileManager.default.createDirectory(at: tokenizers, withIntermediateDirectories: true)
    _ = TokenizerFixtures.rankFile(in: tokenizers, name: "o200k_base.tiktoken")
    let found = TokenizerLocator.bundledFolder(executablePath: folder.appendingPathComponent("dataprep").path)
    #expect(found == tokenizers.path)
  }

  @Test func aRankFileIsParsedOncePerProcess() throws {
    let cache = TokenizerCache()
    let file = TokenizerFixtures.rankFile(in: TokenizerFixtures.folder(), name: "once.tiktoken")
    var loads = 0
    for _ in 0..<3 {
      let tokenizer = try cache.tokenizer(path: file.path, encoding: nil) { () throws(TokenizerError) in
        loads += 1
        return try Tokenizer(tiktokenFile: file.path)
      }
      #expect(tokenizer.table.count < 300)
    }
    #expect(loads == 1)
    // A failed load is not kept: the next call tries again.
    var failures = 0
    for _ in 0..<2 {
      #expect(throws: TokenizerError.self) {
        try cache.tokenizer(path: "/nonexistent.tiktoken", encoding: nil) { () throws(TokenizerError) in
          failures += 1
          throw TokenizerError.unreadable(path: "/nonexistent.tiktoken", reason: "no such file")
        }
      }
    }
    #expect(failures == 2)
  }
}
