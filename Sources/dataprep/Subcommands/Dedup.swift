import ArgumentParser
import DataPrep

extension DataPrepCommand {
  /// `dataprep dedup` (not built yet).
  struct Dedup: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Not available yet.",
      shouldDisplay: false
    )

    func run() throws {
      throw ValidationError("'dataprep dedup' is not available yet")
    }
  }
}
