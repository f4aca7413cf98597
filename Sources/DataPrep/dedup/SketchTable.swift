/// What dedup keeps of each record after one streaming pass, in flat arrays: its id and line,
/// text length, normalised-text hash, MinHash signature, sampled shingles for partial-copy
/// detection and, for exact verification, its whole shingle set.
///
/// Memory per record: `4 × permutations` bytes of signature (512 B at 128), about 60 B of
/// fixed fields plus the id, `8 / partialSampling` bytes per shingle of samples, and with
/// exact verification 8 bytes per distinct shingle.
struct SketchTable: Sendable {
  /// Signature length.
  var permutations: Int
  /// The files read, in order; records of file 0 are the input, later ones are `--against` references.
  var files: [String] = []
  /// Record ids (`id`, `metadata.id`, else `line:N`).
  var ids: [String] = []
  /// The file of each record (index into ``files``).
  var fileIndex: [UInt16] = []
  /// The 1-based line of each record in its file.
  var lines: [Int32] = []
  /// UTF-8 length of each record's text.
  var textLengths: [UInt32] = []
  /// XXH64 of each record's normalised text.
  var exactHashes: [UInt64] = []
  /// Number of shingles (with repeats) of each record.
  var shingleCounts: [UInt32] = []
  /// Signatures, `permutations` values per record.
  var signatures: [UInt32] = []
  /// Offsets into ``samples``: record `i` owns `samples[sampleOffsets[i]..<sampleOffsets[i+1]]`.
  var sampleOffsets: [Int] = [0]
  /// Sorted distinct sampled shingle hashes.
  var samples: [UInt64] = []
  /// Offsets into ``shingleSets`` (only filled for exact verification).
  var setOffsets: [Int] = [0]
  /// Sorted distinct shingle hashes (only filled for exact verification).
  var shingleSets: [UInt64] = []
  /// Whether every input record's text was a document `text`.
  var allDocuments = true
  /// The digest of the input's lines (file 0), set by ``Deduplicator/sketch(input:against:inputName:)``;
  /// the output pass checks the input it copies from has the same, so records are never
  /// dropped by the position of another file's records.
  var inputDigest: UInt64?

  /// An empty table for signatures of `permutations` values.
  init(permutations: Int) {
    self.permutations = permutations
  }

  /// The number of records.
  var count: Int { ids.count }

  /// Whether record `i` comes from an `--against` file.
  func isReference(_ i: Int) -> Bool { fileIndex[i] != 0 }

  /// The signature of record `i`.
  func signature(_ i: Int) -> ArraySlice<UInt32> {
    signatures[(i * permutations)..<((i + 1) * permutations)]
  }

  /// The sampled shingles of record `i`.
  func samples(_ i: Int) -> ArraySlice<UInt64> {
    samples[sampleOffsets[i]..<sampleOffsets[i + 1]]
  }

  /// The shingle set of record `i` (empty unless built for exact verification).
  func shingleSet(_ i: Int) -> ArraySlice<UInt64> {
    i + 1 < setOffsets.count ? shingleSets[setOffsets[i]..<setOffsets[i + 1]] : []
  }

  /// Estimated Jaccard similarity of records `i` and `j` from their signatures.
  func estimatedJaccard(_ i: Int, _ j: Int) -> Double {
    signatures.withUnsafeBufferPointer { all in
      let k = permutations
      return MinHasher.estimatedJaccard(
        UnsafeBufferPointer(rebasing: all[(i * k)..<(i * k + k)]),
        UnsafeBufferPointer(rebasing: all[(j * k)..<(j * k + k)]))
    }
  }

  /// Exact Jaccard similarity of the shingle sets of records `i` and `j`.
  func exactJaccard(_ i: Int, _ j: Int) -> Double {
    Self.jaccard(shingleSet(i), shingleSet(j))
  }

  /// Exact Jaccard similarity of two sorted distinct sets (1 when both are empty), by a merge.
  static func jaccard(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>) -> Double {
    SetJaccard.of(a, b)
  }

  /// Appends the records of `other` (same permutations), shifting their file indices by `fileOffset`.
  mutating func append(_ other: SketchTable, fileOffset: UInt16 = 0) {
    ids += other.ids
    fileIndex += fileOffset == 0 ? other.fileIndex : other.fileIndex.map { $0 + fileOffset }
    lines += other.lines
    textLengths += other.textLengths
    exactHashes += other.exactHashes
    shingleCounts += other.shingleCounts
    signatures += other.signatures
    let sampleBase = samples.count
    samples += other.samples
    sampleOffsets += other.sampleOffsets.dropFirst().map { $0 + sampleBase }
    let setBase = shingleSets.count
    shingleSets += other.shingleSets
    setOffsets += other.setOffsets.dropFirst().map { $0 + setBase }
    allDocuments = allDocuments && other.allDocuments
  }

  /// Appends one record's values.
  mutating func appendRecord(
    id: String, file: UInt16, line: Int32, textLength: UInt32, exactHash: UInt64, shingleCount: UInt32,
    signature: UnsafeBufferPointer<UInt32>, samples recordSamples: ArraySlice<UInt64>,
    shingleSet: ArraySlice<UInt64>?
  ) {
    ids.append(id)
    fileIndex.append(file)
    lines.append(line)
    textLengths.append(textLength)
    exactHashes.append(exactHash)
    shingleCounts.append(shingleCount)
    signatures.append(contentsOf: signature)
    samples.append(contentsOf: recordSamples)
    sampleOffsets.append(samples.count)
    if let shingleSet {
      shingleSets.append(contentsOf: shingleSet)
      setOffsets.append(shingleSets.count)
    }
  }
}

extension SketchTable {
  /// How `--clusters` names record `i`.
  func label(_ i: Int) -> DedupRecordLabel {
    DedupRecordLabel(id: ids[i], line: lines[i], referenceFile: isReference(i) ? files[Int(fileIndex[i])] : nil)
  }
}
