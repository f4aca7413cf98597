/// Decodes the bytes of a text file into a `String`, deciding the encoding from the bytes.
///
/// The order: a UTF-8 or UTF-16 byte-order mark; else valid UTF-8; else UTF-8 with stray bytes:
/// each valid UTF-8 sequence is kept and each other byte is read as windows-1252 (the WHATWG
/// reading of "Latin-1"), so a few Latin-1 bytes in a UTF-8 file change only themselves and a
/// windows-1252 file (no valid multi-byte sequence) reads as windows-1252. Line endings are
/// normalised to `\n`.
enum TextDecoding {
  /// The decoded text and the encoding label it was read with.
  struct Decoded: Sendable, Equatable {
    /// The text, with `\r\n` and `\r` turned into `\n` and the byte-order mark removed.
    var text: String
    /// `utf-8`, `utf-16le`, `utf-16be` or `windows-1252` (for UTF-8 with stray bytes: `utf-8`
    /// when its valid multi-byte sequences outnumber the stray bytes).
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
    let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    let body = bytes.dropFirst(hasBOM ? 3 : 0)
    if let text = String(validating: body, as: UTF8.self) {
      return Decoded(text: normaliseLineEndings(text), encoding: "utf-8")
    }
    return body.withUnsafeBufferPointer { buffer in
      let text = String(decoding: UTF8Transcoder.utf8MappingStrayBytes(buffer), as: UTF8.self)
      // A BOM declares UTF-8 whatever the stray bytes.
      let label = hasBOM || HTMLEncoding.utf8Validity(buffer) == .mostlyValid ? "utf-8" : "windows-1252"
      return Decoded(text: normaliseLineEndings(text), encoding: label)
    }
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
}
