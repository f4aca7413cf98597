/// Which part of a record a shared passage was found in: instruction data is checked on its
/// prompts and its responses separately, so a report can tell a leaked question from a leaked answer.
public enum LeakagePart: String, Sendable, Codable, CaseIterable {
  /// The whole text of a document (or a `--field`).
  case text
  /// What the model is given: user and human turns, `prompt`, alpaca `instruction` and `input`.
  case prompt
  /// What the model learns to write: assistant turns, `completion`, alpaca `output`.
  case response

  /// The part a speaker's text belongs to; `nil` for system messages, which instruction sets
  /// repeat verbatim in every record and so would flag every pair.
  static func forRole(_ role: String?) -> LeakagePart? {
    guard let role = role?.lowercased() else { return .text }
    switch role {
    case "system", "developer": return nil
    case "assistant", "gpt", "model", "bot", "chatgpt", "completion", "output", "response", "chosen":
      return .response
    default:
      return .prompt
    }
  }

  /// The texts of `record` by part, in order: the whole text for documents and `field`, the
  /// prompt and response turns otherwise (system messages left out). Empty when the record has no text.
  static func texts(of record: JSONObject, field: String?) -> [(part: LeakagePart, text: String)] {
    if let field {
      return RecordText.text(of: record, field: field).map { [(.text, $0)] } ?? []
    }
    guard let format = DatasetFormat.detect(record, rule: .textual) else { return [] }
    let parts = RecordText.parts(of: record, as: format, shareGPTValueParts: true)
    if format == .example(.text) { return parts.map { (.text, $0.text) } }
    return parts.compactMap { part in
      guard let side = forRole(part.role) else { return nil }
      return (side == .text ? .prompt : side, part.text)
    }
  }
}
