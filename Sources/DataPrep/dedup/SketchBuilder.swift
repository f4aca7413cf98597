import Foundation

/// Reads JSONL files and computes every record's sketch (``SketchTable``) in one streaming pass.
///
/// Lines are read in batches; each batch is parsed, normalised, shingled and MinHashed by up to
/// `jobs` workers over contiguous slices, and the slices are appended in input order, so the
/// table is identical whatever the number of workers.
struct SketchBuilder: Sendable {
  /// The settings (field, normalisation, n-gram, permutations, seed, sampling, verification).
  let options: DedupOptions
  private let normalizer: TextNormalizer
  private let shingler: Shingler
  private let hasher: MinHasher?
  private let onePermutation: OnePermutationHasher?
  /// Target bytes per batch.
  var batchBytes = 8 << 20

  /// A builder for `options`.
  init(options: DedupOptions) {
    self.options = options
    normalizer = TextNormalizer(level: options.normalization)
    shingler = Shingler(n: options.ngram)
    switch options.signatureScheme {
    case .minhash:
      hasher = MinHasher(permutations: options.permutations, seed: options.seed)
      onePermutation = nil
    case .onePermutation:
      hasher = nil
      onePermutation = OnePermutationHasher(bins: options.permutations, seed: options.seed)
    }
  }

  /// Reads `path` and appends its records to `table` as file `fileIndex` (0 for the input,
  /// 1... for `--against` files).
  /// - Throws: ``InputError`` for unreadable files and bad JSON lines, ``DedupError/noText(path:line:field:)``
  ///   for records without text; the error is the first in input order.
  /// The input's lines are digested on the way (``SketchTable/inputDigest``).
  /// With `range`, only the lines of that byte range are read (one shard's share), numbered as
  /// in the whole file.
  func add(path: String, name: String? = nil, fileIndex: UInt16, range: ShardByteRange? = nil, to table: inout SketchTable) throws {
    let source = try range.map { r throws(InputError) in try ByteSource(path: path, range: r.start..<r.end, firstLine: r.firstLine) }
      ?? ByteSource(path: path)
    Self.reserve(forFile: path, bytes: range?.count, options: options, in: &table)
    let path = name ?? path
    var batch = LineBatch()
    var digest = InputDigest()
    try LineReader(source, maximumLineBytes: options.limits.maximumLineBytes).forEachLine { line, number in
      digest.add(line)
      if Self.isBlank(line) { return true }
      batch.append(line, number: number)
      if batch.bytes.count >= batchBytes || batch.count >= 65536 {
        try process(batch, path: path, fileIndex: fileIndex, into: &table)
        batch.removeAll()
      }
      return true
    }
    if batch.count > 0 { try process(batch, path: path, fileIndex: fileIndex, into: &table) }
    if fileIndex == 0 { table.inputDigest = digest.value }
  }

  private func process(_ batch: LineBatch, path: String, fileIndex: UInt16, into table: inout SketchTable) throws {
    let jobs = max(1, min(options.jobs, batch.count / 64 + 1))
    if jobs == 1 {
      if let error = sketch(batch, range: 0..<batch.count, path: path, fileIndex: fileIndex, into: &table) { throw error }
      return
    }
    let slots = ResultSlots<SlicePart>(count: jobs)
    let per = (batch.count + jobs - 1) / jobs
    DispatchQueue.concurrentPerform(iterations: jobs) { slot in
      let range = min(batch.count, slot * per)..<min(batch.count, (slot + 1) * per)
      var part = SketchTable(permutations: options.permutations)
      let error = sketch(batch, range: range, path: path, fileIndex: fileIndex, into: &part)
      slots.set(slot, SlicePart(table: part, error: error))
    }
    for part in slots.values {
      guard let part else { continue }
      if let error = part.error { throw error }
      table.append(part.table)
    }
  }

  private struct SlicePart: Sendable {
    var table: SketchTable
    var error: (any Error & Sendable)?
  }

