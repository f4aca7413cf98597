import DataPrep
import Foundation

/// What `dataprep --version` prints: the version, and the commit a release archive was built
/// from (`scripts/release.sh` writes it into `COMMIT` in the resources folder beside the binary;
/// a build from source has none and says so).
enum VersionText {
  /// `0.1.0 (commit 0123abc...)`, or `0.1.0 (built from source)`.
  static let current: String = {
    let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() ?? URL(fileURLWithPath: CommandLine.arguments[0])
    let file = executable.deletingLastPathComponent().appendingPathComponent("dataprep_DataPrep.resources/COMMIT")
    guard let data = FileManager.default.contents(atPath: file.path),
      let commit = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !commit.isEmpty
    else { return "\(DataPrepVersion.current) (built from source)" }
    return "\(DataPrepVersion.current) (commit \(commit))"
  }()
}
