import DataPrepTestSupport
import Foundation
import Testing

@testable import DataPrep

@Suite struct ChatReplyCacheTests {
  @Test func aStoredReplyIsAHitMarkedFromCache() throws {
    let folder = try TemporaryDirectory()
    let cache = try ChatReplyCache(folder: folder.path("cache"))
    let request = ChatTestServer.request("a chunk")
    #expect(cache.reply(for: request) == nil)
    #expect(cache.lookup(request) == .miss)
    try cache.store(ChatReply(content: "{}", finishReason: "length", promptTokens: 3, completionTokens: 9), for: request)
    #expect(cache.reply(for: request) == ChatReply(content: "{}", finishReason: "length", promptTokens: 3, completionTokens: 9, fromCache: true))
  }

  @Test func entriesFanOutByTheirKeysFirstTwoDigits() throws {
    let folder = try TemporaryDirectory()
    let cache = try ChatReplyCache(folder: folder.path("cache"))
    let request = ChatTestServer.request("a chunk")
    try cache.store(ChatReply(content: "x"), for: request)
    let key = ChatReplyCache.key(for: request)
    #expect(key.count == 64)
    #expect(FileManager.default.fileExists(atPath: folder.path("cache/\(key.prefix(2))/\(key).json")))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("cache/\(key.prefix(2))")) == ["\(key).json"])
  }

  @Test func everyFieldOfTheRequestIsPartOfTheKey() {
    let base = ChatRequest(model: "m", messages: [ChatMessage(role: "user", content: "hi")])
    var variants: [ChatRequest] = [base]
    var changed = base
    changed.model = "n"
    variants.append(changed)
    changed = base
    changed.messages[0].role = "system"
    variants.append(changed)
    changed = base
    changed.messages[0].content = "hi "
    variants.append(changed)
    changed = base
    changed.messages.append(ChatMessage(role: "user", content: ""))
    variants.append(changed)
    changed = base
    changed.temperature = 0.5
    variants.append(changed)
    changed = base
    changed.maxTokens = 10
    variants.append(changed)
    changed = base
    changed.wantsJSON = true
    variants.append(changed)
    changed = base
    changed.attempt = 1
    variants.append(changed)
    #expect(Set(variants.map(ChatReplyCache.key(for:))).count == variants.count)
    #expect(ChatReplyCache.key(for: base) == ChatReplyCache.key(for: ChatRequest(model: "m", messages: [ChatMessage(role: "user", content: "hi")])))
  }

  @Test func theKeyLeavesOutTheAPIKeyAndTheHostAndNoFileHoldsTheKey() async throws {
    let folder = try TemporaryDirectory()
    let cache = try ChatReplyCache(folder: folder.path("cache"))
    let first = try ChatTestServer()
    defer { first.stop() }
    let second = try ChatTestServer()
    defer { second.stop() }
    let request = ChatTestServer.request("same chunk")
    let sent = try await first.client(apiKey: "sk-first-SECRET", cache: cache).complete(request)
    let again = try await second.client(apiKey: "sk-second-SECRET", cache: cache).complete(request)
    #expect(!sent.fromCache)
    #expect(again.fromCache)
    #expect(again.content == sent.content)
    #expect(second.received.isEmpty)
    let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path("cache"))
    for file in files where file.hasSuffix(".json") {
      let text = try String(contentsOfFile: folder.path("cache/\(file)"), encoding: .utf8)
      #expect(!text.contains("SECRET"))
      #expect(!text.contains("127.0.0.1"))
    }
  }

  @Test(arguments: ["", "{\"format\":", "[1,2]", "{\"format\":\"dataprep-chat-cache-1\",\"key\":\"0\"}", "\u{FF}\u{FE}"])
  func aCorruptEntryIsAMissThatTheNextReplyOverwrites(junk: String) async throws {
    let folder = try TemporaryDirectory()
    let cache = try ChatReplyCache(folder: folder.path("cache"))
    let server = try ChatTestServer()
    defer { server.stop() }
    let request = ChatTestServer.request("chunk")
    let key = ChatReplyCache.key(for: request)
    try FileManager.default.createDirectory(atPath: folder.path("cache/\(key.prefix(2))"), withIntermediateDirectories: true)
    let path = try folder.write("cache/\(key.prefix(2))/\(key).json", junk)
    guard case .corrupt(let reported, _) = cache.lookup(request) else {
      Issue.record("a corrupt entry must be reported")
      return
    }
    #expect(reported == path)
    let client = try server.client(cache: cache)
    let reply = try await client.complete(request)
    #expect(!reply.fromCache)
    #expect(client.budget.usage.corruptCacheEntries == 1)
    #expect(server.received.count == 1)
    #expect(cache.reply(for: request)?.content == reply.content)
  }

  @Test func anEntryForAnotherRequestIsCorruptNotAHit() throws {
    let folder = try TemporaryDirectory()
    let cache = try ChatReplyCache(folder: folder.path("cache"))
    let one = ChatTestServer.request("one")
    let other = ChatTestServer.request("other")
    try cache.store(ChatReply(content: "for one"), for: one)
    let oneKey = ChatReplyCache.key(for: one)
    let otherKey = ChatReplyCache.key(for: other)
    try FileManager.default.createDirectory(atPath: folder.path("cache/\(otherKey.prefix(2))"), withIntermediateDirectories: true)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.path("cache/\(oneKey.prefix(2))/\(oneKey).json")))
    let moved = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: oneKey, with: otherKey)
    try folder.write("cache/\(otherKey.prefix(2))/\(otherKey).json", moved)
    guard case .corrupt = cache.lookup(other) else {
      Issue.record("an entry for another request must not be a hit")
      return
    }
  }

  @Test func concurrentWritersOfTheSameKeyLeaveOneWholeEntry() async throws {
    let folder = try TemporaryDirectory()
    let cache = try ChatReplyCache(folder: folder.path("cache"))
    let request = ChatTestServer.request("contended")
    let reply = ChatReply(content: String(repeating: "long reply ", count: 20_000), promptTokens: 5, completionTokens: 40_000)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<32 {
        group.addTask { try cache.store(reply, for: request) }
      }
      try await group.waitForAll()
    }
    var expected = reply
    expected.fromCache = true
    #expect(cache.reply(for: request) == expected)
    let key = ChatReplyCache.key(for: request)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("cache/\(key.prefix(2))")) == ["\(key).json"])
  }

  @Test func anUnwritableFolderIsAClearError() throws {
    #expect(throws: ChatError.self) {
      try ChatReplyCache(folder: "/proc/self/no-such-cache")
    }
    let folder = try TemporaryDirectory()
    try folder.write("file", "not a folder")
    let cache = try ChatReplyCache(folder: folder.path("cache"))
    let request = ChatTestServer.request("x")
    let key = ChatReplyCache.key(for: request)
    try folder.write("cache/\(key.prefix(2))", "a file where the fan-out folder goes")
    #expect {
      try cache.store(ChatReply(content: "x"), for: request)
    } throws: { error in
      guard case .cacheUnwritable(let path, _)? = error as? ChatError else { return false }
      return path.hasSuffix("\(key).json")
    }
  }
}
