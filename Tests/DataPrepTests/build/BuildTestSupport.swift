import Foundation

@testable import DataPrep

/// A recipe over `sources` with the defaults, small thresholds so tiny test sets validate.
func testRecipe(_ sources: [String], ratios: [Double] = [0.8, 0.2], seed: UInt64 = 7) -> BuildRecipe {
  var recipe = BuildRecipe()
  recipe.sources = sources
  recipe.ratios = ratios
  recipe.seed = seed
  return recipe
}
