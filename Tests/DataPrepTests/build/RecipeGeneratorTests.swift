import Foundation
import Testing

@testable import DataPrep

/// The recipe's `generator:` section: its keys, its bad values, and a build that uses it.
@Suite struct RecipeGeneratorTests {
  @Test func parsesEveryKeyOfTheGeneratorSection() throws {
    let recipe = try BuildRecipe.parse(yaml: """
      generator:
        kind: openai-compatible
        base_url: http://127.0.0.1:11434/v1
        model: llama3.1:8b
        api_key_env: MY_KEY
        concurrency: 8
        tasks: [qa, rewrite]
        questions_per_chunk: 2
        min_grounding: 0.7
        max_requests: 500
        max_tokens_total: 100000
        timeout: 30
        cache: cache/chat
      """, path: "r.yaml")
    let section = try #require(recipe.generator)
    #expect(section.baseURL == "http://127.0.0.1:11434/v1" && section.model == "llama3.1:8b" && section.apiKeyEnv == "MY_KEY")
    #expect(section.concurrency == 8 && section.tasks == [.qa, .rewrite] && section.questionsPerChunk == 2)
    #expect(section.minGrounding == 0.7 && section.maxRequests == 500 && section.maxTokensTotal == 100_000)
    #expect(section.timeout == 30 && section.cache == "cache/chat")
    let options = section.generatorOptions
    #expect(options.model == "llama3.1:8b" && options.tasks == [.qa, .rewrite] && options.concurrency == 8)
    #expect(recipe.settingsJSON["generator"]?["model"]?.stringValue == "llama3.1:8b")
    #expect(try BuildRecipe.parse(yaml: "format: alpaca\n", path: "r.yaml").settingsJSON["generator"] == nil)
  }

  @Test func badGeneratorValuesNameTheKey() {
    let base = "  kind: openai-compatible\n  base_url: http://127.0.0.1:8000/v1\n  model: m\n"
    let cases: [(String, String)] = [
      ("generator:\n  base_url: http://x/v1\n  model: m\n", "generator.kind"),
      ("generator:\n  kind: anthropic\n  base_url: http://x/v1\n  model: m\n", "generator.kind"),
      ("generator:\n  kind: openai-compatible\n  model: m\n", "generator.base_url"),
      ("generator:\n  kind: openai-compatible\n  base_url: ftp://x\n  model: m\n", "generator.base_url"),
      ("generator:\n  kind: openai-compatible\n  base_url: http://x/v1\n", "generator.model"),
      ("generator:\n" + base + "  concurrency: 0\n", "generator.concurrency"),
      ("generator:\n" + base + "  tasks: [qa, essays]\n", "generator.tasks"),
      ("generator:\n" + base + "  min_grounding: 2\n", "generator.min_grounding"),
      ("generator:\n" + base + "  questions_per_chunk: none\n", "generator.questions_per_chunk"),
      ("generator:\n" + base + "  api_key: sk-123\n", "generator.api_key"),
      ("generator:\n" + base + "  api_key_env: KEY=sk-123\n", "generator.api_key_env"),
      ("generator: [qa]\n", "generator"),
    ]
    for (yaml, key) in cases {
      do {
        _ = try BuildRecipe.parse(yaml: yaml, path: "r.yaml")
        Issue.record("accepted: \(yaml)")
      } catch {
        let message = error.message(naming: { $0.rawValue })
        #expect(message.contains("r.yaml") && message.contains("'\(key)'"), "\(message)")
      }
    }
  }

  @Test func aBuildWithAGeneratorSectionAddsModelExamplesAndReportsTheCalls() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.writeDocuments(6, prefix: "gen", seed: 5)
    var recipe = testRecipe([scratch.sources])
    recipe.groupBy = "messages"
    recipe.generator = RecipeGenerator(baseURL: "http://127.0.0.1:9/v1", model: "stand-in")
    var pipeline = BuildPipeline(recipe: recipe, output: scratch.root + "/ds")
    let client = ScriptedChatClient()
    pipeline.chatClient = { _ in client }
    let result = try pipeline.run()
    let model = try #require(result.instruct.model)
    #expect(model.calls > 0 && model.calls == client.requests.count)
    #expect(result.instruct.written.contains { $0.task == "qa" && $0.count > 0 })
    let report = try JSONParser().parse(scratch.read(scratch.root + "/ds/report.json"))
    #expect(report["stages"]?["generator"]?["calls"]?.integerValue == Int64(model.calls))
    #expect(try scratch.read(scratch.root + "/ds/README.md").contains("| generator | model stand-in: \(model.calls) calls"))

    var unwired = BuildPipeline(recipe: recipe, output: scratch.root + "/ds2")
    unwired.chatClient = nil
    #expect(throws: BuildError.self) { try unwired.run() }
  }
}
