import Foundation

/// The messages one ``ModelTask`` sends: a system prompt and a user prompt with `{{name}}`
/// variables, replaceable per task from a YAML file (`--prompt-template FILE`):
///
/// ```yaml
/// qa:
///   system: You write exam questions about our manual.
///   user: "From {{title}} ({{heading_path}}), write {{n}} questions ... {{chunk}}"
/// ```
/// Variables: `chunk` (the text), `title` (the document title, cleaned), `heading_path`
/// (`A > B > C`), `n` (questions per chunk), `source`, `id` (the document's); `rewrite` also
/// has `question` and `answer`. The reply must be the JSON object the task asks for (see
/// docs/instruct.md). The template's SHA-256 (``digest``) is written in every example's
/// `metadata.generator.template`.
public struct ModelPrompt: Sendable, Hashable {
  /// The system message, when any.
  public var system: String?
  /// The user message.
  public var user: String

  /// A prompt with the given messages.
  public init(system: String?, user: String) {
    self.system = system
    self.user = user
  }

  /// Lower-case hex SHA-256 of the system prompt, a NUL byte and the user prompt.
  public var digest: String {
    HexBytes.encode(SHA256Digest.hash(Array(((system ?? "") + "\u{0}" + user).utf8)))
  }

  /// The variables a template may use.
  static let variables: Set<String> = ["chunk", "title", "heading_path", "n", "source", "id", "question", "answer"]

  /// The messages of this prompt with the variables filled in.
  func messages(_ values: [String: String]) -> [ChatMessage] {
    var out: [ChatMessage] = []
    if let system, !system.isEmpty { out.append(ChatMessage(role: "system", content: Self.fill(system, values))) }
    out.append(ChatMessage(role: "user", content: Self.fill(user, values)))
    return out
  }

  /// `text` with every `{{name}}` replaced by `values[name]` in one pass (a value holding
  /// braces is not filled again); an unknown name gives the empty string.
  static func fill(_ text: String, _ values: [String: String]) -> String {
    var out = ""
    var rest = text[...]
    while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
      out += rest[..<open.lowerBound]
      out += values[rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)] ?? ""
      rest = rest[close.upperBound...]
    }
    out += rest
    return out
  }

  // MARK: built-in prompts

  private static let system =
    "You write training data for a language model from documentation. You use only the text you are given and never add facts it does not state. You reply with one JSON object and nothing else."

  private static let context = """
    Document: {{title}}
    Section: {{heading_path}}

    Text:
    \"\"\"
    {{chunk}}
    \"\"\"
    """

  /// The prompts used when no template file replaces them.
  public static let defaults: [ModelTask: ModelPrompt] = [
    .qa: ModelPrompt(
      system: system,
      user: context + """


        Write {{n}} question-answer pairs about this text. Vary the kinds of question: what, why, \
        how, when, a comparison, a task to carry out. Each question must make sense on its own, \
        naming its subject rather than saying "the text". Each answer must be supported by the \
        text alone, in its words where possible.
        Reply with JSON only: {"pairs": [{"question": "...", "answer": "..."}]}
        """),
    .conversation: ModelPrompt(
      system: system,
      user: context + """


        Write a conversation of 2 to 4 exchanges between a user who asks about this subject and an \
        assistant who answers from this text only. The user's first message names the subject.
        Reply with JSON only: {"messages": [{"role": "user", "content": "..."}, {"role": "assistant", "content": "..."}]}
        """),
    .rewrite: ModelPrompt(
      system: system,
      user: """
        Document: {{title}}
        Section: {{heading_path}}

        This question was made by a template:
        {{question}}

        Its answer is:
        \"\"\"
        {{answer}}
        \"\"\"

        Ask the same question as a person would, in natural words, so that the answer above still \
        answers it exactly. Name the subject; do not mention "the text" or "the document".
        Reply with JSON only: {"question": "..."}
        """),
    .summary: ModelPrompt(
      system: system,
      user: context + """


        Summarise this text in two to four sentences, using its own terms and no facts it does not state.
        Reply with JSON only: {"summary": "..."}
        """),
  ]

  /// The prompts of `path`'s YAML over the defaults: a mapping from task name to `{system, user}`.
  /// - Throws: ``InstructError/badTemplate(path:problem:)`` naming the key that is wrong.
  public static func load(path: String) throws(InstructError) -> [ModelTask: ModelPrompt] {
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw .badTemplate(path: path, problem: "cannot read: \(error.localizedDescription)")
    }
    return try parse(yaml: text, path: path)
  }

  /// The prompts of `yaml` over the defaults; `path` names it in errors.
  /// - Throws: ``InstructError/badTemplate(path:problem:)`` naming the key that is wrong.
  public static func parse(yaml: String, path: String) throws(InstructError) -> [ModelTask: ModelPrompt] {
    let root: Any?
    do { root = try BoundedYAML.load(yaml) } catch { throw .badTemplate(path: path, problem: error.reason) }
    guard let mapping = root as? [String: Any], !mapping.isEmpty else {
      throw .badTemplate(path: path, problem: "expected a mapping of tasks (\(ModelTask.names.joined(separator: ", "))) to {system, user}")
    }
    var prompts = defaults
    for key in mapping.keys.sorted() {
      guard let task = ModelTask(rawValue: key) else {
        throw .badTemplate(path: path, problem: "\(key): unknown task (expected \(ModelTask.names.joined(separator: ", ")))")
      }
      guard let fields = mapping[key] as? [String: Any] else {
        throw .badTemplate(path: path, problem: "\(key): expected a mapping with `user` (and `system`)")
      }
      for field in fields.keys.sorted() where field != "system" && field != "user" {
        throw .badTemplate(path: path, problem: "\(key).\(field): unknown key (expected system, user)")
      }
      guard let user = fields["user"] as? String, !user.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw .badTemplate(path: path, problem: "\(key).user: expected a non-empty string")
      }
      var system: String?
      if let value = fields["system"] {
        guard let string = value as? String else { throw .badTemplate(path: path, problem: "\(key).system: expected a string") }
        system = string
      }
      for (name, part) in [("user", user), ("system", system ?? "")] {
        for variable in InstructTemplate.placeholders(in: part) where !variables.contains(variable) {
          throw .badTemplate(
            path: path, problem: "\(key).\(name): {{\(variable)}}: unknown variable (expected \(variables.sorted().joined(separator: ", ")))")
        }
      }
      prompts[task] = ModelPrompt(system: system, user: user)
    }
    return prompts
  }
}
