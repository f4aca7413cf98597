import Testing
@testable import DataPrep

@Suite struct XXH64Tests {
  /// The sanity buffer of xxHash's xxhsum (`BMK_sanityCheck`): byte i is the top byte of
  /// `PRIME32^(2^i)` computed in 32 bits.
  static let sanityBuffer: [UInt8] = {
    var bytes: [UInt8] = []
    var generator: UInt32 = 2_654_435_761
    for _ in 0..<101 {
      bytes.append(UInt8(generator >> 24))
      generator = generator &* generator
    }
    return bytes
  }()
  static let prime: UInt64 = 2_654_435_761

  @Test func matchesTheReferenceSanityVectors() {
    let buffer = Self.sanityBuffer
    #expect(XXH64.hash([UInt8](), seed: 0) == 0xEF46_DB37_51D8_E999)
    #expect(XXH64.hash([UInt8](), seed: Self.prime) == 0xAC75_FDA2_929B_17EF)
    #expect(XXH64.hash(Array(buffer[0..<1]), seed: 0) == 0x4FCE_394C_C889_52D8)
    #expect(XXH64.hash(Array(buffer[0..<1]), seed: Self.prime) == 0x7398_40CB_819F_A723)
    #expect(XXH64.hash(Array(buffer[0..<14]), seed: 0) == 0xCFFA_8DB8_81BC_3A3D)
    #expect(XXH64.hash(Array(buffer[0..<14]), seed: Self.prime) == 0x5B96_1158_5EFC_C9CB)
    #expect(XXH64.hash(buffer, seed: 0) == 0x0EAB_5433_84F8_78AD)
    #expect(XXH64.hash(buffer, seed: Self.prime) == 0xCAA6_5939_306F_1E21)
  }

  @Test func matchesPublishedStringVectors() {
    #expect(XXH64.hash("a") == 0xD24E_C4F1_A98C_6E5B)
    #expect(XXH64.hash("abc") == 0x44BC_2CF5_AD77_0999)
    #expect(XXH64.hash("Nobody inspects the spammish repetition") == 0xFBCE_A83C_8A37_8BF1)
  }

  @Test func integerHashEqualsHashOfItsLittleEndianBytes() {
    let value: UInt64 = 0x0123_4567_89AB_CDEF
    let bytes = withUnsafeBytes(of: value.littleEndian) { Array($0) }
    #expect(XXH64.hash(value) == XXH64.hash(bytes))
    #expect(XXH64.hash(value, seed: 7) == XXH64.hash(bytes, seed: 7))
  }
}
