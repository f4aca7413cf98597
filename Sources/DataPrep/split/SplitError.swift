import Foundation

/// Why a split could not run.
public enum SplitError: Error, Sendable, Equatable, OptionNamingError {
  /// The split shares are unusable: `problem` says how (`text` is what was given).
  case badRatio(text: String, problem: String)
  /// An output file exists and replacing it was not asked for.
  case outputExists(path: String)
  /// The output folder could not be created.
  case cannotCreateFolder(path: String, reason: String)
  /// A record has no group key and no text to group it by.
  case noText(path: String, line: Int)
  /// The mode (exact shares or stratification) needs two passes over the input, which standard
  /// input cannot give.
  case needsFile(OptionName)
  /// A split would get no records (of `records` in the input) and empty splits were not allowed.
  case emptySplit(name: String, records: Int)

  /// A message naming the file and line, or the setting.
  public func message(naming name: (OptionName) -> String) -> String {
    switch self {
    case .badRatio(let text, let problem): return "\(name(.ratio)): \(problem), got \(text)"
    case .outputExists(let path): return "\(path) exists; use \(name(.force)) to replace it"
    case .cannotCreateFolder(let path, let reason): return "\(path): cannot create folder: \(reason)"
    case .noText(let path, let line):
      return "\(path):\(line): record has no group key and no text to group it by; use \(name(.groupBy)) PATH or \(name(.field)) PATH"
    case .needsFile(let mode): return "\(name(mode)) reads the input twice: give a file, not standard input"
    case .emptySplit(let split, let records):
      return "\(split) would get none of the \(records) record(s): change \(name(.ratio)) (or \(name(.seed))), "
        + "or pass \(name(.allowEmpty)) to write an empty \(split).jsonl"
    }
  }
}
