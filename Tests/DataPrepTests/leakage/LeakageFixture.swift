import Foundation
@testable import DataPrep

/// Texts and files for the leakage and split tests.
enum LeakageFixture {
  /// `count` pseudo-random words (the same for the same seed).
  static func words(_ count: Int, seed: UInt64) -> [String] {
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in "w\(rng.next() % 20000)" }
  }

  static func text(_ count: Int, seed: UInt64) -> String { words(count, seed: seed).joined(separator: " ") }

  static func line(_ id: String, _ text: String, sourceID: String? = nil, label: String? = nil) -> String {
    var object = JSONObject([.init(key: "id", value: .string(id)), .init(key: "text", value: .string(text))])
    var metadata = JSONObject()
    if let sourceID { metadata.append("source_id", .string(sourceID)) }
    if let label { metadata.append("label", .string(label)) }
    if !metadata.isEmpty { object.append("metadata", .object(metadata)) }
    return JSONWriter().string(of: .object(object))
  }

  static func chat(_ id: String, system: String, user: String, assistant: String) -> String {
    JSONWriter().string(of: [
      "id": .string(id),
      "messages": [
        ["role": "system", "content": .string(system)],
        ["role": "user", "content": .string(user)],
        ["role": "assistant", "content": .string(assistant)],
      ],
    ])
  }

  static func write(_ lines: [String], to path: String) throws {
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
  }

  static func check(
    train: [String], validation: [String], against: [String: String] = [:], options: LeakageOptions = LeakageOptions()
  ) throws -> LeakageReport {
    let directory = try TemporaryDirectory()
    let trainPath = directory.path("train.jsonl")
    let validationPath = directory.path("validation.jsonl")
    try write(train, to: trainPath)
    try write(validation, to: validationPath)
    var againstPaths: [String] = []
    for (name, content) in against.sorted(by: { $0.key < $1.key }) {
      againstPaths.append(try directory.write(name, content))
    }
    return try LeakageCheck(options: options).run(train: trainPath, heldOut: [validationPath], against: againstPaths)
  }
}
