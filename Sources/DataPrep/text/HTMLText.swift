/// Escaping of untrusted text for HTML and inline SVG, and for XML (validate's JUnit report):
/// every record text, path and message in a report goes through here, so no data can open a
/// tag, an attribute or a script (and the plain-text JSON-LD article bodies that extract
/// renders as HTML).
enum HTMLText {
  /// The markup a text is escaped for: the two differ in the apostrophe entity and in what
  /// becomes of the characters each forbids.
  enum Markup {
    /// HTML and inline SVG: C0 controls (except tab and newline), DEL and C1 controls become U+FFFD.
    case html
    /// XML 1.0 (JUnit reports): C0 controls (except tab, newline and carriage return), U+FFFE
    /// and U+FFFF are dropped, which XML cannot hold even as references.
    case xml

    /// What a forbidden `scalar` becomes; `nil` when the markup allows it as is.
    fileprivate func replacement(for scalar: Unicode.Scalar) -> String? {
      let value = scalar.value
      switch self {
      case .html:
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) ? "\u{FFFD}" : nil
      case .xml:
        return (value < 0x20 && scalar != "\r") || value == 0xFFFE || value == 0xFFFF ? "" : nil
      }
    }
  }

  /// `text` with `& < > " '` replaced by entities, and the characters `markup` forbids
  /// replaced (HTML: by U+FFFD) or dropped (XML).
  static func escape(_ text: String, for markup: Markup = .html) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += markup == .html ? "&#39;" : "&apos;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        if let replacement = markup.replacement(for: scalar) {
          out += replacement
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// A whole number with thin-space thousands separators (`12 345`).
  static func number(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "\u{202F}" }
      out.append(ch)
    }
    return (n < 0 ? "-" : "") + out
  }

  /// `x` with `digits` decimals.
  static func decimal(_ x: Double, digits: Int = 2) -> String {
    let scale = Double(Int(pow10(digits)))
    let rounded = (x * scale).rounded() / scale
    var text = String(rounded)
    if let dot = text.firstIndex(of: ".") {
      let decimals = text.distance(from: dot, to: text.endIndex) - 1
      if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
    } else if digits > 0 {
      text += "." + String(repeating: "0", count: digits)
    }
    return text
  }

  private static func pow10(_ n: Int) -> Double {
    var x = 1.0
    for _ in 0..<n { x *= 10 }
    return x
  }
}
