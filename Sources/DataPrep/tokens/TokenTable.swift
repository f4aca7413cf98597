/// The vocabulary of a byte-level BPE: token byte sequences to ids, and ids back to bytes.
///
/// An open-addressing hash table over one arena of token bytes, probed with a byte range so no
/// array is created per lookup. Sequences of up to 8 bytes are compared as one packed `UInt64`;
/// longer ones compare their first 8 bytes packed, then the rest with `memcmp`.
struct TokenTable: Sendable {
  private struct Slot {
    /// The first (up to) 8 bytes, little-endian packed.
    var prefix: UInt64 = 0
    /// Byte length; 0 marks an empty slot.
    var length: UInt32 = 0
    /// Where the bytes start in the arena.
    var offset: UInt32 = 0
    /// The token id.
    var id: UInt32 = 0
  }

  private var slots: [Slot]
  private var shift: UInt64
  private var arena: [UInt8] = []
  /// Arena offset and length of each id's bytes (length -1 when the id is unused).
  private var spans: [(offset: UInt32, length: Int32)] = []
  /// The id of each single byte, or `UInt32.max` when that byte is not a token.
  private(set) var byteIDs = [UInt32](repeating: UInt32.max, count: 256)
  /// The id of each two-byte token, indexed by `first | second << 8` (`UInt32.max`: none): the
  /// lookups the merge loop makes most, answered without hashing from a 256 KiB array.
  private var pairIDs = [UInt32](repeating: UInt32.max, count: 65536)
  /// How many tokens the table holds.
  private(set) var count = 0

  /// An empty table sized for about `capacity` tokens.
  init(capacity: Int) {
    var size = 1024
    while size < capacity * 2 + 16 { size <<= 1 }
    slots = [Slot](repeating: Slot(), count: size)
    shift = UInt64(64 - size.trailingZeroBitCount)
  }

  /// Adds `bytes` as token `id`; returns `false` (and changes nothing) when the bytes are
  /// already a token.
  mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, id: UInt32) -> Bool {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
    if lookup(base, bytes.count, readable: bytes.count) != nil { return false }
    if (count + 1) * 2 > slots.count { grow() }
    let offset = UInt32(arena.count)
    arena.append(contentsOf: bytes)
    let prefix = Self.pack(base, min(bytes.count, 8), readable: bytes.count)
    place(Slot(prefix: prefix, length: UInt32(bytes.count), offset: offset, id: id), base: base)
    if Int(id) >= spans.count {
      spans.append(contentsOf: repeatElement((offset: UInt32(0), length: Int32(-1)), count: Int(id) - spans.count + 1))
    }
    spans[Int(id)] = (offset, Int32(bytes.count))
    if bytes.count == 1 { byteIDs[Int(base[0])] = id }
    if bytes.count == 2 { pairIDs[Int(base[0]) | Int(base[1]) << 8] = id }
    count += 1
    return true
  }

  /// The id of the token whose bytes are `bytes[0..<length]`, or `nil`.
  /// `readable` is how many bytes from `bytes` may be read (at least `length`).
  @inline(__always)
  func lookup(_ bytes: UnsafePointer<UInt8>, _ length: Int, readable: Int) -> UInt32? {
    if length == 2 {
      let id = pairIDs.withUnsafeBufferPointer { $0[Int(bytes[0]) | Int(bytes[1]) << 8] }
      return id == UInt32.max ? nil : id
    }
    let prefix = Self.pack(bytes, min(length, 8), readable: readable)
    var index = Int(truncatingIfNeeded: Self.hash(prefix, bytes, length) >> shift)
    let mask = slots.count - 1
    return slots.withUnsafeBufferPointer { slots -> UInt32? in
      while true {
        let slot = slots[index]
        if slot.length == 0 { return nil }
        if slot.prefix == prefix && Int(slot.length) == length {
          if length <= 8 || equalTail(slot, bytes, length) { return slot.id }
        }
        index = (index + 1) & mask
      }
    }
  }

  /// The bytes of token `id`, or `nil` when no token has that id.
  func bytes(of id: Int) -> ArraySlice<UInt8>? {
    guard id >= 0, id < spans.count, spans[id].length >= 0 else { return nil }
    let start = Int(spans[id].offset)
    return arena[start..<(start + Int(spans[id].length))]
  }

  /// One more than the largest id.
  var idLimit: Int { spans.count }

  private func equalTail(_ slot: Slot, _ bytes: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    arena.withUnsafeBufferPointer { arena in
      guard let base = arena.baseAddress else { return false }
      return memcmp(base + Int(slot.offset) + 8, bytes + 8, length - 8) == 0
    }
  }

  private mutating func place(_ slot: Slot, base: UnsafePointer<UInt8>) {
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: Self.hash(slot.prefix, base, Int(slot.length)) >> shift)
    while slots[index].length != 0 { index = (index + 1) & mask }
    slots[index] = slot
  }

  private mutating func grow() {
    let old = slots
    slots = [Slot](repeating: Slot(), count: old.count * 2)
    shift -= 1
    let arena = self.arena
    arena.withUnsafeBufferPointer { arena in
      guard let base = arena.baseAddress else { return }
      for slot in old where slot.length != 0 {
        place(slot, base: base + Int(slot.offset))
      }
    }
  }

  /// Up to 8 bytes packed little-endian; reads a whole word when 8 bytes are readable.
  @inline(__always)
  static func pack(_ bytes: UnsafePointer<UInt8>, _ length: Int, readable: Int) -> UInt64 {
    if readable >= 8 {
      let word = UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
      return length >= 8 ? word : word & ((1 << UInt64(length &* 8)) &- 1)
    }
    var word: UInt64 = 0
    var i = 0
    while i < length {
      word |= UInt64(bytes[i]) << UInt64(i &* 8)
      i += 1
    }
    return word
  }

  /// A hash of the packed prefix, the length and (for longer sequences) the last 8 bytes.
  @inline(__always)
  private static func hash(_ prefix: UInt64, _ bytes: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
    var h = (prefix ^ UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
    if length > 8 {
      let tail = UInt64(littleEndian: UnsafeRawPointer(bytes + length - 8).loadUnaligned(as: UInt64.self))
      h = (h ^ tail ^ (h >> 31)) &* 0x94D0_49BB_1331_11EB
    }
    return h ^ (h >> 29)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
