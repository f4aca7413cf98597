import Foundation

/// Why `dataprep build` could not run: each message names the file or key to fix.
public enum BuildError: Error, Sendable, Equatable, OptionNamingError {
  /// The recipe file is not readable YAML of the expected shape.
  case badRecipe(path: String, reason: String)
  /// A recipe key holds a value of the wrong kind.
  case badRecipeValue(path: String, key: String, expected: String)
  /// A recipe key that `build` does not know (a typo would otherwise be ignored).
  case unknownRecipeKey(path: String, key: String, known: [String])
  /// No sources were given on the command line or in the recipe.
  case noSources
  /// A source path does not exist.
  case missingSource(path: String)
  /// The output folder exists and is not a dataset this recipe built.
  case outputExists(path: String, reason: String)
  /// A file of the previous build was changed after it was written.
  case previousOutputChanged(path: String)
  /// The output folder is inside a source folder (its files would be read back as sources).
  case outputInsideSources(output: String, source: String)
  /// `dataprep init` would overwrite a recipe.
  case recipeExists(path: String)
  /// The output folder could not be written.
  case cannotWrite(path: String, reason: String)

  /// A message naming what to fix.
  public func message(naming name: (OptionName) -> String) -> String {
    switch self {
    case .badRecipe(let path, let reason): return "\(path): \(reason)"
    case .badRecipeValue(let path, let key, let expected): return "\(path): '\(key)' must be \(expected)"
    case .unknownRecipeKey(let path, let key, let known):
      return "\(path): unknown key '\(key)' (known here: \(known.joined(separator: ", ")))"
    case .noSources:
      return "no sources: give files or folders on the command line, or list them under 'sources:' in the recipe"
    case .missingSource(let path): return "\(path): no such file or folder"
    case .outputExists(let path, let reason):
      return "\(path): \(reason); use \(name(.force)) to rebuild it from scratch"
    case .previousOutputChanged(let path):
      return "\(path) differs from the digest in manifest.json (edited after the build?); use \(name(.force)) to rebuild from scratch"
    case .outputInsideSources(let output, let source):
      return "\(output) is inside the source folder \(source): its files would be read as sources next time; write the dataset elsewhere"
    case .recipeExists(let path): return "\(path) already exists; use \(name(.force)) to replace it"
    case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
    }
  }
}
