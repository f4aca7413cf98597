/// Writes records as JSONL (one compact JSON object per line) to an ``OutputFile``.
///
/// Keys keep the record's member order; the file appears under its final name only on
/// ``finish()``.
public final class JSONLWriter {
  private let output: OutputFile
  private let writer = JSONWriter()
  private var line: [UInt8] = []
  /// How many records have been written.
  public private(set) var count = 0

  /// A writer over `output`.
  public init(_ output: OutputFile) {
    self.output = output
    line.reserveCapacity(4096)
  }

  /// Opens `path` (`-` for stdout) and returns a writer over it.
  public convenience init(path: String) throws(OutputError) {
    self.init(try OutputFile(path: path))
  }

  /// The output path as given.
  public var path: String { output.path }

  /// Appends one record.
  public func write(_ value: JSONValue) throws(OutputError) {
    line.removeAll(keepingCapacity: true)
    writer.write(value, into: &line)
    line.append(0x0A)
    try output.write(line)
    count += 1
  }

  /// Appends one record given as an object.
  public func write(_ object: JSONObject) throws(OutputError) {
    try write(.object(object))
  }

  /// Flushes and atomically publishes the output.
  public func finish() throws(OutputError) {
    try output.commit()
  }
}
