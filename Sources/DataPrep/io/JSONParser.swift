/// Parses one JSON text (RFC 8259) into a ``JSONValue``, straight from UTF-8 bytes.
///
/// Strict: whatever RFC 8259 rejects is an error naming the 1-based line and byte column of
/// the fault (leading zeros, trailing commas, comments, single quotes, unescaped control
/// characters, bad escapes, lone surrogate escapes, invalid UTF-8, `NaN`, trailing garbage...).
/// Objects keep their member order. Numbers written without fraction or exponent that fit in
/// `Int64` become ``JSONValue/integer(_:)``; all others become correctly rounded
/// ``JSONValue/double(_:)``, and a number too large for a `Double` is an error.
public struct JSONParser: Sendable {
  /// The nesting depth accepted by default: deep enough for any dataset record, shallow enough
  /// that parsing never exhausts a thread's stack.
  public static let defaultMaximumDepth = 512

  /// The deepest nesting any parser accepts, whatever it is asked for (`--max-json-depth` at
  /// most): parsing, releasing and walking a value recurse once per level, and a thread's stack
  /// (8 MiB on Linux, for the main thread and Dispatch's workers alike) overflows near 13,700
  /// levels in a release build. 1,000 keeps a margin of more than ten times (see docs/SECURITY.md).
  public static let maximumSafeDepth = 1_000

  /// The deepest nesting of arrays and objects accepted; deeper input is an error, never a
  /// stack overflow. At most ``maximumSafeDepth``: parsing recurses once per level.
  public var maximumDepth: Int

  /// A parser accepting up to `maximumDepth` levels of nested arrays and objects (clamped to
  /// 1...``maximumSafeDepth``).
  public init(maximumDepth: Int = JSONParser.defaultMaximumDepth) {
    self.maximumDepth = min(max(1, maximumDepth), JSONParser.maximumSafeDepth)
  }

  /// Parses the JSON text in `bytes` (UTF-8, one complete value, surrounding whitespace allowed).
  /// - Throws: ``JSONParseError`` naming the line and 1-based column of the fault.
  public func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
    guard let base = bytes.baseAddress, !bytes.isEmpty else {
      throw JSONParseError(column: 1, message: "empty input")
    }
    var scanner = JSONScanner(base: base, count: bytes.count, maximumDepth: maximumDepth)
    defer { scanner.releaseScratch() }
    return try scanner.parseDocument()
  }

  /// Parses the JSON text in `bytes`.
  public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in
      try parse(buffer)
    }
  }

  /// Parses the JSON text of `text`.
  public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    var text = text
    let result: Result<JSONValue, JSONParseError> = text.withUTF8 { buffer in
      do throws(JSONParseError) {
        return .success(try parse(buffer))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }
}
