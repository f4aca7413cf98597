import CZlib
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A readable stream of bytes: a file, standard input (`-`), or a gzip file read transparently.
///
/// Wraps zlib's `gzread`, which passes plain files through unchanged, so `.gz` inputs need no
/// special handling by callers. Not `Sendable`: one reader per task.
public final class ByteSource {
  /// The path as the user gave it (`-` for standard input), used in error messages.
  public let path: String
  private var file: gzFile?

  /// Opens `path` for reading; `-` reads standard input.
  /// - Throws: ``InputError`` when the path is missing, a directory or unreadable.
  public init(path: String) throws(InputError) {
    self.path = path
    let fd: Int32
    if path == "-" {
      fd = dup(STDIN_FILENO)
    } else {
      var info = stat()
      if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
        throw .isDirectory(path: path)
      }
      fd = open(path, O_RDONLY | O_CLOEXEC)
    }
    guard fd >= 0 else {
      throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    guard let file = gzdopen(fd, "rb") else {
      close(fd)
      throw .cannotOpen(path: path, reason: "out of memory")
    }
    gzbuffer(file, 1 << 17)
    self.file = file
  }

  deinit {
    if let file { gzclose_r(file) }
  }

  /// Reads up to `buffer.count` bytes; returns 0 at the end of the input.
  /// - Throws: ``InputError/readFailed(path:reason:)`` on an I/O error or corrupt gzip data.
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
    guard let file, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    let n = gzread(file, base, UInt32(min(buffer.count, Int(Int32.max))))
    if n < 0 {
      var code: Int32 = 0
      let message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown error"
      if code == Z_ERRNO { throw .readFailed(path: path, reason: String(cString: strerror(errno))) }
      throw .readFailed(path: path, reason: "corrupt gzip data (\(message))")
    }
    if n == 0 {
      // zlib reports a truncated gzip stream only through gzerror after EOF.
      var code: Int32 = 0
      let message = gzerror(file, &code).map { String(cString: $0) } ?? ""
      if code != Z_OK && code != Z_STREAM_END {
        throw .readFailed(
          path: path, reason: "the gzip data is truncated (\(message.isEmpty ? "unexpected end of file" : message))")
      }
    }
    return Int(n)
  }

  /// Reads the whole input into memory. Use for single documents, never for datasets.
  public func readAll(limit: Int = Int(Int32.max)) throws(InputError) -> [UInt8] {
    var out: [UInt8] = []
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    defer { chunk.deallocate() }
    while true {
      let n = try read(into: chunk)
      if n == 0 { break }
      out.append(contentsOf: chunk[0..<n])
      if out.count > limit {
        throw .readFailed(path: path, reason: "larger than the \(limit)-byte limit")
      }
    }
    return out
  }
}
