/// Tokens with a known prefix, AWS keys, JWTs, PEM private keys and `key = value` secrets.
extension PIIScan {
  @inline(__always) static func isTokenByte(_ c: UInt8) -> Bool { isAlnum(c) || c == 0x5F || c == 0x2D }

  /// The end of `[A-Za-z0-9]` (or with `_-` when `dashes`) from `start`, if at least `minimum`
  /// long and not running into more word bytes.
  private func tokenTail(_ start: Int, minimum: Int, maximum: Int = 256, dashes: Bool) -> Int? {
    let end = run(from: start, limit: maximum) { dashes ? Self.isTokenByte($0) : Self.isAlnum($0) }
    guard end - start >= minimum, end >= n || !Self.isTokenByte(b[end]) else { return nil }
    return end
  }

  /// A token whose prefix names its issuer, at word start `i`.
  mutating func prefixedToken(at i: Int) -> Int? {
    var end: Int?
    switch b[i] {
    case 0x41:  // A
      if i + 20 <= n, Self.isAWSKeyIDPrefix(b, i) {
        let e = run(from: i + 4, limit: 17) { Self.isUpper($0) || Self.isDigit($0) }
        if e - i == 20 && (e >= n || !Self.isTokenByte(b[e])) { end = e }
      } else if has("AIza", at: i) {
        end = tokenTail(i + 4, minimum: 35, maximum: 36, dashes: true)
      }
    case 0x67:  // g
      if has("ghp_", at: i) || has("gho_", at: i) || has("ghu_", at: i) || has("ghs_", at: i) || has("ghr_", at: i) {
        end = tokenTail(i + 4, minimum: 30, dashes: false)
      } else if has("github_pat_", at: i) {
        end = tokenTail(i + 11, minimum: 22, dashes: true)
      } else if has("glpat-", at: i) {
        end = tokenTail(i + 6, minimum: 20, dashes: true)
      }
    case 0x78:  // x
      if has("xox", at: i), i + 4 < n, [0x62, 0x61, 0x70, 0x72, 0x73].contains(b[i + 3]), b[i + 4] == 0x2D,
        let e = tokenTail(i + 5, minimum: 15, dashes: true)
      {
        // Real Slack tokens carry numeric ids: `xoxb-your-token` is a placeholder.
        var digits = 0
        for k in (i + 5)..<e where Self.isDigit(b[k]) { digits += 1 }
        if digits >= 6 { end = e }
      }
    case 0x73, 0x72:  // s r
      if has("sk_live_", at: i) || has("rk_live_", at: i) {
        end = tokenTail(i + 8, minimum: 16, dashes: false)
      }
    case 0x65:  // e
      if has("eyJ", at: i) { end = jwt(at: i) }
    default:
      break
    }
    guard let end else { return nil }
    add(.secret, i..<end)
    return end
  }

  static func isAWSKeyIDPrefix(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    guard b[i] == 0x41 else { return false }
    let p = (b[i + 1], b[i + 2], b[i + 3])
    switch p {
    case (0x4B, 0x49, 0x41), (0x53, 0x49, 0x41), (0x47, 0x50, 0x41), (0x49, 0x44, 0x41), (0x52, 0x4F, 0x41),
      (0x49, 0x50, 0x41), (0x4E, 0x50, 0x41), (0x4E, 0x56, 0x41), (0x42, 0x49, 0x41), (0x43, 0x43, 0x41):
      return true  // KIA SIA GPA IDA ROA IPA NPA NVA BIA CCA
    default:
      return false
    }
  }

  /// A JWT at `i` (`eyJ...`): three base64url parts joined by dots whose first decodes to a
  /// JSON header naming `"alg"`.
  private func jwt(at i: Int) -> Int? {
    let isPart: (UInt8) -> Bool = { Self.isAlnum($0) || $0 == 0x5F || $0 == 0x2D }
    let e1 = run(from: i, limit: n - i, isPart)
    guard e1 - i >= 10, e1 < n, b[e1] == 0x2E else { return nil }
    let e2 = run(from: e1 + 1, limit: n - e1 - 1, isPart)
    guard e2 > e1 + 1, e2 < n, b[e2] == 0x2E else { return nil }
    let e3 = run(from: e2 + 1, limit: n - e2 - 1, isPart)
    guard e3 >= n || !Self.isWord(b[e3]) else { return nil }
    guard let header = Base64URL.decode(UnsafeBufferPointer(rebasing: b[i..<min(e1, i + 1024)])),
      header.first == 0x7B, Self.contains(header, "\"alg\"")
    else { return nil }
    return e3
  }

