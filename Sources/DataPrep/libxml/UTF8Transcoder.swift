#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns the bytes of a page in a known encoding into valid UTF-8, never losing the rest of it.
///
/// UTF-8, windows-1252 and UTF-16 are decoded in Swift; other encodings go through iconv, one
/// replacement character per undecodable byte so the rest of the page is never lost. In UTF-8,
/// a stray byte that is not part of a valid sequence (a Latin-1 `é` pasted into a UTF-8 page)
/// is read as its windows-1252 character while every valid sequence stays as it is (see
/// ``utf8MappingStrayBytes(_:)``). NUL bytes become U+FFFD (libxml2 would stop at them).
enum UTF8Transcoder {
  /// `bytes` (BOM already removed) decoded from `encoding` (a WHATWG name) as UTF-8.
  ///
  /// Returns `nil` when the input is already valid UTF-8 without NUL bytes and can be used as is.
  /// - Parameter knownValid: the caller already checked that the bytes are valid UTF-8.
  static func utf8(from bytes: UnsafeBufferPointer<UInt8>, encoding: String, knownValid: Bool = false) -> [UInt8]? {
    switch encoding {
    case "utf-8":
      let hasNUL = bytes.contains(0)
      if !hasNUL, knownValid || String(validating: bytes, as: UTF8.self) != nil { return nil }
      return utf8MappingStrayBytes(bytes)
    case "windows-1252":
      return windows1252(bytes)
    case "utf-16le", "utf-16be":
      return utf16(bytes, littleEndian: encoding == "utf-16le")
    default:
      if let converted = convertWithIconv(bytes, from: HTMLEncoding.iconvName(encoding)) { return replacingNUL(converted) }
      return windows1252(bytes)
    }
  }

  private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

  private static func replacingNUL(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(0) else { return bytes }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 16)
    for byte in bytes {
      if byte == 0 { out += replacement } else { out.append(byte) }
    }
    return out
  }

  /// The code points of windows-1252's 0x80-0x9F row (0 where the byte is undefined).
  private static let windows1252High: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
    0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x009D, 0x017E, 0x0178,
  ]

  /// UTF-8 with stray bytes: each valid UTF-8 sequence is kept, each byte that is not part of
  /// one becomes its windows-1252 character, NUL becomes U+FFFD. For text that is UTF-8 but for a
  /// few Latin-1 bytes, only those bytes change; for text with no valid multi-byte sequence it
  /// is exactly windows-1252.
  static func utf8MappingStrayBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 16)
    var runStart = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte != 0, byte < 0x80 {
        index += 1
      } else if byte != 0, let length = UTF8Sequence.length(at: index, in: bytes) {
        index += length
      } else {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        if byte == 0 { out += replacement } else { appendWindows1252(byte, to: &out) }
        index += 1
        runStart = index
      }
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    return out
  }

  /// The UTF-8 of one byte (0x80-0xFF) read as windows-1252.
  private static func appendWindows1252(_ byte: UInt8, to out: inout [UInt8]) {
    appendUTF8(byte < 0xA0 ? windows1252High[Int(byte) - 0x80] : UInt32(byte), to: &out)
  }

  static func windows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      if byte == 0 {
        out += replacement
      } else if byte < 0x80 {
        out.append(byte)
      } else {
        appendWindows1252(byte, to: &out)
      }
    }
    return out
  }

  private static func utf16(_ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool) -> [UInt8] {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = 0
    while index + 1 < bytes.count {
      let a = UInt16(bytes[index])
      let b = UInt16(bytes[index + 1])
      units.append(littleEndian ? a | b << 8 : a << 8 | b)
      index += 2
    }
    var out = Array(String(decoding: units, as: UTF16.self).utf8)
    if index < bytes.count { out += replacement }  // an odd trailing byte
    return replacingNUL(out)
  }

  private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    if scalar < 0x80 {
      out.append(UInt8(scalar))
    } else if scalar < 0x800 {
      out.append(UInt8(0xC0 | scalar >> 6))
      out.append(UInt8(0x80 | scalar & 0x3F))
    } else {
      out.append(UInt8(0xE0 | scalar >> 12))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    }
  }

  /// Converts with iconv, replacing each undecodable byte; `nil` when iconv lacks the encoding.
  private static func convertWithIconv(_ bytes: UnsafeBufferPointer<UInt8>, from encoding: String) -> [UInt8]? {
    let descriptor = iconv_open("UTF-8", encoding)
    guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(descriptor) }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    let chunkSize = 64 * 1024
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    guard let base = bytes.baseAddress else { return [] }
    var inPointer = UnsafeMutablePointer(mutating: base).withMemoryRebound(to: CChar.self, capacity: bytes.count) { $0 }
    var inLeft = bytes.count
    while inLeft > 0 {
      let (result, produced) = chunk.withUnsafeMutableBufferPointer { buffer -> (Int, Int) in
        guard let outBase = buffer.baseAddress else { return (0, 0) }
        var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
        var outLeft = chunkSize
        var input: UnsafeMutablePointer<CChar>? = inPointer
        let result = iconv(descriptor, &input, &inLeft, &outPointer, &outLeft)
        if let input { inPointer = input }
        return (result, chunkSize - outLeft)
      }
      out.append(contentsOf: chunk[0..<produced])
      if result == -1 {
        let code = errno
        if code == E2BIG { continue }
        // EILSEQ or EINVAL (truncated at the end): one replacement character, skip one byte.
        out += replacement
        inPointer += 1
        inLeft -= 1
        _ = iconv(descriptor, nil, nil, nil, nil)  // reset shift state
      }
    }
    return out
  }
}
