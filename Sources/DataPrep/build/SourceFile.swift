import Foundation

/// One file under the build's sources, as listed in the manifest.
struct SourceFile: Sendable, Equatable {
  /// The path: a source as given, or a file under a source folder joined to it.
  var path: String
  /// Size in bytes.
  var bytes: Int
  /// Lower-case hex SHA-256.
  var sha256: String

  /// Every file under `sources`, in the order `extract` reads them (``InputFiles``: folders
  /// walked recursively in byte order of the names, hidden files and links to folders passed
  /// over), with its digest. The manifest lists all of them, including files `extract` skips
  /// by extension, so a changed byte anywhere shows.
  /// - Throws: ``BuildError/missingSource(path:)``, ``InputError`` when a file cannot be read.
  static func list(_ sources: [String]) throws -> [SourceFile] {
    for source in sources where !FileManager.default.fileExists(atPath: source) {
      throw BuildError.missingSource(path: source)
    }
    // A folder that cannot be listed gives no file here; extract reports it. A link to nothing
    // (Debian's doc packages link their JavaScript to other packages) is not a source file.
    let entries = InputFiles(paths: sources, includingIgnored: true).entries.filter { entry in
      entry.failure == nil && FileManager.default.fileExists(atPath: entry.path)
    }
    return try entries.map { entry in
      let digest = try FileDigest(path: entry.path)
      return SourceFile(path: entry.path, bytes: digest.bytes, sha256: digest.sha256)
    }
  }

  /// `{path, bytes, sha256}`.
  var json: JSONValue {
    ["path": .string(path), "bytes": .integer(Int64(bytes)), "sha256": .string(sha256)]
  }
}
