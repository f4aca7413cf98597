/// Phone numbers, payment cards and IBANs.
extension PIIScan {
  /// The groups of digits of a number-like span, with the separators between them.
  struct NumberSpan {
    var digits: [UInt8] = []
    /// Digits per group.
    var groups: [Int] = []
    /// The separator before each group after the first (`-`, `.`, ` `, `)`).
    var separators: [UInt8] = []
    var plus = false
    var parenthesised = false
    var end = 0
  }

  /// A phone number or card number starting at word start `i` (a digit, `+` or `(`).
  mutating func number(at i: Int) -> Int? {
    // Most numbers are short: count the digits a span could hold before building it.
    var digits = 0
    var k = i
    let limit = min(n, i + 40)
    while k < limit {
      let c = b[k]
      if Self.isDigit(c) {
        digits += 1
      } else if !(c == 0x20 || c == 0x2D || c == 0x2E || c == 0x28 || c == 0x29 || c == 0x2B) {
        break
      }
      k += 1
    }
    guard digits >= 8 else { return nil }
    guard let span = numberSpan(at: i) else { return nil }
    if span.end < n && (Self.isWord(b[span.end]) || b[span.end] == 0x40) { return span.end }
    if kinds.contains(.card), !span.plus, !span.parenthesised, isCard(span) {
      add(.card, i..<span.end)
      return span.end
    }
    if kinds.contains(.phone), isPhone(span, at: i) {
      add(.phone, i..<span.end)
      return span.end
    }
    return span.end
  }

  /// Reads digits in groups joined by one separator (`-`, `.`, space, or `) ` after an area
  /// code), at most 24 digits and 40 bytes.
  private func numberSpan(at i: Int) -> NumberSpan? {
    var span = NumberSpan()
    var j = i
    if b[j] == 0x2B {
      guard j + 1 < n, Self.isDigit(b[j + 1]) else { return nil }
      if i > 0 && (b[i - 1] == 0x2B || Self.isWord(b[i - 1])) { return nil }
      span.plus = true
      j += 1
    }
    let limit = min(n, i + 40)
    var groupLength = 0
    var inParen = false
    while j < limit {
      let c = b[j]
      if Self.isDigit(c) {
        span.digits.append(c)
        groupLength += 1
        j += 1
        if span.digits.count > 24 { return nil }
        continue
      }
      if c == 0x28 {  // ( opens an area code at the start of a group
        guard groupLength == 0, !inParen, j + 1 < n, Self.isDigit(b[j + 1]) else { break }
        if span.groups.isEmpty && !span.plus { span.parenthesised = true }
        inParen = true
        j += 1
        continue
      }
      // A separator ends the group; a digit (or `(` after a space) must follow it.
      var k = j + 1
      if c == 0x29 {  // )
        guard inParen, groupLength > 0 else { break }
        if k < n && b[k] == 0x20 { k += 1 }
        guard k < n, Self.isDigit(b[k]) else { break }
        inParen = false
      } else if c == 0x2D || c == 0x2E || c == 0x20 {
        guard groupLength > 0, !inParen, k < n, Self.isDigit(b[k]) || (c == 0x20 && b[k] == 0x28 && k + 1 < n && Self.isDigit(b[k + 1])) else {
          break
        }
      } else {
        break
      }
      span.groups.append(groupLength)
      span.separators.append(c)
      groupLength = 0
      j = k
    }
    if groupLength > 0 { span.groups.append(groupLength) }
    guard !span.digits.isEmpty else { return nil }
    span.end = j
    if span.digits.count > 19 && !span.plus { return nil }
    return span
  }

  // MARK: cards

  /// 13 to 19 digits, in one group or in groups of four (Amex 4-6-5, Diners 4-6-4) joined by
  /// one kind of separator (space or hyphen), Luhn-valid, with a known issuer prefix.
  private func isCard(_ span: NumberSpan) -> Bool {
    let d = span.digits
    guard (13...19).contains(d.count) else { return false }
    let seps = Set(span.separators)
    guard seps.isSubset(of: [0x20, 0x2D]), seps.count <= 1 else { return false }
    let g = span.groups
    let groupsFit = g.count == 1 || g == [4, 6, 5] || g == [4, 6, 4]
      || (g.dropLast().allSatisfy { $0 == 4 } && (1...4).contains(g.last ?? 0) && g.count >= 4)
    guard groupsFit, Self.hasCardPrefix(d), Self.luhn(d) else { return false }
    return true
  }

  static func hasCardPrefix(_ d: [UInt8]) -> Bool {
    func prefix(_ k: Int) -> Int { d.prefix(k).reduce(0) { $0 * 10 + Int($1 - 0x30) } }
    let p1 = prefix(1), p2 = prefix(2), p3 = prefix(3), p4 = prefix(4), p6 = prefix(6)
    switch d.count {
    case 13: return p1 == 4
    case 14: return (300...305).contains(p3) || p2 == 36 || p2 == 38 || p2 == 39
    case 15: return p2 == 34 || p2 == 37 || p4 == 2131 || p4 == 1800
    default:
      return p1 == 4 || (51...55).contains(p2) || (2221...2720).contains(p4) || p4 == 6011 || p2 == 65
        || (644...649).contains(p3) || (3528...3589).contains(p4) || p2 == 62 || (622126...622925).contains(p6)
        || p2 == 36 || p4 == 5018 || p4 == 5020 || p4 == 5038 || p4 == 6304 || p4 == 6759 || p4 == 6761 || p4 == 6763
    }
  }

