import Foundation

/// Finds exact duplicates, near duplicates and partial copies among JSONL records and writes
/// the survivors unchanged.
///
/// ``run(_:output:clusters:)`` runs a ``DedupJob``: all stages, or one of them as a separate job.
/// The stages are separable, each reading and writing plain values (or files, see
/// `SketchFile`): `sketch(input:against:)` (one streaming pass: signatures),
/// `candidatePairs(_:bandRange:)` (LSH buckets, per band range), `verify(_:in:)`,
/// `resolve(_:edges:)` (union-find clusters, keep policy, partial copies) and
/// `writeKept(_:table:input:to:)` (a second pass copying kept lines byte for byte).
public struct Deduplicator: Sendable {
  /// The settings.
  public let options: DedupOptions

  /// A deduplicator with `options`.
  public init(options: DedupOptions) {
    self.options = options
  }

  // MARK: jobs

  /// Runs `job`: the one entry point of the stage, for `dataprep dedup` and `dataprep build`.
  /// ``DedupJob/all(input:against:)`` writes the kept records to `output` and the clusters as
  /// JSONL to `clusters`; an input `-` (standard input) is read once into a temporary file, as
  /// the kept records are copied in a second pass. The other jobs are stages of a job array:
  /// each writes its shard's parts into the folder `output` (``ShardPart``), skips a shard
  /// done before and refuses parts of another job; the clusters stage also copies the
  /// clusters to `clusters`.
  /// - Throws: ``DedupError``, ``ShardError``, ``InputError``, ``OutputError``.
  public func run(_ job: DedupJob, output: String, clusters: String? = nil, stage: DedupStageSettings = DedupStageSettings()) throws -> DedupJobOutcome {
    let stages = DedupStages(options: options, stage: stage)
    switch job {
    case .all(let input, let against):
      let run = try run(input: input, against: against, output: output, clusters: clusters)
      return DedupJobOutcome(run: run, summary: run.result.summary)
    case .signatures(let input, let against):
      return DedupJobOutcome(stage: try stages.signatures(input: input, against: against, folder: output))
    case .candidates(let signatures):
      return DedupJobOutcome(stage: try stages.candidates(signatures: signatures, folder: output))
    case .clusters(let signatures, let pairs):
      var found: (clusters: [DedupCluster], labels: [Int: DedupRecordLabel]) = ([], [:])
      let (outcome, summary) = try stages.clusters(signatures: signatures, pairs: pairs, folder: output, clustersCopy: clusters) {
        found = ($0, $1)
      }
      return DedupJobOutcome(stage: outcome, summary: summary, clusters: found.clusters, labels: found.labels)
    case .filter(let input, let decisions):
      let (outcome, summary) = try stages.filter(input: input, decisions: decisions, folder: output)
      return DedupJobOutcome(stage: outcome, summary: summary)
    }
  }

  /// Runs every stage (``DedupJob/all(input:against:)``): the kept records of `input` to
  /// `output`, records duplicating one of `against` removed too; the clusters to `clusters`.
  /// - Throws: ``DedupError``, ``InputError``, ``OutputError``.
  public func run(input: String, against: [String] = [], output: String, clusters: String? = nil) throws -> DedupRun {
    let (path, isSpool) = try Self.rereadablePath(input)
    defer { if isSpool { Self.removeSpool(path) } }
    let table = try sketch(input: path, against: against, inputName: input)
    let edges = verify(candidatePairs(table), in: table)
    return try finish(table: table, edges: edges, input: path, inputName: input, output: output, clusters: clusters)
  }

  /// Clusters, then writes the kept records of `input` to `output` and the clusters to `clusters`.
  private func finish(
    table: SketchTable, edges: [SimilarityEdge], input: String, inputName: String, output: String, clusters: String?
  ) throws -> DedupRun {
    let result = resolve(table, edges: edges)
    let out = try OutputFile(path: output)
    try writeKept(result, table: table, input: input, inputName: inputName, to: out)
    if let clusters {
      let writer = try JSONLWriter(path: clusters)
      for cluster in result.clusters { try writer.write(cluster.jsonValue(label: table.label)) }
      try writer.finish()
    }
    try out.commit()
    return DedupRun(table: table, result: result)
  }

  // MARK: signatures

