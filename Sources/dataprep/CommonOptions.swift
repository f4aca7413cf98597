import ArgumentParser
import Foundation

/// Flags every command takes.
struct CommonOptions: ParsableArguments {
  @Option(name: .long, help: "Worker threads (default: the number of cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(name: .long, help: "Print no progress or summary on stderr.")
  var quiet = false

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
  }
}
