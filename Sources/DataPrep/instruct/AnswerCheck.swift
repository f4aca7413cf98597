/// Decides whether a text is worth being an answer: not only a heading, not a table of contents,
/// index or link list (lines that are all short entries with no sentence), not a few words; and
/// whether a page is a code listing (no prose to ask about).
///
/// Works on the Markdown-like text extract writes: `#` headings, `-`/`*`/`1.` list items,
/// `|` table rows, ``` fenced code.
enum AnswerCheck {
  /// Words a line needs to count as a sentence rather than a list entry or link.
  static let sentenceWords = 8
  /// Short entries (with no sentence) from which a text is navigation.
  static let navigationEntries = 4

  /// Whether `text` makes an answer of at least `minWords` words (3 when it holds code): it holds a code block, a
  /// table of two data rows or more (a one-row "Prev | Up | Next" bar is not one), or a line of `min(minWords, sentenceWords)` words or more; and
  /// it is not navigation (four or more entries, at least 80% of them short lines that do not
  /// end a sentence; or only link bars and short lines).
  static func isAnswer(_ text: String, minWords: Int) -> Bool {
    var words = 0
    var longLines = 0
    var entries = 0
    var shortEntries = 0
    var tableRows = 0
    var codeLines = 0
    let lineWords = min(minWords, sentenceWords)
    forEachLine(of: text) { line, isCode in
      if isCode {
        codeLines += 1
        words += wordCount(line)
        return
      }
      if line.hasPrefix("#") { return }
      let count = wordCount(line)
      words += count
      if line.hasPrefix("|") {
        // Data rows: the header row (above a `|---|` rule) does not count.
        if line.contains(where: { $0.isLetter || $0.isNumber }) { tableRows += 1 } else if line.contains("-") { tableRows -= 1 }
        return
      }
      entries += 1
      if isLinkBar(line) {
        shortEntries += 1
        return
      }
      if count >= lineWords { longLines += 1 }
      let last = line.last { !$0.isWhitespace }
      let endsSentence = last.map { ".!?:;。！？".contains($0) } ?? false
      if count < sentenceWords, !endsSentence { shortEntries += 1 }
    }
    // A synopsis is short: code needs three words at least, whatever the minimum.
    guard words >= (codeLines > 0 ? min(minWords, 3) : minWords) else { return false }
    if codeLines > 0 || tableRows >= 2 { return true }
    if entries >= navigationEntries, shortEntries * 5 >= entries * 4 { return false }
    return longLines > 0
  }

  /// Prose words a code listing may hold per word of its text: under one in twenty. A
  /// highlighted-source page (Sphinx viewcode's `_modules/`, javadoc's `src-html/`, rustdoc's
  /// `src/`: one `pre` block under a heading) has none; a page of examples with a sentence
  /// before each has several.
  static let listingProseShare = 20

  /// Whether `text` is a code listing rather than documentation: it holds fenced code, and its
  /// prose (words outside fences, headings left out) is under 1/``listingProseShare`` of its
  /// words. A how-to with a snippet and sentences around it is not one.
  static func isCodeListing(_ text: String) -> Bool {
    var proseWords = 0
    var codeWords = 0
    var hasCode = false
    forEachLine(of: text) { line, isCode in
      if isCode {
        hasCode = true
        codeWords += wordCount(line)
      } else if !line.hasPrefix("#") {
        proseWords += wordCount(line)
      }
    }
    return hasCode && proseWords * listingProseShare < proseWords + codeWords
  }

  /// Calls `body` with each line of `text` that is not empty, leading spaces and tabs dropped,
  /// and whether it is inside fenced code (the fence lines themselves are left out).
  private static func forEachLine(of text: String, _ body: (Substring, _ isCode: Bool) -> Void) {
    var fence: Substring?
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let line = rawLine.drop(while: { $0 == " " || $0 == "\t" })
      if let open = fence {
        if line.hasPrefix(open) { fence = nil } else if !line.isEmpty { body(line, true) }
      } else if line.hasPrefix("```") || line.hasPrefix("~~~") {
        fence = line.prefix(3)
      } else if !line.isEmpty {
        body(line, false)
      }
    }
  }

  /// Whether `line` is a bar of links: three or more parts of at most three words between
  /// `|`, `·`, `»`, `«` or `•` ("Home | Table of contents | Index", "« previous | up | next »").
  static func isLinkBar<S: StringProtocol>(_ line: S) -> Bool {
    // Most lines hold no separator: no bar (scanned as scalars, much cheaper than characters).
    guard line.unicodeScalars.contains(where: { linkSeparators.contains($0) }) else { return false }
    let parts = line.split(whereSeparator: { "|·»«•".contains($0) }).filter { wordCount($0) > 0 }
    return parts.count >= 3 && parts.allSatisfy { wordCount($0) <= 3 }
      || line.contains(where: { "|·»«•".contains($0) }) && parts.allSatisfy { wordCount($0) <= 1 }
  }

  /// The separators of a link bar.
  private static let linkSeparators: Set<Unicode.Scalar> = ["|", "·", "»", "«", "•"]

  /// Words in `line`: runs of non-space characters holding a letter or digit. Read as Unicode
  /// scalars, ASCII decided by byte value (this runs on every line of every answer).
  static func wordCount<S: StringProtocol>(_ line: S) -> Int {
    var count = 0
    var inWord = false
    var hasAlnum = false
    for scalar in line.unicodeScalars {
      let value = scalar.value
      let isSpace: Bool
      let isAlnum: Bool
      if value < 0x80 {
        isSpace = value == 0x20 || (0x09...0x0D).contains(value)
        isAlnum = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
      } else {
        isSpace = scalar.properties.isWhitespace
        isAlnum = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      }
      if isSpace {
        if inWord, hasAlnum { count += 1 }
        inWord = false
        hasAlnum = false
      } else {
        inWord = true
        if isAlnum { hasAlnum = true }
      }
    }
    if inWord, hasAlnum { count += 1 }
    return count
  }
}
