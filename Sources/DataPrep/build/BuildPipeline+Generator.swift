/// Which generator the build's instruct stage runs: the rule-based one, or with a recipe's
/// `generator:` section the model generator (whose examples follow each document's
/// rule-based ones).
extension BuildPipeline {
  /// The instruct stage's generator for `options`.
  /// - Throws: ``BuildError/badRecipe(path:reason:)`` when the recipe has a `generator:`
  ///   section and no chat client was given; ``ModelGeneratorError`` for a bad setting.
  func generator(options: InstructOptions) throws -> any InstructGenerator {
    guard let section = recipe.generator else { return Instructor(options: options) }
    guard let chatClient else {
      throw BuildError.badRecipe(path: "generator", reason: "this build has no chat client for the generator section")
    }
    let generatorOptions = section.generatorOptions
    try generatorOptions.check()
    return ModelInstructor(options: options, generator: generatorOptions, client: try chatClient(section))
  }

  /// Refuses a plan's instruct shards for a recipe with a `generator:` section: the model
  /// generator runs in one process (its reply cache makes a rerun free).
  func requireRuleGenerator() throws {
    if recipe.generator != nil {
      throw BuildError.badRecipe(
        path: "generator", reason: "a recipe with a generator section builds in one process only, not as a cluster plan")
    }
  }
}
