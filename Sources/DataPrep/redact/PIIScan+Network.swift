/// Emails, IP addresses and credentials in URLs.
extension PIIScan {
  /// Image names like `logo@2x.png` are not addresses, nor is the reserved `.invalid` (RFC 2606)
  /// that pseudonyms use.
  private static let fileExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "pdf", "tif", "tiff", "invalid"]

  /// An email around the `@` at `at`: a local part of up to 64 bytes behind it (not reaching
  /// back into the last finding), a dotted domain with an alphabetic top-level label after it.
  mutating func email(at: Int) -> Int? {
    var start = at
    let floor = max(lastEnd, at - 64)
    while start > floor && Self.isLocal(b[start - 1]) { start -= 1 }
    while start < at && b[start] == 0x2E { start += 1 }
    guard start < at, b[at - 1] != 0x2E else { return nil }
    // `scheme://user:pass@host` is a URL's credentials, not an email.
    if start > 0 && b[start - 1] == 0x3A {
      var k = start - 1
      while k > max(0, start - 64) && b[k] != 0x20 && b[k] != 0x0A {
        if b[k] == 0x2F && b[k - 1] == 0x2F { return nil }
        k -= 1
      }
    }
    // The domain: labels of letters, digits and hyphens joined by dots.
    var j = at + 1
    let limit = min(n, at + 1 + 253)
    var lastDot = -1
    var labelStart = j
    while j < limit {
      let c = b[j]
      if Self.isAlnum(c) || c == 0x2D {
        j += 1
      } else if c == 0x2E, j > labelStart, j + 1 < n, Self.isAlnum(b[j + 1]) {
        lastDot = j
        j += 1
        labelStart = j
      } else {
        break
      }
    }
    guard lastDot > at, j - lastDot - 1 >= 2 else { return nil }
    for k in (lastDot + 1)..<j where !Self.isAlpha(b[k]) { return nil }
    if j < n && (b[j] == 0x40 || b[j] == 0x5F) { return nil }
    let tld = String(decoding: UnsafeBufferPointer(rebasing: b[(lastDot + 1)..<j]), as: UTF8.self).lowercased()
    if Self.fileExtensions.contains(tld) { return nil }
    add(.email, start..<j)
    return j
  }

  @inline(__always) static func isLocal(_ c: UInt8) -> Bool {
    isAlnum(c) || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == 0x2D
  }

  /// A dotted-quad IPv4 address at word start `i`; private, reserved and documentation ranges
  /// and version numbers (`version 1.2.3.4`, `1.2.3.4.5`) are passed over.
  mutating func ipv4(at i: Int) -> Int? {
    if i > 0 && (b[i - 1] == 0x2E || b[i - 1] == 0x2D) { return nil }
    var octets = (0, 0, 0, 0)
    var j = i
    for part in 0..<4 {
      var value = 0
      let start = j
      while j < n && j - start < 3 && Self.isDigit(b[j]) {
        value = value * 10 + Int(b[j] - 0x30)
        j += 1
      }
      guard j > start, value <= 255 else { return nil }
      switch part {
      case 0: octets.0 = value
      case 1: octets.1 = value
      case 2: octets.2 = value
      default: octets.3 = value
      }
      if part < 3 {
        guard j < n, b[j] == 0x2E else { return nil }
        j += 1
      }
    }
    if j < n && (Self.isWord(b[j]) || (b[j] == 0x2E && j + 1 < n && Self.isDigit(b[j + 1]))) {
      // Longer: 1.2.3.4.5, 1.2.3.4a.
      return j + 1 < n ? skipDotted(from: j) : nil
    }
    guard Self.isPublicIPv4(octets), !isVersionContext(i, j) else { return j }
    add(.ip, i..<j)
    return j
  }

  /// Past a run of digits and dots (one longer dotted number), so its tail is not read again.
  private func skipDotted(from j: Int) -> Int {
    var k = j
    while k < n && (Self.isWord(b[k]) || b[k] == 0x2E) && k - j < 64 { k += 1 }
    return k
  }

  /// Words before a dotted number that make it a version or a section number: `version
  /// 1.2.3.4`, `v. 1.2.3.4`, `Section 9.16.2.1`.
  private static let versionWords: Set<String> = [
    "version", "versions", "release", "releases", "ver", "v", "rev", "revision", "build", "update", "upgrade", "kernel",
    "section", "sections", "sect", "chapter", "chapters", "appendix", "table", "figure", "fig", "step", "part", "paragraph",
    "clause", "item", "rule",
  ]

  /// Whether a dotted number sits in a version context: one of ``versionWords`` just before it
  /// (`version 1.2.3.4`, `Version: 1.2.3.4`) or `release`/`version` just after.
  func isVersionContext(_ start: Int, _ end: Int) -> Bool {
    if isHeadingNumber(start, end) { return true }
    var k = start
    while k > 0 && start - k < 4 && (b[k - 1] == 0x20 || b[k - 1] == 0x3A || b[k - 1] == 0x2E || b[k - 1] == 0x09) { k -= 1 }
    let wordEnd = k
    while k > 0 && wordEnd - k < 12 && Self.isAlpha(b[k - 1]) { k -= 1 }
    if wordEnd > k {
      let word = String(decoding: UnsafeBufferPointer(rebasing: b[k..<wordEnd]), as: UTF8.self).lowercased()
      if Self.versionWords.contains(word) { return true }
    }
    return contains("release", in: end..<(end + 10)) || contains("version", in: end..<(end + 10))
  }

  /// A heading's number: after Markdown `#` marks, or at a line's start and followed by `. ` and
  /// a title (`#### 9.16.2.3. SQL/JSON`, `24.2.2.1. Dumping`).
  private func isHeadingNumber(_ start: Int, _ end: Int) -> Bool {
    var k = start
    var hashes = false
    while k > 0 && start - k < 8 && (b[k - 1] == 0x20 || b[k - 1] == 0x23) {
      if b[k - 1] == 0x23 { hashes = true }
      k -= 1
    }
    guard k == 0 || b[k - 1] == 0x0A else { return false }
    return hashes || (end + 2 < n && b[end] == 0x2E && b[end + 1] == 0x20 && Self.isAlpha(b[end + 2]))
  }

  static func isPublicIPv4(_ o: (Int, Int, Int, Int)) -> Bool {
    let (a, b, c) = (o.0, o.1, o.2)
    switch a {
    case 0, 10, 127: return false
    case 100 where (64...127).contains(b): return false
    case 169 where b == 254: return false
    case 172 where (16...31).contains(b): return false
    case 192 where b == 168 || (b == 0 && (c == 0 || c == 2)): return false
    case 198 where b == 18 || b == 19 || (b == 51 && c == 100): return false
    case 203 where b == 0 && c == 113: return false
    case 224...255: return false
    default: return true
    }
  }

  /// An IPv6 address at word start `i` (hex groups and colons, at most one `::`, an optional
  /// dotted tail); only global unicast (2000::/3) outside 2001:db8::/32 is a finding.
  mutating func ipv6(at i: Int) -> Int? {
    // Cheap rejection: a colon within the first five bytes.
    var k = i
    while k < n && k - i < 5 && Self.isHex(b[k]) { k += 1 }
    guard k < n, b[k] == 0x3A, k + 1 < n, Self.isHex(b[k + 1]) || b[k + 1] == 0x3A else { return nil }
    if i > 0 && (b[i - 1] == 0x3A || b[i - 1] == 0x2E) { return nil }
    var end = run(from: i, limit: 46) { Self.isHex($0) || $0 == 0x3A || $0 == 0x2E }
    while end > i && b[end - 1] == 0x2E { end -= 1 }
    if end < n && (Self.isWord(b[end]) || b[end] == 0x3A) { return nil }
    var groups: [Int] = []
    var doubleColon = false
    var j = i
    var dottedTail = false
    while j < end {
      let start = j
      var value = 0
      while j < end && Self.isHex(b[j]) && j - start < 5 {
        value = value * 16 + Int(Self.hexValue(b[j]))
        j += 1
      }
      if j < end && b[j] == 0x2E {
        // An IPv4 tail: counts as two groups.
        dottedTail = true
        j = end
        groups.append(0)
        groups.append(0)
        break
      }
      if j > start {
        guard j - start <= 4 else { return nil }
        groups.append(value)
      }
      guard j < end else { break }
      guard b[j] == 0x3A else { return nil }
      if j + 1 < end && b[j + 1] == 0x3A {
        if doubleColon { return nil }
        doubleColon = true
        j += 2
      } else {
        guard j > start, j + 1 < end else { return nil }
        j += 1
      }
    }
    guard groups.count <= 8, doubleColon ? groups.count >= 2 : groups.count == 8 else { return nil }
    _ = dottedTail
    guard let first = groups.first else { return nil }
    let isGlobal = first >= 0x2000 && first <= 0x3FFF && !(first == 0x2001 && groups.count > 1 && groups[1] == 0x0DB8)
    // A leading group must be the address's own: `::1`-like starts are not global.
    guard isGlobal, b[i] != 0x3A else { return end }
    add(.ip, i..<end)
    return end
  }

  @inline(__always) static func hexValue(_ c: UInt8) -> UInt8 {
    isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10
  }

  /// The password of `scheme://user:password@host` (the `://` at `at`): the password alone is
  /// the finding, unless it is a placeholder.
  mutating func urlCredentials(at: Int) -> Int? {
    let start = at + 3
    var colon = -1
    var j = start
    let limit = min(n, start + 256)
    while j < limit {
      let c = b[j]
      if c == 0x40 { break }
      if c == 0x2F || c == 0x3F || c == 0x23 || c <= 0x20 || c == 0x22 || c == 0x27 || c == 0x3C || c == 0x3E { return nil }
      if c == 0x3A && colon < 0 { colon = j }
      j += 1
    }
    guard j < limit, b[j] == 0x40, colon > start, j > colon + 1, j + 1 < n, Self.isAlnum(b[j + 1]) || b[j + 1] == 0x5B else {
      return nil
    }
    let password = UnsafeBufferPointer(rebasing: b[(colon + 1)..<j])
    guard !SecretScore.isPlaceholder(password), password.count >= 4 else { return nil }
    add(.secret, (colon + 1)..<j)
    return j + 1
  }
}
