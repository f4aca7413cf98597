// Release-mode tokenizer benchmark: `swift run -c release bench-tokenizer TEXT TOKENIZER [REPEAT]`.
//
// Encodes the whole of TEXT (one string) on one thread, like tiktoken's `encode_ordinary`,
// and prints one JSON line: bytes, tokens, load and encode seconds (wall and CPU), MB/s.
// TOKENIZER is what `--tokenizer` takes (a name found via DATAPREP_TOKENIZERS, or a path).
import DataPrep
import Foundation

func cpuSeconds() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

func now() -> Double { Date().timeIntervalSince1970 }

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
  FileHandle.standardError.write(Data("usage: bench-tokenizer TEXT TOKENIZER [REPEAT]\n".utf8))
  exit(2)
}
let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1
do {
  let bytes = try ByteSource(path: arguments[1]).readAll()
  let text = String(decoding: bytes, as: UTF8.self)
  var wall = now()
  var cpu = cpuSeconds()
  let tokenizer = try TokenizerLocator().load(arguments[2])
  let loadWall = now() - wall
  let loadCPU = cpuSeconds() - cpu
  _ = tokenizer.count("warm up")
  var best = (Double.infinity, 0.0)
  var ids: [Int] = []
  for _ in 0..<repeats {
    wall = now()
    cpu = cpuSeconds()
    ids = tokenizer.encode(text)
    let elapsed = (now() - wall, cpuSeconds() - cpu)
    if elapsed.0 < best.0 { best = elapsed }
  }
  // FNV-1a over the ids, the same as the Python peer's, to show the ids are identical.
  var checksum: UInt64 = 0xcbf2_9ce4_8422_2325
  for id in ids { checksum = (checksum ^ UInt64(id)) &* 0x100_0000_01b3 }
  let result: JSONValue = [
    "peer": "dataprep Tokenizer.encode", "encoding": .string(tokenizer.name),
    "bytes": .integer(Int64(bytes.count)), "tokens": .integer(Int64(ids.count)), "checksum": .string(String(checksum, radix: 16)),
    "load_seconds": .double((loadWall * 1000).rounded() / 1000), "load_cpu_seconds": .double((loadCPU * 1000).rounded() / 1000),
    "seconds": .double((best.0 * 1000).rounded() / 1000), "cpu_seconds": .double((best.1 * 1000).rounded() / 1000),
    "mb_per_s": .double((Double(bytes.count) / best.0 / 1e4).rounded() / 100),
  ]
  print(JSONWriter().string(of: result))
} catch {
  FileHandle.standardError.write(Data("bench-tokenizer: \(error.localizedDescription)\n".utf8))
  exit(2)
}