  /// Sketches the lines `range` of `batch` into `table`; returns the first error instead of throwing
  /// so parallel slices can report theirs in input order.
  private func sketch(
    _ batch: LineBatch, range: Range<Int>, path: String, fileIndex: UInt16, into table: inout SketchTable
  ) -> (any Error & Sendable)? {
    let parser = options.limits.jsonParser
    var normalized: [UInt8] = []
    var words: [UInt64] = []
    var shingles: [UInt64] = []
    var distinct: [UInt64] = []
    var sampled: [UInt64] = []
    var sortScratch: [UInt64] = []
    var sortCounts: [Int] = []
    var signature = [UInt32](repeating: .max, count: options.permutations)
    let sampling = UInt64(options.partialSampling)
    let sampleLimit = options.partialSampleLimit
    let keepSets = options.verification == .exact
    for index in range {
      let number = batch.numbers[index]
      let value: JSONValue
      do {
        value = try batch.withLine(index) { line throws(JSONParseError) in try parser.parse(line) }
      } catch {
        return InputError.badJSON(path: path, line: number, column: error.column, message: error.message)
      }
      guard case .object(let object) = value else {
        return InputError.notAnObject(path: path, line: number, type: value.typeName)
      }
      let found = options.field.map { RecordText.text(of: object, field: $0) } ?? RecordText.text(of: object)
      guard let text = found else {
        return DedupError.noText(path: path, line: number, field: options.field)
      }
      if (options.field != nil || !RecordText.isDocument(object)) && fileIndex == 0 { table.allDocuments = false }
      var textCopy = text
      let exactHash: UInt64 = textCopy.withUTF8 { raw in
        normalizer.normalize(raw, into: &normalized)
        if options.normalization == .none {
          return XXH64.hash(UnsafeRawBufferPointer(raw))
        }
        return normalized.withUnsafeBytes { XXH64.hash($0) }
      }
      normalized.withUnsafeBufferPointer { shingler.wordHashes($0, into: &words) }
      shingler.shingles(ofWordHashes: words, into: &shingles)
      // One sort gives the distinct shingles: the set to sign, the exact-verification set and,
      // filtered (still sorted), the partial-copy samples.
      distinct.removeAll(keepingCapacity: true)
      distinct.append(contentsOf: shingles)
      HashSort.sortUnique(&distinct, scratch: &sortScratch, counts: &sortCounts)
      distinct.withUnsafeBufferPointer { s in
        signature.withUnsafeMutableBufferPointer { sig in
          if let hasher { hasher.signature(of: s, into: sig) } else { onePermutation?.signature(of: s, into: sig) }
        }
      }
      sampled.removeAll(keepingCapacity: true)
      if sampling <= 1 {
        sampled.append(contentsOf: distinct)
      } else {
        for h in distinct where h <= sampleLimit { sampled.append(h) }
      }
      let set: ArraySlice<UInt64>? = keepSets ? distinct[...] : nil
      signature.withUnsafeBufferPointer { sig in
        table.appendRecord(
          id: Self.recordID(object, line: number, path: fileIndex == 0 ? nil : path),
          file: fileIndex, line: Int32(clamping: number), textLength: UInt32(clamping: text.utf8.count),
          exactHash: exactHash, shingleCount: UInt32(clamping: shingles.count), signature: sig,
          samples: sampled[...], shingleSet: set)
      }
    }
    return nil
  }

  /// The id dedup reports for a record: `id`, else `metadata.id`, else `line:N` (`PATH:line:N`
  /// for reference files).
  static func recordID(_ object: JSONObject, line: Int, path: String?) -> String {
    for candidate in [object["id"], object["metadata"]?["id"]] {
      switch candidate {
      case .string(let s)?: return s
      case .integer(let i)?: return String(i)
      default: continue
      }
    }
    return path.map { "\($0):line:\(line)" } ?? "line:\(line)"
  }

  /// Reserves room in `table` for a file's shingle sets and samples, estimated from its size
  /// (about one distinct shingle per 6 bytes of JSONL), so the arrays are not copied as they grow.
  /// Only address space: pages are touched when filled. Capped at 1 GB per array.
  static func reserve(forFile path: String, bytes: Int? = nil, options: DedupOptions, in table: inout SketchTable) {
    var info = stat()
    guard stat(path, &info) == 0, info.st_size > 0 else { return }
    let shingles = min((bytes ?? Int(info.st_size)) / 5, 1 << 27)
    if options.verification == .exact { table.shingleSets.reserveCapacity(table.shingleSets.count + shingles) }
    table.samples.reserveCapacity(table.samples.count + shingles / max(1, options.partialSampling) + 1024)
  }

  static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in line where byte != 0x20 && byte != 0x09 && byte != 0x0D { return false }
    return true
  }
}
