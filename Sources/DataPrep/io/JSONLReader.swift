/// Reads a JSONL file record by record, streaming.
///
/// Each non-blank line must hold one JSON object; a bad line throws ``InputError`` naming the
/// file, line and column. Blank lines (spaces, tabs) are skipped, CRLF line ends and a final
/// line without a newline are accepted, and a UTF-8 byte order mark before the first line is
/// ignored. `.gz` inputs are read transparently and `-` is standard input.
public struct JSONLReader {
  /// One record and the line it came from.
  public struct Record: Sendable {
    /// The parsed object.
    public var object: JSONObject
    /// The 1-based line number in the input.
    public var line: Int
    /// The record as a value.
    public var value: JSONValue { .object(object) }

    /// A record parsed from `line`.
    public init(object: JSONObject, line: Int) {
      self.object = object
      self.line = line
    }
  }

  private let source: ByteSource
  private let parser: JSONParser
  private let maximumLineBytes: Int

  /// A reader over `source`, parsing with `parser`, refusing lines over `maximumLineBytes`.
  package init(
    _ source: ByteSource, parser: JSONParser = JSONParser(), maximumLineBytes: Int = InputLimits.defaultMaximumLineBytes
  ) {
    self.source = source
    self.parser = parser
    self.maximumLineBytes = maximumLineBytes
  }

  /// Opens `path` (`-` for stdin; `.gz` read transparently) and returns a reader over it.
  public init(path: String, parser: JSONParser = JSONParser()) throws(InputError) {
    self.source = try ByteSource(path: path)
    self.parser = parser
    self.maximumLineBytes = InputLimits.defaultMaximumLineBytes
  }

  /// Opens `path` and returns a reader applying `limits` (nesting depth, line length).
  public init(path: String, limits: InputLimits) throws(InputError) {
    self.source = try ByteSource(path: path)
    self.parser = limits.jsonParser
    self.maximumLineBytes = limits.maximumLineBytes
  }

  /// The path being read, as given.
  public var path: String { source.path }

  /// Calls `body` with each record in order; stops when it returns `false`.
  /// - Throws: ``InputError`` for a line that is not a JSON object, or what `body` throws.
  public func forEachRecord(_ body: (Record) throws -> Bool) throws {
    try forEachRecordWithRawLine { record, _ in try body(record) }
  }

  /// Calls `body` with each record and the bytes of its line as read (without the line end),
  /// so a stage can write a record through unchanged; the bytes are only valid during the call.
  /// - Throws: ``InputError`` for a line that is not a JSON object, or what `body` throws.
  public func forEachRecordWithRawLine(
    _ body: (Record, _ rawLine: UnsafeBufferPointer<UInt8>) throws -> Bool
  ) throws {
    let path = source.path
    let parser = self.parser
    try LineReader(source, maximumLineBytes: maximumLineBytes).forEachLine { rawLine, number in
      let line = number == 1 ? Self.droppingByteOrderMark(rawLine) : rawLine
      guard let record = try Self.parseRecord(line, number: number, path: path, parser: parser) else {
        return true
      }
      return try body(record, line)
    }
  }

  /// Calls `body` with batches of consecutive lines of about `targetBytes` each (whole lines,
  /// at least one), not yet parsed, so the parsing can run on other tasks with
  /// ``JSONLBatch/records(parser:)``. Batches arrive in input order.
  /// - Throws: ``InputError`` when reading fails, or what `body` throws.
  package func forEachBatch(targetBytes: Int = 1 << 20, _ body: (JSONLBatch) throws -> Bool) throws {
    let path = source.path
    var batch = JSONLBatch(path: path, firstLine: source.firstLine)
    batch.reserve(bytes: targetBytes + targetBytes / 8)
    var keepGoing = true
    try LineReader(source, maximumLineBytes: maximumLineBytes).forEachLine { rawLine, number in
      let line = number == 1 ? Self.droppingByteOrderMark(rawLine) : rawLine
      batch.append(line)
      if batch.byteCount >= targetBytes {
        keepGoing = try body(batch)
        batch = JSONLBatch(path: path, firstLine: number + 1)
        batch.reserve(bytes: targetBytes + targetBytes / 8)
      }
      return keepGoing
    }
    if keepGoing && batch.lineCount > 0 { _ = try body(batch) }
  }

  /// Parses one line into a record, or `nil` when the line is blank.
  static func parseRecord(
    _ line: UnsafeBufferPointer<UInt8>, number: Int, path: String, parser: JSONParser
  ) throws(InputError) -> Record? {
    let value: JSONValue
    do throws(JSONParseError) {
      value = try parser.parse(line)
    } catch {
      if isBlank(line) { return nil }
      throw InputError.badJSON(path: path, line: number, column: error.column, message: error.message)
    }
    guard case .object(let object) = value else {
      throw InputError.notAnObject(path: path, line: number, type: value.typeName)
    }
    return Record(object: object, line: number)
  }

  /// Whether `line` holds only spaces, tabs and carriage returns (or nothing).
  static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in line where byte != 0x20 && byte != 0x09 && byte != 0x0D { return false }
    return true
  }

  static func droppingByteOrderMark(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    guard line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF else { return line }
    return UnsafeBufferPointer(rebasing: line[3...])
  }
}
