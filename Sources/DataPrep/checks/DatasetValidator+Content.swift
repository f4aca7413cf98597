/// The content checks of one record, run as named passes in a fixed order so findings come out
/// in the same order for every run: the per-turn text scan (`empty-content`, `special-token`,
/// `template-marker`), `instruction-shape`, the boilerplate tally, the conversation checks
/// (role order, tool use), `duplicate`, `conflict`, the near-duplicate index, `too-long` and
/// the group tally.
extension DatasetValidator {
  /// What the text scan of a record gathers for the passes after it.
  struct RecordTexts {
    /// The example's whole, prompt and response hashes.
    var hashes = ExampleHashes()
    /// The Unicode scalars of all its texts.
    var scalars = 0
  }

  /// Runs the content checks of one record read as `format` (``ConversationView``).
  func checkContent(
    _ object: JSONObject, format: DatasetFormat, path: String, line: Int, role: DatasetRole, passesSchema: Bool,
    state: inout FileState
  ) {
    let view = ConversationView(object, format: format)
    let allTurns = view.alternativeResponses.isEmpty ? view.turns : view.turns + view.alternativeResponses
    let texts = scanTurns(allTurns, of: view, path: path, line: line, state: &state)
    checkPII(allTurns, path: path, line: line)
    if options.isEnabled(.instructionShape), view.isConversation, let last = view.turns.last, last.role == .assistant {
      checkInstructionShape(view, path: path, line: line)
    }
    if options.isEnabled(.boilerplate) { tallyBoilerplate(view, of: object, path: path, line: line) }
    if view.isConversation {
      checkTurnOrder(view, path: path, line: line)
      checkToolUse(view, format: format, path: path, line: line)
    }
    let hasPromptAndResponse = view.responseStart > 0 && view.responseStart < view.turns.count
    if let recorder {
      // A shard: the merge checks the record against the earlier ones of its file.
      recorder.repeats(
        texts.hashes, passesSchema: passesSchema, hasPromptAndResponse: hasPromptAndResponse,
        signature: passesSchema ? state.nearDuplicates?.signature(ofWordHashes: recordWords) : nil)
    } else {
      checkRepeats(
        texts.hashes, passesSchema: passesSchema, hasPromptAndResponse: hasPromptAndResponse, path: path, line: line, state: &state
      ) { $0.nearDuplicates?.add(wordHashes: recordWords, line: line) }
    }
    checkLength(object, scalars: texts.scalars, turns: allTurns, path: path, line: line)
    tallyGroup(object, role: role)
  }

  /// One scan per text (blank, scalar count, token candidates, normalised hash, words), feeding
  /// the hashes, the near-duplicate words and the diversity 3-grams, with the per-turn checks.
  private func scanTurns(
    _ turns: [ConversationTurn], of view: ConversationView, path: String, line: Int, state: inout FileState
  ) -> RecordTexts {
    var texts = RecordTexts()
    let trackDiversity = options.isEnabled(.lowDiversity)
    let trackNear = state.nearDuplicates != nil
    recordWords.removeAll(keepingCapacity: true)
    var previous: (UInt64, UInt64) = (0, 0)
    var words = 0
    var reported = MarkerReports()
    for (i, turn) in turns.enumerated() {
      let scan = TextScan(turn.text) { word in
        if trackNear { recordWords.append(word) }
        guard trackDiversity else { return }
        if words >= 2 { state.diversity.add(previous.0, previous.1, word) }
        previous = (previous.1, word)
        words += 1
      }
      texts.scalars += scan.scalars
      texts.hashes.add(turn, textHash: scan.hash, side: Self.side(of: i, in: view))
      checkEmpty(turn, scan: scan, path: path, line: line)
      checkMarkers(turn, scan: scan, path: path, line: line, reported: &reported)
    }
    return texts
  }

