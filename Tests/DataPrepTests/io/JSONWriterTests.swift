import Testing
@testable import DataPrep

@Suite struct JSONWriterTests {
  @Test func keepsMemberOrderAndDoesNotEscapeSlashes() {
    let value: JSONValue = ["b": 1, "a": "x/y", "c": [true, nil, 2.5]]
    #expect(JSONWriter().string(of: value) == #"{"b":1,"a":"x/y","c":[true,null,2.5]}"#)
  }

  @Test func escapesControlCharactersQuotesAndBackslashes() {
    let value: JSONValue = .string("a\"b\\c\nd\te\u{1}é")
    #expect(JSONWriter().string(of: value) == "\"a\\\"b\\\\c\\nd\\te\\u0001é\"")
  }

  @Test func integralDoublesStayDoubles() {
    #expect(JSONWriter().string(of: .double(2)) == "2.0")
    #expect(JSONWriter().string(of: .double(.nan)) == "null")
  }
}