  /// Sketches the input file (file 0) and then each `--against` file.
  /// - Parameter inputName: the name errors give the input (e.g. `-` when `input` is a spool of stdin).
  func sketch(input: String, against: [String] = [], inputName: String? = nil) throws -> SketchTable {
    var table = SketchTable(permutations: options.permutations)
    let builder = SketchBuilder(options: options)
    for (index, path) in ([input] + against).enumerated() {
      let name = index == 0 ? (inputName ?? path) : path
      table.files.append(name)
      try builder.add(path: path, name: name, fileIndex: UInt16(index), to: &table)
    }
    return table
  }

  // MARK: candidates

  /// Records taking part in LSH: the first record of each exact-duplicate group, when it has shingles.
  func lshMembers(_ table: SketchTable) -> [Int32] {
    var seen = Set<UInt64>()
    var members: [Int32] = []
    for i in 0..<table.count where table.shingleCounts[i] > 0 {
      if seen.insert(table.exactHashes[i]).inserted { members.append(Int32(i)) }
    }
    return members
  }

  /// Candidate pairs from the LSH bands in `bandRange` (all bands by default), excluding
  /// pairs of two reference records.
  func candidatePairs(_ table: SketchTable, bandRange: Range<Int>? = nil) -> [CandidatePair] {
    let index = options.lshIndex
    let pairs = index.candidatePairs(
      signatures: table.signatures, stride: table.permutations, members: lshMembers(table),
      bandRange: bandRange, jobs: options.jobs)
    return pairs.filter { !(table.isReference(Int($0.first)) && table.isReference(Int($0.second))) }
  }

  // MARK: verification

  /// The candidate pairs whose Jaccard similarity (estimated, or exact with `--verify exact`)
  /// reaches the threshold.
  func verify(_ pairs: [CandidatePair], in table: SketchTable) -> [SimilarityEdge] {
    let threshold = options.threshold
    let exact = options.verification == .exact && table.setOffsets.count == table.count + 1
    let check = { @Sendable (range: Range<Int>) -> [SimilarityEdge] in
      var out: [SimilarityEdge] = []
      for pair in pairs[range] {
        let i = Int(pair.first)
        let j = Int(pair.second)
        let similarity = exact ? table.exactJaccard(i, j) : table.estimatedJaccard(i, j)
        if similarity >= threshold - 1e-9 {
          out.append(SimilarityEdge(first: pair.first, second: pair.second, similarity: Float(similarity)))
        }
      }
      return out
    }
    let jobs = max(1, min(options.jobs, pairs.count / 1024))
    if jobs == 1 { return check(0..<pairs.count) }
    let per = (pairs.count + jobs - 1) / jobs
    let slots = ResultSlots<[SimilarityEdge]>(count: jobs)
    DispatchQueue.concurrentPerform(iterations: jobs) { slot in
      slots.set(slot, check(min(pairs.count, slot * per)..<min(pairs.count, (slot + 1) * per)))
    }
    return slots.values.flatMap { $0 ?? [] }
  }

  // MARK: clusters

  /// The facts of record `i` the survivor choice needs.
  static func facts(_ table: SketchTable, _ i: Int) -> DedupRecordFacts {
    DedupRecordFacts(isReference: table.isReference(i), textLength: table.textLengths[i], exactHash: table.exactHashes[i])
  }

  /// Whether record `a` is preferred to record `b` as the survivor (references always win; then
  /// the keep policy; then input position).
  func prefers(_ table: SketchTable, _ a: Int, _ b: Int) -> Bool {
    func facts(_ i: Int) -> DedupRecordFacts {
      DedupRecordFacts(isReference: table.isReference(i), textLength: table.textLengths[i], exactHash: 0)
    }
    return DedupRecordFacts.prefers(a, facts(a), b, facts(b), keep: options.keep)
  }

  /// Links each record to the first earlier record with its exact hash: the exact groups as
  /// links for ``PairClusterResolver``.
  static func exactLinks(_ hashes: [UInt64]) -> [CandidatePair] {
    var firstOfHash: [UInt64: Int32] = [:]
    var links: [CandidatePair] = []
    for (i, hash) in hashes.enumerated() {
      if let first = firstOfHash[hash] { links.append(CandidatePair(first, Int32(i))) } else { firstOfHash[hash] = Int32(i) }
    }
    return links
  }

