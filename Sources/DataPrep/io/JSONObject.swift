/// A JSON object whose members keep their order.
///
/// Lookup is a linear scan, which beats hashing for the small objects of dataset records;
/// when a key repeats, the last member wins, as in Foundation's `JSONSerialization`.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection {
  /// One `"key": value` member.
  public struct Member: Sendable, Hashable {
    /// The member's name.
    public var key: String
    /// The member's value.
    public var value: JSONValue

    /// A member named `key` holding `value`.
    public init(key: String, value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  /// The members, in order.
  public var members: [Member]

  /// An object with the given members, in order.
  public init(_ members: [Member] = []) {
    self.members = members
  }

  /// The first index.
  public var startIndex: Int { members.startIndex }
  /// One past the last index.
  public var endIndex: Int { members.endIndex }
  /// The member at `position`.
  public subscript(position: Int) -> Member { members[position] }

  /// The names of the members, in order.
  public var keys: [String] { members.map(\.key) }

  /// The value of the member named `key` (the last one when the key repeats).
  ///
  /// Setting a value replaces the existing member in place, or appends a new one;
  /// setting `nil` removes every member with that name.
  public subscript(key: String) -> JSONValue? {
    get {
      var index = members.count - 1
      while index >= 0 {
        if members[index].key == key { return members[index].value }
        index -= 1
      }
      return nil
    }
    set {
      guard let newValue else {
        members.removeAll { $0.key == key }
        return
      }
      if let index = members.lastIndex(where: { $0.key == key }) {
        members[index].value = newValue
      } else {
        members.append(Member(key: key, value: newValue))
      }
    }
  }

  /// Appends a member without checking for an existing one of the same name.
  public mutating func append(_ key: String, _ value: JSONValue) {
    members.append(Member(key: key, value: value))
  }
}
