import Foundation

/// A pre-tokenizer split by an arbitrary regex, for `tokenizer.json` patterns that have no
/// hand-written scanner. Uses `NSRegularExpression` (ICU), so it is several times slower.
///
/// Follows Hugging Face `Split` with behaviour `Isolated`: every match is a piece, and so is
/// any text between matches.
final class RegexSplitter: @unchecked Sendable {
  // @unchecked: NSRegularExpression is immutable after creation and documented thread-safe.
  private let regex: NSRegularExpression
  /// The pattern source.
  let pattern: String

  /// A splitter matching the literal text `literal` (a `Split` with a `String` pattern).
  convenience init?(literal: String) {
    self.init(pattern: NSRegularExpression.escapedPattern(for: literal))
  }

  /// Compiles `pattern`; `nil` when ICU rejects it.
  init?(pattern: String) {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
    self.regex = regex
    self.pattern = pattern
  }

  /// The byte ranges of the pieces of the UTF-8 text `bytes`, in order, covering it.
  func pieces(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    let text = String(decoding: bytes, as: UTF8.self)
    let utf16 = text.utf16
    var ranges: [Range<Int>] = []
    var previousEnd = 0
    var utf8Offset = 0
    var utf16Offset = 0
    var index = text.startIndex
    // Converts a UTF-16 offset to a UTF-8 offset, moving forward from the last conversion.
    func utf8(_ target: Int) -> Int {
      while utf16Offset < target, index < text.endIndex {
        let scalar = text.unicodeScalars[index]
        utf16Offset += scalar.utf16.count
        utf8Offset += scalar.utf8.count
        index = text.unicodeScalars.index(after: index)
      }
      return utf8Offset
    }
    let whole = NSRange(location: 0, length: utf16.count)
    regex.enumerateMatches(in: text, options: [], range: whole) { match, _, _ in
      guard let range = match?.range, range.length > 0 else { return }
      let start = utf8(range.location)
      let end = utf8(range.location + range.length)
      if start > previousEnd { ranges.append(previousEnd..<start) }
      ranges.append(start..<end)
      previousEnd = end
    }
    if previousEnd < bytes.count { ranges.append(previousEnd..<bytes.count) }
    return ranges
  }
}
