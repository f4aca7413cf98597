/// Finds lines repeated across the answers of many different sources, for the `boilerplate`
/// check: navigation, footers, licence notices and other page furniture that extraction kept and
/// the model would learn to repeat.
///
/// A line counts when it has 3 or more words and is outside a code fence (```` ``` ```` or `~~~`);
/// it is normalised (outer whitespace and `| # > * - `` ` `` marks stripped, inner whitespace runs
/// made one space) and kept as a 64-bit digest. A source is `metadata.source_id`, else the record
/// itself. A line is boilerplate when it is in the answers of at least max(`minSources`,
/// `minShare` of all distinct sources) sources, as `scripts/score-dataset.py` counts it.
///
/// Memory grows with the data, as counting distinct sources per line needs: per distinct line a
/// digest-to-entry slot and an entry (about 80 bytes with table overhead); per (line, source) pair
/// of the lines seen in two or more sources, 8 bytes in a set (about 16 with overhead); per
/// distinct source 8 bytes (16); per answer line 4 bytes (to count the examples affected at the
/// end). At most `maximumLines` distinct lines are tracked (default 4 million, about 320 MB for
/// the entries); lines first seen after that are not counted, which the report says.
struct BoilerplateLines {
  /// One distinct line.
  private struct Entry {
    /// Distinct sources whose answers hold the line.
    var sources: UInt32
    /// Examples whose answers hold the line.
    var examples: UInt32
    /// The last source counted, so a source's repeated examples cost no set lookup.
    var lastSource: UInt64
    /// Where the line was first seen: an index into `files`, and the file's line.
    var file: UInt32
    var line: Int
    /// The normalised text, kept once the line reaches `minSources` (only candidates pay for it).
    var text: String?
  }

  /// A boilerplate line, for the report.
  struct Line {
    var text: String
    var sources: Int
    var examples: Int
    var file: String
    var line: Int
  }

  /// What ``result(minShare:)`` found.
  struct Result {
    /// The boilerplate lines, most sources first.
    var lines: [Line]
    /// Examples holding at least one of them.
    var affectedExamples: Int
    /// Examples seen (with an answer).
    var examples: Int
    /// Distinct sources seen.
    var sources: Int
    /// The number of sources a line needed.
    var threshold: Double
    /// Whether lines went uncounted because `maximumLines` was reached.
    var truncated: Bool
  }

  /// The floor of the threshold.
  let minSources: Int
  /// At most this many distinct lines are tracked.
  let maximumLines: Int

  private var slots: [UInt64: UInt32] = [:]
  private var entries: [Entry] = []
  private var pairs: Set<UInt64> = []
  private var sourceSet: Set<UInt64> = []
  /// Entry indices of each example's lines, each example's list ended by `UInt32.max`
  /// (examples without a counted line are left out: they cannot be affected).
  private var exampleLines: [UInt32] = []
  private var files: [String] = []
  private var examples = 0
  private var truncated = false
  /// Scratch: the entries of the example being added.
  private var current: [UInt32] = []

  init(minSources: Int = 5, maximumLines: Int = 4_000_000) {
    self.minSources = max(1, minSources)
    self.maximumLines = maximumLines
  }

  /// The source of a record: its `metadata.source_id` (a string or number), else the record itself
  /// (`file` and `line`).
  static func source(of object: JSONObject, file: Int, line: Int) -> UInt64 {
    declaredSource(of: object) ?? ownSource(file: file, line: line)
  }

  /// The source a record names (`metadata.source_id`, a string or number), or `nil`.
  static func declaredSource(of object: JSONObject) -> UInt64? {
    if let id = object["metadata"]?["source_id"] {
      switch id {
      case .string(let s) where !s.isEmpty: return XXH64.hash(s, seed: 1)
      case .integer, .double: return XXH64.hash(JSONWriter().string(of: id), seed: 1)
      default: break
      }
    }
    return nil
  }

  /// The source of a record that names none: the record itself, at `file` (from
  /// ``fileIndex(_:)``) and `line`.
  static func ownSource(file: Int, line: Int) -> UInt64 {
    XXH64.hash(UInt64(file) << 40 ^ UInt64(line), seed: 2)
  }

  /// The index of `path` among the files seen, for ``add(answer:source:file:line:)``.
  mutating func fileIndex(_ path: String) -> Int {
    if let last = files.last, last == path { return files.count - 1 }
    files.append(path)
    return files.count - 1
  }

