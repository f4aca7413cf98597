/// Writes records as JSONL (one compact JSON object per line) to an ``OutputFile``.
///
/// Keys keep the record's member order; the file appears under its final name only on
/// ``finish()``.
public final class JSONLWriter {
  private let output: OutputFile
  private let writer = JSONWriter()
  /// How many records have been written.
  public private(set) var count = 0

  /// A writer over `output`.
  public init(_ output: OutputFile) {
    self.output = output
  }

  /// Opens `path` (`-` for stdout) and returns a writer over it.
  public convenience init(path: String) throws(OutputError) {
    self.init(try OutputFile(path: path))
  }

  /// The output path as given.
  public var path: String { output.path }

  /// Appends one record.
  public func write(_ value: JSONValue) throws(OutputError) {
    try output.append { buffer in
      writer.write(value, into: &buffer)
      buffer.append(0x0A)
    }
    count += 1
  }

  /// Appends one record given as an object.
  public func write(_ object: JSONObject) throws(OutputError) {
    try write(.object(object))
  }

  /// Appends a line already holding one JSON record (as read by
  /// ``JSONLReader/forEachRecordWithRawLine(_:)``), unchanged; `line` has no line end.
  public func writeRawLine(_ line: UnsafeBufferPointer<UInt8>) throws(OutputError) {
    try output.append { buffer in
      buffer.append(contentsOf: line)
      buffer.append(0x0A)
    }
    count += 1
  }

  /// Appends a line already holding one JSON record, unchanged; `line` has no line end.
  public func writeRawLine(_ line: [UInt8]) throws(OutputError) {
    try line.withUnsafeBufferPointer { (buffer) throws(OutputError) in try writeRawLine(buffer) }
  }

  /// Flushes and atomically publishes the output.
  public func finish() throws(OutputError) {
    try output.commit()
  }
}
