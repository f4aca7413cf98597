import Foundation

/// One file under the build's sources, as listed in the manifest.
public struct SourceFile: Sendable, Equatable {
  /// The path: a source as given, or a file under a source folder joined to it.
  public var path: String
  /// Size in bytes.
  public var bytes: Int
  /// Lower-case hex SHA-256 of the bytes.
  public var sha256: String

  /// Every regular file under `sources` (folders walked recursively, sorted by bytes, hidden files
  /// skipped), with its digest. The manifest lists all of them, including files `extract`
  /// skips by extension, so a changed byte anywhere shows.
  /// - Throws: ``BuildError/missingSource(path:)``, ``InputError`` when a file cannot be read.
  static func list(_ sources: [String]) throws -> [SourceFile] {
    var files: [SourceFile] = []
    let manager = FileManager.default
    for source in sources {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: source, isDirectory: &isDirectory) else { throw BuildError.missingSource(path: source) }
      if !isDirectory.boolValue {
        let digest = try FileDigest(path: source)
        files.append(SourceFile(path: source, bytes: digest.bytes, sha256: digest.sha256))
        continue
      }
      var paths: [String] = []
      // The walk follows a source given as a link to a folder (the enumerator would not).
      if let walker = manager.enumerator(atPath: URL(fileURLWithPath: source).resolvingSymlinksInPath().path) {
        for case let relative as String in walker {
          if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
          let full = source.hasSuffix("/") ? source + relative : source + "/" + relative
          var childIsDirectory: ObjCBool = false
          if manager.fileExists(atPath: full, isDirectory: &childIsDirectory), !childIsDirectory.boolValue {
            paths.append(full)
          }
        }
      }
      // Byte order of the UTF-8 paths, as `extract` reads folders: `String` comparison holds
      // a precomposed and a decomposed `ä` equal, which left their order to the file system.
      for path in paths.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
        let digest = try FileDigest(path: path)
        files.append(SourceFile(path: path, bytes: digest.bytes, sha256: digest.sha256))
      }
    }
    return files
  }

  /// `{path, bytes, sha256}`.
  var json: JSONValue {
    ["path": .string(path), "bytes": .integer(Int64(bytes)), "sha256": .string(sha256)]
  }
}
