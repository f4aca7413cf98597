import Crypto

/// A streaming SHA-256, the one digest behind document ids, split and file digests, the chat
/// reply cache and pseudonyms (as HMAC), so the crypto backend is chosen in this file only.
struct SHA256Digest {
  private var state = SHA256()

  init() {}

  /// Adds `bytes` to the digest.
  mutating func update(_ bytes: UnsafeRawBufferPointer) {
    state.update(bufferPointer: bytes)
  }

  /// Adds `bytes` to the digest.
  mutating func update(_ bytes: some Sequence<UInt8>) {
    let array = Array(bytes)
    array.withUnsafeBytes { update($0) }
  }

  /// The 32-byte digest of everything added.
  func finalize() -> [UInt8] {
    Array(state.finalize())
  }

  /// The lower-case hex digest of everything added.
  func hexDigest() -> String {
    Self.hex(finalize())
  }

  /// The 32-byte SHA-256 of `bytes`.
  static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
    var digest = SHA256Digest()
    digest.update(bytes)
    return digest.finalize()
  }

  /// HMAC-SHA256 of the concatenated `parts` under `key`.
  static func hmac(key: [UInt8], parts: [UnsafeRawBufferPointer]) -> [UInt8] {
    var mac = HMAC<SHA256>(key: SymmetricKey(data: key))
    for part in parts { mac.update(data: part) }
    return Array(mac.finalize())
  }

  /// Lower-case hex of `bytes`.
  static func hex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 15)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
