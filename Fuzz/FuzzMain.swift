// The libFuzzer entry point for every target: one binary holds them all (the library is
// compiled once), and DATAPREP_FUZZ_TARGET picks the target: html, xml, jsonl, schema, tokenizer, yaml.
// scripts/fuzz.sh sets it.

import Foundation

nonisolated(unsafe) let fuzzTarget: (UnsafePointer<UInt8>, Int) -> Int32 = {
  switch ProcessInfo.processInfo.environment["DATAPREP_FUZZ_TARGET"] ?? "" {
  case "html": return fuzzHTML
  case "xml": return fuzzXML
  case "jsonl": return fuzzJSONL
  case "schema": return fuzzSchema
  case "tokenizer": return fuzzTokenizer
  case "yaml": return fuzzYAML
  default: fatalError("set DATAPREP_FUZZ_TARGET to html, xml, jsonl, schema, tokenizer or yaml")
  }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
  fuzzTarget(data, count)
}
