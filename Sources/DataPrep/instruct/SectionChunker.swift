/// Cuts a Markdown-like answer into parts of at most a token budget, at paragraph boundaries
/// first, then line, then sentence boundaries, then words (a sentence longer than the budget).
///
/// Fenced code blocks and pipe tables are never cut while they fit the budget; one that alone is
/// over it is cut between lines (code: each part fenced again) or rows (tables: each part
/// repeats the header rows), so every part is still well-formed. Text under the budget is one
/// part, unchanged.
struct SectionChunker: Sendable {
  /// The most tokens in a part.
  let budget: Int
  /// What counts tokens.
  let counter: TokenCounter

  init(budget: Int, counter: TokenCounter) {
    self.budget = max(16, budget)
    self.counter = counter
  }

  /// The parts of `text`, in order (one part when it fits).
  func chunks(of text: String) -> [String] {
    guard counter.count(text) > budget else { return [text] }
    var pieces: [(text: String, tokens: Int)] = []
    for block in Self.blocks(of: text) {
      let tokens = counter.count(block.text)
      if tokens <= budget {
        pieces.append((block.text, tokens))
      } else {
        for piece in split(block) { pieces.append((piece, counter.count(piece))) }
      }
    }
    return pack(pieces, joiner: "\n\n")
  }

  // MARK: blocks

  /// A paragraph, a fenced code block (with its fences) or a table.
  struct Block: Equatable {
    enum Kind: Equatable { case text, code, table }
    var kind: Kind
    var text: String
  }

  /// The blocks of `text`: separated by blank lines, fenced code kept whole (blank lines included).
  static func blocks(of text: String) -> [Block] {
    var blocks: [Block] = []
    var lines: [Substring] = []
    var kind = Block.Kind.text
    var fence: Substring?
    func flush() {
      if !lines.isEmpty { blocks.append(Block(kind: kind, text: lines.joined(separator: "\n"))) }
      lines = []
      kind = .text
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let bare = line.drop(while: { $0 == " " })
      if let open = fence {
        lines.append(line)
        if bare.hasPrefix(open), bare.drop(while: { $0 == open.first }).allSatisfy(\.isWhitespace) {
          fence = nil
          flush()
        }
        continue
      }
      if let open = fenceOpening(bare) {
        flush()
        fence = open
        kind = .code
        lines.append(line)
        continue
      }
      if bare.allSatisfy(\.isWhitespace) {
        flush()
        continue
      }
      let isRow = bare.hasPrefix("|")
      if !lines.isEmpty, (kind == .table) != isRow { flush() }
      if lines.isEmpty { kind = isRow ? .table : .text }
      lines.append(line)
    }
    flush()
    return blocks
  }

  /// The fence run opening a code block (three or more backticks or tildes), if `line` opens one.
  static func fenceOpening(_ line: Substring) -> Substring? {
    guard let first = line.first, first == "`" || first == "~" else { return nil }
    let run = line.prefix(while: { $0 == first })
    return run.count >= 3 ? run : nil
  }

  // MARK: splitting

  private func split(_ block: Block) -> [String] {
    let lines = block.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    switch block.kind {
    case .code:
      guard lines.count >= 2 else { return words(block.text) }
      let open = lines[0]
      let hasClose = lines.count >= 2 && Self.fenceOpening(Substring(lines[lines.count - 1].drop(while: { $0 == " " }))) != nil
      let close = hasClose ? lines[lines.count - 1] : String(open.prefix(while: { $0 == "`" || $0 == "~" }))
      let body = Array(lines[1..<(hasClose ? lines.count - 1 : lines.count)])
      return wrapped(body, head: open, tail: close)
    case .table:
      let headerCount = lines.count > 2 && lines[1].contains("-") && lines[1].allSatisfy({ "|-: ".contains($0) }) ? 2 : 1
      let header = lines.prefix(headerCount).joined(separator: "\n")
      return wrapped(Array(lines.dropFirst(headerCount)), head: header, tail: nil)
    case .text:
      if lines.count > 1 {
        return pack(units(lines), joiner: "\n")
      }
      return pack(units(Self.sentences(of: block.text)), joiner: " ")
    }
  }

