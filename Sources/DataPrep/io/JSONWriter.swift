/// Serialises ``JSONValue``s to compact UTF-8 JSON bytes.
///
/// Members are written in their stored order, `/` is never escaped, non-ASCII text is written
/// as raw UTF-8, and only `"`, `\` and control characters are escaped, so output is stable and
/// readable. Non-finite doubles, which JSON cannot hold, are written as `null`.
public struct JSONWriter: Sendable {
  /// A writer.
  public init() {}

  /// The compact JSON text of `value`.
  public func bytes(of value: JSONValue) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(256)
    write(value, into: &out)
    return out
  }

  /// The compact JSON text of `value`, as a `String`.
  public func string(of value: JSONValue) -> String {
    String(decoding: bytes(of: value), as: UTF8.self)
  }

  /// Appends the compact JSON text of `value` to `out`.
  public func write(_ value: JSONValue, into out: inout [UInt8]) {
    switch value {
    case .null:
      out.append(contentsOf: "null".utf8)
    case .bool(let b):
      out.append(contentsOf: (b ? "true" : "false").utf8)
    case .integer(let i):
      writeInteger(i, into: &out)
    case .double(let d):
      writeDouble(d, into: &out)
    case .string(let s):
      writeString(s, into: &out)
    case .array(let elements):
      out.append(UInt8(ascii: "["))
      elements.withUnsafeBufferPointer { elements in
        for index in elements.indices {
          if index > 0 { out.append(UInt8(ascii: ",")) }
          write(elements[index], into: &out)
        }
      }
      out.append(UInt8(ascii: "]"))
    case .object(let object):
      out.append(UInt8(ascii: "{"))
      object.members.withUnsafeBufferPointer { members in
        for index in members.indices {
          if index > 0 { out.append(UInt8(ascii: ",")) }
          writeString(members[index].key, into: &out)
          out.append(UInt8(ascii: ":"))
          write(members[index].value, into: &out)
        }
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  private func writeInteger(_ value: Int64, into out: inout [UInt8]) {
    if value < 0 { out.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var start = 20
      repeat {
        start -= 1
        digits[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
    }
  }

  private func writeDouble(_ d: Double, into out: inout [UInt8]) {
    guard d.isFinite else {
      out.append(contentsOf: "null".utf8)
      return
    }
    if d == d.rounded(), abs(d) < 1e15 {
      // Integral doubles keep a fraction so they read back as doubles: 2.0, not 2 (and -0.0).
      if d == 0 && d.sign == .minus { out.append(UInt8(ascii: "-")) }
      out.append(contentsOf: String(Int64(d)).utf8)
      out.append(contentsOf: ".0".utf8)
      return
    }
    out.append(contentsOf: d.description.utf8)
  }

  private func writeString(_ s: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { buffer in
      guard let base = buffer.baseAddress else { return }
      let end = base + buffer.count
      var runStart = base
      var cursor = base
      while true {
        // Find the next byte to escape, eight bytes at a time.
        while end - cursor >= 8 {
          let word = UInt64(littleEndian: UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self))
          let mask = JSONScanner.stringStopMask(word)
          if mask != 0 {
            cursor += mask.trailingZeroBitCount &>> 3
            break
          }
          cursor += 8
        }
        if end - cursor < 8 {
          while cursor < end {
            let byte = cursor.pointee
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
            cursor += 1
          }
        }
        if runStart < cursor { out.append(contentsOf: UnsafeBufferPointer(start: runStart, count: cursor - runStart)) }
        guard cursor < end else { return }
        appendEscape(cursor.pointee, into: &out)
        cursor += 1
        runStart = cursor
      }
    }
    out.append(UInt8(ascii: "\""))
  }

  private func appendEscape(_ byte: UInt8, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
    case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
    case 0x0A: out.append(UInt8(ascii: "n"))
    case 0x0D: out.append(UInt8(ascii: "r"))
    case 0x09: out.append(UInt8(ascii: "t"))
    case 0x08: out.append(UInt8(ascii: "b"))
    case 0x0C: out.append(UInt8(ascii: "f"))
    default:
      let hex = Array("0123456789abcdef".utf8)
      out.append(contentsOf: "u00".utf8)
      out.append(hex[Int(byte >> 4)])
      out.append(hex[Int(byte & 0xF)])
    }
  }
}
