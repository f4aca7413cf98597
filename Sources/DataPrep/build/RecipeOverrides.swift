/// Command-line values that replace the recipe's, field by field (`nil` keeps the recipe's).
public struct RecipeOverrides: Sendable, Equatable {
  /// Sources given on the command line (empty keeps the recipe's).
  public var sources: [String] = []
  /// `--format`.
  public var format: ExampleFormat?
  /// `--tasks`.
  public var tasks: [InstructTask]?
  /// `--ratio`.
  public var ratios: [Double]?
  /// `--seed`.
  public var seed: UInt64?
  /// `--group-by`.
  public var groupBy: String?
  /// `--max-tokens`.
  public var maxTokens: Int?
  /// `--dedup-threshold`.
  public var dedupThreshold: Double?

  /// No overrides.
  public init() {}
}

extension BuildRecipe {
  /// This recipe with `overrides` applied.
  public func applying(_ overrides: RecipeOverrides) -> BuildRecipe {
    var recipe = self
    if !overrides.sources.isEmpty { recipe.sources = overrides.sources }
    if let format = overrides.format { recipe.format = format }
    if let tasks = overrides.tasks { recipe.tasks = tasks }
    if let ratios = overrides.ratios { recipe.ratios = ratios }
    if let seed = overrides.seed { recipe.seed = seed }
    if let groupBy = overrides.groupBy { recipe.groupBy = groupBy }
    if let maxTokens = overrides.maxTokens { recipe.maxTokens = maxTokens }
    if let dedupThreshold = overrides.dedupThreshold { recipe.dedupThreshold = dedupThreshold }
    return recipe
  }
}
