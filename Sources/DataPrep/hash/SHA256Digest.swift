import CLibCrypto

/// A streaming SHA-256, the one digest behind document ids, split and file digests, the chat
/// reply cache and pseudonyms (as HMAC), over the system's libcrypto (OpenSSL 3, EVP API).
/// The only code calling `CLibCrypto`; no C pointer leaves this file.
struct SHA256Digest {
  /// The EVP context, freed with its owner; copied before a write when shared, so the struct
  /// keeps value semantics.
  private final class Context {
    let pointer: OpaquePointer

    init() {
      // EVP_MD_CTX_new fails only when memory is exhausted, where Swift itself would trap.
      guard let pointer = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new: out of memory") }
      self.pointer = pointer
      EVP_DigestInit_ex(pointer, EVP_sha256(), nil)
    }

    init(copying other: Context) {
      guard let pointer = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new: out of memory") }
      self.pointer = pointer
      EVP_MD_CTX_copy_ex(pointer, other.pointer)
    }

    deinit { EVP_MD_CTX_free(pointer) }
  }

  private var context = Context()

  init() {}

  /// Adds `bytes` to the digest.
  mutating func update(_ bytes: UnsafeRawBufferPointer) {
    if !isKnownUniquelyReferenced(&context) { context = Context(copying: context) }
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    EVP_DigestUpdate(context.pointer, base, bytes.count)
  }

  /// Adds `bytes` to the digest.
  mutating func update(_ bytes: some Sequence<UInt8>) {
    let array = Array(bytes)
    array.withUnsafeBytes { update($0) }
  }

  /// The 32-byte digest of everything added (the digest itself can go on being updated).
  func finalize() -> [UInt8] {
    let copy = Context(copying: context)
    var out = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    EVP_DigestFinal_ex(copy.pointer, &out, &length)
    return out
  }

  /// The lower-case hex digest of everything added.
  func hexDigest() -> String {
    HexBytes.encode(finalize())
  }

  /// The 32-byte SHA-256 of `bytes`.
  static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
    var digest = SHA256Digest()
    digest.update(bytes)
    return digest.finalize()
  }

  /// HMAC-SHA256 of the concatenated `parts` under `key`.
  static func hmac(key: [UInt8], parts: [UnsafeRawBufferPointer]) -> [UInt8] {
    var message: [UInt8] = []
    for part in parts { message.append(contentsOf: part) }
    var out = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    key.withUnsafeBytes { keyBytes in
      message.withUnsafeBytes { data in
        _ = HMAC(EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count),
                 data.baseAddress?.assumingMemoryBound(to: UInt8.self), data.count, &out, &length)
      }
    }
    return out
  }
}
