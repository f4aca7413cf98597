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
  ///
  /// Only regular files are read by name: a named pipe (FIFO), socket or device would block the
  /// run or never end, so it is refused unless it is an already-open descriptor (`-`,
  /// `/dev/stdin`, `/dev/fd/N` as shells give for `<(command)`) or `/dev/null`.
  /// `fileSystemPath`, when given, is the name to open as bytes (a name that is not UTF-8, which
  /// `path` can only show escaped).
  /// - Throws: ``InputError`` when the path is missing, a directory, not a regular file or unreadable.
  public init(path: String, fileSystemPath: [UInt8]? = nil) throws(InputError) {
    self.path = path
    let fd: Int32
    if path == "-" {
      fd = dup(STDIN_FILENO)
    } else {
      // O_NONBLOCK so that opening a FIFO with no writer cannot hang; cleared below.
      if let fileSystemPath {
        fd = open(fileSystemPath.map { CChar(bitPattern: $0) } + [0], O_RDONLY | O_CLOEXEC | O_NONBLOCK)
      } else {
        fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
      }
    }
    guard fd >= 0 else {
      throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    if path != "-" {
      var info = stat()
      guard fstat(fd, &info) == 0 else {
        let reason = String(cString: strerror(errno))
        close(fd)
        throw .cannotOpen(path: path, reason: reason)
      }
      let kind = info.st_mode & S_IFMT
      if kind == S_IFDIR {
        close(fd)
        throw .isDirectory(path: path)
      }
      if kind != S_IFREG && !Self.namesOpenDescriptor(path) {
        close(fd)
        throw .cannotOpen(
          path: path,
          reason: "\(Self.describe(kind)), not a regular file; to read it, pass `-` and redirect it to standard input")
      }
      let flags = fcntl(fd, F_GETFL)
      if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
      if kind == S_IFREG { openedState = FileState(info) }
    }
    self.fd = fd
    guard let file = gzdopen(fd, "rb") else {
      close(fd)
      throw .cannotOpen(path: path, reason: "out of memory")
    }
    gzbuffer(file, 1 << 17)
    self.file = file
  }

  /// Size and modification time of a regular file, to notice it changing while it is read.
  private struct FileState: Equatable {
    var size: Int
    var seconds: Int
    var nanoseconds: Int

    init(_ info: stat) {
      size = Int(info.st_size)
      seconds = Int(info.st_mtim.tv_sec)
      nanoseconds = Int(info.st_mtim.tv_nsec)
    }
  }

  private var fd: Int32 = -1
  private var openedState: FileState?
  /// Whether the end of input was reached and the file compared with its state at open.
  private var endChecked = false

  /// Whether `path` names a descriptor the caller already opened (stdin, process substitution).
  private static func namesOpenDescriptor(_ path: String) -> Bool {
    path == "/dev/stdin" || path == "/dev/null" || path.hasPrefix("/dev/fd/") || path.hasPrefix("/proc/self/fd/")
  }

  private static func describe(_ kind: mode_t) -> String {
    switch kind {
    case S_IFIFO: return "a named pipe (FIFO)"
    case S_IFSOCK: return "a socket"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFLNK: return "a symbolic link"
    default: return "a special file"
    }
  }

  /// Throws when the file's size or modification time differ from when it was opened: it was
  /// being written (a download or copy in progress) and what was read may be incomplete.
  private func checkUnchanged() throws(InputError) {
    guard let openedState else { return }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return }
    let now = FileState(info)
    if now != openedState {
      throw .readFailed(
        path: path,
        reason: "the file changed while it was being read (size \(openedState.size) -> \(now.size) bytes); "
          + "run again once it is complete")
    }
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
      // Once, at the first end of input: a caller reading again after the end learns nothing
      // new about the bytes it was given.
      if !endChecked {
        endChecked = true
        try checkUnchanged()
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
