import ArgumentParser
import DataPrep

extension DataPrepCommand {
  /// `dataprep validate` (not built yet).
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Not available yet.",
      shouldDisplay: false
    )

    func run() throws {
      throw ValidationError("'dataprep validate' is not available yet")
    }
  }
}
