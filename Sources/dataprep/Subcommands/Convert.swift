import ArgumentParser
import DataPrep

extension DataPrepCommand {
  /// `dataprep convert` (not built yet).
  struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Not available yet.",
      shouldDisplay: false
    )

    func run() throws {
      throw ValidationError("'dataprep convert' is not available yet")
    }
  }
}
