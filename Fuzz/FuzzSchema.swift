// libFuzzer target: the JSON Schema compiler and evaluator. The input is a schema and an
// instance separated by the first newline; both must be JSON to get past the parser.

/// One fuzz input; see FuzzMain.swift.
func fuzzSchema(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
  let buffer = UnsafeBufferPointer(start: data, count: count)
  let split = buffer.firstIndex(of: 0x0A) ?? count
  let parser = JSONParser()
  guard let schemaValue = try? parser.parse(UnsafeBufferPointer(rebasing: buffer[0..<split])) else { return 0 }
  let instanceBytes = split < count ? UnsafeBufferPointer(rebasing: buffer[(split + 1)...]) : UnsafeBufferPointer(rebasing: buffer[0..<0])
  let instance = (try? parser.parse(instanceBytes)) ?? schemaValue
  guard let schema = try? JSONSchema(schemaValue) else { return 0 }
  let valid = schema.isValid(instance)
  let violations = schema.validate(instance)
  // The two entry points must agree.
  if valid != violations.isEmpty { fatalError("isValid \(valid) but \(violations.count) violations") }
  return 0
}
