/// Consecutive lines of a JSONL input, copied out of the reader so they can be parsed on
/// another task (see ``JSONLReader/forEachBatch(targetBytes:_:)``).
///
/// Parsing a batch gives the same records and the same errors, naming the same file and line,
/// as ``JSONLReader/forEachRecord(_:)``; blank lines are skipped.
package struct JSONLBatch: Sendable {
  /// The input's path as given, for error messages.
  package let path: String
  /// The 1-based line number of the first line in the batch.
  package let firstLine: Int
  private var bytes: [UInt8] = []
  private var lineEnds: [Int] = []

  /// An empty batch whose first line will be line `firstLine` of `path`.
  package init(path: String, firstLine: Int) {
    self.path = path
    self.firstLine = firstLine
  }

  /// How many lines the batch holds, blank ones included.
  package var lineCount: Int { lineEnds.count }

  /// How many bytes of line content the batch holds.
  package var byteCount: Int { bytes.count }

  mutating func reserve(bytes count: Int) {
    bytes.reserveCapacity(count)
  }

  /// Appends the next line (without its line end).
  package mutating func append(_ line: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: line)
    lineEnds.append(bytes.count)
  }

  /// Calls `body` with each line's bytes and 1-based line number, in order.
  package func forEachLine(_ body: (_ line: UnsafeBufferPointer<UInt8>, _ number: Int) throws -> Void) rethrows {
    try bytes.withUnsafeBufferPointer { all in
      var start = 0
      for (index, end) in lineEnds.enumerated() {
        try body(UnsafeBufferPointer(rebasing: all[start..<end]), firstLine + index)
        start = end
      }
    }
  }

  /// Parses every non-blank line into a record, in order.
  /// - Throws: ``InputError`` for the first line that is not a JSON object.
  package func records(parser: JSONParser = JSONParser()) throws(InputError) -> [JSONLReader.Record] {
    var records: [JSONLReader.Record] = []
    records.reserveCapacity(lineEnds.count)
    let result: Result<Void, InputError> = bytes.withUnsafeBufferPointer { all in
      var start = 0
      for (index, end) in lineEnds.enumerated() {
        let line = UnsafeBufferPointer(rebasing: all[start..<end])
        start = end
        do throws(InputError) {
          if let record = try JSONLReader.parseRecord(line, number: firstLine + index, path: path, parser: parser) {
            records.append(record)
          }
        } catch {
          return .failure(error)
        }
      }
      return .success(())
    }
    try result.get()
    return records
  }
}
