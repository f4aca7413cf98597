import Foundation

/// Folds text so that copies differing only in form compare equal: Unicode compatibility forms,
/// case, punctuation and whitespace (see ``NormalizationLevel``).
///
/// The output is UTF-8 words separated by single spaces, with no leading or trailing space. At
/// the default `basic` level it equals Python's
/// `re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", unicodedata.normalize("NFKC", t).lower())).strip()`,
/// so scores are comparable with tools that normalise that way. ASCII text takes a byte-level
/// fast path; only runs of non-ASCII characters go through Foundation's Unicode normalisation.
struct TextNormalizer: Sendable {
  /// The level applied.
  let level: NormalizationLevel

  /// A normalizer at `level`.
  init(level: NormalizationLevel = .basic) {
    self.level = level
  }

  /// The normalised form of `text`.
  func normalize(_ text: String) -> String {
    var out: [UInt8] = []
    normalize(text, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Replaces the contents of `out` with the normalised UTF-8 bytes of `text`.
  func normalize(_ text: String, into out: inout [UInt8]) {
    var text = text
    text.withUTF8 { normalize($0, into: &out) }
  }

  /// Replaces the contents of `out` with the normalised form of the UTF-8 bytes `bytes`.
  func normalize(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    if level != .none && Self.isASCII(bytes) {
      normalizeASCII(bytes, into: &out)
      return
    }
    out.removeAll(keepingCapacity: true)
    out.reserveCapacity(bytes.count)
    if level == .none {
      splitAtWhitespace(bytes, into: &out)
      return
    }
    let table = Self.asciiTable
    let foldDigits = level == .aggressive
    var pendingSpace = false
    var i = 0
    let n = bytes.count
    while i < n {
      let byte = bytes[i]
      if byte < 0x80 {
        let mapped = table[Int(byte)]
        if mapped == 0 {
          pendingSpace = true
        } else {
          if pendingSpace {
            if !out.isEmpty { out.append(0x20) }
            pendingSpace = false
          }
          out.append(foldDigits && mapped >= 0x30 && mapped <= 0x39 ? 0x30 : mapped)
        }
        i += 1
        continue
      }
      // A run of non-ASCII bytes, with the ASCII letter before it (a combining mark may attach to it).
      var start = i
      if i > 0, bytes[i - 1] < 0x80, table[Int(bytes[i - 1])] != 0, !pendingSpace, !out.isEmpty {
        start = i - 1
        out.removeLast()
      }
      var end = i
      while end < n && bytes[end] >= 0x80 { end += 1 }
      let segment = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      appendFolded(segment, into: &out, pendingSpace: &pendingSpace)
      i = end
    }
  }

  /// The fast path for pure ASCII text: one table lookup per byte, written without bounds checks.
  private func normalizeASCII(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    let table = level == .aggressive ? Self.asciiTableFoldingDigits : Self.asciiTable
    out = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
      table.withUnsafeBufferPointer { table in
        guard let input = bytes.baseAddress, let output = buffer.baseAddress else {
          initialized = 0
          return
        }
        // Branch-free: every byte is written (a separator as a space); the write position moves
        // on after a word byte, or after the first separator following a word, so runs of
        // separators collapse to one space and leading ones vanish.
        var w = 0
        var previousWord = 0
        for i in 0..<bytes.count {
          let mapped = table[Int(input[i])]
          let isWord = mapped != 0 ? 1 : 0
          output[w] = mapped | (UInt8(truncatingIfNeeded: 1 &- isWord) &* 0x20)
          w &+= isWord | previousWord
          previousWord = isWord
        }
        if w > 0 && previousWord == 0 { w &-= 1 }  // a trailing space
        initialized = w
      }
    }
  }

  /// Whether every byte is below 0x80.
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var i = 0
    let n = bytes.count
    while i + 8 <= n {
      if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
      i += 8
    }
    while i < n {
      if bytes[i] >= 0x80 { return false }
      i += 1
    }
    return true
  }

  /// Words split at whitespace and joined by single spaces (the `none` level).
  private func splitAtWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    var pendingSpace = false
    for byte in bytes {
      if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x1F) {
        pendingSpace = true
      } else {
        if pendingSpace {
          if !out.isEmpty { out.append(0x20) }
          pendingSpace = false
        }
        out.append(byte)
      }
    }
  }

  /// Folds a segment holding non-ASCII text through Unicode normalisation and appends it.
  private func appendFolded(_ segment: String, into out: inout [UInt8], pendingSpace: inout Bool) {
    let folded: String
    if level == .aggressive {
      let decomposed = segment.decomposedStringWithCompatibilityMapping.lowercased()
      var kept = String.UnicodeScalarView()
      for scalar in decomposed.unicodeScalars where !Self.isMark(scalar) { kept.append(scalar) }
      folded = String(kept).precomposedStringWithCanonicalMapping
    } else {
      folded = segment.precomposedStringWithCompatibilityMapping.lowercased()
    }
    let table = Self.asciiTable
    for scalar in folded.unicodeScalars {
      let value = scalar.value
      var isWord: Bool
      if value < 0x80 {
        isWord = table[Int(value)] != 0
      } else {
        isWord = Self.isWordScalar(scalar)
      }
      if !isWord {
        pendingSpace = true
        continue
      }
      if pendingSpace {
        if !out.isEmpty { out.append(0x20) }
        pendingSpace = false
      }
      if value < 0x80 {
        let mapped = table[Int(value)]
        out.append(level == .aggressive && mapped >= 0x30 && mapped <= 0x39 ? 0x30 : mapped)
      } else if level == .aggressive, scalar.properties.numericType == .decimal {
        out.append(0x30)
      } else {
        out.append(contentsOf: String(scalar).utf8)
      }
    }
  }

  /// Python's `\w`: letters, numbers and `_`.
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber:
      return true
    default:
      return scalar == "_"
    }
  }

  static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  /// ``asciiTable`` with every digit mapped to `0` (the `aggressive` level).
  static let asciiTableFoldingDigits: [UInt8] = asciiTable.map { $0 >= 0x30 && $0 <= 0x39 ? 0x30 : $0 }

  /// For each ASCII byte: its lower-case form when it is a word character, else 0 (a separator).
  static let asciiTable: [UInt8] = (0..<128).map { (code: Int) -> UInt8 in
    let byte = UInt8(code)
    switch byte {
    case 0x41...0x5A: return byte + 0x20
    case 0x61...0x7A, 0x30...0x39, 0x5F: return byte
    default: return 0
    }
  }
}
