import Crypto

/// The stable document identifier every extractor uses.
///
/// An id is the first 16 hexadecimal digits (64 bits) of the SHA-256 of the document's
/// `source` (the path as given, plus `#N` in record mode), so the same input always gets the
/// same id, whatever the machine, the run or `--jobs`.
enum DocumentID {
  /// The id of the document whose `source` is `source`.
  static func make(source: String) -> String {
    let digest = SHA256.hash(data: Array(source.utf8))
    let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(16)
    for byte in digest.prefix(8) {
      out.append(hexDigits[Int(byte >> 4)])
      out.append(hexDigits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
