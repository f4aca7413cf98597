/// One input being extracted: a ``ByteSource`` whose first bytes can be looked at before the
/// extractor reads the whole stream, and which counts the bytes read (after decompression).
///
/// Not `Sendable`: one input per task.
final class ExtractionInput {
  /// The path as the user gave it (`-` for standard input).
  let path: String
  private let source: ByteSource
  private var head: [UInt8] = []
  private var headOffset = 0
  private var sourceEnded = false
  /// Bytes read from the source so far.
  private(set) var bytesRead = 0

  /// Opens `path` (`-` for standard input; `.gz` decompressed transparently).
  init(path: String) throws(InputError) {
    self.path = path
    self.source = try ByteSource(path: path)
  }

  /// Opens `input` by its bytes (a name that need not be UTF-8); ``path`` is its printable form.
  init(input: InputPath) throws(InputError) {
    self.path = input.display
    self.source = try ByteSource(path: input.display, fileSystemPath: input.isEscaped ? input.bytes : nil)
  }

  /// Up to `count` first bytes of the input, without consuming them.
  func peek(_ count: Int) throws(InputError) -> [UInt8] {
    precondition(headOffset == 0, "peek after reading")
    while head.count < count && !sourceEnded {
      var chunk = [UInt8](repeating: 0, count: min(count - head.count, 1 << 16))
      let n: Int
      do {
        n = try chunk.withUnsafeMutableBytes { raw in try source.read(into: raw) }
      } catch let error as InputError {
        throw error
      } catch {
        throw .readFailed(path: path, reason: "\(error)")
      }
      if n == 0 {
        sourceEnded = true
      } else {
        bytesRead += n
        head.append(contentsOf: chunk[0..<n])
      }
    }
    return head
  }

  /// The bytes ``peek(_:)`` already read and nothing has consumed yet (empty otherwise).
  var peekedHead: [UInt8] { headOffset == 0 ? head : [] }

  /// Whether ``peek(_:)`` already saw the end of the input.
  var endSeen: Bool { sourceEnded }

  /// Reads up to `buffer.count` bytes: the peeked bytes first, then the rest of the source.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
    if headOffset < head.count {
      let n = min(buffer.count, head.count - headOffset)
      head.withUnsafeBytes { raw in
        guard let from = raw.baseAddress, let to = buffer.baseAddress else { return }
        to.copyMemory(from: from + headOffset, byteCount: n)
      }
      headOffset += n
      if headOffset == head.count {
        head = []
        headOffset = Int.max
      }
      return n
    }
    if sourceEnded { return 0 }
    let n = try source.read(into: buffer)
    if n == 0 { sourceEnded = true }
    bytesRead += n
    return n
  }

  /// Reads the whole (rest of the) input.
  /// - Throws: ``ExtractError/tooLarge(path:limit:)`` past `limit` bytes, ``InputError`` on a read error.
  func readAll(limit: Int = Int(Int32.max) - 1) throws -> [UInt8] {
    var out = headOffset < head.count ? Array(head[headOffset...]) : []
    head = []
    headOffset = Int.max
    if sourceEnded { return out }
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    defer { chunk.deallocate() }
    while true {
      let n = try source.read(into: chunk)
      if n == 0 {
        sourceEnded = true
        break
      }
      bytesRead += n
      out.append(contentsOf: chunk[0..<n])
      if out.count > limit { throw ExtractError.tooLarge(path: path, limit: limit) }
    }
    return out
  }
}
