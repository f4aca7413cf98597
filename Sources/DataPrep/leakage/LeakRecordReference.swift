/// Where a record involved in a leak is: its file, 1-based line (the first line of the
/// paragraph for plain-text inputs) and id (`id`, else `metadata.id`, else none).
public struct LeakRecordReference: Sendable, Hashable {
  /// The file as given on the command line.
  public var file: String
  /// The 1-based line.
  public var line: Int
  /// The record's id, when it has one.
  public var id: String?

  /// A reference to the record at `line` of `file`.
  public init(file: String, line: Int, id: String?) {
    self.file = file
    self.line = line
    self.id = id
  }

  /// `file:line (id)`, for reports.
  public var description: String {
    id.map { "\(file):\(line) (id \($0))" } ?? "\(file):\(line)"
  }

  /// `{file, line, id}` (`id` `null` when the record has none), as reports and shard parts write it.
  public var json: JSONValue {
    var object = JSONObject()
    object.append("file", .string(file))
    object.append("line", .integer(Int64(line)))
    object.append("id", id.map { JSONValue.string($0) } ?? .null)
    return .object(object)
  }

  /// The id a record is known by: `id`, else `metadata.id` (strings or integers).
  static func recordID(_ object: JSONObject) -> String? {
    for candidate in [object["id"], object["metadata"]?["id"]] {
      switch candidate {
      case .string(let s)?: return s
      case .integer(let i)?: return String(i)
      default: continue
      }
    }
    return nil
  }
}
