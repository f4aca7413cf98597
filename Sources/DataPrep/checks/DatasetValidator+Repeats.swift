/// The per-record checks against the rest of the file or dataset: `duplicate`, `conflict`,
/// `too-long` and the tally of groups for the dataset-wide group checks.
extension DatasetValidator {
  /// Characters per token of the character estimate `too-long` uses without a tokenizer.
  static let charactersPerToken = 4

  /// `duplicate`: the same example (normalised whitespace) earlier in the file. Returns whether
  /// the record is one; it is then left out of the conflict and near-duplicate checks.
  func checkDuplicate(_ hashes: ExampleHashes, path: String, line: Int, state: inout FileState) -> Bool {
    guard options.isEnabled(.duplicate) || options.isEnabled(.conflict) else { return false }
    if let earlier = state.examples[hashes.whole] {
      add(.duplicate, path, line, "duplicate of line \(earlier)")
      return true
    }
    state.examples[hashes.whole] = line
    return false
  }

  /// The checks of a record against the earlier ones of its file: `duplicate`, then (for a
  /// record that passes the schema and is no duplicate) `conflict` and `index`, which adds it
  /// to the near-duplicate index. Records that fail the schema are reported once, not again as
  /// duplicates or conflicts.
  func checkRepeats(
    _ hashes: ExampleHashes, passesSchema: Bool, hasPromptAndResponse: Bool, path: String, line: Int, state: inout FileState,
    index: (inout FileState) -> Void
  ) {
    let isDuplicate = !passesSchema || checkDuplicate(hashes, path: path, line: line, state: &state)
    if !isDuplicate {
      checkConflict(hashes, hasPromptAndResponse: hasPromptAndResponse, path: path, line: line, state: &state)
      index(&state)
    }
  }

  /// `conflict`: the same prompt earlier in the file with a different response (for a record
  /// with both a prompt and a response).
  func checkConflict(_ hashes: ExampleHashes, hasPromptAndResponse: Bool, path: String, line: Int, state: inout FileState) {
    guard options.isEnabled(.conflict), hasPromptAndResponse else { return }
    if let earlier = state.prompts[hashes.prompt] {
      if earlier.response != hashes.response {
        add(.conflict, path, line, "same prompt as line \(earlier.line) but a different response")
      }
    } else {
      state.prompts[hashes.prompt] = (hashes.response, line)
    }
  }

  /// `too-long`: more tokens than `maxTokens`, counted as the services count the record.
  func checkLength(_ object: JSONObject, scalars: Int, turns: [ConversationTurn], path: String, line: Int) {
    guard let limit = options.maxTokens, options.isEnabled(.tooLong) else { return }
    var total = 0
    if tokenCounter.isCharacterEstimate {
      total = (scalars + Self.charactersPerToken - 1) / Self.charactersPerToken
    } else if Self.tokenBound(object) > limit {
      // Counted as the services count the record (chat overhead included), only when the
      // byte bound says it could be over: a byte-level BPE token covers at least one byte.
      total = exampleCounter.count(object)?.total ?? turns.reduce(0) { $0 + tokenCounter.count($1.text) }
    }
    guard total > limit else { return }
    let amount = tokenCounter.isEstimate ? "about \(total) tokens (\(tokenCounter.name))" : "\(total) tokens (\(tokenCounter.name))"
    add(.tooLong, path, line, "\(amount), over the limit of \(limit); trainers truncate or drop it")
  }

  /// An upper bound on the tokens of `object` as ``ExampleTokenCounter`` counts them: every
  /// token holds at least one byte, so the UTF-8 length of all its strings plus the per-message
  /// overhead bounds it. Tool calls are counted from re-written JSON, so records with any are
  /// never bounded (`Int.max`).
  static func tokenBound(_ object: JSONObject) -> Int {
    var bound = ExampleTokenCounter.replyPriming
    func walk(_ value: JSONValue) -> Bool {
      switch value {
      case .string(let text): bound += text.utf8.count
      case .array(let items):
        for item in items {
          bound += ExampleTokenCounter.tokensPerMessage + ExampleTokenCounter.tokensPerName
          if !walk(item) { return false }
        }
      case .object(let members):
        for member in members.members {
          if member.key == "tool_calls" || member.key == "function_call" { return false }
          if !walk(member.value) { return false }
        }
      default: break
      }
      return true
    }
    return walk(.object(object)) ? bound : Int.max
  }

  /// Counts the record in its group (`groupBy`), for `small-group`, `group-imbalance` and
  /// `group-missing-in-train`.
  func tallyGroup(_ object: JSONObject, role: DatasetRole) {
    guard let groupPath = options.groupBy else { return }
    let key = JSONValue.object(object).value(atPath: groupPath).map(Self.groupLabel) ?? "(missing)"
    switch role {
    case .training: trainingGroups[key, default: 0] += 1
    case .validation: validationGroups[key, default: 0] += 1
    }
  }

  private static func groupLabel(_ value: JSONValue) -> String {
    if case .string(let s) = value { return s }
    return JSONWriter().string(of: value)
  }
}
