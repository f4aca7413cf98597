#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Caps the number of attributes in each start tag of a page before libxml2 parses it.
///
/// libxml2 2.9's HTML parser checks each new attribute against all earlier ones of the element
/// (duplicates) and appends it by walking the element's attribute list, so one element with n
/// attributes costs n² steps: 100,000 attributes took 24.5 s, a million more than a minute. No
/// real element carries more than a few dozen, so attributes past ``maximumAttributes`` are
/// dropped from the bytes (the tag itself, its first attributes and everything after it stay),
/// which keeps parsing linear in the input. Tags are read as the HTML parser reads them: a name,
/// then attributes `name`, `name=value`, `name="value"` or `name='value'` (a `>` inside quotes does
/// not end the tag); comments are skipped whole.
enum HTMLAttributeCap {
  /// The most attributes kept in one start tag.
  static let maximumAttributes = 1000

  /// `bytes` with the attributes past `limit` removed from each start tag, or `nil` when no tag
  /// has more (the common case: nothing is copied).
  static func capped(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = maximumAttributes) -> [UInt8]? {
    guard let base = bytes.baseAddress else { return nil }
    let count = bytes.count
    var out: [UInt8]?
    var copiedUpTo = 0
    var index = 0
    while index < count {
      guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { break }
      let open = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if open + 3 < count, bytes[open + 1] == UInt8(ascii: "!"), bytes[open + 2] == UInt8(ascii: "-"),
        bytes[open + 3] == UInt8(ascii: "-")
      {
        index = endOfComment(bytes, from: open + 4)
        continue
      }
      guard open + 1 < count, isLetter(bytes[open + 1]) else {
        index = open + 1
        continue
      }
      let tag = scanStartTag(bytes, at: open, limit: limit)
      if let cut = tag.cut {
        out = out ?? { var copy: [UInt8] = []; copy.reserveCapacity(count); return copy }()
        out?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<cut]))
        copiedUpTo = tag.end
      }
      index = tag.end
    }
    guard var result = out else { return nil }
    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<count]))
    return result
  }

  /// Reads the start tag at `open` (`<` then a letter): where it ends (its `>`, or the end of the
  /// input) and, when it has more than `limit` attributes, where the attribute past the limit starts.
  static func scanStartTag(
    _ bytes: UnsafeBufferPointer<UInt8>, at open: Int, limit: Int
  ) -> (end: Int, cut: Int?) {
    let count = bytes.count
    var index = open + 1
    while index < count, !isBlank(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
      index += 1
    }
    var attributes = 0
    var cut: Int?
    while true {
      while index < count, isBlank(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
      guard index < count, bytes[index] != UInt8(ascii: ">") else { break }
      attributes += 1
      if attributes == limit + 1 { cut = index }
      let nameStart = index
      while index < count, !isBlank(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") {
        index += 1
      }
      if index == nameStart { index += 1 }  // a stray `=`: step over it
      var afterName = index
      while afterName < count, isBlank(bytes[afterName]) { afterName += 1 }
      guard afterName < count, bytes[afterName] == UInt8(ascii: "=") else { continue }
      index = afterName + 1
      while index < count, isBlank(bytes[index]) { index += 1 }
      guard index < count else { break }
      let quote = bytes[index]
      if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
        index += 1
        while index < count, bytes[index] != quote { index += 1 }
        index = min(index + 1, count)
      } else {
        while index < count, !isBlank(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
      }
    }
    return (min(index, count), cut)
  }

  /// The index just past the `-->` closing a comment whose body starts at `start` (the end of the
  /// input when it is never closed).
  private static func endOfComment(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    while index + 2 < bytes.count {
      if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: ">") {
        return index + 3
      }
      index += 1
    }
    return bytes.count
  }

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }
}
