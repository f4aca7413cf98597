import CZlib
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A readable stream of bytes: a file, standard input (`-`), or a gzip file read transparently.
///
/// A file that starts with the gzip magic bytes is inflated with zlib (all its members, as
/// `gzip -d` does); any other file is passed through unchanged, so `.gz` inputs need no
/// special handling by callers. Damage is an error naming the file, never a silent short
/// read: a truncated stream, corrupt deflate data or a bad checksum, and bytes after a member
/// that are neither another member nor zero padding (what `gzip -t` calls trailing garbage).
/// Not `Sendable`: one reader per task.
package final class ByteSource {
  /// The path as the user gave it (`-` for standard input), used in error messages.
  package let path: String

  /// Opens `path` for reading; `-` reads standard input.
  ///
  /// Only regular files are read by name: a named pipe (FIFO), socket or device would block the
  /// run or never end, so it is refused unless it is an already-open descriptor (`-`,
  /// `/dev/stdin`, `/dev/fd/N` as shells give for `<(command)`) or `/dev/null`.
  /// `fileSystemPath`, when given, is the name to open as bytes (a name that is not UTF-8, which
  /// `path` can only show escaped).
  /// - Throws: ``InputError`` when the path is missing, a directory, not a regular file or unreadable.
  package init(path: String, fileSystemPath: [UInt8]? = nil) throws(InputError) {
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
    input = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.inputCapacity, alignment: 16)
  }

  /// Opens the bytes `range` of the plain (not gzip) regular file `path`, whose first line is
  /// line `firstLine` of the file: what one shard of a job reads (see `ShardByteRange`). The
  /// file is still checked for changes while read.
  package convenience init(path: String, range: Range<Int>, firstLine: Int) throws(InputError) {
    try self.init(path: path)
    if lseek(fd, off_t(range.lowerBound), SEEK_SET) < 0 {
      throw .readFailed(path: path, reason: String(cString: strerror(errno)))
    }
    rangeRemaining = range.count
    self.firstLine = firstLine
    mode = .plain
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
  /// The number of the first line delivered: 1, or a shard's first line in the file.
  package private(set) var firstLine = 1
  /// Bytes left in the range a shard reads (`nil`: to the end of the file).
  private var rangeRemaining: Int?
  /// Whether the end of input was reached and the file compared with its state at open.
  private var endChecked = false

  /// How the bytes are delivered: not yet known (nothing read), as stored, or inflated.
  private enum Mode {
    case undecided, plain, gzip
  }
  private var mode = Mode.undecided
  /// Bytes read from the file and not yet used: `input[inputStart..<inputEnd]`.
  private let input: UnsafeMutableRawBufferPointer
  private var inputStart = 0
  private var inputEnd = 0
  /// Whether `read(2)` has reported the end of the file.
  private var fileEnded = false
  /// How many file bytes lie before `input[0]` (to place an error in the file).
  private var inputOffset = 0
  /// zlib's state while inflating; allocated once the gzip magic is seen, never leaves this file.
  private var stream: UnsafeMutablePointer<z_stream>?
  /// The 1-based number of the gzip member being inflated.
  private var member = 1
  /// Whether the current member ended (`Z_STREAM_END`); what follows decides what comes next.
  private var memberEnded = false
  /// Whether zero bytes followed the last member (padding `gzip` ignores; only zeros may follow).
  private var inPadding = false
  /// Whether the whole input has been delivered.
  private var finished = false

  private static let inputCapacity = 1 << 17

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
    if let stream {
      inflateEnd(stream)
      stream.deallocate()
    }
    if fd >= 0 { close(fd) }
    input.deallocate()
  }

  /// Reads `buffer.count` bytes, fewer only at the end of the input (as `gzread` does: a pipe
  /// gives at most 64 KiB a call, and callers scanning what they got are faster with more);
  /// returns 0 at the end of the input.
  /// - Throws: ``InputError/readFailed(path:reason:)`` on an I/O error, or gzip data that is
  ///   truncated, corrupt, or followed by bytes that are not another member.
  package func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    var total = 0
    while total < buffer.count {
      let n = try readSome(into: base + total, count: buffer.count - total)
      if n == 0 { break }
      total += n
    }
    if total == 0 {
      // Once, at the first call that returns nothing: a caller reading again after the end
      // learns nothing new about the bytes it was given.
      if !endChecked {
        endChecked = true
        try checkUnchanged()
      }
    }
    return total
  }

  /// Reads at least one byte and up to `count` into `base`; 0 at the end of the input.
  private func readSome(into base: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
    if finished { return end() }
    if mode == .undecided { try decideMode() }
    let capacity = min(count, Int(UInt32.max))
    if mode == .plain {
      if inputStart < inputEnd, let bytes = input.baseAddress {
        let n = min(capacity, inputEnd - inputStart)
        base.copyMemory(from: bytes + inputStart, byteCount: n)
        inputStart += n
        return n
      }
      let n = try readFile(into: base, count: capacity)
      if n == 0 { return end() }
      inputOffset += n
      return n
    }
    return try inflate(into: base, count: capacity)
  }

  /// Marks the input finished (``read(into:)`` checks the file once it returns nothing).
  private func end() -> Int {
    finished = true
    return 0
  }

  /// Reads the first bytes and chooses plain or gzip from the magic number `1f 8b`.
  private func decideMode() throws(InputError) {
    while inputEnd < 2 && !fileEnded { try fill() }
    guard inputEnd >= 2, let bytes = input.baseAddress,
      bytes.load(as: UInt8.self) == 0x1F, bytes.load(fromByteOffset: 1, as: UInt8.self) == 0x8B
    else {
      mode = .plain
      return
    }
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    // 15 + 16: a gzip wrapper (header, CRC-32 and length checked), the largest window.
    guard inflateInit2_(stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      stream.deallocate()
      throw .readFailed(path: path, reason: "out of memory starting zlib")
    }
    self.stream = stream
    mode = .gzip
  }

  /// Inflates into `base[0..<count]`; returns how many bytes were produced (0 at the end).
  private func inflate(into base: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
    guard let stream, let inputBase = input.baseAddress else { return 0 }
    while true {
      if memberEnded {
        if try !startNextMember() { return end() }
        continue
      }
      if inputStart == inputEnd {
        if fileEnded { throw truncated() }
        try fill()
        continue
      }
      let available = inputEnd - inputStart
      stream.pointee.next_in = (inputBase + inputStart).assumingMemoryBound(to: Bytef.self)
      stream.pointee.avail_in = UInt32(available)
      stream.pointee.next_out = base.assumingMemoryBound(to: Bytef.self)
      stream.pointee.avail_out = UInt32(count)
      let status = CZlib.inflate(stream, Z_NO_FLUSH)
      inputStart += available - Int(stream.pointee.avail_in)
      let produced = count - Int(stream.pointee.avail_out)
      switch status {
      case Z_STREAM_END:
        memberEnded = true
      case Z_OK, Z_BUF_ERROR:
        break
      case Z_MEM_ERROR:
        throw .readFailed(path: path, reason: "out of memory while inflating gzip data")
      default:
        let message = stream.pointee.msg.map { String(cString: $0) } ?? "status \(status)"
        throw .readFailed(
          path: path,
          reason: "corrupt gzip data (\(message)) in member \(member) near byte \(inputOffset + inputStart) of the "
            + "compressed file; `gzip -t` reports it too: get a good copy")
      }
      if produced > 0 { return produced }
    }
  }

  /// After a member's end: starts the next member and returns `true`, or returns `false` at
  /// the end of the file (zero padding allowed, as `gzip` allows it).
  /// - Throws: when other bytes follow, the damage `gzip -t` reports as trailing garbage.
  private func startNextMember() throws(InputError) -> Bool {
    guard let stream, let bytes = input.baseAddress else { return false }
    while true {
      while inputStart < inputEnd && bytes.load(fromByteOffset: inputStart, as: UInt8.self) == 0 {
        inputStart += 1
        inPadding = true
      }
      if inputStart == inputEnd {
        if fileEnded { return false }
        try fill()
        continue
      }
      if inPadding {
        throw trailingGarbage(at: inputOffset + inputStart)
      }
      if inputEnd - inputStart < 2 && !fileEnded {
        try fill()
        continue
      }
      let isMember =
        inputEnd - inputStart >= 2 && bytes.load(fromByteOffset: inputStart, as: UInt8.self) == 0x1F
        && bytes.load(fromByteOffset: inputStart + 1, as: UInt8.self) == 0x8B
      guard isMember else { throw trailingGarbage(at: inputOffset + inputStart) }
      inflateReset(stream)
      member += 1
      memberEnded = false
      return true
    }
  }

  private func truncated() -> InputError {
    .readFailed(
      path: path,
      reason: "the gzip data is truncated (unexpected end of file in member \(member) after "
        + "\(inputOffset + inputEnd) compressed bytes); the download or copy is incomplete")
  }

  private func trailingGarbage(at offset: Int) -> InputError {
    .readFailed(
      path: path,
      reason: "corrupt gzip data: the bytes from offset \(offset) after member \(member) are not a gzip member "
        + "(`gzip -t` reports trailing garbage); the data after that point would be lost, so the file is refused")
  }

  /// Reads more of the file into `input`, moving unused bytes to the front first.
  private func fill() throws(InputError) {
    guard let bytes = input.baseAddress else { return }
    if inputStart > 0 {
      let unused = inputEnd - inputStart
      if unused > 0 { bytes.copyMemory(from: bytes + inputStart, byteCount: unused) }
      inputOffset += inputStart
      inputStart = 0
      inputEnd = unused
    }
    guard inputEnd < input.count else { return }
    let n = try readFile(into: bytes + inputEnd, count: input.count - inputEnd)
    if n == 0 { fileEnded = true }
    inputEnd += n
  }

  /// `read(2)` retried on interruption; 0 at the end of the file (or of the shard's range).
  private func readFile(into base: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
    let count = rangeRemaining.map { min($0, count) } ?? count
    if count == 0 { return 0 }
    while true {
      let n = Glibc.read(fd, base, count)
      if n >= 0 {
        if let remaining = rangeRemaining { rangeRemaining = remaining - n }
        return n
      }
      if errno == EINTR { continue }
      throw .readFailed(path: path, reason: String(cString: strerror(errno)))
    }
  }

  /// Reads the whole input into memory. Use for single documents, never for datasets.
  package func readAll(limit: Int = Int(Int32.max)) throws(InputError) -> [UInt8] {
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
