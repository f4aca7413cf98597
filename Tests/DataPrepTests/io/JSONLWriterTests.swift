import Foundation
import Testing
@testable import DataPrep

@Suite struct JSONLWriterTests {
  @Test func writesOneCompactObjectPerLineKeepingKeyOrderWithoutEscapingSlashes() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("out.jsonl")
    let writer = try JSONLWriter(path: path)
    try writer.write(["z": "a/b", "a": ["n": 1.5, "m": [1, nil, true]]])
    try writer.write(JSONObject([.init(key: "b", value: "é\n")]))
    #expect(writer.count == 2)
    try writer.finish()
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text == "{\"z\":\"a/b\",\"a\":{\"n\":1.5,\"m\":[1,null,true]}}\n{\"b\":\"é\\n\"}\n")
  }

  @Test func writtenRecordsReadBackEqual() throws {
    var generator = RandomJSONText(seed: 7)
    var values: [JSONValue] = []
    for _ in 0..<500 {
      let value = try JSONParser().parse(generator.value(depth: 3))
      values.append(["v": value, "k": .string(generator.string())])
    }
    values.append(["d": .double(-0.0), "e": 1e300, "f": .double(.leastNonzeroMagnitude), "g": 1e15, "h": 123456.789, "i": .integer(.min)])
    let directory = try TemporaryDirectory()
    let path = directory.path("round.jsonl")
    let writer = try JSONLWriter(path: path)
    for value in values { try writer.write(value) }
    try writer.finish()
    var read: [JSONValue] = []
    try JSONLReader(path: path).forEachRecordWithRawLine { record, raw in
      read.append(record.value)
      // Writing what was read gives the line back byte for byte.
      #expect(JSONWriter().bytes(of: record.value) == Array(raw))
      return true
    }
    #expect(read == values)
    #expect(read.last?["d"]?.doubleValue?.sign == .minus)
  }

  @Test func rawLinesCanBeWrittenThrough() throws {
    let directory = try TemporaryDirectory()
    let input = try directory.write("in.jsonl", "{\"b\":1, \"a\":\"\\u00e9\"}\r\n\n{\"c\":[]}")
    let path = directory.path("out.jsonl")
    let writer = try JSONLWriter(path: path)
    try JSONLReader(path: input).forEachRecordWithRawLine { _, raw in
      try writer.writeRawLine(raw)
      return true
    }
    try writer.finish()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"b\":1, \"a\":\"\\u00e9\"}\n{\"c\":[]}\n")
  }
}
