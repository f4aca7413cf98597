/// Reads what ``BinaryWriter`` wrote, failing with the file's path on truncation.
struct BinaryReader {
  let bytes: [UInt8]
  let path: String
  var offset = 0

  init(bytes: [UInt8], path: String) {
    self.bytes = bytes
    self.path = path
  }

  mutating func expect(_ magic: [UInt8], what: String) throws(DedupError) {
    guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
      throw .badIntermediate(path: path, reason: "not \(what)")
    }
    offset = magic.count
  }

  mutating func read<T: FixedWidthInteger>(_ type: T.Type) throws(DedupError) -> T {
    let size = MemoryLayout<T>.size
    guard offset + size <= bytes.count else { throw .badIntermediate(path: path, reason: "truncated") }
    let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
    offset += size
    return T(littleEndian: value)
  }

  mutating func int() throws(DedupError) -> Int {
    let v = try read(UInt64.self)
    guard v <= UInt64(Int.max) else { throw .badIntermediate(path: path, reason: "corrupt length") }
    return Int(v)
  }

  mutating func digest() throws(DedupError) -> UInt64? {
    let present = try int()
    let value = try read(UInt64.self)
    return present == 1 ? value : nil
  }

  mutating func string() throws(DedupError) -> String {
    let length = try int()
    guard offset + length <= bytes.count else { throw .badIntermediate(path: path, reason: "truncated") }
    defer { offset += length }
    return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
  }

  mutating func array<T: FixedWidthInteger>(_ type: T.Type) throws(DedupError) -> [T] {
    let count = try int()
    let size = MemoryLayout<T>.size
    guard count <= (bytes.count - offset) / size else { throw .badIntermediate(path: path, reason: "truncated") }
    var out = [T]()
    out.reserveCapacity(count)
    bytes.withUnsafeBytes { raw in
      for k in 0..<count { out.append(T(littleEndian: raw.loadUnaligned(fromByteOffset: offset + k * size, as: T.self))) }
    }
    offset += count * size
    return out
  }
}
