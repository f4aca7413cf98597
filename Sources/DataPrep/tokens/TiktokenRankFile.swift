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
