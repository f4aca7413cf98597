import Foundation

/// Why an output could not be written; each case names the output.
public enum OutputError: Error, Sendable, Equatable, OptionNamingError {
  /// The temporary file beside the output could not be created.
  case cannotCreate(path: String, reason: String)
  /// Writing failed (disk full, I/O error); the previous output, if any, is left intact.
  case writeFailed(path: String, reason: String)
  /// The output path is also an input, which would destroy the input.
  case sameAsInput(path: String)
  /// The output exists and replacing it was not asked for.
  case exists(path: String)

  /// A message naming the path and what to do.
  public func message(naming name: (OptionName) -> String) -> String {
    switch self {
    case .cannotCreate(let path, let reason): return "\(path): cannot create output: \(reason)"
    case .writeFailed(let path, let reason):
      if path == "-" { return "standard output: write failed: \(reason)" }
      return "\(path): write failed: \(reason); the previous file, if any, is unchanged"
    case .sameAsInput(let path):
      return "\(path): the output is also an input; choose another output path"
    case .exists(let path): return "\(path): already exists; pass \(name(.force)) to overwrite it"
    }
  }
}
