import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The lines of one file a shard reads: the bytes `start..<end`, both at line starts, and the
/// number of the first line, so that the shard reports the file's own line numbers.
///
/// The file is cut at `size × i / N` for `i` in `1..<N`, each cut moved forward to the start of
/// the next line: a line belongs to the shard its first byte falls in, so every line is read by
/// exactly one shard, and `N` shards read together what one process reads. A shard counts the
/// newlines before its start (a sequential read of those bytes, at disk speed, once).
public struct ShardByteRange: Sendable, Equatable {
  /// The first byte, at a line start (0 or just after a `\n`).
  public var start: Int
  /// One past the last byte: the next shard's start, or the file size.
  public var end: Int
  /// The 1-based number of the line at `start`.
  public var firstLine: Int

  /// A range of `start..<end` whose first line is `firstLine`.
  public init(start: Int, end: Int, firstLine: Int) {
    self.start = start
    self.end = end
    self.firstLine = firstLine
  }

  /// The bytes in the range.
  public var count: Int { end - start }

  /// The range `shard` reads of the regular file at `path`.
  /// - Throws: ``ShardError/cannotSplit(path:reason:)`` for standard input, a special file or
  ///   a gzip file (whose bytes cannot be cut); ``InputError`` when it cannot be opened or read.
  public static func of(path: String, shard: Shard) throws -> ShardByteRange {
    guard path != "-" else {
      throw ShardError.cannotSplit(path: "-", reason: "standard input cannot be cut by bytes; write it to a file first")
    }
    let file = try RangeFile(path: path)
    if try file.isGzip() {
      throw ShardError.cannotSplit(
        path: path, reason: "a gzip stream cannot be cut by bytes; decompress it, or give several files (each shard then takes whole files)")
    }
    let size = file.size
    if shard.count == 1 { return ShardByteRange(start: 0, end: size, firstLine: 1) }
    let start = try file.lineStart(atOrAfter: cut(size: size, at: shard.index, of: shard.count))
    let end = try file.lineStart(atOrAfter: cut(size: size, at: shard.index + 1, of: shard.count))
    let firstLine = try file.newlines(before: start) + 1
    return ShardByteRange(start: start, end: max(start, end), firstLine: firstLine)
  }

  /// `size × i / n`, exact (full-width product), so every shard computes the same cuts.
  static func cut(size: Int, at i: Int, of n: Int) -> Int {
    let product = size.multipliedFullWidth(by: i)
    return n.dividingFullWidth((high: product.high, low: product.low)).quotient
  }
}

/// A regular file opened for positioned reads, closed when released. The descriptor never
/// leaves this file.
private final class RangeFile {
  let path: String
  let fd: Int32
  let size: Int
  private static let chunk = 1 << 20

  init(path: String) throws(InputError) {
    self.path = path
    fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
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
    guard kind == S_IFREG else {
      close(fd)
      throw .cannotOpen(path: path, reason: "not a regular file; a shard reads byte ranges of a file")
    }
    size = Int(info.st_size)
  }

  deinit { close(fd) }

  /// Reads up to `count` bytes at `offset` into `buffer`; returns how many.
  private func read(_ buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(InputError) -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    while true {
      let n = pread(fd, base, buffer.count, off_t(offset))
      if n >= 0 { return n }
      if errno == EINTR { continue }
      throw .readFailed(path: path, reason: String(cString: strerror(errno)))
    }
  }

  func isGzip() throws -> Bool {
    var magic: [UInt8] = [0, 0]
    let n = try magic.withUnsafeMutableBytes { raw -> Int in try read(raw, at: 0) }
    return n == 2 && magic[0] == 0x1F && magic[1] == 0x8B
  }

  /// The first line start at or after `offset`: `offset` itself when the byte before it is a
  /// newline (or it is 0), else just past the next newline, else the file size.
  func lineStart(atOrAfter offset: Int) throws -> Int {
    if offset <= 0 { return 0 }
    if offset >= size { return size }
    var position = offset - 1
    var buffer = [UInt8](repeating: 0, count: Self.chunk)
    while position < size {
      let n = try buffer.withUnsafeMutableBytes { raw -> Int in try read(raw, at: position) }
      if n == 0 { break }
      if let newline = buffer[0..<n].firstIndex(of: 0x0A) { return position + newline + 1 }
      position += n
    }
    return size
  }

  /// The number of `\n` bytes in `0..<offset`.
  func newlines(before offset: Int) throws -> Int {
    var position = 0
    var total = 0
    var buffer = [UInt8](repeating: 0, count: Self.chunk)
    while position < offset {
      let wanted = min(Self.chunk, offset - position)
      let n = try buffer.withUnsafeMutableBytes { raw -> Int in
        try read(UnsafeMutableRawBufferPointer(rebasing: raw[0..<wanted]), at: position)
      }
      if n == 0 { break }
      total += buffer.withUnsafeBytes { raw in Self.countNewlines(raw, n) }
      position += n
    }
    return total
  }

  private static func countNewlines(_ raw: UnsafeRawBufferPointer, _ n: Int) -> Int {
    guard let base = raw.baseAddress else { return 0 }
    var count = 0
    var cursor = base
    let end = base + n
    while cursor < end, let hit = memchr(cursor, 0x0A, end - cursor) {
      count += 1
      cursor = UnsafeRawPointer(hit) + 1
    }
    return count
  }
}