  static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
    let count = needle.utf8CodeUnitCount
    guard bytes.count >= count else { return false }
    let p = needle.utf8Start
    for s in 0...(bytes.count - count) {
      var k = 0
      while k < count && bytes[s + k] == p[k] { k += 1 }
      if k == count { return true }
    }
    return false
  }

  /// A PEM private key block at `i`, from `-----BEGIN ... PRIVATE KEY-----` to its `-----END`
  /// line (or the end of the text if it has none).
  mutating func pemBlock(at i: Int) -> Int? {
    guard has("-----BEGIN ", at: i) else { return nil }
    let labelStart = i + 11
    var j = labelStart
    while j < n && j - labelStart < 64 && (Self.isUpper(b[j]) || b[j] == 0x20) { j += 1 }
    guard has("-----", at: j), j - labelStart >= 11, has("PRIVATE KEY", at: j - 11) else { return nil }
    var end = n
    if !noPEMEnd {
      var k = j + 5
      var foundEnd = false
      while k + 9 <= n {
        if b[k] == 0x2D && has("-----END ", at: k) {
          var e = k + 9
          while e < n && e - k < 80 && b[e] != 0x0A && !has("-----", at: e) { e += 1 }
          end = has("-----", at: e) ? e + 5 : e
          foundEnd = true
          break
        }
        k += 1
      }
      if !foundEnd { noPEMEnd = true }
    }
    add(.secret, i..<end)
    return end
  }

  /// The 40-character base64 secret access key of AWS at word start `i`, with `aws` or
  /// `secret` within the 160 bytes before it.
  mutating func awsSecretKey(at i: Int, wordEnd: Int) -> Int? {
    // Most words are short and end at a byte that is not base64: nothing to do.
    guard wordEnd - i >= 40 || (wordEnd < n && (b[wordEnd] == 0x2F || b[wordEnd] == 0x2B)) else { return nil }
    let isB64: (UInt8) -> Bool = { Self.isAlnum($0) || $0 == 0x2F || $0 == 0x2B }
    if i > 0 && (b[i - 1] == 0x2F || b[i - 1] == 0x2B) { return nil }
    let end = run(from: i, limit: 41, isB64)
    guard end - i == 40, end >= n || !(isB64(b[end]) || b[end] == 0x5F || b[end] == 0x2D) else { return nil }
    var upper = false
    var lower = false
    var other = false
    for k in i..<end {
      let c = b[k]
      if Self.isUpper(c) { upper = true } else if Self.isLower(c) { lower = true } else { other = true }
    }
    guard upper && lower && other else { return nil }
    guard contains("aws", in: (i - 160)..<i) || contains("secret", in: (i - 160)..<i) else { return nil }
    add(.secret, i..<end)
    return end
  }

  /// Key names whose value is a secret, matched at the end of a key word after a separator
  /// (`db_password`, `AWS_SECRET_ACCESS_KEY`, `client-secret`).
  private static let keyNames: [StaticString] = [
    "password", "passwd", "passphrase", "pwd", "pass", "secret", "token", "apikey", "api_key",
    "accesskey", "access_key", "secretkey", "secret_key", "privatekey", "private_key",
    "credentials",
  ]

  /// A secret in `key = value`, `key: value`, `"key": "value"` or a connection string's
  /// `Password=value;`, with the key word at `i`: the value alone is the finding, when it scores
  /// as a secret (``SecretScore``).
  mutating func keyValue(at i: Int, wordEnd keyEnd: Int) -> Int? {
    // Most words are followed by a space and a letter: nothing to do. (In `client-secret`, the
    // key name is the word `secret`.)
    guard keyEnd - i >= 3, keyEnd - i <= 64, keyEnd < n else { return nil }
    var j = keyEnd
    if b[j] == 0x22 || b[j] == 0x27 { j += 1 }
    while j < n && j - keyEnd < 8 && (b[j] == 0x20 || b[j] == 0x09) { j += 1 }
    guard j < n, b[j] == 0x3D || b[j] == 0x3A, isKeyName(i, keyEnd) else { return nil }
    if b[j] == 0x3D {
      j += 1
      if j < n && b[j] == 0x3E { j += 1 }
    } else if b[j] == 0x3A {
      j += 1
      if j < n && b[j] == 0x3D { j += 1 }
    } else {
      return nil
    }
    while j < n && j - keyEnd < 16 && (b[j] == 0x20 || b[j] == 0x09) { j += 1 }
    guard j < n else { return nil }
    var quote: UInt8 = 0
    if b[j] == 0x22 || b[j] == 0x27 {
      quote = b[j]
      j += 1
    }
    let valueStart = j
    var valueEnd: Int
    if quote != 0 {
      valueEnd = run(from: j, limit: 200) { $0 != quote && $0 != 0x0A && $0 != 0x5C }
      guard valueEnd < n, b[valueEnd] == quote else { return nil }
    } else {
      valueEnd = run(from: j, limit: 200) {
        $0 > 0x20 && $0 != 0x22 && $0 != 0x27 && $0 != 0x3B && $0 != 0x2C && $0 != 0x26 && $0 != 0x29 && $0 != 0x5D && $0 != 0x7D
          && $0 != 0x3C && $0 != 0x60
      }
      // A sentence's full stop is not part of the value.
      while valueEnd > valueStart && (b[valueEnd - 1] == 0x2E || b[valueEnd - 1] == 0x3A) { valueEnd -= 1 }
    }
    guard valueEnd > valueStart else { return nil }
    let value = UnsafeBufferPointer(rebasing: b[valueStart..<valueEnd])
    guard SecretScore.isSecret(value) else { return nil }
    add(.secret, valueStart..<valueEnd)
    return valueEnd
  }

  /// Whether the word `i..<end` ends with a key name, at its start or after `_`.
  private func isKeyName(_ i: Int, _ end: Int) -> Bool {
    for name in Self.keyNames {
      let count = name.utf8CodeUnitCount
      let start = end - count
      guard start >= i else { continue }
      if start > i {
        let before = b[start - 1]
        guard before == 0x5F else { continue }
      }
      let p = name.utf8Start
      var k = 0
      while k < count && Self.lower(b[start + k]) == p[k] { k += 1 }
      if k == count { return true }
    }
    return false
  }
}
