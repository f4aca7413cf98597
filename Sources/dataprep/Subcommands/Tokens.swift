import ArgumentParser
import DataPrep

extension DataPrepCommand {
  /// `dataprep tokens` (not built yet).
  struct Tokens: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Not available yet.",
      shouldDisplay: false
    )

    func run() throws {
      throw ValidationError("'dataprep tokens' is not available yet")
    }
  }
}
