// Release-mode benchmark of dataprep's JSONL reading and writing.
//
//   swift build -c release --product bench-json
//   .build/release/bench-json FILE.jsonl [--mode MODE] [--repeat N]
//
// Modes:
//   parse       JSONLReader: read lines and parse every record (the default)
//   lines       LineReader only: the I/O and line-splitting floor
//   foundation  JSONSerialization.jsonObject on every line (the Foundation peer)
//   decoder     JSONDecoder into a generic Decodable JSON value (the other Foundation peer)
//   parallel    JSONLReader.forEachBatch on this thread, batches parsed on all cores in order
//   write       parse everything once, then time JSONWriter (in memory) and JSONLWriter (to a
//               temporary file), and check the written bytes equal the input lines
//   all         every mode above, one after the other
//
// Prints one line per mode: MB/s over wall time and over CPU time, and records/s.
import DataPrep
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

struct Measurement {
  var wallSeconds: Double
  var cpuSeconds: Double
}

func cpuSeconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func measure(_ body: () throws -> Void) rethrows -> Measurement {
  let cpuStart = cpuSeconds()
  let wallStart = ContinuousClock.now
  try body()
  let elapsed = ContinuousClock.now - wallStart
  let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  return Measurement(wallSeconds: wall, cpuSeconds: cpuSeconds() - cpuStart)
}

func report(_ mode: String, bytes: Int, records: Int, _ m: Measurement) {
  let megabytes = Double(bytes) / 1e6
  let line = String(
    format: "%-22@ %8.1f MB/s wall %8.1f MB/s cpu %10.0f records/s  (%.3f s wall, %.3f s cpu, %d records, %.1f MB)",
    mode as NSString, megabytes / m.wallSeconds, megabytes / m.cpuSeconds, Double(records) / m.wallSeconds,
    m.wallSeconds, m.cpuSeconds, records, megabytes)
  print(line)
}

/// Any JSON value, for JSONDecoder (which needs a Decodable type).
enum AnyJSON: Decodable {
  case null, bool(Bool), number(Double), string(String), array([AnyJSON]), object([String: AnyJSON])

  init(from decoder: Decoder) throws {
    if var array = try? decoder.unkeyedContainer() {
      var elements: [AnyJSON] = []
      while !array.isAtEnd { elements.append(try array.decode(AnyJSON.self)) }
      self = .array(elements)
    } else if let object = try? decoder.container(keyedBy: Key.self) {
      var members: [String: AnyJSON] = [:]
      for key in object.allKeys { members[key.stringValue] = try object.decode(AnyJSON.self, forKey: key) }
      self = .object(members)
    } else {
      let single = try decoder.singleValueContainer()
      if single.decodeNil() {
        self = .null
      } else if let b = try? single.decode(Bool.self) {
        self = .bool(b)
      } else if let d = try? single.decode(Double.self) {
        self = .number(d)
      } else {
        self = .string(try single.decode(String.self))
      }
    }
  }

  struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}

func fileSize(_ path: String) -> Int {
  var info = stat()
  return stat(path, &info) == 0 ? Int(info.st_size) : 0
}

func runLines(_ path: String) throws {
  var count = 0
  var bytes = 0
  let m = try measure {
    try LineReader(ByteSource(path: path)).forEachLine { line, _ in
      count += 1
      bytes += line.count + 1
      return true
    }
  }
  report("lines (LineReader)", bytes: bytes, records: count, m)
}

func runParse(_ path: String) throws {
  var count = 0
  var members = 0
  let m = try measure {
    try JSONLReader(path: path).forEachRecord { record in
      count += 1
      members += record.object.count
      return true
    }
  }
  report("parse (JSONLReader)", bytes: fileSize(path), records: count, m)
}

