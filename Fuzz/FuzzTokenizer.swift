// libFuzzer target: the BPE tokenizer. Oracle: decode(encode(text)) == text for any text, and
// count agrees with encode. The rank file comes from DATAPREP_FUZZ_TOKENIZER (scripts/fuzz.sh
// points it at ../shared/data/tokenizers/o200k_base.tiktoken.gz).

import Foundation

nonisolated(unsafe) let fuzzTokenizer: Tokenizer? = {
  guard let path = ProcessInfo.processInfo.environment["DATAPREP_FUZZ_TOKENIZER"] else { return nil }
  return try? Tokenizer(tiktokenFile: path)
}()

/// One fuzz input; see FuzzMain.swift.
func fuzzTokenizer(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
  guard let tokenizer = fuzzTokenizer else { fatalError("set DATAPREP_FUZZ_TOKENIZER to a .tiktoken[.gz] file") }
  let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
  let ids = tokenizer.encode(text)
  if tokenizer.decode(ids) != text { fatalError("decode(encode(x)) != x for \(Array(text.utf8))") }
  if tokenizer.count(text) != ids.count { fatalError("count disagrees with encode") }
  let special = tokenizer.encode(text, allowingSpecialTokens: true)
  if tokenizer.decode(special) != text { fatalError("special-token round trip failed") }
  return 0
}
