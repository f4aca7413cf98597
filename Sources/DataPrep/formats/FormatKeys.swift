/// The members of a record that tell its format, gathered in one pass over its keys.
struct FormatKeys: OptionSet {
  let rawValue: UInt32

  static let messages = FormatKeys(rawValue: 1)
  static let input = FormatKeys(rawValue: 1 << 1)
  /// `preferred_output` or `non_preferred_output`.
  static let preference = FormatKeys(rawValue: 1 << 2)
  static let prompt = FormatKeys(rawValue: 1 << 3)
  static let completion = FormatKeys(rawValue: 1 << 4)
  static let instruction = FormatKeys(rawValue: 1 << 5)
  static let output = FormatKeys(rawValue: 1 << 6)
  static let conversations = FormatKeys(rawValue: 1 << 7)
  static let text = FormatKeys(rawValue: 1 << 8)
  /// `sections` and `source`, which only dataprep documents have.
  static let sections = FormatKeys(rawValue: 1 << 9)
  static let source = FormatKeys(rawValue: 1 << 17)

  // The same members when their values have the type a record's text is read from.

  /// `messages` is an array.
  static let messageList = FormatKeys(rawValue: 1 << 10)
  /// `input` is an object whose `messages` is an array.
  static let inputMessageList = FormatKeys(rawValue: 1 << 11)
  /// `conversations` is an array.
  static let conversationList = FormatKeys(rawValue: 1 << 12)
  /// `prompt` is a string.
  static let promptString = FormatKeys(rawValue: 1 << 13)
  /// `completion` is a string.
  static let completionString = FormatKeys(rawValue: 1 << 14)
  /// `instruction` is a string.
  static let instructionString = FormatKeys(rawValue: 1 << 15)
  /// `text` is a string.
  static let textString = FormatKeys(rawValue: 1 << 16)

  init(rawValue: UInt32) {
    self.rawValue = rawValue
  }

  /// The telling keys `object` has.
  init(of object: JSONObject) {
    var keys: FormatKeys = []
    for member in object.members {
      let value = member.value
      switch member.key {
      case "messages": keys.mark(.messages, typed: .messageList, value.arrayValue != nil)
      case "input": keys.mark(.input, typed: .inputMessageList, value["messages"]?.arrayValue != nil)
      case "preferred_output", "non_preferred_output": keys.insert(.preference)
      case "prompt": keys.mark(.prompt, typed: .promptString, value.stringValue != nil)
      case "completion": keys.mark(.completion, typed: .completionString, value.stringValue != nil)
      case "instruction": keys.mark(.instruction, typed: .instructionString, value.stringValue != nil)
      case "output": keys.insert(.output)
      case "conversations": keys.mark(.conversations, typed: .conversationList, value.arrayValue != nil)
      case "text": keys.mark(.text, typed: .textString, value.stringValue != nil)
      case "sections": keys.insert(.sections)
      case "source": keys.insert(.source)
      default: break
      }
    }
    self = keys
  }

  /// Notes `key`, and `typed` when `hasType`; a repeated key's last value decides the type, as
  /// the last member wins a lookup.
  private mutating func mark(_ key: FormatKeys, typed: FormatKeys, _ hasType: Bool) {
    insert(key)
    if hasType { insert(typed) } else { remove(typed) }
  }
}
