/// The record shapes `validate` knows: the fine-tuning formats and dataprep documents.
public enum DatasetFormat: String, Sendable, CaseIterable, Codable {
  /// `{"messages": [{"role", "content"}...]}` (OpenAI supervised fine-tuning).
  case openaiChat = "openai-chat"
  /// `{"input": {"messages"}, "preferred_output", "non_preferred_output"}` (OpenAI DPO).
  case openaiPreference = "openai-preference"
  /// `{"prompt", "completion"}`.
  case promptCompletion = "prompt-completion"
  /// `{"instruction", "input", "output"}`.
  case alpaca
  /// `{"conversations": [{"from", "value"}...]}`.
  case sharegpt
  /// `{"text"}` (continued pre-training).
  case text
  /// A dataprep document (`id`, `source`, `text`, `sections`, ...).
  case document

  /// The format a record has, judged by its keys; `nil` when it has none of the known shapes.
  public static func detect(_ object: JSONObject) -> DatasetFormat? {
    var has: UInt16 = 0
    for member in object.members {
      switch member.key {
      case "messages": has |= 1
      case "input": has |= 2
      case "preferred_output", "non_preferred_output": has |= 4
      case "prompt": has |= 8
      case "completion": has |= 16
      case "instruction": has |= 32
      case "output": has |= 64
      case "conversations": has |= 128
      case "text": has |= 256
      case "sections", "source": has |= 512
      default: break
      }
    }
    if has & 4 != 0 { return .openaiPreference }
    if has & 1 != 0 { return .openaiChat }
    if has & 128 != 0 { return .sharegpt }
    if has & 32 != 0 || (has & 64 != 0 && has & 2 != 0) { return .alpaca }
    if has & 8 != 0 || has & 16 != 0 { return .promptCompletion }
    if has & 512 != 0 { return .document }
    if has & 256 != 0 { return .text }
    return nil
  }
}
