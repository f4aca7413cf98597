/// XXH64, the 64-bit xxHash of Yann Collet: a fast, well-distributed, non-cryptographic hash
/// whose output is the same on every run and machine (unlike Swift's per-process `Hasher`).
///
/// Used wherever a hash is stored or compared across runs: exact-duplicate keys, shingle
/// hashes for MinHash, LSH band keys. Matches the reference implementation's test vectors.
enum XXH64 {
  @usableFromInline static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
  @usableFromInline static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  @usableFromInline static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
  @usableFromInline static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
  @usableFromInline static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

  /// The XXH64 hash of `bytes` with `seed`.
  static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
    guard let base = bytes.baseAddress else { return finish(seed &+ prime5, length: 0) }
    return hash(base, count: bytes.count, seed: seed)
  }

  /// The XXH64 hash of the bytes of `array` with `seed`.
  static func hash(_ array: [UInt8], seed: UInt64 = 0) -> UInt64 {
    array.withUnsafeBytes { hash($0, seed: seed) }
  }

  /// The XXH64 hash of the UTF-8 bytes of `string` with `seed`.
  static func hash(_ string: String, seed: UInt64 = 0) -> UInt64 {
    var string = string
    return string.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
  }

  /// The XXH64 hash of `count` bytes at `base` with `seed`.
  @inlinable @inline(__always)
  static func hash(_ base: UnsafeRawPointer, count: Int, seed: UInt64 = 0) -> UInt64 {
    var p = 0
    var h: UInt64
    if count >= 32 {
      var v1 = seed &+ prime1 &+ prime2
      var v2 = seed &+ prime2
      var v3 = seed
      var v4 = seed &- prime1
      let limit = count - 32
      while p <= limit {
        v1 = round(v1, load64(base, p))
        v2 = round(v2, load64(base, p + 8))
        v3 = round(v3, load64(base, p + 16))
        v4 = round(v4, load64(base, p + 24))
        p += 32
      }
      h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
      h = mergeRound(h, v1)
      h = mergeRound(h, v2)
      h = mergeRound(h, v3)
      h = mergeRound(h, v4)
    } else {
      h = seed &+ prime5
    }
    h = h &+ UInt64(count)
    while p + 8 <= count {
      let k1 = round(0, load64(base, p))
      h ^= k1
      h = rotl(h, 27) &* prime1 &+ prime4
      p += 8
    }
    if p + 4 <= count {
      h ^= UInt64(base.loadUnaligned(fromByteOffset: p, as: UInt32.self).littleEndian) &* prime1
      h = rotl(h, 23) &* prime2 &+ prime3
      p += 4
    }
    while p < count {
      h ^= UInt64(base.load(fromByteOffset: p, as: UInt8.self)) &* prime5
      h = rotl(h, 11) &* prime1
      p += 1
    }
    return avalanche(h)
  }

  /// XXH64 of the 8 little-endian bytes of `value`: a fast stable hash of one integer.
  @inlinable @inline(__always)
  static func hash(_ value: UInt64, seed: UInt64 = 0) -> UInt64 {
    var h = seed &+ prime5 &+ 8
    h ^= round(0, value)
    h = rotl(h, 27) &* prime1 &+ prime4
    return avalanche(h)
  }

  @usableFromInline @inline(__always)
  static func load64(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
    base.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
  }

  @usableFromInline @inline(__always)
  static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

  @usableFromInline @inline(__always)
  static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
    rotl(acc &+ input &* prime2, 31) &* prime1
  }

  @usableFromInline @inline(__always)
  static func mergeRound(_ acc: UInt64, _ val: UInt64) -> UInt64 {
    (acc ^ round(0, val)) &* prime1 &+ prime4
  }

  @usableFromInline @inline(__always)
  static func avalanche(_ h0: UInt64) -> UInt64 {
    var h = h0
    h ^= h >> 33
    h = h &* prime2
    h ^= h >> 29
    h = h &* prime3
    h ^= h >> 32
    return h
  }

  @usableFromInline
  static func finish(_ h: UInt64, length: Int) -> UInt64 { avalanche(h &+ UInt64(length)) }
}
