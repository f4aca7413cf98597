// Release-mode language-identification benchmark: `swift run -c release bench-language TEXTS [REPEAT]`.
//
// TEXTS holds one text per line. Identifies every line on one thread with LanguageIdentifier,
// writes one `language<TAB>score` line per text to stdout (in input order), and one JSON line of
// timings to stderr: texts, bytes, best-of-REPEAT wall seconds, texts/s, MB/s.
// scripts/bench-language.py drives it against py3langid on the same texts.
import DataPrep
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  FileHandle.standardError.write(Data("usage: bench-language TEXTS [REPEAT]\n".utf8))
  exit(2)
}
let repeats = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 1) : 1
do {
  let bytes = try ByteSource(path: arguments[1]).readAll()
  let texts = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    .dropLast(bytes.last == 0x0A ? 1 : 0).map(String.init)
  let identifier = LanguageIdentifier()
  _ = identifier.identify("warm up the identifier before timing it")
  var best = Double.infinity
  var guesses: [LanguageIdentifier.Guess] = []
  for _ in 0..<repeats {
    let elapsed = ContinuousClock().measure { guesses = texts.map(identifier.identify) }
    best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
  }
  var out = ""
  for guess in guesses { out += "\(guess.language)\t\(guess.score)\n" }
  FileHandle.standardOutput.write(Data(out.utf8))
  let result: JSONValue = [
    "peer": "dataprep LanguageIdentifier", "texts": .integer(Int64(texts.count)), "bytes": .integer(Int64(bytes.count)),
    "seconds": .double((best * 10000).rounded() / 10000),
    "texts_per_s": .double((Double(texts.count) / best).rounded()),
    "mb_per_s": .double((Double(bytes.count) / best / 1e4).rounded() / 100),
  ]
  FileHandle.standardError.write(Data((JSONWriter().string(of: result) + "\n").utf8))
} catch {
  FileHandle.standardError.write(Data("bench-language: \(error.localizedDescription)\n".utf8))
  exit(2)
}
