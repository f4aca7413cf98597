/// Little-endian encoding of the dedup stage files' headers and small arrays.
struct BinaryWriter {
  var data: [UInt8] = []

  mutating func bytes(_ b: [UInt8]) { data += b }

  mutating func int(_ v: Int) { append(UInt64(v)) }

  mutating func string(_ s: String) {
    int(s.utf8.count)
    data += s.utf8
  }

  /// An optional input digest: a presence flag, then the value.
  mutating func digest(_ value: UInt64?) {
    int(value == nil ? 0 : 1)
    append(value ?? 0)
  }

  mutating func append<T: FixedWidthInteger>(_ v: T) {
    withUnsafeBytes(of: v.littleEndian) { data += $0 }
  }

  mutating func array<T: FixedWidthInteger>(_ values: [T]) {
    int(values.count)
    data.reserveCapacity(data.count + values.count * MemoryLayout<T>.size)
    for v in values { append(v) }
  }
}
