import Foundation

/// The held-out side of a leakage check, in memory: for every held-out record (validation,
/// test, evaluation sets) its reference, normalised-text hash, MinHash signature and group key,
/// plus a hash table of every word n-gram of its parts.
///
/// Memory: about 24 bytes per distinct n-gram (``NGramTable``), `4 × permutations` bytes and
/// one LSH entry per band per record, and the records' ids. The training side is streamed
/// against it by ``LeakageDetector``, so the smaller side should be the indexed one.
struct LeakageIndex: Sendable {
  /// Whom a held-out record belongs to.
  enum Role: UInt8, Sendable {
    /// A held-out split of the same data (validation, test): checked against train only, groups too.
    case heldOut = 1
    /// An external evaluation set (`--against`): checked against train and validation, content only.
    case external = 2
  }

  let options: LeakageOptions
  private(set) var references: [LeakRecordReference] = []
  private(set) var roles: [Role] = []
  private(set) var signatures: [UInt32] = []
  private(set) var exact = SortedKeyList()
  private(set) var bands = SortedKeyList()
  private(set) var groups: [String: Int32] = [:]
  private(set) var ngrams = NGramTable()
  /// Every shingle key of the held-out texts (near-duplicate prefilter, see ``RecordAnalyzer``).
  private(set) var shingleKeys = NGramTable()
  let lsh: LSHIndex
  private var analyzer: RecordAnalyzer

  /// An empty index for `options`.
  init(options: LeakageOptions) {
    self.options = options
    lsh = options.kinds.contains(.nearDuplicate)
      ? LSHIndex(threshold: options.threshold, permutations: options.permutations) : LSHIndex(bands: 1, rows: 1)
    analyzer = RecordAnalyzer(options: options)
    analyzer.collectShingleKeys = true
  }

  /// How many held-out records are indexed.
  var recordCount: Int { references.count }
  /// How many distinct n-grams are indexed.
  var ngramCount: Int { ngrams.count }

  /// Approximate bytes held by the index (n-gram table, signatures, hash tables, ids).
  var memoryBytes: Int {
    ngrams.memoryBytes + shingleKeys.memoryBytes + signatures.count * 4 + (exact.count + bands.count) * 16 + references.count * 64
      + groups.count * 64
  }

  /// Whether the lookup tables are ready (``seal()`` after the last record is added).
  var isSealed: Bool { exact.isSorted && bands.isSorted }

  /// Prepares the lookup tables once every held-out record is added.
  mutating func seal() {
    if !exact.isSorted { exact.sort() }
    if !bands.isSorted { bands.sort() }
  }

  /// Adds the records of a JSONL file (`name` is how reports call it).
  /// - Throws: ``InputError`` for unreadable files and bad lines, ``LeakageError/noText(path:line:field:)``.
  mutating func addJSONL(path: String, name: String? = nil, role: Role) throws {
    let file = name ?? path
    try JSONLReader(path: path, limits: options.limits).forEachRecord { record in
      let reference = LeakRecordReference(file: file, line: record.line, id: LeakRecordReference.recordID(record.object))
      add(try analyzer.analyze(record.object, reference: reference), role: role)
      return true
    }
  }

  /// Adds a plain-text file: each paragraph (lines up to a blank line) is a record; a file
  /// without blank lines has one record per line.
  /// - Throws: ``InputError`` when the file cannot be read.
  mutating func addPlainText(path: String, name: String? = nil, role: Role) throws {
    let file = name ?? path
    let bytes = try ByteSource(path: path).readAll()
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let hasBlank = lines.contains { $0.allSatisfy(\.isWhitespace) }
    var paragraph: [Substring] = []
    var start = 1
    func flush() {
      let text = paragraph.joined(separator: "\n")
      paragraph.removeAll()
      guard !text.allSatisfy(\.isWhitespace) else { return }
      let reference = LeakRecordReference(file: file, line: start, id: nil)
      add(analyzer.analyze(text: text, reference: reference), role: role)
    }
    for (index, line) in lines.enumerated() {
      if line.allSatisfy(\.isWhitespace) || !hasBlank {
        if !hasBlank { paragraph.append(line) }
        flush()
        start = index + 2
      } else {
        if paragraph.isEmpty { start = index + 1 }
        paragraph.append(line)
      }
    }
    flush()
  }

  /// Adds an analyzed record.
  mutating func add(_ record: AnalyzedRecord, role: Role) {
    let number = Int32(references.count)
    references.append(record.reference)
    roles.append(role)
    if options.kinds.contains(.sameGroup), role == .heldOut, let key = record.groupKey, groups[key] == nil {
      groups[key] = number
    }
    if record.hasWords && options.kinds.contains(.exactDuplicate) {
      exact.append(record.exactHash, number)
    }
    if options.kinds.contains(.nearDuplicate) {
      if record.hasWords {
        for key in record.shingleKeys { shingleKeys.insert(key, record: 0) }
        signatures.append(contentsOf: record.signature)
        record.signature.withUnsafeBufferPointer { sig in
          for band in 0..<lsh.bands { bands.append(lsh.bandKey(sig, band: band), number) }
        }
      } else {
        signatures.append(contentsOf: [UInt32](repeating: .max, count: options.permutations))
      }
    }
    if options.kinds.contains(.sharedPassage) {
      let roller = NGramRoller(n: options.ngram)
      for part in record.parts {
        let code = number << 2 | Int32(Self.partCode(part.part))
        part.words.hashes.withUnsafeBufferPointer { words in
          roller.forEach(words) { _, hash in ngrams.insert(hash, record: code) }
        }
      }
    }
  }

  static func partCode(_ part: LeakagePart) -> Int {
    switch part {
    case .text: return 0
    case .prompt: return 1
    case .response: return 2
    }
  }

  static func part(code: Int32) -> LeakagePart {
    switch code & 3 {
    case 1: return .prompt
    case 2: return .response
    default: return .text
    }
  }
}