  static func luhn(_ d: [UInt8]) -> Bool {
    var sum = 0
    for (k, c) in d.reversed().enumerated() {
      var v = Int(c - 0x30)
      if k % 2 == 1 {
        v *= 2
        if v > 9 { v -= 9 }
      }
      sum += v
    }
    return sum % 10 == 0
  }

  // MARK: phones

  /// International `+CC` numbers of 8-15 digits; national numbers of 9-12 digits written as a
  /// parenthesised area code, the North American 3-3-4 (optionally after `1`), or a trunk `0`
  /// and two or more groups. Dates, ISBNs and DOIs, and numbers in code, are passed over.
  private mutating func isPhone(_ span: NumberSpan, at i: Int) -> Bool {
    let d = span.digits.count
    let g = span.groups
    if contains("isbn", in: (i - 20)..<i) || contains("doi", in: (i - 12)..<i) || contains("issn", in: (i - 12)..<i) {
      return false
    }
    if looksLikeDate(span) { return false }
    let seps = Set(span.separators)
    if seps.contains(0x2E) && seps.count > 1 { return false }
    var plausible = false
    if span.plus {
      // One unbroken run must be long enough to be a number with its country code, not a
      // signed integer (`+2147483647`).
      plausible = (8...15).contains(d) && (g.count >= 2 || d >= 11) && span.digits.first != 0x30
    } else if (9...12).contains(d) && g.count >= 2 {
      if span.parenthesised {
        plausible = (2...5).contains(g[0])
      } else if g == [3, 3, 4] || (g == [1, 3, 3, 4] && span.digits.first == 0x31) {
        plausible = !seps.contains(0x29) || span.parenthesised
      } else if span.digits.first == 0x30, (2...5).contains(g[0]), g.allSatisfy({ $0 >= 2 }) {
        // Dotted national forms are pairs (01.23.45.67.89), not version numbers.
        plausible = !seps.contains(0x2E) || g.allSatisfy { $0 == 2 }
      }
    }
    guard plausible else { return false }
    return !isInCode(i)
  }

  /// `2024-01-15`, `15.01.2024`, `01/15/2024`-like starts and times.
  private func looksLikeDate(_ span: NumberSpan) -> Bool {
    let g = span.groups
    guard g.count >= 3 else { return false }
    let s = Set(span.separators.prefix(2))
    guard s.count == 1, s.first != 0x20 else { return false }
    return (g[0] == 4 && g[1] <= 2 && g[2] <= 2) || (g[0] <= 2 && g[1] <= 2 && (g[2] == 4 || g[2] == 2))
  }

  // MARK: IBANs

  /// Country code to IBAN length, for the countries of the IBAN registry.
  static let ibanLengths: [String: Int] = [
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29, "BY": 28,
    "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
    "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20,
    "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15,
    "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19,
    "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
  ]

  /// An IBAN at word start `i`: country letters, two check digits, then letters and digits,
  /// compact or in groups of four; its country's length and mod 97 = 1.
  mutating func iban(at i: Int) -> Int? {
    guard i + 15 <= n, Self.isUpper(b[i + 1]), Self.isDigit(b[i + 2]), Self.isDigit(b[i + 3]) else { return nil }
    let country = String(decoding: UnsafeBufferPointer(rebasing: b[i..<(i + 2)]), as: UTF8.self)
    guard let length = Self.ibanLengths[country] else { return nil }
    var compact: [UInt8] = []
    var j = i
    var end = i
    let limit = min(n, i + 42)
    while j < limit && compact.count < length {
      let c = b[j]
      if Self.isDigit(c) || Self.isUpper(c) {
        compact.append(c)
        j += 1
        end = j
      } else if c == 0x20, compact.count % 4 == 0, j + 1 < n, Self.isAlnum(b[j + 1]) {
        j += 1
      } else {
        break
      }
    }
    // Shaped like an IBAN of a known country but not one: passed over whole, so its digits are
    // not read again as a card or phone number.
    guard compact.count == length, end >= n || !Self.isWord(b[end]) else { return compact.count >= 12 ? end : nil }
    // Move the first four to the end, letters to numbers, mod 97 incrementally.
    var remainder = 0
    for c in compact[4...] + compact[..<4] {
      if Self.isDigit(c) {
        remainder = (remainder * 10 + Int(c - 0x30)) % 97
      } else {
        remainder = (remainder * 100 + Int(c - 0x41 + 10)) % 97
      }
    }
    guard remainder == 1 else { return end }
    add(.iban, i..<end)
    return end
  }
}
