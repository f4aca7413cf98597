import Foundation

import DataPrep

/// Small tokenizer files written to a temporary folder, so tests need no shared data.
package enum TokenizerFixtures {
  /// A fresh temporary folder.
  package static func folder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dataprep-tok-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A tiktoken rank file: every byte at its own value as rank, then `extra` tokens from 256.
  package static func rankFile(in folder: URL, name: String, extra: [String] = ["ab", "cd", "abcd"]) -> URL {
    var lines: [String] = (0..<256).map { "\(Data([UInt8($0)]).base64EncodedString()) \($0)" }
    for (index, token) in extra.enumerated() {
      lines.append("\(Data(token.utf8).base64EncodedString()) \(256 + index)")
    }
    let url = folder.appendingPathComponent(name)
    try? (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  /// GPT-2's byte-to-character alphabet, written independently of the library's.
  package static func byteCharacter(_ byte: UInt8) -> String {
    var next: UInt32 = 256
    for b in 0..<256 {
      let printable = (0x21...0x7E).contains(b) || (0xA1...0xAC).contains(b) || (0xAE...0xFF).contains(b)
      if b == Int(byte) {
        return String(Character(Unicode.Scalar(printable ? UInt32(b) : next)!))
      }
      if !printable { next += 1 }
    }
    return ""
  }

  /// A GPT-2-style byte-level BPE `tokenizer.json`: the 256 byte characters as ids 0-255, then
  /// the merges' results from 256 in order, plus `extraVocab`.
  package static func huggingFaceFile(
    in folder: URL, merges: [(String, String)], extraVocab: [String] = [], ignoreMerges: Bool = false,
    preTokenizer: String = #"{"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":true}"#
  ) -> URL {
    var vocab: [(String, Int)] = (0..<256).map { (byteCharacter(UInt8($0)), $0) }
    var known = Set(vocab.map(\.0))
    for (a, b) in merges where !known.contains(a + b) {
      vocab.append((a + b, vocab.count))
      known.insert(a + b)
    }
    for token in extraVocab where !known.contains(token) {
      vocab.append((token, vocab.count))
      known.insert(token)
    }
    func quoted(_ s: String) -> String { JSONWriter().string(of: .string(s)) }
    let vocabJSON = vocab.map { "\(quoted($0.0)):\($0.1)" }.joined(separator: ",")
    let mergesJSON = merges.map { quoted("\($0.0) \($0.1)") }.joined(separator: ",")
    let json = """
      {"version":"1.0","added_tokens":[{"id":\(vocab.count),"content":"<|endoftext|>","special":true}],
      "normalizer":null,"pre_tokenizer":\(preTokenizer),
      "model":{"type":"BPE","dropout":null,"unk_token":null,"continuing_subword_prefix":null,
      "end_of_word_suffix":null,"fuse_unk":false,"byte_fallback":false,"ignore_merges":\(ignoreMerges),
      "vocab":{\(vocabJSON)},"merges":[\(mergesJSON)]}}
      """
    let url = folder.appendingPathComponent("tokenizer.json")
    try? json.write(to: url, atomically: true, encoding: .utf8)
    return url
  }
}
