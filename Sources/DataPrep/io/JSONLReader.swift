/// Reads a JSONL file record by record, streaming.
///
/// Each non-blank line must hold one JSON object; a bad line throws ``InputError`` naming the
/// file, line and column. Blank lines are skipped.
public struct JSONLReader {
  /// One record and the line it came from.
  public struct Record: Sendable {
    /// The parsed object.
    public var object: JSONObject
    /// The 1-based line number in the input.
    public var line: Int
    /// The record as a value.
    public var value: JSONValue { .object(object) }
  }

  private let source: ByteSource
  private let parser = JSONParser()

  /// A reader over `source`.
  public init(_ source: ByteSource) {
    self.source = source
  }

  /// Opens `path` (`-` for stdin; `.gz` read transparently) and returns a reader over it.
  public init(path: String) throws(InputError) {
    self.source = try ByteSource(path: path)
  }

  /// The path being read, as given.
  public var path: String { source.path }

  /// Calls `body` with each record in order; stops when it returns `false`.
  /// - Throws: ``InputError`` for a line that is not a JSON object, or what `body` throws.
  public func forEachRecord(_ body: (Record) throws -> Bool) throws {
    let path = source.path
    try LineReader(source).forEachLine { line, number in
      if Self.isBlank(line) { return true }
      let value: JSONValue
      do throws(JSONParseError) {
        value = try parser.parse(line)
      } catch {
        throw InputError.badJSON(path: path, line: number, column: error.column, message: error.message)
      }
      guard case .object(let object) = value else {
        throw InputError.notAnObject(path: path, line: number, type: value.typeName)
      }
      return try body(Record(object: object, line: number))
    }
  }

  private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in line where byte != 0x20 && byte != 0x09 && byte != 0x0D { return false }
    return true
  }
}
