import Foundation

/// The SHA-256 digest and size of a file's bytes as stored (a `.gz` is not decompressed),
/// read in 1 MB chunks so memory stays flat in file size.
struct FileDigest: Sendable, Equatable {
  /// Lower-case hex SHA-256.
  var sha256: String
  /// Size in bytes.
  var bytes: Int

  /// Digests the file at `path`.
  /// - Throws: ``InputError`` when it cannot be read.
  init(path: String) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw InputError.cannotOpen(path: path, reason: "permission denied or not a file")
    }
    defer { try? handle.close() }
    var hasher = SHA256Digest()
    var total = 0
    while true {
      let chunk: Data?
      do {
        chunk = try handle.read(upToCount: 1 << 20)
      } catch {
        throw InputError.readFailed(path: path, reason: error.localizedDescription)
      }
      guard let chunk, !chunk.isEmpty else { break }
      chunk.withUnsafeBytes { hasher.update($0) }
      total += chunk.count
    }
    sha256 = hasher.hexDigest()
    bytes = total
  }
}
