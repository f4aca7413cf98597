import ArgumentParser
import DataPrep

extension DataPrepCommand {
  /// `dataprep instruct` (not built yet).
  struct Instruct: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Not available yet.",
      shouldDisplay: false
    )

    func run() throws {
      throw ValidationError("'dataprep instruct' is not available yet")
    }
  }
}
