/// Decides the character encoding of an HTML page, in Swift, before libxml2 sees it.
///
/// Order: a byte-order mark; else a `<meta charset>` / `http-equiv` declaration (or an XML
/// declaration) in the first 16 KiB, labels mapped as browsers do (WHATWG: `latin1` and
/// `iso-8859-1` mean windows-1252); else UTF-8. A declared legacy encoding loses to UTF-8 when
/// the bytes are valid UTF-8 with non-ASCII text, the usual mislabelling on the web.
///
/// Bytes that are not valid UTF-8, with no declaration (or a windows-1252 one over mostly valid
/// UTF-8), are read sequence by sequence: valid UTF-8 stays UTF-8 and only the stray bytes are
/// read as windows-1252, so a few Latin-1 bytes never garble the rest of the page. The label
/// reported is `utf-8` when valid multi-byte sequences outnumber stray bytes, else `windows-1252`.
enum HTMLEncoding {
  /// The outcome: the WHATWG name of the encoding and how many BOM bytes to skip.
  struct Decision: Sendable, Hashable {
    /// The canonical lowercase WHATWG name, e.g. `utf-8`, `windows-1252`, `shift_jis`.
    var name: String
    /// Bytes of byte-order mark at the start (0 when none).
    var byteOrderMarkLength: Int
    /// Whether the bytes after the BOM were checked and are valid UTF-8.
    var isValidUTF8 = false
    /// Whether the bytes are UTF-8 with stray bytes, decoded as UTF-8 where valid and
    /// windows-1252 elsewhere whatever ``name`` says.
    var mapsStrayBytes = false

    /// The name to transcode from: `utf-8` (which maps stray bytes) when ``mapsStrayBytes``.
    var transcodingName: String { mapsStrayBytes ? "utf-8" : name }
  }

  /// How many leading bytes the declaration sniffer looks at.
  static let sniffLength = 16 * 1024

