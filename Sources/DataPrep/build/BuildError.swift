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
  /// An incremental build read sources that changed since the build in the output folder: their
  /// earlier examples would stay beside the new ones (two answers to one question).
  case sourcesEditedSinceBuild(path: String, changed: [String])
  /// The output folder is inside a source folder (its files would be read back as sources).
  case outputInsideSources(output: String, source: String)
  /// `dataprep init` would overwrite a recipe.
  case recipeExists(path: String)
  /// The output folder could not be written.
  case cannotWrite(path: String, reason: String)
  /// A build plan (`plan.json`, a step's saved state) is missing, damaged or of another version.
  case badPlan(path: String, reason: String)
  /// The sources changed after the plan was written, so the steps would not agree.
  case sourcesChanged(plan: String, reason: String)
  /// A step was run as a shard it does not take (a single-task step as a shard of several, a
  /// sharded step with another count than the plan's).
  case wrongShard(step: String, shard: String, expected: String)
  /// A step ran before the step it needs had finished.
  case stepNotReady(step: String, reason: String)
  /// A path of a Kubernetes plan lies outside the volume the pods mount.
  case outsideVolume(path: String, mountPath: String)
  /// The recipe's redact mode is pseudonym and the variable it names for the key is unset.
  case missingRedactKey(variable: String)

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
    case .sourcesEditedSinceBuild(let path, let changed):
      let shown = changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? " and \(changed.count - 3) more" : "")
      return "\(path): \(changed.count) source file\(changed.count == 1 ? "" : "s") changed since it was built (\(shown)); "
        + "an incremental build only adds examples, so their earlier examples would stay beside the new ones: use \(name(.force)) to rebuild from scratch"
    case .outputInsideSources(let output, let source):
      return "\(output) is inside the source folder \(source): its files would be read as sources next time; write the dataset elsewhere"
    case .recipeExists(let path): return "\(path) already exists; use \(name(.force)) to replace it"
    case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
    case .badPlan(let path, let reason):
      return "\(path): \(reason); write the plan again (dataprep build ... --executor slurm|kubernetes)"
    case .sourcesChanged(let plan, let reason):
      return "\(plan): the sources changed after the plan was written (\(reason)); write the plan again"
    case .wrongShard(let step, let shard, let expected):
      return "step \(step) cannot run as shard \(shard): \(expected)"
    case .stepNotReady(let step, let reason):
      return "step \(step) cannot run yet: \(reason)"
    case .outsideVolume(let path, let mountPath):
      return "\(path) is not under \(mountPath), the path where the pods mount the shared volume; give paths under it or another mount path (--mount-path)"
    case .missingRedactKey(let variable):
      return "redact's mode pseudonym needs its key in the environment variable \(variable) (the recipe's redact.key_env): set it where the build (every extract task of a plan) runs, and keep it secret: it links stand-ins to values"
    }
  }
}