  /// Counts the lines of one example's `answer`, from `source`, at `file` (from ``fileIndex(_:)``) and `line`.
  mutating func add(answer: String, source: UInt64, file: Int, line: Int) {
    beginExample(source: source)
    Self.forEachLine(answer) { normalised, digest in
      addLine(digest: digest, text: normalised, source: source, file: file, line: line)
    }
    endExample()
  }

  /// Counts one example from the countable lines of its answer as a shard recorded them
  /// (digests in order, each with its normalised text or `nil` when the shard gave it before):
  /// the same counts as ``add(answer:source:file:line:)``. Lines whose text was left out and
  /// end up boilerplate are listed by ``digestsMissingText(minShare:)``.
  mutating func add(lines: [(digest: UInt64, text: [UInt8]?)], source: UInt64, file: Int, line: Int) {
    beginExample(source: source)
    for entry in lines { addLine(digest: entry.digest, text: entry.text ?? [], source: source, file: file, line: line) }
    endExample()
  }

  private mutating func beginExample(source: UInt64) {
    examples += 1
    sourceSet.insert(source)
    current.removeAll(keepingCapacity: true)
  }

  private mutating func addLine(digest: UInt64, text: [UInt8], source: UInt64, file: Int, line: Int) {
    guard let entry = entry(for: digest, file: file, line: line) else { return }
    guard !current.contains(entry) else { return }  // a line twice in one answer counts once
    current.append(entry)
    count(entry, digest: digest, source: source, text: text)
  }

  private mutating func endExample() {
    guard !current.isEmpty else { return }
    exampleLines.append(contentsOf: current)
    exampleLines.append(UInt32.max)
  }

  /// The digests of the boilerplate lines (those ``result(minShare:)`` reports) that have no
  /// text yet: lines counted through ``add(lines:source:file:line:)`` without their text.
  func digestsMissingText(minShare: Double) -> Set<UInt64> {
    let threshold = max(Double(minSources), minShare * Double(sourceSet.count))
    var missing: Set<UInt64> = []
    for (digest, slot) in slots {
      let entry = entries[Int(slot)]
      if Double(entry.sources) >= threshold && (entry.text ?? "").isEmpty { missing.insert(digest) }
    }
    return missing
  }

  /// Gives the line of `digest` its normalised text (see ``digestsMissingText(minShare:)``).
  mutating func setText(_ text: [UInt8], digest: UInt64) {
    guard let slot = slots[digest] else { return }
    entries[Int(slot)].text = String(decoding: text, as: UTF8.self)
  }

  private mutating func entry(for digest: UInt64, file: Int, line: Int) -> UInt32? {
    if let slot = slots[digest] { return slot }
    guard entries.count < maximumLines else {
      truncated = true
      return nil
    }
    let slot = UInt32(entries.count)
    slots[digest] = slot
    entries.append(Entry(sources: 0, examples: 0, lastSource: 0, file: UInt32(file), line: line, text: nil))
    return slot
  }

  private mutating func count(_ slot: UInt32, digest: UInt64, source: UInt64, text: [UInt8]) {
    let i = Int(slot)
    entries[i].examples &+= 1
    let entry = entries[i]
    if entry.sources == 0 {
      entries[i].sources = 1
    } else if entry.lastSource == source {
      return
    } else if entry.sources == 1 {
      // The second source: from now on, sources are told apart through the pair set.
      pairs.insert(Self.pair(digest, entry.lastSource))
      pairs.insert(Self.pair(digest, source))
      entries[i].sources = 2
    } else if pairs.insert(Self.pair(digest, source)).inserted {
      entries[i].sources += 1
    }
    entries[i].lastSource = source
    // (A shard's replayed line may come without its text: empty, kept until a text comes.)
    if entries[i].sources >= minSources && (entries[i].text?.isEmpty ?? true) && !text.isEmpty {
      entries[i].text = String(decoding: text, as: UTF8.self)
    }
  }

  private static func pair(_ digest: UInt64, _ source: UInt64) -> UInt64 {
    XXH64.hash(digest ^ (source &* 0x9E37_79B9_7F4A_7C15), seed: 3)
  }

