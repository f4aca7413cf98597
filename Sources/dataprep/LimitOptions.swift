import ArgumentParser
import DataPrep

/// The input limits, as flags shared by every command that reads JSONL or XML: one place for
/// their names, help and defaults (``InputLimits``).
struct LimitOptions: ParsableArguments {
  @Option(name: .customLong("max-json-depth"), help: "Deepest JSON nesting accepted in a record.")
  var maxJSONDepth: Int = JSONParser.defaultMaximumDepth

  @Option(name: .customLong("max-entity-mb"), help: "XML entity-expansion budget in MiB per document, record mode per input plus 4× the bytes read.")
  var maxEntityMB: Int = InputLimits.defaultMaximumEntityBytes >> 20

  @Option(name: .customLong("max-line-mb"), help: "Longest JSONL line in MiB: a longer line read is an error naming file:line; extract refuses a document whose line would be longer.")
  var maxLineMB: Int = InputLimits.defaultMaximumLineBytes >> 20

  func validate() throws {
    guard maxJSONDepth >= 1 else { throw ValidationError("--max-json-depth must be at least 1") }
    guard maxJSONDepth <= JSONParser.maximumSafeDepth else {
      throw ValidationError(
        "--max-json-depth must be at most \(JSONParser.maximumSafeDepth) (deeper nesting could overflow the stack)")
    }
    guard maxEntityMB >= 0 else { throw ValidationError("--max-entity-mb must be 0 or more") }
    guard maxLineMB >= 1 else { throw ValidationError("--max-line-mb must be at least 1") }
    guard maxEntityMB <= 1 << 20, maxLineMB <= 1 << 20 else { throw ValidationError("--max-entity-mb and --max-line-mb must be at most 1048576 (1 TiB)") }
  }

  /// The limits the flags give.
  var limits: InputLimits {
    InputLimits(maximumJSONDepth: maxJSONDepth, maximumEntityBytes: maxEntityMB << 20, maximumLineBytes: maxLineMB << 20)
  }
}