  /// The encoding of `bytes`.
  static func decide(_ bytes: UnsafeBufferPointer<UInt8>) -> Decision {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      return Decision(name: "utf-8", byteOrderMarkLength: 3)
    }
    if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return Decision(name: "utf-16le", byteOrderMarkLength: 2) }
    if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return Decision(name: "utf-16be", byteOrderMarkLength: 2) }
    let validity = utf8Validity(bytes)
    if let declared = declaredLabel(bytes).flatMap(canonicalName) {
      // A page cannot declare UTF-16 in ASCII-compatible bytes; browsers read it as UTF-8.
      let name = declared.hasPrefix("utf-16") ? "utf-8" : declared
      let valid = validity == .ascii || validity == .validWithNonASCII
      if name != "utf-8", validity == .validWithNonASCII {
        return Decision(name: "utf-8", byteOrderMarkLength: 0, isValidUTF8: true)
      }
      if name == "windows-1252", validity == .mostlyValid {
        return Decision(name: "utf-8", byteOrderMarkLength: 0, mapsStrayBytes: true)
      }
      return Decision(name: name, byteOrderMarkLength: 0, isValidUTF8: valid)
    }
    let valid = validity == .ascii || validity == .validWithNonASCII
    return Decision(
      name: validity == .invalid ? "windows-1252" : "utf-8", byteOrderMarkLength: 0, isValidUTF8: valid,
      mapsStrayBytes: !valid)
  }

  enum UTF8Validity { case ascii, validWithNonASCII, mostlyValid, invalid }

  /// Whether `bytes` are UTF-8: pure ASCII, valid with non-ASCII text, mostly valid (more valid
  /// multi-byte sequences than bad bytes: UTF-8 with some damage), or not UTF-8.
  static func utf8Validity(_ bytes: UnsafeBufferPointer<UInt8>) -> UTF8Validity {
    var index = 0
    var valid = 0
    var invalid = 0
    let count = bytes.count
    let raw = bytes.baseAddress.map(UnsafeRawPointer.init)
    while index < count {
      // Eight ASCII bytes at a time: most of a page is markup.
      if let raw, index + 8 <= count,
        raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        index += 8
      } else if bytes[index] < 0x80 {
        index += 1
      } else if let length = UTF8Sequence.length(at: index, in: bytes) {
        valid += 1
        index += length
      } else {
        invalid += 1
        index += 1
      }
    }
    if invalid == 0 { return valid == 0 ? .ascii : .validWithNonASCII }
    return valid > invalid ? .mostlyValid : .invalid
  }

  /// The encoding label declared by a `<meta>` (or an XML declaration) near the start.
  static func declaredLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let end = min(bytes.count, sniffLength)
    var scanner = DeclarationScanner(bytes: UnsafeBufferPointer(rebasing: bytes[0..<end]))
    return scanner.charsetLabel()
  }

  /// The WHATWG encoding name for `label` (case and surrounding whitespace ignored), if known.
  static func canonicalName(_ label: String) -> String? {
    let key = label.trimmingASCIIWhitespace().lowercased()
    if let name = labels[key] { return name }
    // iso-8859-N in its many spellings; WHATWG reads -1 as windows-1252, -9 as windows-1254.
    for prefix in ["iso-8859-", "iso8859-", "iso_8859-", "iso8859", "iso-8859_"] where key.hasPrefix(prefix) {
      guard let number = Int(key.dropFirst(prefix.count).prefix { $0.isNumber }) else { continue }
      switch number {
      case 1: return "windows-1252"
      case 9: return "windows-1254"
      case 11: return "windows-874"
      case 2...8, 10, 13...16: return "iso-8859-\(number)"
      default: return nil
      }
    }
    if key.hasPrefix("windows-125") || key.hasPrefix("cp125") || key.hasPrefix("x-cp125"),
      let digit = key.last, ("0"..."8").contains(digit), key.count <= 12
    {
      return "windows-125\(digit)"
    }
    return nil
  }

  /// The iconv name for a WHATWG encoding name (for encodings not decoded in Swift).
  static func iconvName(_ name: String) -> String {
    switch name {
    case "shift_jis": return "CP932"
    case "euc-kr": return "CP949"
    case "gbk", "gb18030": return "GB18030"
    case "big5": return "BIG5-HKSCS"
    case "x-mac-cyrillic": return "MAC-CYRILLIC"
    case "macintosh": return "MACINTOSH"
    case "ibm866": return "CP866"
    case "windows-874": return "CP874"
    default:
      if name.hasPrefix("windows-") { return "CP" + name.dropFirst("windows-".count) }
      return name.uppercased()
    }
  }

  /// WHATWG labels (https://encoding.spec.whatwg.org/#names-and-labels), the common ones.
  private static let labels: [String: String] = {
    var table: [String: String] = [:]
    func add(_ name: String, _ aliases: [String]) { for alias in aliases { table[alias] = name } }
    add("utf-8", ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"])
    add(
      "windows-1252",
      [
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100",
        "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252",
        "x-cp1252",
      ])
    add("iso-8859-2", ["csisolatin2", "iso-ir-101", "l2", "latin2"])
    add("iso-8859-3", ["csisolatin3", "iso-ir-109", "l3", "latin3"])
    add("iso-8859-4", ["csisolatin4", "iso-ir-110", "l4", "latin4"])
    add("iso-8859-5", ["csisolatincyrillic", "cyrillic", "iso-ir-144"])
    add("iso-8859-6", ["arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-ir-127"])
    add("iso-8859-7", ["csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-ir-126", "sun_eu_greek"])
    add("iso-8859-8", ["csiso88598e", "csisolatinhebrew", "hebrew", "iso-ir-138", "visual", "iso-8859-8-i", "logical"])
    add("iso-8859-10", ["csisolatin6", "iso-ir-157", "l6", "latin6"])
    add("iso-8859-13", ["l7", "latin7"])
    add("iso-8859-15", ["csisolatin9", "l9", "latin9"])
    add("windows-1254", ["csisolatin5", "iso-ir-148", "l5", "latin5"])
    add("windows-874", ["dos-874", "tis-620"])
    add("koi8-r", ["cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"])
    add("koi8-u", ["koi8-ru", "koi8-u"])
    add("ibm866", ["866", "cp866", "csibm866", "ibm866"])
    add("macintosh", ["csmacintosh", "mac", "macintosh", "x-mac-roman"])
    add("x-mac-cyrillic", ["x-mac-cyrillic", "x-mac-ukrainian"])
    add("gbk", ["chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk"])
    add("gb18030", ["gb18030"])
    add("big5", ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"])
    add("euc-jp", ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"])
    add("iso-2022-jp", ["csiso2022jp", "iso-2022-jp"])
    add(
      "shift_jis",
      ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis", "cp932"])
    add(
      "euc-kr",
      [
        "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601",
        "ksc_5601", "windows-949", "cp949",
      ])
    add("utf-16be", ["unicodefffe", "utf-16be"])
    add("utf-16le", ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"])
    return table
  }()
}

extension String {
  /// The string without leading and trailing ASCII whitespace.
  func trimmingASCIIWhitespace() -> String {
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.isASCIIWhitespace }) else { return "" }
    guard let end = scalars.lastIndex(where: { !$0.isASCIIWhitespace }) else { return "" }
    return String(scalars[start...end])
  }
}

extension Unicode.Scalar {
  /// Space, tab, line feed, form feed or carriage return: HTML's whitespace.
  var isASCIIWhitespace: Bool { value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0C || value == 0x0D }
}