  /// The part of the example the `index`th of all turns (alternative responses last) is in.
  private static func side(of index: Int, in view: ConversationView) -> ExampleHashes.Side {
    if index < view.responseStart { return .prompt }
    return index < view.turns.count ? .response : .alternative
  }

  /// `empty-content`: a blank turn, unless it is an assistant turn that calls tools.
  private func checkEmpty(_ turn: ConversationTurn, scan: TextScan, path: String, line: Int) {
    guard scan.isBlank && !(turn.role == .assistant && !turn.toolCalls.isEmpty) else { return }
    add(.emptyContent, path, line, "\(turn.location) is \(turn.contentMissing ? "missing" : "empty or whitespace-only")")
  }

  /// Whether a record already has its `special-token` and its `template-marker` finding (one each).
  private struct MarkerReports {
    var token = false
    var marker = false
  }

  /// `special-token`, else `template-marker`: the first control token (or chat-template marker)
  /// in the turn, once per record each.
  private func checkMarkers(
    _ turn: ConversationTurn, scan: TextScan, path: String, line: Int, reported: inout MarkerReports
  ) {
    if !reported.token, scanEveryText || scan.hasAngle || scan.hasBracket, options.isEnabled(.specialToken),
      let token = Self.specialToken(
        in: turn.text, tokens: specialTokens, angleBar: options.detectAngleBarTokens, hasAngle: scan.hasAngle,
        hasBracket: scan.hasBracket)
    {
      reported.token = true
      add(.specialToken, path, line, "\(turn.location) contains the special token '\(token)'; the tokenizer treats it as a control token (trainers reject it or it breaks the chat format), so it is likely template leakage")
    } else if !reported.marker, scan.hasAngle || scan.hasBracket, options.isEnabled(.templateMarker),
      let marker = Self.specialToken(
        in: turn.text, tokens: options.templateMarkers, angleBar: false, hasAngle: scan.hasAngle, hasBracket: scan.hasBracket)
    {
      reported.marker = true
      add(.templateMarker, path, line, "\(turn.location) contains '\(marker)', a chat-template marker of some models; to the target tokenizer it is ordinary text (often literal, as Perl's C<s> or HTML's <s>), so check only if the data is for such a template")
    }
  }

  /// The longest control-token name `<|name|>` the angle-bar search recognises, bars included.
  private static let longestAngleBarName = 48

  /// The first of `tokens` in `text`, or with `angleBar` any `<|name|>`.
  static func specialToken(in text: String, tokens: [String], angleBar: Bool, hasAngle: Bool, hasBracket: Bool) -> String? {
    for token in tokens {
      guard let first = token.utf8.first else { continue }
      if (first == 0x3C && !hasAngle) || (first == 0x5B && !hasBracket) { continue }
      if text.contains(token) { return token }
    }
    guard angleBar, hasAngle else { return nil }
    var copy = text
    return copy.withUTF8 { bytes -> String? in
      var i = 0
      while i + 4 < bytes.count {
        if bytes[i] == 0x3C && bytes[i + 1] == 0x7C {
          var j = i + 2
          while j < bytes.count && j - i < longestAngleBarName {
            let b = bytes[j]
            let isName = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D
            if !isName { break }
            j += 1
          }
          if j > i + 2, j + 1 < bytes.count, bytes[j] == 0x7C, bytes[j + 1] == 0x3E {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[i...(j + 1)]), as: UTF8.self)
          }
        }
        i += 1
      }
      return nil
    }
  }

  /// Adds the record's final answer to the dataset-wide `boilerplate` tally.
  private func tallyBoilerplate(_ view: ConversationView, of object: JSONObject, path: String, line: Int) {
    guard let answer = view.turns.last, answer.role == .assistant else { return }
    if let recorder {
      recorder.answer(answer.text, source: BoilerplateLines.declaredSource(of: object))
      return
    }
    let file = boilerplate.fileIndex(path)
    boilerplate.add(answer: answer.text, source: BoilerplateLines.source(of: object, file: file, line: line), file: file, line: line)
  }
}
