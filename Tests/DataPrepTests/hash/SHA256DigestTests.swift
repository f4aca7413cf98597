import Testing
@testable import DataPrep

/// The one SHA-256 against published test vectors (FIPS 180-2 and RFC 4231), whatever its backend.
@Suite struct SHA256DigestTests {
  @Test func theFIPSVectorsHash() {
    #expect(HexBytes.encode(SHA256Digest.hash("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(HexBytes.encode(SHA256Digest.hash([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    let long = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    #expect(HexBytes.encode(SHA256Digest.hash(long.utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func updatesInPiecesGiveTheWholeDigest() {
    var digest = SHA256Digest()
    for piece in ["a", "", "bc"] { digest.update(piece.utf8) }
    #expect(digest.hexDigest() == HexBytes.encode(SHA256Digest.hash("abc".utf8)))
  }

  @Test func aCopyIsIndependentOfItsOriginal() {
    var first = SHA256Digest()
    first.update("ab".utf8)
    var second = first
    second.update("c".utf8)
    first.update("x".utf8)
    #expect(second.hexDigest() == HexBytes.encode(SHA256Digest.hash("abc".utf8)))
    #expect(first.hexDigest() == HexBytes.encode(SHA256Digest.hash("abx".utf8)))
    #expect(first.hexDigest() == first.hexDigest())
  }

  @Test func theRFC4231HMACVectorHolds() {
    let key = [UInt8](repeating: 0x0b, count: 20)
    let data = Array("Hi There".utf8)
    let mac = data.withUnsafeBytes { SHA256Digest.hmac(key: key, parts: [$0]) }
    #expect(HexBytes.encode(mac) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    let split = Array("Hi ".utf8), rest = Array("There".utf8)
    let pieces = split.withUnsafeBytes { a in rest.withUnsafeBytes { b in SHA256Digest.hmac(key: key, parts: [a, b]) } }
    #expect(pieces == mac)
  }
}
