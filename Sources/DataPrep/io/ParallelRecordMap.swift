import Dispatch

/// Maps every record of a JSONL input through a function on several threads and hands the
/// results back in input order, so output is the same whatever the thread count.
///
/// Reads batches of lines (4,096 lines or 8 MiB), parses and maps them on `jobs` threads, then
/// calls the consumer in order. Memory: one batch of lines and results. A bad line throws
/// ``InputError`` for the first bad line in input order, as a sequential reader would.
struct ParallelRecordMap<Result: Sendable> {
  /// Threads to use (1: everything on the calling thread).
  var jobs: Int
  /// Limits on the input (nesting depth, line length).
  var limits: InputLimits
  /// The function applied to each record and its raw line (for stages that write kept lines
  /// unchanged).
  var transform: @Sendable (JSONObject, [UInt8]) -> Result

  init(jobs: Int, limits: InputLimits = .standard, transform: @escaping @Sendable (JSONObject) -> Result) {
    self.jobs = jobs
    self.limits = limits
    self.transform = { object, _ in transform(object) }
  }

  /// A map whose function also sees each record's raw line.
  init(jobs: Int, limits: InputLimits = .standard, transformWithLine: @escaping @Sendable (JSONObject, [UInt8]) -> Result) {
    self.jobs = jobs
    self.limits = limits
    self.transform = transformWithLine
  }

  private static var batchLines: Int { 4096 }
  private static var batchBytes: Int { 8 << 20 }

  /// Runs over the JSONL input at `path`, calling `body` with each result and its line number.
  func run(path: String, _ body: (Result, Int) throws -> Void) throws {
    try run(source: try ByteSource(path: path), body)
  }

  /// Runs over the JSONL lines of `source` (a whole input or one shard's range of it).
  func run(source: ByteSource, _ body: (Result, Int) throws -> Void) throws {
    try runWithLines(source: source) { result, number, _ in try body(result, number) }
  }

  /// As ``run(source:_:)``, also handing `body` each record's raw line (for writing records
  /// that did not change byte for byte).
  func runWithLines(source: ByteSource, _ body: (Result, Int, [UInt8]) throws -> Void) throws {
    let path = source.path
    var lines: [[UInt8]] = []
    var numbers: [Int] = []
    var bytes = 0
    func flush() throws {
      try process(lines, numbers, path: path, body)
      lines.removeAll(keepingCapacity: true)
      numbers.removeAll(keepingCapacity: true)
      bytes = 0
    }
    try LineReader(source, maximumLineBytes: limits.maximumLineBytes).forEachLine { line, number in
      if Self.isBlank(line) { return true }
      lines.append(Array(line))
      numbers.append(number)
      bytes += line.count
      if lines.count >= Self.batchLines || bytes >= Self.batchBytes { try flush() }
      return true
    }
    if !lines.isEmpty { try flush() }
  }

  private enum Outcome: Sendable {
    case value(Result)
    case failure(InputError)
  }

  /// An unchecked box for the results buffer: each index is written by exactly one thread, and
  /// read only after all threads finish.
  private struct Slots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Outcome?>
  }

  private func process(_ lines: [[UInt8]], _ numbers: [Int], path: String, _ body: (Result, Int, [UInt8]) throws -> Void) throws {
    let slots = Slots(buffer: .allocate(capacity: lines.count))
    slots.buffer.initialize(repeating: nil)
    defer {
      slots.buffer.deinitialize()
      slots.buffer.deallocate()
    }
    let transform = self.transform
    let limits = self.limits
    let workers = max(1, min(jobs, lines.count))
    let work: @Sendable (Int) -> Void = { worker in
      let parser = limits.jsonParser
      var index = worker
      while index < lines.count {
        slots.buffer[index] = Self.map(lines[index], line: numbers[index], path: path, parser: parser, transform)
        index += workers
      }
    }
    if workers == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: workers, execute: work)
    }
    for index in 0..<lines.count {
      switch slots.buffer[index] {
      case .value(let result)?: try body(result, numbers[index], lines[index])
      case .failure(let error)?: throw error
      case nil: break
      }
    }
  }

  private static func map(
    _ line: [UInt8], line number: Int, path: String, parser: JSONParser, _ transform: (JSONObject, [UInt8]) -> Result
  ) -> Outcome {
    let value: JSONValue
    do throws(JSONParseError) {
      value = try line.withUnsafeBufferPointer { (buffer) throws(JSONParseError) in try parser.parse(buffer) }
    } catch {
      return .failure(.badJSON(path: path, line: number, column: error.column, message: error.message))
    }
    guard case .object(let object) = value else {
      return .failure(.notAnObject(path: path, line: number, type: value.typeName))
    }
    return .value(transform(object, line))
  }

  private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in line where byte != 0x20 && byte != 0x09 && byte != 0x0D { return false }
    return true
  }
}
