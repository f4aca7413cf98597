/// Decodes the bytes of a text file into a `String`, deciding the encoding from the bytes.
///
/// The order: a UTF-8 or UTF-16 byte-order mark; else valid UTF-8; else windows-1252 (the
/// WHATWG reading of "Latin-1", which decodes every byte, so a stray byte never garbles the rest).
/// Line endings are normalised to `\n`.
enum TextDecoding {
  /// The decoded text and the encoding label it was read with.
  struct Decoded: Sendable, Equatable {
    /// The text, with `\r\n` and `\r` turned into `\n` and the byte-order mark removed.
    var text: String
    /// `utf-8`, `utf-16le`, `utf-16be` or `windows-1252`.
    var encoding: String
  }

  /// Why bytes are not text.
  enum Failure: Error, Equatable {
    /// A NUL byte at this offset (and no UTF-16 byte-order mark): a binary file.
    case nulByte(offset: Int)
  }

  /// Whether `bytes` start with a UTF-16 byte-order mark (either byte order).
  static func hasUTF16BOM(_ bytes: some Collection<UInt8>) -> Bool {
    var iterator = bytes.makeIterator()
    guard let first = iterator.next(), let second = iterator.next() else { return false }
    return (first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)
  }

  /// Whether the first `window` bytes hold a NUL byte and no UTF-16 byte-order mark: a binary file.
  static func looksBinary(_ bytes: some Collection<UInt8>, window: Int = 1024) -> Bool {
    if hasUTF16BOM(bytes) { return false }
    return bytes.prefix(window).contains(0)
  }

  /// Decodes `bytes`.
  /// - Throws: ``Failure/nulByte(offset:)`` when UTF-8 or single-byte text holds a NUL byte.
  static func decode(_ bytes: [UInt8]) throws(Failure) -> Decoded {
    if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
      return Decoded(text: normaliseLineEndings(utf16(bytes.dropFirst(2), littleEndian: true)), encoding: "utf-16le")
    }
    if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
      return Decoded(text: normaliseLineEndings(utf16(bytes.dropFirst(2), littleEndian: false)), encoding: "utf-16be")
    }
    if let nul = bytes.firstIndex(of: 0) { throw .nulByte(offset: nul) }
    var body = bytes[...]
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      body = bytes.dropFirst(3)
      // A BOM declares UTF-8: invalid sequences become U+FFFD rather than switching encoding.
      return Decoded(text: normaliseLineEndings(String(decoding: body, as: UTF8.self)), encoding: "utf-8")
    }
    if let text = String(validating: body, as: UTF8.self) {
      return Decoded(text: normaliseLineEndings(text), encoding: "utf-8")
    }
    return Decoded(text: normaliseLineEndings(windows1252(body)), encoding: "windows-1252")
  }

  /// UTF-16 code units to a string; an odd trailing byte is dropped, lone surrogates become U+FFFD.
  static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
      let a = UInt16(bytes[index])
      let b = UInt16(bytes[index + 1])
      units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
      index += 2
    }
    return String(decoding: units, as: UTF16.self)
  }

  /// windows-1252 to a string, as browsers decode it (the five undefined bytes map to C1 controls).
  static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(bytes.count)
    for byte in bytes {
      if byte >= 0x80 && byte < 0xA0 {
        let mapped = high[Int(byte - 0x80)]
        scalars.append(Unicode.Scalar(mapped) ?? Unicode.Scalar(UInt8(byte)))
      } else {
        scalars.append(Unicode.Scalar(byte))
      }
    }
    return String(scalars)
  }

  /// `\r\n` and lone `\r` to `\n`.
  static func normaliseLineEndings(_ text: String) -> String {
    guard text.utf8.contains(0x0D) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    var previousWasCR = false
    for byte in text.utf8 {
      if byte == 0x0D {
        out.append(0x0A)
        previousWasCR = true
        continue
      }
      if byte == 0x0A && previousWasCR {
        previousWasCR = false
        continue
      }
      previousWasCR = false
      out.append(byte)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The code points of bytes 0x80–0x9F in windows-1252.
  private static let high: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]
}
