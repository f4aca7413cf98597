/// Reads a tiktoken rank file: one `base64-token rank` line per token, plain or gzip.
enum TiktokenRankFile {
  /// The vocabulary in the file at `path`, read through ``ByteSource`` (so `.gz` works).
  /// - Throws: ``TokenizerError`` when the file is unreadable, a line is malformed (naming the
  ///   line), or a single byte has no token.
  static func load(path: String) throws(TokenizerError) -> TokenTable {
    let data: [UInt8]
    do throws(InputError) {
      data = try ByteSource(path: path).readAll()
    } catch {
      throw .unreadable(path: path, reason: Self.reason(error))
    }
    var table = TokenTable(capacity: max(1024, data.count / 16))
    try data.withUnsafeBufferPointer { (all) throws(TokenizerError) in
      var decoded = [UInt8](repeating: 0, count: 1024)
      var start = 0
      var line = 0
      while start < all.count {
        line += 1
        var end = start
        while end < all.count && all[end] != 0x0A { end += 1 }
        var contentEnd = end
        if contentEnd > start && all[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        defer { start = end + 1 }
        if contentEnd == start { continue }
        var space = start
        while space < contentEnd && all[space] != 0x20 { space += 1 }
        guard space < contentEnd else { throw .badRankLine(path: path, line: line, reason: "no space before the rank") }
        var rank: UInt64 = 0
        var digit = space + 1
        guard digit < contentEnd else { throw .badRankLine(path: path, line: line, reason: "missing rank") }
        while digit < contentEnd {
          let b = all[digit]
          guard b >= 0x30 && b <= 0x39, rank < UInt64(UInt32.max) / 10 else {
            throw .badRankLine(path: path, line: line, reason: "rank is not a number below \(UInt32.max)")
          }
          rank = rank * 10 + UInt64(b - 0x30)
          digit += 1
        }
        let encoded = UnsafeBufferPointer(rebasing: all[start..<space])
        if encoded.count / 4 * 3 + 3 > decoded.count { decoded = [UInt8](repeating: 0, count: encoded.count) }
        guard let length = Base64.decode(encoded, into: &decoded), length > 0 else {
          throw .badRankLine(path: path, line: line, reason: "the token is not valid base64")
        }
        let inserted = decoded.withUnsafeBufferPointer { decoded in
          table.insert(UnsafeBufferPointer(rebasing: decoded[0..<length]), id: UInt32(rank))
        }
        guard inserted else { throw .badRankLine(path: path, line: line, reason: "the token repeats an earlier line") }
      }
    }
    for byte in 0...255 where table.byteIDs[byte] == UInt32.max {
      throw .missingByteToken(path: path, byte: UInt8(byte))
    }
    return table
  }

  static func reason(_ error: InputError) -> String {
    switch error {
    case .cannotOpen(_, let reason), .readFailed(_, let reason): return reason
    case .isDirectory: return "is a directory"
    default: return error.localizedDescription
    }
  }
}

/// Standard base64 (RFC 4648, with `=` padding) decoding into a reusable buffer.
enum Base64 {
  private static let values: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (index, char) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
      table[Int(char)] = UInt8(index)
    }
    return table
  }()

  /// Decodes `text` into `output` (large enough: 3 bytes per 4 characters); returns the byte
  /// count, or `nil` when `text` is not valid base64.
  static func decode(_ text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Int? {
    var count = text.count
    guard count % 4 == 0 else { return nil }
    var padding = 0
    while count > 0 && text[count - 1] == 0x3D && padding < 2 {
      count -= 1
      padding += 1
    }
    var accumulator: UInt32 = 0
    var bits = 0
    var written = 0
    for i in 0..<count {
      let value = values[Int(text[i])]
      guard value != 0xFF else { return nil }
      accumulator = (accumulator << 6) | UInt32(value)
      bits += 6
      if bits >= 8 {
        bits -= 8
        output[written] = UInt8(truncatingIfNeeded: accumulator >> UInt32(bits))
        written += 1
      }
    }
    return written
  }
}
