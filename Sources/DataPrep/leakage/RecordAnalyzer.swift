/// One part of a record, normalised and split into words.
struct AnalyzedPart: Sendable {
  var part: LeakagePart
  var normalized: [UInt8]
  var words: NormalizedWords
}

/// What the leakage check compares of one record: its normalised-text hash, MinHash signature,
/// group key and the words of each part.
struct AnalyzedRecord: Sendable {
  var reference: LeakRecordReference
  var exactHash: UInt64 = 0
  var signature: [UInt32] = []
  var parts: [AnalyzedPart] = []
  var groupKey: String?
  /// Whether the whole text has at least one word (empty texts are never duplicates).
  var hasWords = false
  /// Rolling hashes of the whole text's shingles (index side only, for the near-duplicate prefilter).
  var shingleKeys: [UInt64] = []
}

/// Turns records into ``AnalyzedRecord``s with the dedup stage's normaliser, word hashes,
/// shingles and MinHash. One per worker (it reuses buffers).
struct RecordAnalyzer: Sendable {
  let options: LeakageOptions
  private let normalizer: TextNormalizer
  private let shingler: Shingler
  private let hasher: MinHasher
  private var shingles: [UInt64] = []
  /// The held-out side's shingle keys: a record with too few of its shingles there cannot reach
  /// the Jaccard threshold with any held-out record, so its MinHash signature is not computed.
  var nearPrefilter: NGramTable?
  /// Keep the shingle keys in the record (index side).
  var collectShingleKeys = false
  private var keys: [UInt64] = []

  init(options: LeakageOptions) {
    self.options = options
    normalizer = TextNormalizer(level: options.normalization)
    shingler = Shingler(n: options.shingle)
    hasher = MinHasher(permutations: options.permutations, seed: options.seed)
  }

  /// Analyzes a JSONL record.
  /// - Throws: ``LeakageError/noText(path:line:field:)`` when it has no text.
  mutating func analyze(_ object: JSONObject, reference: LeakRecordReference) throws(LeakageError) -> AnalyzedRecord {
    var record = AnalyzedRecord(reference: reference)
    if options.kinds.contains(.sameGroup) {
      record.groupKey = GroupKey.value(of: object, path: options.groupBy)
    }
    let needsWhole = options.kinds.contains(.exactDuplicate) || options.kinds.contains(.nearDuplicate)
    let needsParts = options.kinds.contains(.sharedPassage)
    if !needsWhole && !needsParts { return record }
    let texts = LeakagePart.texts(of: object, field: options.field)
    guard !texts.isEmpty else { throw .noText(path: reference.file, line: reference.line, field: options.field) }
    if texts.count == 1 && texts[0].part == .text {
      let whole = normalizedPart(texts[0].text, .text)
      if needsWhole { summarize(whole, into: &record) }
      if needsParts { record.parts = [whole] }
      return record
    }
    if needsWhole {
      let text = RecordText.text(of: object, field: options.field) ?? texts.map(\.text).joined(separator: "\n")
      summarize(normalizedPart(text, .text), into: &record)
    }
    if needsParts {
      record.parts = texts.map { normalizedPart($0.text, $0.part) }
    }
    return record
  }

  /// Analyzes a paragraph of a plain-text file.
  mutating func analyze(text: String, reference: LeakRecordReference) -> AnalyzedRecord {
    var record = AnalyzedRecord(reference: reference)
    let whole = normalizedPart(text, .text)
    summarize(whole, into: &record)
    record.parts = [whole]
    return record
  }

  private func normalizedPart(_ text: String, _ part: LeakagePart) -> AnalyzedPart {
    let (normalized, words) = NormalizedWords.of(text, normalizer: normalizer, shingler: shingler)
    return AnalyzedPart(part: part, normalized: normalized, words: words)
  }

  private mutating func summarize(_ whole: AnalyzedPart, into record: inout AnalyzedRecord) {
    record.hasWords = whole.words.count > 0
    if options.kinds.contains(.exactDuplicate) {
      record.exactHash = whole.normalized.withUnsafeBytes { XXH64.hash($0) }
    }
    if options.kinds.contains(.nearDuplicate) {
      if collectShingleKeys || nearPrefilter != nil {
        keys.removeAll(keepingCapacity: true)
        whole.words.hashes.withUnsafeBufferPointer { words in
          NGramRoller(n: options.shingle).forEach(words) { _, key in keys.append(key) }
        }
        if collectShingleKeys { record.shingleKeys = keys }
        // Jaccard(A, B) >= t needs at least t of A's shingles in B; half of that leaves room
        // for repeated shingles.
        if let prefilter = nearPrefilter, !keys.isEmpty {
          var found = 0
          for key in keys where prefilter.lookup(key) != nil { found += 1 }
          if Double(found) < 0.5 * options.threshold * Double(keys.count) { return }
        }
      }
      shingler.shingles(ofWordHashes: whole.words.hashes, into: &shingles)
      record.signature = [UInt32](repeating: .max, count: options.permutations)
      if !shingles.isEmpty {
        shingles.withUnsafeBufferPointer { s in
          record.signature.withUnsafeMutableBufferPointer { hasher.signature(of: s, into: $0) }
        }
      }
    }
  }
}
