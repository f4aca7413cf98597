import Foundation

/// A fresh directory under the system temporary folder, removed when the value is released.
package final class TemporaryDirectory {
  package let url: URL

  package init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("dataprep-io-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// The path of `name` inside the directory.
  package func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Writes `bytes` to `name` and returns its path.
  @discardableResult
  package func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let path = path(name)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Writes `text` to `name` and returns its path.
  @discardableResult
  package func write(_ name: String, _ text: String) throws -> String {
    try write(name, Array(text.utf8))
  }

  /// The names of the files in the directory, sorted.
  package func listing() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
  }

  /// Compresses `name` with /bin/gzip into `name.gz` and returns that path.
  package func gzip(_ name: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-k", "-f", path(name)]
    try process.run()
    process.waitUntilExit()
    return path(name + ".gz")
  }

  /// Writes `text` to `name`, compresses it with /bin/gzip and returns the `.gz` bytes.
  package func gzipped(_ text: String, name: String) throws -> [UInt8] {
    try write(name, text)
    return try [UInt8](Data(contentsOf: URL(fileURLWithPath: gzip(name))))
  }
}
