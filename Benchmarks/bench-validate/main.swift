// Release-mode benchmark of the validate stage (`swift run -c release bench-validate FILE.jsonl [SCHEMA]`):
// times parsing alone, the compiled JSON Schema alone over parsed records, and the whole
// DatasetValidator (parse + schema + content checks), each on one core.
import DataPrep
import Foundation

/// CPU seconds of this thread (the machine is shared, so wall time says little).
func cpuNow() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// (wall, cpu) seconds taken by `body`.
func seconds(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
  let start = DispatchTime.now().uptimeNanoseconds
  let cpu = cpuNow()
  try body()
  return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpuNow() - cpu)
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  FileHandle.standardError.write(Data("usage: bench-validate FILE.jsonl [SCHEMA-NAME-OR-FILE]\n".utf8))
  exit(2)
}
let path = arguments[1]
let schemaName = arguments.count > 2 ? arguments[2] : "openai-chat"
do {
  let schema = try FormatSchemas.resolve(schemaName).schema
  let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0)
  var records: [JSONValue] = []
  let parse = try seconds {
    try JSONLReader(path: path).forEachRecord { record in
      records.append(record.value)
      return true
    }
  }
  var invalid = 0
  let check = seconds {
    for record in records where !schema.isValid(record) { invalid += 1 }
  }
  let checks = seconds {
    let validator = DatasetValidator(schema: schema, schemaLookup: { FormatSchemas.schema(for: $0) })
    validator.beginFile(path, role: .training)
    for (i, record) in records.enumerated() {
      if case .object(let object) = record { validator.check(object, line: i + 1) }
    }
    validator.endFile()
  }
  var report = ValidationReport()
  let whole = try seconds {
    let validator = DatasetValidator(schema: schema, schemaLookup: { FormatSchemas.schema(for: $0) })
    try validator.validate(path: path)
    report = validator.finish()
  }
  let mb = size / 1e6
  print("file: \(path), \(records.count) records, \(String(format: "%.1f", mb)) MB, schema \(schemaName)")
  func line(_ name: String, _ t: (wall: Double, cpu: Double), _ extra: String = "") {
    print(String(format: "%@ %6.3f s cpu (%6.3f s wall)  %7.1f MB/s of cpu %@", name, t.cpu, t.wall, mb / t.cpu, extra))
  }
  line("parse only (JSONLReader):              ", parse)
  line("schema only (isValid on parsed records):", check, "(\(invalid) invalid)")
  line("schema + content checks on parsed records:", checks)
  line("DatasetValidator (parse+schema+checks): ", whole, "(\(report.errorCount) errors, \(report.warningCount) warnings)")
} catch {
  FileHandle.standardError.write(Data("bench-validate: \(error.localizedDescription)\n".utf8))
  exit(2)
}
