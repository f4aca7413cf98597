import Foundation
import Testing

/// Locates `../shared` (the project's shared data: extraction set, tokenizers, JSON Schema
/// suite) from the package root, so tests can read it without copying it into the project.
///
/// A test that needs it asks ``require(_:ci:fileID:filePath:line:column:)``: locally a missing file
/// skips the test with a message naming the path; under CI (`CI=true`, set by `.ci/run`) it is a
/// test failure, so a CI run without the data can never pass green.
package enum SharedData {
  /// The package root (the folder holding Package.swift).
  package static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  /// Where `../shared` is expected: beside the package root (`DATAPREP_TEST_SHARED` replaces
  /// it, to check what a run without the data does).
  package static let expectedRoot: URL = {
    if let path = ProcessInfo.processInfo.environment["DATAPREP_TEST_SHARED"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
  }()

  /// `../shared` beside the package root, or `nil` when absent.
  package static let root: URL? = {
    FileManager.default.fileExists(atPath: expectedRoot.path) ? expectedRoot : nil
  }()

  /// A path inside `../shared`, or `nil` when it is absent (no message: see ``require(_:ci:fileID:filePath:line:column:)``).
  package static func url(_ relative: String) -> URL? {
    guard let root else { return nil }
    let url = root.appendingPathComponent(relative)
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  /// True when the tests run under CI (`CI=true` or `CI=1`): missing test data is then a failure.
  package static var isCI: Bool {
    guard let value = ProcessInfo.processInfo.environment["CI"]?.lowercased() else { return false }
    return value == "true" || value == "1" || value == "yes"
  }

  /// The path inside `../shared`, or `nil` after reporting its absence: a recorded issue (a test
  /// failure) under CI, a printed skip message otherwise. Use as `guard let url = SharedData.require(...) else { return }`.
  package static func require(
    _ relative: String, ci: Bool = isCI, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line,
    column: Int = #column
  ) -> URL? {
    if let url = url(relative) { return url }
    let path = expectedRoot.appendingPathComponent(relative).path
    missing(
      "\(path) (../shared/\(relative)) is absent: it holds the shared test data", ci: ci,
      at: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    return nil
  }

  /// Reports that something a test needs is missing: under CI a recorded issue (the test fails),
  /// locally a printed "skipping" line. The one place that decides between the two.
  package static func missing(_ what: String, ci: Bool = isCI, at location: SourceLocation) {
    if ci {
      Issue.record("\(what) (CI=true: missing test data is a failure, not a skip)", sourceLocation: location)
    } else {
      print("\(what): skipping (CI=true would make this a failure)")
    }
  }
}
