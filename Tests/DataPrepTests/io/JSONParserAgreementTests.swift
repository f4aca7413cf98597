import Foundation
import Testing
@testable import DataPrep

/// The byte-level parser must read every valid text exactly as Foundation's JSONSerialization.
@Suite struct JSONParserAgreementTests {
  /// Compares our value with Foundation's, exactly: strings byte for byte, doubles bit for bit.
  static func agrees(_ ours: JSONValue, _ theirs: Any) -> Bool {
    switch ours {
    case .null:
      return theirs is NSNull
    case .bool(let b):
      guard let number = theirs as? NSNumber, String(cString: number.objCType) == "c" else { return false }
      return number.boolValue == b
    case .integer(let i):
      // Foundation keeps long numbers as NSDecimalNumber, exact in decimal.
      if let decimal = theirs as? NSDecimalNumber { return decimal.description == String(i) }
      guard let number = theirs as? NSNumber else { return false }
      return number.int64Value == i && !["d", "f"].contains(String(cString: number.objCType))
    case .double(let d):
      // NSDecimalNumber's doubleValue is not correctly rounded; its exact digits are, through strtod.
      if let decimal = theirs as? NSDecimalNumber { return Double(decimal.description) == d }
      guard let number = theirs as? NSNumber else { return false }
      return number.doubleValue == d
    case .string(let s):
      guard let string = theirs as? String else { return false }
      return string.utf8.elementsEqual(s.utf8)
    case .array(let elements):
      guard let array = theirs as? [Any], array.count == elements.count else { return false }
      return zip(elements, array).allSatisfy { agrees($0, $1) }
    case .object(let object):
      guard let dictionary = theirs as? [String: Any] else { return false }
      let keys = Set(object.keys)
      guard keys.count == dictionary.count else { return false }
      return keys.allSatisfy { key in
        guard let mine = object[key], let other = dictionary[key] else { return false }
        return agrees(mine, other)
      }
    }
  }

  static func foundation(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
  }

  @Test func agreesWithFoundationOnAGeneratedCorpus() throws {
    var generator = RandomJSONText(seed: 0x5EED_0001)
    var disagreements: [String] = []
    for _ in 0..<3000 {
      let text = generator.value(depth: 4)
      let theirs = try Self.foundation(text)
      let ours = try JSONParser().parse(text)
      if !Self.agrees(ours, theirs) { disagreements.append(text) }
    }
    #expect(disagreements.isEmpty, "first: \(disagreements.first ?? "")")
  }

  @Test func numbersAgreeWithFoundationAndAreCorrectlyRounded() throws {
    var generator = RandomJSONText(seed: 42)
    for _ in 0..<20000 {
      let text = generator.below(2) == 0 ? generator.double() : generator.integer()
      let ours = try JSONParser().parse(text)
      let theirs = try Self.foundation(text)
      #expect(Self.agrees(ours, theirs), "\(text): ours \(ours), Foundation \(theirs)")
      if case .double(let d) = ours {
        // The C library's strtod (behind Double(String)) is correctly rounded.
        #expect(d == Double(text), "\(text) -> \(d)")
      }
    }
  }

  @Test(arguments: [
    ("0", JSONValue.integer(0)), ("-0", .integer(0)), ("-0.0", .double(-0.0)), ("1.0", .double(1)),
    ("1E2", .double(100)), ("1e-400", .double(0)), ("9223372036854775807", .integer(.max)),
    ("-9223372036854775808", .integer(.min)), ("9223372036854775808", .double(9223372036854775808)),
    ("12345678901234567890123", .double(1.2345678901234568e22)), ("4.9e-324", .double(.leastNonzeroMagnitude)),
    ("2.2250738585072011e-308", .double(Double.leastNormalMagnitude.nextDown)),
    ("1.7976931348623157e308", .double(.greatestFiniteMagnitude)),
    ("0.1", .double(0.1)), ("123456789012345678901234567890e-10", .double(1.2345678901234568e19)),
    ("0.000000000000000000000000000001", .double(1e-30)),
  ])
  func numberEdgeCases(text: String, expected: JSONValue) throws {
    #expect(try JSONParser().parse(text) == expected)
  }

  @Test func stringsWithEscapesAndUnicodeMatchFoundation() throws {
    let texts = [
      #""plain ascii""#, #""tab\there\nnew \"quoted\" back\\slash \/ \b\f\r""#, "\"é中😀\u{10FFFF}\"",
      #""\u00e9\u4E2D\ud83d\ude00\uDBFF\uDFFF""#, #""\u0000\u001f""#, "\"\"", #""\\""#,
      "\"" + String(repeating: "long run of plain text ", count: 40) + "\"",
      "\"" + String(repeating: "é", count: 9) + "\\n" + String(repeating: "x", count: 7) + "\"",
    ]
    for text in texts {
      let ours = try JSONParser().parse(text)
      #expect(Self.agrees(ours, try Self.foundation(text)), "\(text)")
    }
  }

  @Test func objectsKeepMemberOrderAndLastDuplicateWins() throws {
    let value = try JSONParser().parse(#"{"z":1,"a":{"y":2,"b":3},"m":[],"a2":{},"z":4}"#)
    #expect(value.objectValue?.keys == ["z", "a", "m", "a2", "z"])
    #expect(value["z"] == .integer(4))
    #expect(value["a"]?.objectValue?.keys == ["y", "b"])
  }

  @Test func surroundingWhitespaceIsAllowed() throws {
    #expect(try JSONParser().parse(" \t\r\n[ 1 , { \"a\" : null } ]\n ") == [1, ["a": nil]])
  }

  @Test func multiLineTextReportsLineAndColumn() {
    #expect(throws: JSONParseError(line: 3, column: 3, message: "trailing comma before ']'")) {
      try JSONParser().parse("[\n  1,\n  ]")
    }
  }
}
