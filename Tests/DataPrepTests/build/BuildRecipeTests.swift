import Foundation
import Testing

@testable import DataPrep

@Suite struct BuildRecipeTests {
  @Test func parsesEveryKey() throws {
    let recipe = try BuildRecipe.parse(yaml: """
      sources: [a, b/]
      format: alpaca
      tasks: [faq, title]
      html_content: main-content
      split: {ratio: [0.8, 0.1, 0.1], seed: 42, group_by: metadata.task}
      dedup: {threshold: 0.7, ngram: 4}
      instruct: {min_chars: 10, max_chars: 5000, chunk_tokens: 256}
      leakage: {ngram: 8, threshold: 0.9}
      validate: {max_tokens: 2048, min_group_examples: 3}
      """, path: "r.yaml")
    #expect(recipe.sources == ["a", "b/"])
    #expect(recipe.format == .alpaca)
    #expect(recipe.tasks == [.faq, .title])
    #expect(recipe.htmlContent == .mainContent)
    #expect(recipe.ratios == [0.8, 0.1, 0.1])
    #expect(recipe.splitNames == ["train", "validation", "test"])
    #expect(recipe.seed == 42)
    #expect(recipe.groupBy == "metadata.task")
    #expect(recipe.dedupThreshold == 0.7 && recipe.dedupNGram == 4)
    #expect(recipe.minChars == 10 && recipe.maxChars == 5000 && recipe.chunkTokens == 256)
    #expect(recipe.leakNGram == 8 && recipe.leakThreshold == 0.9)
    #expect(recipe.maxTokens == 2048)
    let options = recipe.validationOptions()
    #expect(options.minGroupExamples == 3)
    #expect(options.maxTokens == 2048)
  }

  @Test func theValidateSectionIsDecodedByValidatesOwnReader() throws {
    let recipe = try BuildRecipe.parse(yaml: """
      validate:
        max_tokens: 1000
        min_group_examples: 4
        max_group_ratio: 20
        special_tokens: ["<sep>"]
        rules: {duplicate: warning, role-order: off}
      """, path: "r.yaml")
    var config = ValidationOptions()
    try config.apply(yaml: """
      min_group_examples: 4
      max_group_ratio: 20
      special_tokens: ["<sep>"]
      rules: {duplicate: warning, role-order: off}
      """, path: "c.yaml")
    config.maxTokens = 1000
    // Build's pii check looks for what its redact stage replaces (docs/build.md).
    config.piiKinds = [.secret, .email, .phone]
    #expect(recipe.validationOptions() == config)
    // The section as written stays in the settings (keys sorted), max_tokens apart.
    #expect(recipe.validate.map(\.key) == ["max_group_ratio", "min_group_examples", "rules", "special_tokens"])
  }

