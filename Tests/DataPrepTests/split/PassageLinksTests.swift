import Foundation
import Testing

@testable import DataPrep

/// Split's passage links read records as the leakage check does (parts normalised and hashed
/// into words with the shared similarity machinery), without the leakage stage's internals.
@Suite struct PassageLinksTests {
  static let passage = "the quick brown fox jumps over the lazy dog near the quiet river bank today"

  static func links(_ lines: [String]) throws -> PassageLinks {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: url) }
    try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    var options = SplitOptions()
    options.linkSharedPassages = true
    return try PassageLinks.find(input: url.path, options: options)
  }

  /// A prompt-completion record of `group` (texts without quotes or backslashes).
  static func record(_ group: String, prompt: String, completion: String) -> String {
    #"{"prompt":"\#(prompt)","completion":"\#(completion)","metadata":{"source_id":"\#(group)"}}"#
  }

  @Test func groupsSharingAPassageAreJoinedAndOthersAreNot() throws {
    let links = try Self.links([
      Self.record("a", prompt: "What happened?", completion: "Well, " + Self.passage + "."),
      Self.record("b", prompt: "Tell me.", completion: Self.passage + " and more"),
      Self.record("c", prompt: "Other?", completion: "nothing in common with the others at all here"),
    ])
    #expect(links.groups == 3)
    #expect(links.records == 3)
    #expect(links.linkedSets == 1)
    #expect(links.largestSet == 2)
    let a = XXH64.hash("a", seed: 0)
    let b = XXH64.hash("b", seed: 0)
    let c = XXH64.hash("c", seed: 0)
    #expect(links.set(of: b) == a)
    #expect(links.set(of: c) == c)
  }

  @Test func aPassageAcrossThePromptAndTheResponseLinksNothing() throws {
    let words = Self.passage.split(separator: " ")
    let head = words.prefix(7).joined(separator: " ")
    let tail = words.dropFirst(7).joined(separator: " ")
    let links = try Self.links([
      Self.record("a", prompt: head, completion: tail),
      Self.record("b", prompt: "Say it.", completion: Self.passage),
    ])
    #expect(links.linkedSets == 0)
    #expect(links.representative.isEmpty)
  }

  @Test func recordsWithoutTextCountButLinkNothing() throws {
    let links = try Self.links([
      #"{"metadata":{"source_id":"a"},"other":1}"#,
      Self.record("b", prompt: "Say it.", completion: Self.passage),
    ])
    #expect(links.records == 2)
    #expect(links.groups == 2)
    #expect(links.linkedSets == 0)
  }
}
