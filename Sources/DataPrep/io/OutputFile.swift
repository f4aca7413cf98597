import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An output written atomically: bytes go to a temporary file beside the target, which is
/// renamed over it only by ``commit()``. Until then, the previous file (if any) is untouched
/// and no half-written file exists under the final name. `-` writes to standard output.
///
/// Not `Sendable`: one writer per output.
public final class OutputFile {
  /// The final path as given (`-` for standard output).
  public let path: String
  private let temporaryPath: String?
  private var fd: Int32
  private var buffer: [UInt8] = []
  private var committed = false
  /// Whether `fd` was opened here for a device or pipe and is closed by ``commit()``/deinit.
  private var ownsDescriptor = false
  private let flushThreshold = 1 << 20

  /// Opens an output at `path`; `-` is standard output.
  /// - Throws: ``OutputError/cannotCreate(path:reason:)`` when the folder is missing or not writable.
  public init(path: String) throws(OutputError) {
    self.path = path
    buffer.reserveCapacity(flushThreshold + 4096)
    if path == "-" {
      temporaryPath = nil
      fd = STDOUT_FILENO
      return
    }
    var existing = stat()
    if stat(path, &existing) == 0, (existing.st_mode & S_IFMT) != S_IFREG, (existing.st_mode & S_IFMT) != S_IFDIR {
      // A device or pipe (`-o /dev/null`, a FIFO): write to it directly. Renaming a temporary
      // file over it would replace the device itself with a regular file.
      let descriptor = open(path, O_WRONLY | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
      }
      temporaryPath = nil
      fd = descriptor
      ownsDescriptor = true
      return
    }
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    var template = Array("\(directory)/.\(url.lastPathComponent).tmp-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard descriptor >= 0 else {
      throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
    }
    fchmod(descriptor, 0o644)
    fd = descriptor
    let created = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    temporaryPath = created
    TemporaryFiles.shared.register(created)
  }

  deinit {
    if ownsDescriptor && !committed { close(fd) }
    if !committed, let temporaryPath {
      close(fd)
      unlink(temporaryPath)
      TemporaryFiles.shared.unregister(temporaryPath)
    }
  }

  /// Appends bytes to the output.
  public func write(_ bytes: some Sequence<UInt8>) throws(OutputError) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= flushThreshold { try flush() }
  }

  /// Lets `body` append bytes straight into the output buffer (no intermediate copy).
  func append(_ body: (inout [UInt8]) -> Void) throws(OutputError) {
    body(&buffer)
    if buffer.count >= flushThreshold { try flush() }
  }

  /// Appends a string's UTF-8 bytes to the output.
  public func write(_ string: String) throws(OutputError) {
    try write(string.utf8)
  }

  /// Writes buffered bytes through to the file (not yet renamed).
  public func flush() throws(OutputError) {
    var offset = 0
    while offset < buffer.count {
      let n = buffer.withUnsafeBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return Glibc.write(fd, base + offset, raw.count - offset)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
      }
      offset += n
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, syncs and renames the temporary file onto the final path.
  ///
  /// Every step is checked: a file system may report a full disk only at `fsync` or `close`
  /// (delayed allocation, network file systems), so a failure there is a failed write too, and
  /// the temporary file is removed with the previous output left in place.
  /// - Throws: ``OutputError/writeFailed(path:reason:)``.
  public func commit() throws(OutputError) {
    try flush()
    guard let temporaryPath else {
      committed = true
      if ownsDescriptor && close(fd) != 0 && errno != EINTR {
        throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
      }
      return
    }
    if fsync(fd) != 0 && errno != EINVAL {
      throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
    }
    // Linux releases the descriptor even when close fails, and EINTR does not lose data.
    let closed = close(fd)
    let closeError = errno
    committed = true
    TemporaryFiles.shared.unregister(temporaryPath)
    if closed != 0 && closeError != EINTR {
      unlink(temporaryPath)
      throw .writeFailed(path: path, reason: String(cString: strerror(closeError)))
    }
    if rename(temporaryPath, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporaryPath)
      throw .writeFailed(path: path, reason: reason)
    }
  }
}
