import Foundation

/// A few examples of each task, picked the same way on every run, so the card and the report
/// show a person what they will train on.
///
/// Per task, the examples whose ids hash lowest are kept (spread over the documents, unlike the
/// first lines of the file); memory is ``perTask`` short samples per distinct task.
struct TaskSamples: Sendable {
  /// One example, cut short for display.
  struct Sample: Sendable, Equatable {
    /// `metadata.task`.
    var task: String
    /// The last user turn before the answer.
    var instruction: String
    /// The final answer.
    var answer: String
    fileprivate var rank: UInt64
  }

  /// Examples kept per task.
  static let perTask = 3
  /// Characters shown of an instruction or an answer.
  static let shownCharacters = 280

  private var byTask: [String: [Sample]] = [:]

  /// Considers one record of the dataset (any format ``ExampleParser`` reads).
  mutating func add(_ record: JSONObject, format: ExampleFormat) {
    guard let example = try? ExampleParser().parse(record, as: format) else { return }
    let task = example.metadata?["task"]?.stringValue ?? "(none)"
    let rank = XXH64.hash(example.metadata?["id"]?.stringValue ?? JSONWriter().string(of: .object(record)), seed: 0x7361_6d70)
    var kept = byTask[task, default: []]
    if kept.count == Self.perTask, let worst = kept.last, worst.rank <= rank { return }
    let instruction = example.promptMessages.last(where: { $0.role == .user })
    let answer = example.responseMessages.last
    let sample = Sample(
      task: task, instruction: Self.shortened([instruction?.content, instruction?.input].compactMap { $0 }.joined(separator: "\n\n")),
      answer: Self.shortened(answer?.content ?? ""), rank: rank)
    kept.append(sample)
    kept.sort { $0.rank < $1.rank }
    byTask[task] = Array(kept.prefix(Self.perTask))
  }

  /// The samples, tasks in name order.
  var samples: [Sample] {
    byTask.keys.sorted().flatMap { byTask[$0] ?? [] }
  }

  private static func shortened(_ text: String) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.count > shownCharacters else { return trimmed }
    return String(trimmed.prefix(shownCharacters)).trimmingCharacters(in: .whitespaces) + " …"
  }
}
