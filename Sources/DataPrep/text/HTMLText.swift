/// Escaping of untrusted text for HTML and inline SVG: every record text, path and message in
/// the report goes through here, so no data can open a tag, an attribute or a script (and the
/// plain-text JSON-LD article bodies that extract renders as HTML).
enum HTMLText {
  /// `text` with `& < > " '` replaced by entities, and C0 controls (except tab and newline),
  /// which HTML forbids, replaced by U+FFFD.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
          out += "\u{FFFD}"
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
