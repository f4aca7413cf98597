import Foundation

/// Why a split could not run.
public enum SplitError: Error, Sendable, Equatable, LocalizedError {
  /// An option value is unusable.
  case badOption(String)
  /// An output file exists and `--force` was not given.
  case outputExists(path: String)
  /// The output folder could not be created.
  case cannotCreateFolder(path: String, reason: String)
  /// A record has no group key and no text to group it by.
  case noText(path: String, line: Int)
  /// The mode needs two passes over the input, which standard input cannot give.
  case needsFile(String)
  /// A split would get no records (of `records` in the input) and `--allow-empty` was not given.
  case emptySplit(name: String, records: Int)

  /// A message naming the file and line, or the option.
  public var errorDescription: String? {
    switch self {
    case .badOption(let message): return message
    case .outputExists(let path): return "\(path) exists; use --force to replace it"
    case .cannotCreateFolder(let path, let reason): return "\(path): cannot create folder: \(reason)"
    case .noText(let path, let line):
      return "\(path):\(line): record has no group key and no text to group it by; use --group-by PATH or --field PATH"
    case .needsFile(let mode): return "\(mode) reads the input twice: give a file, not standard input"
    case .emptySplit(let name, let records):
      return "\(name) would get none of the \(records) record(s): change --ratio (or --seed), "
        + "or pass --allow-empty to write an empty \(name).jsonl"
    }
  }
}