func runParallel(_ path: String) throws {
  let cores = ProcessInfo.processInfo.activeProcessorCount
  var count = 0
  var window: [JSONLBatch] = []
  func parseWindow() throws {
    let batches = window
    let results = Mutex<[Result<Int, InputError>?]>(Array(repeating: nil, count: batches.count))
    DispatchQueue.concurrentPerform(iterations: batches.count) { index in
      let result: Result<Int, InputError>
      do throws(InputError) {
        result = .success(try batches[index].records().count)
      } catch {
        result = .failure(error)
      }
      results.withLock { $0[index] = result }
    }
    for result in results.withLock({ $0 }) { count += try result?.get() ?? 0 }
    window.removeAll(keepingCapacity: true)
  }
  let m = try measure {
    try JSONLReader(path: path).forEachBatch(targetBytes: 1 << 20) { batch in
      window.append(batch)
      if window.count == 2 * cores { try parseWindow() }
      return true
    }
    try parseWindow()
  }
  report("parse (\(cores) cores, batches)", bytes: fileSize(path), records: count, m)
}

func runFoundation(_ path: String) throws {
  var count = 0
  let m = try measure {
    try LineReader(ByteSource(path: path)).forEachLine { line, _ in
      let data = Data(buffer: line)
      _ = try JSONSerialization.jsonObject(with: data)
      count += 1
      return true
    }
  }
  report("JSONSerialization", bytes: fileSize(path), records: count, m)
}

func runDecoder(_ path: String) throws {
  var count = 0
  let decoder = JSONDecoder()
  let m = try measure {
    try LineReader(ByteSource(path: path)).forEachLine { line, _ in
      _ = try decoder.decode(AnyJSON.self, from: Data(buffer: line))
      count += 1
      return true
    }
  }
  report("JSONDecoder", bytes: fileSize(path), records: count, m)
}

func runWrite(_ path: String) throws {
  var records: [JSONValue] = []
  var lines: [[UInt8]] = []
  try JSONLReader(path: path).forEachRecordWithRawLine { record, raw in
    records.append(record.value)
    lines.append(Array(raw))
    return true
  }
  let writer = JSONWriter()
  var out: [UInt8] = []
  out.reserveCapacity(1 << 16)
  var total = 0
  var identical = 0
  let inMemory = measure {
    for record in records {
      out.removeAll(keepingCapacity: true)
      writer.write(record, into: &out)
      total += out.count + 1
    }
  }
  for (record, line) in zip(records, lines) where writer.bytes(of: record) == line { identical += 1 }
  report("write (JSONWriter)", bytes: total, records: records.count, inMemory)

  let temporary = NSTemporaryDirectory() + "/bench-json-\(getpid()).jsonl"
  let toFile = try measure {
    let output = try JSONLWriter(path: temporary)
    for record in records { try output.write(record) }
    try output.finish()
  }
  unlink(temporary)
  report("write (JSONLWriter)", bytes: total, records: records.count, toFile)
  print("round trip: \(identical) of \(records.count) records written byte-identical to their input line")
}

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first(where: { !$0.hasPrefix("--") && !["parse", "parallel", "lines", "foundation", "decoder", "write", "all"].contains($0) && Int($0) == nil }) else {
  print("usage: bench-json FILE.jsonl [--mode parse|parallel|lines|foundation|decoder|write|all] [--repeat N]")
  exit(2)
}
func option(_ name: String) -> String? {
  guard let index = arguments.firstIndex(of: name), arguments.index(after: index) < arguments.endIndex else { return nil }
  return arguments[arguments.index(after: index)]
}
let mode = option("--mode") ?? "parse"
let repeats = Int(option("--repeat") ?? "1") ?? 1

do {
  for _ in 0..<repeats {
    switch mode {
    case "lines": try runLines(path)
    case "parse": try runParse(path)
    case "parallel": try runParallel(path)
    case "foundation": try runFoundation(path)
    case "decoder": try runDecoder(path)
    case "write": try runWrite(path)
    case "all":
      try runLines(path)
      try runParse(path)
      try runParallel(path)
      try runWrite(path)
      try runFoundation(path)
      try runDecoder(path)
    default:
      print("unknown mode \(mode)")
      exit(2)
    }
  }
} catch {
  print("bench-json: \(error.localizedDescription)")
  exit(1)
}
