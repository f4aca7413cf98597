import Foundation

/// Parses one JSON text into a ``JSONValue``.
///
/// PLACEHOLDER: backed by Foundation until the byte-level parser lands; the API stays.
public struct JSONParser: Sendable {
  /// A parser.
  public init() {}

  /// Parses the JSON text in `bytes` (UTF-8, one complete value, surrounding whitespace allowed).
  /// - Throws: ``JSONParseError`` naming the 1-based column of the fault.
  public func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
    let data = Data(buffer: bytes)
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch {
      throw JSONParseError(column: 1, message: "invalid JSON")
    }
    return Self.convert(object)
  }

  /// Parses the JSON text of `text`.
  public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in try parse(buffer) }
  }

  private static func convert(_ any: Any) -> JSONValue {
    switch any {
    case is NSNull: return .null
    case let s as String: return .string(s)
    case let n as NSNumber:
      if String(cString: n.objCType) == "c" { return .bool(n.boolValue) }
      if let i = Int64(exactly: n.doubleValue), !String(describing: n).contains(".") {
        return .integer(i)
      }
      return .double(n.doubleValue)
    case let a as [Any]: return .array(a.map(convert))
    case let d as [String: Any]:
      return .object(JSONObject(d.keys.sorted().map { JSONObject.Member(key: $0, value: convert(d[$0] as Any)) }))
    default: return .null
    }
  }
}
