/// What ``XMLRecordReader`` reads from: a byte stream whose first bytes may already have been
/// looked at (to decide whether `XML_PARSE_HUGE` is safe) and which counts the bytes read, for
/// the entity-expansion budget.
///
/// The reader's own input type, so libxml2's wrapper depends on no stage; `extract` conforms
/// its `ExtractionInput`.
protocol XMLRecordInput: AnyObject {
  /// The input's printable path, for error messages.
  var path: String { get }
  /// The bytes already looked at and not yet consumed (empty otherwise).
  var peekedHead: [UInt8] { get }
  /// Whether the looked-at bytes are the whole input.
  var endSeen: Bool { get }
  /// Bytes read from the input so far.
  var bytesRead: Int { get }
  /// Reads up to `buffer.count` bytes (0 at the end); an error is rethrown unchanged by
  /// ``XMLRecordReader/next()``.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}
