/// Splits a ``ByteSource`` into lines without copying each one.
///
/// Reads 1 MiB chunks and hands each line (without its `\n`, and without a `\r` before it)
/// to a closure as a borrowed buffer, with its 1-based line number. Memory is one chunk plus
/// the longest line; a line longer than `maximumLineBytes` is an error as soon as that many
/// bytes of it are buffered, so a hostile single-line file cannot exhaust memory.
package struct LineReader {
  private let source: ByteSource
  private let chunkSize: Int
  private let maximumLineBytes: Int

  /// A reader over `source` refusing lines longer than `maximumLineBytes` (line end excluded).
  package init(
    _ source: ByteSource, chunkSize: Int = 1 << 20, maximumLineBytes: Int = InputLimits.defaultMaximumLineBytes
  ) {
    self.source = source
    self.chunkSize = chunkSize
    self.maximumLineBytes = max(1, maximumLineBytes)
  }

  /// Calls `body` with each line and its number; a final line without `\n` is passed too.
  /// Stops early when `body` returns `false`.
  /// - Throws: ``InputError/lineTooLong(path:line:limit:)``, read errors, and what `body` throws.
  package func forEachLine(
    _ body: (_ line: UnsafeBufferPointer<UInt8>, _ number: Int) throws -> Bool
  ) throws {
    let limit = maximumLineBytes
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    var filled = 0
    var lineNumber = source.firstLine - 1
    while true {
      if filled == buffer.count {
        // Double for long lines, but never past what proves a line too long (limit + `\r\n`):
        // a hostile line costs about the limit, not twice it.
        let grown = min(buffer.count * 2, max(buffer.count + 1, limit + 2))
        buffer.append(contentsOf: repeatElement(0, count: grown - buffer.count))
      }
      let n = try buffer.withUnsafeMutableBytes { (raw) throws(InputError) -> Int in
        try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
      }
      let atEnd = n == 0
      filled += n
      var consumed = 0
      let keepGoing: Bool = try buffer.withUnsafeBufferPointer { all in
        let bytes = UnsafeBufferPointer(rebasing: all[0..<filled])
        var start = 0
        while start < bytes.count {
          guard let newline = Self.indexOfNewline(in: bytes, from: start) else { break }
          lineNumber += 1
          var end = newline
          if end > start && bytes[end - 1] == 0x0D { end -= 1 }
          if end - start > limit { throw InputError.lineTooLong(path: source.path, line: lineNumber, limit: limit) }
          if try !body(UnsafeBufferPointer(rebasing: bytes[start..<end]), lineNumber) { return false }
          start = newline + 1
        }
        consumed = start
        if atEnd && start < bytes.count {
          lineNumber += 1
          var end = bytes.count
          if bytes[end - 1] == 0x0D { end -= 1 }
          if end - start > limit { throw InputError.lineTooLong(path: source.path, line: lineNumber, limit: limit) }
          if try !body(UnsafeBufferPointer(rebasing: bytes[start..<end]), lineNumber) { return false }
          consumed = bytes.count
        }
        return true
      }
      if !keepGoing || atEnd { return }
      // The unfinished line so far (a `\r` may still be dropped before its `\n`).
      if filled - consumed > limit + 1 {
        throw InputError.lineTooLong(path: source.path, line: lineNumber + 1, limit: limit)
      }
      if consumed > 0 {
        buffer.withUnsafeMutableBytes { raw in
          guard let base = raw.baseAddress else { return }
          (base).copyMemory(from: base + consumed, byteCount: filled - consumed)
        }
        filled -= consumed
      }
    }
  }

  @inline(__always)
  private static func indexOfNewline(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard let base = bytes.baseAddress, start < bytes.count else { return nil }
    guard let hit = memchr(base + start, 0x0A, bytes.count - start) else { return nil }
    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
  }
}

#if canImport(Glibc)
  import Glibc
#endif