  @Test func aBadValidateKeyNamesTheRecipeAndTheKey() {
    #expect(throws: BuildError.badRecipe(path: "r.yaml", reason: "validate: " + (ValidationConfigError.unknownKey(path: "r.yaml", key: "max_tokenz").errorDescription ?? ""))) {
      try BuildRecipe.parse(yaml: "validate: {max_tokenz: 3}", path: "r.yaml")
    }
    #expect(throws: BuildError.self) { try BuildRecipe.parse(yaml: "validate: {min_group_examples: lots}", path: "r.yaml") }
    #expect(throws: BuildError.self) { try BuildRecipe.parse(yaml: "validate: {rules: {duplicate: fatal}}", path: "r.yaml") }
    #expect(throws: BuildError.badRecipeValue(path: "r.yaml", key: "validate", expected: "a mapping of validate settings")) {
      try BuildRecipe.parse(yaml: "validate: [1, 2]", path: "r.yaml")
    }
  }

  @Test func aRecipeFileIsReadThenParsed() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    let path = try scratch.write("dataprep.yaml", "sources: [docs]\nsplit: {seed: 3}\n")
    #expect(try BuildRecipe.load(path: path) == BuildRecipe.parse(yaml: "sources: [docs]\nsplit: {seed: 3}\n", path: path))
    #expect(throws: BuildError.self) { try BuildRecipe.load(path: scratch.root + "/missing.yaml") }
    do {
      _ = try BuildRecipe.load(path: scratch.root + "/missing.yaml")
    } catch {
      guard case .badRecipe(let named, let reason) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(named == scratch.root + "/missing.yaml" && reason.hasPrefix("cannot read: "))
    }
  }

  @Test func ratioForms() throws {
    #expect(try BuildRecipe.parse(yaml: "split: {ratio: 0.9}", path: "r").ratios.count == 2)
    #expect(try BuildRecipe.parse(yaml: "split: {ratio: \"0.8,0.1,0.1\"}", path: "r").ratios == [0.8, 0.1, 0.1])
    #expect(throws: BuildError.self) { try BuildRecipe.parse(yaml: "split: {ratio: 1.5}", path: "r") }
    #expect(throws: BuildError.self) { try BuildRecipe.parse(yaml: "split: {ratio: [0.5, 0.2]}", path: "r") }
  }

  @Test func emptyRecipeIsTheDefaults() throws {
    #expect(try BuildRecipe.parse(yaml: "", path: "r") == BuildRecipe())
  }

  @Test func unknownKeysAreRefusedWithTheirName() {
    #expect(throws: BuildError.unknownRecipeKey(path: "r.yaml", key: "sed", known: BuildRecipe.topKeys)) {
      try BuildRecipe.parse(yaml: "sed: 3", path: "r.yaml")
    }
    #expect(throws: BuildError.unknownRecipeKey(path: "r.yaml", key: "split.sede", known: ["ratio", "seed", "group_by"])) {
      try BuildRecipe.parse(yaml: "split: {sede: 3}", path: "r.yaml")
    }
  }

  @Test func badValuesNameTheKey() {
    #expect(throws: BuildError.badRecipeValue(path: "r", key: "split.seed", expected: "a whole number")) {
      try BuildRecipe.parse(yaml: "split: {seed: abc}", path: "r")
    }
    #expect(throws: BuildError.self) { try BuildRecipe.parse(yaml: "format: jsonl", path: "r") }
    #expect(throws: BuildError.self) { try BuildRecipe.parse(yaml: "tasks: [faq, poems]", path: "r") }
    #expect(throws: BuildError.self) { try BuildRecipe.parse(yaml: "dedup: {threshold: 2}", path: "r") }
    #expect(throws: BuildError.self) { try BuildRecipe.parse(yaml: "validate: {max_tokens: 0}", path: "r") }
    #expect(throws: BuildError.self) { try BuildRecipe.parse(yaml: "validate: {no_such_check: 1}", path: "r") }
    #expect(throws: BuildError.self) { try BuildRecipe.parse(yaml: "- a list", path: "r") }
    #expect(throws: BuildError.self) { try BuildRecipe.parse(yaml: "sources: [a\n", path: "r") }
  }

  @Test func starterRecipeParsesToTheDefaults() throws {
    let recipe = try BuildRecipe.parse(yaml: StarterRecipe.text(sources: ["docs", "my \"odd\" folder"]), path: "dataprep.yaml")
    #expect(recipe.sources == ["docs", "my \"odd\" folder"])
    var expected = BuildRecipe()
    expected.sources = recipe.sources
    expected.validate = recipe.validate
    #expect(recipe == expected)
    #expect(recipe.validationOptions().minGroupExamples == 10)
  }

  @Test func flagsOverrideTheRecipeFieldByField() throws {
    let recipe = try BuildRecipe.parse(yaml: "sources: [a]\nsplit: {seed: 5, ratio: 0.7}\nformat: alpaca", path: "r")
    var overrides = RecipeOverrides()
    overrides.seed = 9
    overrides.maxTokens = 100
    let applied = recipe.applying(overrides)
    #expect(applied.seed == 9)
    #expect(applied.maxTokens == 100)
    #expect(applied.sources == ["a"])
    #expect(applied.format == .alpaca)
    #expect(applied.ratios == recipe.ratios)
    overrides.sources = ["b", "c"]
    overrides.format = .shareGPT
    overrides.ratios = [0.5, 0.5]
    let again = recipe.applying(overrides)
    #expect(again.sources == ["b", "c"] && again.format == .shareGPT && again.ratios == [0.5, 0.5])
  }

  @Test func settingsLeaveOutTheSources() {
    var a = BuildRecipe()
    a.sources = ["x"]
    var b = BuildRecipe()
    b.sources = ["x", "y"]
    let writer = JSONWriter()
    #expect(writer.string(of: a.settingsJSON) == writer.string(of: b.settingsJSON))
    b.seed = 1
    #expect(writer.string(of: a.settingsJSON) != writer.string(of: b.settingsJSON))
  }
}
