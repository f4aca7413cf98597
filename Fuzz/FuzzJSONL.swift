// libFuzzer target: the JSON parser and the JSONL line reader. Oracle: whatever parses must
// write back (JSONWriter) to text that parses to the same value.

/// One fuzz input; see FuzzMain.swift.
func fuzzJSONL(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
  let buffer = UnsafeBufferPointer(start: data, count: count)
  let parser = JSONParser()
  if let value = try? parser.parse(buffer) { roundTrip(value) }
  // The same bytes as JSONL: each line through the reader's record path.
  var start = 0
  var number = 0
  while start <= count {
    var end = start
    while end < count && buffer[end] != 0x0A { end += 1 }
    number += 1
    let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
    if let record = try? JSONLReader.parseRecord(line, number: number, path: "fuzz.jsonl", parser: parser) {
      roundTrip(record.value)
      _ = RecordText.text(of: record.object)
    }
    start = end + 1
  }
  return 0
}

private func roundTrip(_ value: JSONValue) {
  let text = JSONWriter().string(of: value)
  guard let again = try? JSONParser().parse(text) else { fatalError("written JSON does not parse: \(text)") }
  guard JSONWriter().string(of: again) == text else { fatalError("JSON round trip changed the value: \(text)") }
}
