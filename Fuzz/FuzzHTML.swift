// libFuzzer target: HTML extraction (parse, encoding detection, Markdown rendering, metadata,
// main-content heuristics). Built by scripts/fuzz.sh together with the library sources.

/// One fuzz input; see FuzzMain.swift.
func fuzzHTML(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: count))
  for scope in [HTMLExtractor.ContentScope.wholePage, .mainContent] {
    // Errors (empty or oversized input) are fine; crashes, hangs and memory errors are not.
    if let document = try? HTMLExtractor(contentScope: scope).document(from: bytes, source: "fuzz.html") {
      // What extraction produces must always be writable as one JSONL line and read back.
      let line = JSONWriter().string(of: document.jsonValue)
      guard (try? JSONParser().parse(line)) != nil else { fatalError("extracted document is not valid JSON: \(line)") }
    }
  }
  return 0
}
