import ArgumentParser
import DataPrep
import Foundation

/// The one way the CLI reads a comma-separated flag value (`--tasks faq,title`, `--checks`,
/// `--include`): items trimmed of spaces, empty items left out.
enum CommaList {
  /// The items of `text`.
  static func items(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// The instruct tasks named in `text` (`--tasks` of build and instruct).
  static func tasks(_ text: String) throws -> [InstructTask] {
    try items(text).map { name in
      guard let task = InstructTask(rawValue: name) else {
        throw ValidationError("unknown task '\(name)' (\(InstructTask.names.joined(separator: ", ")))")
      }
      return task
    }
  }
}
