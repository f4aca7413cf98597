import ArgumentParser
import DataPrep

extension DataPrepCommand {
  /// `dataprep stats` (not built yet).
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Not available yet.",
      shouldDisplay: false
    )

    func run() throws {
      throw ValidationError("'dataprep stats' is not available yet")
    }
  }
}