  /// The boilerplate lines: those in at least max(`minSources`, `minShare` × sources) sources.
  func result(minShare: Double) -> Result {
    let threshold = max(Double(minSources), minShare * Double(sourceSet.count))
    var common = [Bool](repeating: false, count: entries.count)
    var lines: [Line] = []
    for (i, entry) in entries.enumerated() where Double(entry.sources) >= threshold {
      common[i] = true
      lines.append(
        Line(
          text: entry.text ?? "", sources: Int(entry.sources), examples: Int(entry.examples),
          file: Int(entry.file) < files.count ? files[Int(entry.file)] : "-", line: entry.line))
    }
    lines.sort { $0.sources != $1.sources ? $0.sources > $1.sources : $0.text < $1.text }
    var affected = 0
    if !lines.isEmpty {
      var hit = false
      for slot in exampleLines {
        if slot == UInt32.max {
          if hit { affected += 1 }
          hit = false
        } else if common[Int(slot)] {
          hit = true
        }
      }
    }
    return Result(
      lines: lines, affectedExamples: affected, examples: examples, sources: sourceSet.count, threshold: threshold,
      truncated: truncated)
  }

  // MARK: - Lines

  /// Calls `body` with each countable line of `text` (3+ words, outside code fences): its
  /// normalised UTF-8 bytes and their digest.
  static func forEachLine(_ text: String, _ body: (_ normalised: [UInt8], _ digest: UInt64) -> Void) {
    var text = text
    text.withUTF8 { bytes in
      var inFence = false
      var start = 0
      var normalised: [UInt8] = []
      while start <= bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        defer { start = end + 1 }
        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if isFence(line) {
          inFence.toggle()
          continue
        }
        if inFence { continue }
        normalise(line, into: &normalised)
        guard normalised.count >= 5 else { continue }  // three words need at least 5 bytes
        guard Self.hasThreeWords(normalised) else { continue }
        let digest = normalised.withUnsafeBytes { XXH64.hash($0) }
        body(normalised, digest)
      }
    }
  }

  /// Whether `bytes` hold 3 or more words (``InstructionShape/forEachWord(_:_:)``), read on the
  /// bytes when they are ASCII.
  static func hasThreeWords(_ bytes: [UInt8]) -> Bool {
    guard bytes.allSatisfy({ $0 < 0x80 }) else {
      var words = 0
      InstructionShape.forEachWord(String(decoding: bytes, as: UTF8.self)) { _ in
        words += 1
        return words < 3
      }
      return words >= 3
    }
    func isWord(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    var words = 0
    var i = 0
    while i < bytes.count {
      guard isWord(bytes[i]) else {
        i += 1
        continue
      }
      words += 1
      if words >= 3 { return true }
      while i < bytes.count && (isWord(bytes[i]) || (bytes[i] == 0x27 && i + 1 < bytes.count && isWord(bytes[i + 1]))) { i += 1 }
    }
    return false
  }

  /// Whether `line` opens or closes a code fence: ```` ``` ```` or `~~~` after indentation and
  /// at most one container marker (`>`, a list bullet `-`/`*`/`+`, `1.`, or a definition's `:`),
  /// so fences inside list items and definitions keep the count in step.
  static func isFence(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    func skipBlanks() { while i < line.count && (line[i] == 0x20 || line[i] == 0x09) { i += 1 } }
    skipBlanks()
    var marker = i
    while marker < line.count && marker - i < 9 && line[marker] >= 0x30 && line[marker] <= 0x39 { marker += 1 }
    if marker > i, marker < line.count, line[marker] == 0x2E || line[marker] == 0x29 {
      marker += 1  // an ordered list item: digits and `.` or `)`
    } else if i < line.count, [0x3E, 0x2D, 0x2A, 0x2B, 0x3A].contains(line[i]) {
      marker = i + 1
    } else {
      marker = i
    }
    if marker > i, marker < line.count, line[marker] == 0x20 || line[marker] == 0x09 || line[i] == 0x3E {
      i = marker
      skipBlanks()
    }
    guard i + 3 <= line.count else { return false }
    let mark = line[i]
    return (mark == 0x60 || mark == 0x7E) && line[i + 1] == mark && line[i + 2] == mark
  }

  /// `line` with outer whitespace and `| # > * - `` ` `` marks stripped and inner whitespace runs
  /// made one space (as the scorecard's `norm_line`), in `out`.
  static func normalise(_ line: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    out.removeAll(keepingCapacity: true)
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C }
    func isMark(_ b: UInt8) -> Bool { isSpace(b) || b == 0x7C || b == 0x23 || b == 0x3E || b == 0x2A || b == 0x2D || b == 0x60 }
    var lower = 0
    var upper = line.count
    while lower < upper && isMark(line[lower]) { lower += 1 }
    while upper > lower && isMark(line[upper - 1]) { upper -= 1 }
    var pendingSpace = false
    for i in lower..<upper {
      let b = line[i]
      if isSpace(b) {
        pendingSpace = true
        continue
      }
      if pendingSpace {
        out.append(0x20)
        pendingSpace = false
      }
      out.append(b)
    }
  }
}
