import Foundation

/// Generators for hostile inputs shared by the hostile-input suites.
package enum HostileBytes {
  /// `depth` nested `open` tokens followed by as many `close` tokens.
  package static func nested(_ open: String, _ close: String, depth: Int, inner: String = "") -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity((open.utf8.count + close.utf8.count) * depth + inner.utf8.count)
    for _ in 0..<depth { bytes.append(contentsOf: open.utf8) }
    bytes.append(contentsOf: inner.utf8)
    for _ in 0..<depth { bytes.append(contentsOf: close.utf8) }
    return bytes
  }

  /// The classic "billion laughs" document: ten levels of ten-fold entity references.
  package static let billionLaughs: String = {
    var doc = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">"#
    for level in 1...9 {
      let previous = level == 1 ? "lol" : "lol\(level - 1)"
      doc += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
    }
    return doc + "]><lolz>&lol9;</lolz>"
  }()

  /// The quadratic blow-up: one 50 kB entity referenced 50,000 times (2.5 GB if expanded).
  package static let quadraticBlowup: String = {
    let entity = String(repeating: "x", count: 50_000)
    return #"<?xml version="1.0"?><!DOCTYPE q [<!ENTITY x ""# + entity + #"">]><q>"#
      + String(repeating: "&x;", count: 50_000) + "</q>"
  }()

  /// An XML document whose external entity names `secretPath` (must never be read).
  package static func externalEntity(_ secretPath: String) -> String {
    #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file://"# + secretPath + #"">]><r>before &xxe; after</r>"#
  }

  /// An XML document whose external DTD is `secretPath` (must never be loaded).
  package static func externalDTD(_ secretPath: String) -> String {
    #"<?xml version="1.0"?><!DOCTYPE r SYSTEM "file://"# + secretPath + #""><r>body &defined;</r>"#
  }

  /// Invalid UTF-8 sequences: lone continuation, overlong `/` (C0 AF), overlong NUL (C0 80),
  /// a UTF-16 surrogate (ED A0 80), a 5-byte form (F8), truncated 3-byte, and bytes above F4.
  package static let invalidUTF8: [(name: String, bytes: [UInt8])] = [
    ("lone continuation", [0x80]),
    ("overlong slash", [0xC0, 0xAF]),
    ("overlong NUL", [0xC0, 0x80]),
    ("overlong 3-byte", [0xE0, 0x80, 0xAF]),
    ("surrogate", [0xED, 0xA0, 0x80]),
    ("five-byte form", [0xF8, 0x88, 0x80, 0x80, 0x80]),
    ("truncated", [0xE2, 0x82]),
    ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
  ]

  /// `text` as UTF-16 little-endian without a byte order mark.
  package static func utf16LEWithoutBOM(_ text: String) -> [UInt8] {
    text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
  }

  /// A secret file that no input may ever pull into an output.
  package static func secretFile(in folder: ScratchFolder) throws -> (path: String, secret: String) {
    let secret = "TOP-SECRET-\(UUID().uuidString)"
    return (try folder.write("secret.txt", secret), secret)
  }

  /// "Billion laughs": nine levels of ten aliases each, 10^9 nodes from a dozen lines.
  package static let yamlAliasBomb = """
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]
    instruction: *i
    validate: *i
    """

  /// A `pattern` that backtracks catastrophically, and an input that makes it do so.
  package static let backtrackingPattern = "^(a+)+$"
  package static let backtrackingInput = String(repeating: "a", count: 40) + "!"
}
