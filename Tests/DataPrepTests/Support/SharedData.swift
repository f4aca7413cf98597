import Foundation

/// Locates `../shared` (the project's shared data: extraction set, tokenizers, JSON Schema
/// suite) from the package root, so tests can read it without copying it into the project.
enum SharedData {
  /// The package root (the folder holding Package.swift).
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  /// `../shared` beside the package root, or `nil` when absent (tests then skip with a message).
  static let root: URL? = {
    let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }()

  /// A path inside `../shared`, or `nil` when it is absent.
  static func url(_ relative: String) -> URL? {
    guard let root else { return nil }
    let url = root.appendingPathComponent(relative)
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  /// The message a test prints when it skips for lack of `../shared`.
  static let skipMessage = "../shared is absent: skipping (it holds the shared benchmark data)"
}
