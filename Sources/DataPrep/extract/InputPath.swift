/// A path to read, kept as the bytes the file system knows it by, with a printable form.
///
/// File names on Linux are bytes and need not be UTF-8 (an archive made on an old Latin-1
/// system gives `caf\xE9.html`). A Swift `String` cannot hold such a name, so opening the
/// string form fails ("No such file or directory"); this type keeps the exact bytes for opening
/// and shows the name with each byte that is not part of valid UTF-8 written as `\xHH`, the form
/// used in messages and in the documents' `source`.
public struct InputPath: Sendable, Hashable {
  /// The path's bytes, as given to `open(2)`.
  public let bytes: [UInt8]
  /// The printable form: the path itself when it is valid UTF-8, else with `\xHH` escapes.
  public let display: String

  /// A path given as a string (always valid UTF-8).
  public init(_ path: String) {
    bytes = Array(path.utf8)
    display = path
  }

  /// A path given as raw bytes (from a folder listing or the command line).
  public init(bytes: [UInt8]) {
    self.bytes = bytes
    if let text = String(validating: bytes, as: UTF8.self) {
      display = text
    } else {
      display = Self.escaped(bytes)
    }
  }

  /// Whether the bytes are not valid UTF-8 (then ``display`` differs from the real name).
  public var isEscaped: Bool { bytes != Array(display.utf8) }

  /// `path` with the bytes that are not part of a valid UTF-8 sequence written as `\xHH`.
  static func escaped(_ bytes: [UInt8]) -> String {
    var out = ""
    var index = 0
    bytes.withUnsafeBufferPointer { buffer in
      while index < buffer.count {
        if buffer[index] < 0x80 {
          out.unicodeScalars.append(Unicode.Scalar(buffer[index]))
          index += 1
        } else if let length = UTF8Sequence.length(at: index, in: buffer) {
          out += String(decoding: buffer[index..<(index + length)], as: UTF8.self)
          index += length
        } else {
          let hex = String(buffer[index], radix: 16, uppercase: true)
          out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
          index += 1
        }
      }
    }
    return out
  }

  /// The path `name` inside this folder path.
  func appending(_ name: [UInt8]) -> InputPath {
    var joined = bytes
    if joined.last != UInt8(ascii: "/") { joined.append(UInt8(ascii: "/")) }
    return InputPath(bytes: joined + name)
  }
}
