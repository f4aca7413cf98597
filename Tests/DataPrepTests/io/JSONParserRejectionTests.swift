import Testing
@testable import DataPrep

/// Everything RFC 8259 rejects must be an error at the right column, with a useful message.
@Suite struct JSONParserRejectionTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var bytes: [UInt8]
    var column: Int
    var fragment: String
    var testDescription: String { String(decoding: bytes, as: UTF8.self).debugDescription }

    init(_ text: String, _ column: Int, _ fragment: String) {
      self.init(bytes: Array(text.utf8), column, fragment)
    }

    init(bytes: [UInt8], _ column: Int, _ fragment: String) {
      self.bytes = bytes
      self.column = column
      self.fragment = fragment
    }
  }

  static let cases: [Case] = [
    Case("", 1, "empty input"),
    Case("   ", 4, "only whitespace"),
    Case("01", 1, "leading zeros"),
    Case("-012", 2, "leading zeros"),
    Case("[00]", 2, "leading zeros"),
    Case("[1,]", 4, "trailing comma"),
    Case("{\"a\":1,}", 8, "trailing comma"),
    Case("[1,,2]", 4, "unexpected ','"),
    Case("{,}", 2, "member name"),
    Case("{\"a\":}", 6, "expected a value"),
    Case("{\"a\" 1}", 6, "':'"),
    Case("{1:2}", 2, "member name in double quotes"),
    Case("[1 2]", 4, "',' or ']'"),
    Case("{\"a\":1 \"b\":2}", 8, "',' or '}'"),
    Case("'a'", 1, "single quotes"),
    Case("{'a':1}", 2, "single quotes"),
    Case("// comment\n1", 1, "comments"),
    Case("/* c */ 1", 1, "comments"),
    Case("[1 /* c */]", 4, "comments"),
    Case("\"a\u{01}b\"", 3, "control character U+0001"),
    Case("\"a\tb\"", 3, "\\t"),
    Case("\"a\nb\"", 3, "\\n"),
    Case("\"\\n\u{1F}\"", 4, "U+001F"),
    Case(bytes: [0x22, 0xC0, 0xAF, 0x22], 2, "overlong"),
    Case(bytes: [0x22, 0xE0, 0x80, 0xAF, 0x22], 2, "overlong"),
    Case(bytes: [0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22], 2, "overlong"),
    Case(bytes: [0x22, 0x61, 0xED, 0xA0, 0x80, 0x22], 3, "surrogate"),
    Case(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 2, "above U+10FFFF"),
    Case(bytes: [0x22, 0xFF, 0x22], 2, "never appears"),
    Case(bytes: [0x22, 0x61, 0x62, 0x80, 0x22], 4, "continuation"),
    Case(bytes: [0x22, 0xE2, 0x82, 0x22], 2, "truncated"),
    Case(bytes: [0x22, 0xC3], 1, "unterminated string"),
    Case(bytes: Array("\"0123456789\\n".utf8) + [0xC3, 0x28, 0x22], 14, "truncated"),
    Case(bytes: [0x5B, 0xC3, 0xA9, 0x5D], 2, "byte 0xC3"),
    Case(bytes: [0xEF, 0xBB, 0xBF, 0x31], 1, "byte order mark"),
    Case("\"\\x\"", 2, "invalid escape '\\x'"),
    Case("\"\\'\"", 2, "invalid escape"),
    Case("\"\\u12G4\"", 6, "four hex digits"),
    Case("\"\\u12", 2, "incomplete \\u escape"),
    Case("\"\\ud800\"", 2, "lone UTF-16 high surrogate"),
    Case("\"\\udc00\"", 2, "lone UTF-16 low surrogate"),
    Case("\"ab\\ud800\\u0041\"", 4, "not a low surrogate"),
    Case("\"\\uD83D\\n\"", 2, "high surrogate"),
    Case("\"abc", 1, "unterminated string"),
    Case("\"abc\\", 5, "unterminated string"),
    Case("NaN", 1, "NaN"),
    Case("[NaN]", 2, "NaN"),
    Case("Infinity", 1, "Infinity"),
    Case("-Infinity", 1, "Infinity"),
    Case("1 2", 3, "end of the input"),
    Case("{} x", 4, "end of the input"),
    Case("\"a\" \"b\"", 5, "end of the input"),
    Case("[1", 3, "end of input"),
    Case("{\"a\":1", 7, "end of input"),
    Case("tru", 4, "end of input"),
    Case("trux", 4, "'true'"),
    Case("True", 1, "unexpected 'T'"),
    Case("nul", 4, "'null'"),
    Case("1.", 3, "decimal point"),
    Case("1.e5", 3, "decimal point"),
    Case("1e", 3, "exponent"),
    Case("1e+", 4, "exponent"),
    Case("-", 2, "digit after '-'"),
    Case("+1", 1, "unexpected '+'"),
    Case(".5", 1, "unexpected '.'"),
    Case("0x10", 2, "unexpected 'x'"),
    Case("1e400", 1, "too large"),
    Case("-1.5e309", 1, "too large"),
    Case("\u{0C}1", 1, "byte 0x0C"),
    Case(bytes: [0x00], 1, "byte 0x00"),
    Case("[1,2", 5, "end of input"),
    Case("{\"a\" : 1 ,", 11, "end of input"),
  ]

  @Test(arguments: cases)
  func rejects(_ testCase: Case) {
    do {
      let value = try JSONParser().parse(testCase.bytes)
      Issue.record("accepted as \(value)")
    } catch {
      #expect(error.column == testCase.column, "\(error.message)")
      #expect(error.message.contains(testCase.fragment), "message: \(error.message)")
    }
  }

  @Test func nestingUpToTheLimitIsAccepted() throws {
    let depth = JSONParser.defaultMaximumDepth
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    #expect(throws: Never.self) { try JSONParser().parse(text) }
  }

  @Test func nestingBeyondTheLimitIsAnErrorAtTheBracket() {
    let depth = JSONParser.defaultMaximumDepth + 1
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    #expect(throws: JSONParseError(column: depth, message: "nesting deeper than 512 levels of arrays and objects")) {
      try JSONParser().parse(text)
    }
  }

  @Test func hundredThousandLevelsGiveAnErrorNotACrash() {
    let arrays = String(repeating: "[", count: 100_000)
    let objects = String(repeating: "{\"a\":", count: 100_000)
    for text in [arrays, objects] {
      #expect(throws: JSONParseError.self) { try JSONParser().parse(text) }
    }
  }

  @Test func theDepthLimitIsConfigurable() throws {
    let parser = JSONParser(maximumDepth: 2)
    #expect(throws: Never.self) { try parser.parse("[{\"a\":1}]") }
    #expect(throws: JSONParseError.self) { try parser.parse("[{\"a\":[]}]") }
  }
}