  /// Groups records into clusters (exact groups joined by the confirmed edges), picks the
  /// survivor of each, then finds partial copies among the survivors.
  /// Edges may come in any order and repeat (pair files of overlapping band ranges).
  func resolve(_ table: SketchTable, edges: [SimilarityEdge]) -> DedupResult {
    let n = table.count
    let exactVerify = options.verification == .exact && table.setOffsets.count == n + 1
    let resolution = PairClusterResolver(options: options).resolve(
      exactLinks: Self.exactLinks(table.exactHashes), edges: edges, facts: { Self.facts(table, $0) },
      similarity: { exactVerify ? table.exactJaccard($0, $1) : table.estimatedJaccard($0, $1) })
    var kept = (0..<n).map { !table.isReference($0) }
    for cluster in resolution.clusters {
      for member in cluster.removed { kept[member.record] = false }
    }
    var summary = DedupSummary()
    summary.recordsIn = (0..<n).filter { !table.isReference($0) }.count
    summary.exactDuplicates = resolution.exactDuplicates
    summary.nearDuplicates = resolution.nearDuplicates
    var clusters = resolution.clusters
    let partials = partialCopies(table, kept: kept)
    for cluster in partials {
      for member in cluster.removed { kept[member.record] = false }
      summary.partialCopies += cluster.removed.count
    }
    clusters += partials
    summary.clusters = clusters.count
    summary.recordsOut = (0..<n).filter { kept[$0] }.count
    return DedupResult(kept: kept, clusters: clusters, summary: summary)
  }

  /// The partial copies among the records of `table` still `kept` (references count as
  /// holders), when partial-copy detection is on (``DedupOptions/partial``, else when every
  /// input record is a document).
  func partialCopies(_ table: SketchTable, kept: [Bool]) -> [DedupCluster] {
    guard options.partial ?? table.allDocuments else { return [] }
    let finder = PartialCopyFinder(options: options, table: table)
    return finder.find(alive: (0..<table.count).map { kept[$0] || table.isReference($0) }, prefers: { prefers(table, $0, $1) })
  }

  // MARK: output

  /// Copies the kept input lines of `input` (file 0 of `table`) to `output`, byte for byte.
  /// The whole input is read and digested: when `table` records a digest
  /// (``SketchTable/inputDigest``) and the input's differs, nothing is committed.
  /// - Parameter inputName: the name errors give the input (e.g. `-` when `input` is a spool of stdin).
  /// - Throws: ``DedupError/inputMismatch(path:)``, read and write errors.
  func writeKept(
    _ result: DedupResult, table: SketchTable, input: String, inputName: String? = nil, to output: OutputFile
  ) throws {
    var keptLines: [Int32] = []
    for i in 0..<table.count where table.fileIndex[i] == 0 && result.kept[i] { keptLines.append(table.lines[i]) }
    var next = 0
    var digest = InputDigest()
    let newline: [UInt8] = [0x0A]
    try LineReader(try ByteSource(path: input), maximumLineBytes: options.limits.maximumLineBytes).forEachLine { line, number in
      digest.add(line)
      if next < keptLines.count && Int(keptLines[next]) == number {
        try output.write(line)
        try output.write(newline)
        next += 1
      }
      return true
    }
    if let expected = table.inputDigest, expected != digest.value {
      throw DedupError.inputMismatch(path: inputName ?? input)
    }
  }

  /// A path `dedup` can read twice: `path` itself, or for `-` a temporary copy of standard input
  /// (the caller removes it with ``removeSpool(_:)``).
  static func rereadablePath(_ path: String) throws -> (path: String, isSpool: Bool) {
    guard path == "-" else { return (path, false) }
    let directory = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
    var template = Array("\(directory)/dataprep-dedup-stdin-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard fd >= 0 else { throw OutputError.cannotCreate(path: directory, reason: String(cString: strerror(errno))) }
    let spool = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    TemporaryFiles.shared.register(spool)
    defer { close(fd) }
    let source = try ByteSource(path: "-")
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
    defer { chunk.deallocate() }
    guard let chunkBase = chunk.baseAddress else { return (spool, true) }
    while true {
      let count = try source.read(into: chunk)
      if count == 0 { break }
      var offset = 0
      while offset < count {
        let written = write(fd, chunkBase + offset, count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw OutputError.writeFailed(path: spool, reason: String(cString: strerror(errno)))
        }
        offset += written
      }
    }
    return (spool, true)
  }

  /// Removes a spool made by ``rereadablePath(_:)``.
  static func removeSpool(_ path: String) {
    unlink(path)
    TemporaryFiles.shared.unregister(path)
  }
}