  /// `lines` grouped into parts, each between `head` and `tail` lines, each part within the budget.
  private func wrapped(_ lines: [String], head: String, tail: String?) -> [String] {
    let frame = counter.count(head) + (tail.map(counter.count) ?? 0) + 2
    let inner = SectionChunker(budget: max(16, budget - frame), counter: counter)
    var pieces: [(String, Int)] = []
    for line in lines {
      let tokens = counter.count(line)
      if tokens <= inner.budget { pieces.append((line, tokens)) } else {
        for word in inner.words(line) { pieces.append((word, counter.count(word))) }
      }
    }
    return inner.pack(pieces, joiner: "\n").map { part in
      ([head, part] + (tail.map { [$0] } ?? [])).joined(separator: "\n")
    }
  }

  /// Each of `texts` with its count, texts over the budget cut at words.
  private func units(_ texts: [String]) -> [(String, Int)] {
    var out: [(String, Int)] = []
    for text in texts {
      let tokens = counter.count(text)
      if tokens <= budget { out.append((text, tokens)) } else {
        for word in words(text) { out.append((word, counter.count(word))) }
      }
    }
    return out
  }

  /// `text` cut at words into parts within the budget.
  private func words(_ text: String) -> [String] {
    TextChunker(chunkTokens: budget, overlapTokens: 0, counter: counter).chunks(of: text).map(String.init)
  }

  /// Pieces joined greedily into parts of at most the budget (counting one token per joiner).
  /// A part does not end on a lead-in ("… can contain the following elements:"): when what it
  /// introduces opens the next part, the lead-in moves there with it, if both fit.
  private func pack(_ pieces: [(String, Int)], joiner: String) -> [String] {
    var parts: [String] = []
    var current: [(text: String, tokens: Int)] = []
    var total = 0
    for (text, tokens) in pieces {
      if !current.isEmpty, total + 1 + tokens > budget {
        var carried: [(text: String, tokens: Int)] = []
        if current.count > 1, let last = current.last, Self.isLeadIn(last.text), last.tokens + 1 + tokens <= budget {
          carried = [last]
          current.removeLast()
        }
        parts.append(current.map(\.text).joined(separator: joiner))
        current = carried
        total = carried.first?.tokens ?? 0
      }
      total += current.isEmpty ? tokens : tokens + 1
      current.append((text, tokens))
    }
    if !current.isEmpty { parts.append(current.map(\.text).joined(separator: joiner)) }
    return parts
  }

  /// Whether `text` introduces what follows it: prose ending with a colon.
  static func isLeadIn(_ text: String) -> Bool {
    guard let last = text.last(where: { !$0.isWhitespace }), last == ":" || last == "：" else { return false }
    return !text.hasPrefix("|") && fenceOpening(Substring(text.drop(while: { $0 == " " }))) == nil
  }

  /// `text` without a lead-in sentence at its end (the table, figure or subsections it
  /// introduced are not part of the text): "Returns the type number. The following table shows
  /// each type:" is "Returns the type number.". Empty when the text is only a lead-in.
  static func droppingTrailingLeadIn(_ text: String) -> String {
    var current = TextTrimming.trimmed(text)
    // Each lead-in whose list or table was left out: "Django offers these tools:\n\nLearn about:".
    while true {
      let shorter = droppingOneLeadIn(current)
      if shorter == current { return current }
      current = shorter
    }
  }

  private static func droppingOneLeadIn(_ trimmed: String) -> String {
    let lineStart = trimmed.lastIndex(of: "\n").map { trimmed.index(after: $0) } ?? trimmed.startIndex
    let line = trimmed[lineStart...]
    // The last line decides: the text may open with code and end with a lead-in.
    guard isLeadIn(String(line)) else { return trimmed }
    let bare = line.drop(while: { $0 == " " })
    // A list item or a fenced line ending with a colon is content, not a lead-in to something lost.
    if bare.hasPrefix("- ") || bare.hasPrefix("* ") || bare.hasPrefix("> ") || bare.first?.isNumber == true { return trimmed }
    guard let leadIn = Self.sentences(of: String(line)).last,
      let range = trimmed.range(of: leadIn, options: .backwards, range: lineStart..<trimmed.endIndex)
    else { return trimmed }
    return TextTrimming.trimmed(trimmed[..<range.lowerBound])
  }

  /// The sentences of a paragraph: cut after `.`, `!`, `?` (and CJK stops) followed by a space.
  static func sentences(of text: String) -> [String] {
    var out: [String] = []
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      if "。！？".contains(character) || (".!?".contains(character) && next < text.endIndex && text[next] == " ") {
        let sentence = TextTrimming.trimmed(text[start..<next])
        if !sentence.isEmpty { out.append(sentence) }
        start = next
      }
      index = next
    }
    let rest = TextTrimming.trimmed(text[start...])
    if !rest.isEmpty { out.append(rest) }
    return out
  }
}
