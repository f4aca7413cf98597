import Foundation
import Testing
@testable import DataPrep

/// Mutated and real-world inputs: the parser never crashes, accepts nothing Foundation
/// rejects, and reads real files exactly as Foundation does.
@Suite struct JSONParserRobustnessTests {
  @Test func mutatedInputsNeverCrashAndAcceptedOnesAgreeWithFoundation() throws {
    var generator = RandomJSONText(seed: 0xF022)
    let interesting: [UInt8] = Array("\"\\{}[],:0-+.eE/u'tfn \t\n".utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xE2, 0xED, 0xF0, 0xFF]
    var accepted = 0
    for _ in 0..<4000 {
      var bytes = Array(generator.value(depth: 3).utf8)
      for _ in 0...generator.below(3) where !bytes.isEmpty {
        let index = generator.below(bytes.count)
        switch generator.below(3) {
        case 0: bytes[index] = interesting[generator.below(interesting.count)]
        case 1: bytes.remove(at: index)
        default: bytes.insert(interesting[generator.below(interesting.count)], at: index)
        }
      }
      guard let ours = try? JSONParser().parse(bytes) else { continue }
      accepted += 1
      let theirs = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
      #expect(theirs.map { JSONParserAgreementTests.agrees(ours, $0) } == true,
              "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
    }
    #expect(accepted > 100)
  }

  @Test func theJSONSchemaTestSuiteParsesAsFoundationReadsIt() throws {
    guard let root = SharedData.require("data/json-schema-test-suite") else { return }
    var files = 0
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "json" else { continue }
      let data = try Data(contentsOf: url)
      let ours = try JSONParser().parse([UInt8](data))
      let theirs = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
      #expect(JSONParserAgreementTests.agrees(ours, theirs), "\(url.path)")
      files += 1
    }
    #expect(files > 50)
  }

  @Test func tokenizerVectorsReadAsFoundationReadsThem() throws {
    guard let url = SharedData.require("data/tokenizers/vectors.jsonl") else { return }
    var lines = 0
    try JSONLReader(path: url.path).forEachRecordWithRawLine { record, raw in
      let theirs = try JSONSerialization.jsonObject(with: Data(buffer: raw))
      #expect(JSONParserAgreementTests.agrees(record.value, theirs), "line \(record.line)")
      lines += 1
      return true
    }
    #expect(lines > 0)
  }
}
