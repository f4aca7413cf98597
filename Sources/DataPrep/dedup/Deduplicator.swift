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
  /// Writes `output` (the kept records, or the job's intermediate file) and, for the jobs that
  /// cluster, the clusters as JSONL to `clusters`. An input `-` (standard input) is read once
  /// into a temporary file, as the kept records are copied in a second pass.
  /// - Returns: the sketches and clusters of the jobs that write kept records (``DedupJob/all(input:against:)``
  ///   and ``DedupJob/clusters(input:signatures:pairs:)``), `nil` for the others.
  /// - Throws: ``DedupError``, ``InputError``, ``OutputError``.
  public func run(_ job: DedupJob, output: String, clusters: String? = nil) throws -> DedupRun? {
    switch job {
    case .all(let input, let against):
      return try run(input: input, against: against, output: output, clusters: clusters)
    case .signatures(let input, let against):
      let (path, isSpool) = try Self.rereadablePath(input)
      defer { if isSpool { Self.removeSpool(path) } }
      let table = try sketch(input: path, against: against, inputName: input)
      try Self.writeFile(SketchFile.encode(table, options: options), to: output)
      return nil
    case .candidates(let signatures, let bandRange):
      let table = try loadSketches(signatures)
      let edges = verify(candidatePairs(table, bandRange: bandRange), in: table)
      try Self.writeFile(SketchFile.encode(edges, options: options, inputDigest: table.inputDigest), to: output)
      return nil
    case .clusters(let input, let signatures, let pairs):
      let table = try loadSketches(signatures)
      var edges: [SimilarityEdge] = []
      for path in pairs {
        edges += try SketchFile.decodeEdges(
          try ByteSource(path: path).readAll(), path: path, options: options, inputDigest: table.inputDigest)
      }
      return try finish(table: table, edges: edges, input: input, inputName: input, output: output, clusters: clusters)
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
      for cluster in result.clusters { try writer.write(cluster.jsonValue(in: table)) }
      try writer.finish()
    }
    try out.commit()
    return DedupRun(table: table, result: result)
  }

  private func loadSketches(_ path: String) throws -> SketchTable {
    try SketchFile.decodeSketch(try ByteSource(path: path).readAll(), path: path, options: options)
  }

  private static func writeFile(_ bytes: [UInt8], to path: String) throws {
    let out = try OutputFile(path: path)
    try out.write(bytes)
    try out.commit()
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

  /// Whether record `a` is preferred to record `b` as the survivor (references always win; then
  /// the keep policy; then input position).
  func prefers(_ table: SketchTable, _ a: Int, _ b: Int) -> Bool {
    let ra = table.isReference(a)
    let rb = table.isReference(b)
    if ra != rb { return ra }
    switch options.keep {
    case .first: break
    case .longest:
      if table.textLengths[a] != table.textLengths[b] { return table.textLengths[a] > table.textLengths[b] }
    case .shortest:
      if table.textLengths[a] != table.textLengths[b] { return table.textLengths[a] < table.textLengths[b] }
    }
    return a < b
  }

  /// Groups records into clusters (exact groups joined by the confirmed edges), picks the
  /// survivor of each, then finds partial copies among the survivors.
  /// Edges may come in any order and repeat (pair files of overlapping band ranges).
  func resolve(_ table: SketchTable, edges unsortedEdges: [SimilarityEdge]) -> DedupResult {
    let n = table.count
    var edges: [SimilarityEdge] = []
    for edge in unsortedEdges.sorted(by: { ($0.first, $0.second) < ($1.first, $1.second) })
    where edges.last.map({ ($0.first, $0.second) != (edge.first, edge.second) }) ?? true {
      edges.append(edge)
    }
    var uf = UnionFind(count: n)
    var firstOfHash: [UInt64: Int] = [:]
    for i in 0..<n {
      if let first = firstOfHash[table.exactHashes[i]] { uf.union(first, i) } else { firstOfHash[table.exactHashes[i]] = i }
    }
    for edge in edges { uf.union(Int(edge.first), Int(edge.second)) }
    var roots = [Int](repeating: 0, count: n)
    for i in 0..<n { roots[i] = uf.find(i) }
    // Members of multi-record components, grouped by root (root = smallest member).
    let grouped = (0..<n).filter { roots[$0] != $0 }
    var componentMembers: [Int: [Int]] = [:]
    for i in grouped { componentMembers[roots[i], default: [roots[i]]].append(i) }
    var edgesByRoot: [Int: [SimilarityEdge]] = [:]
    for edge in edges { edgesByRoot[roots[Int(edge.first)], default: []].append(edge) }

    var kept = (0..<n).map { !table.isReference($0) }
    var summary = DedupSummary()
    summary.recordsIn = (0..<n).filter { !table.isReference($0) }.count
    var clusters: [DedupCluster] = []
    let exactVerify = options.verification == .exact && table.setOffsets.count == n + 1
    for root in componentMembers.keys.sorted() {
      guard let memberList = componentMembers[root] else { continue }
      guard memberList.count > 1, memberList.contains(where: { !table.isReference($0) }) else { continue }
      var best = memberList[0]
      for m in memberList.dropFirst() where prefers(table, m, best) { best = m }
      let allExact = memberList.allSatisfy { table.exactHashes[$0] == table.exactHashes[best] }
      let dropKept = options.dropAll && !table.isReference(best)
      var removed: [DedupCluster.Member] = []
      for m in memberList where !table.isReference(m) && (m != best || dropKept) {
        let isExact = table.exactHashes[m] == table.exactHashes[best]
        let similarity = isExact ? 1 : (exactVerify ? table.exactJaccard(m, best) : table.estimatedJaccard(m, best))
        let kind: DedupCluster.Kind = m == best ? (allExact ? .exact : .near) : (isExact ? .exact : .near)
        removed.append(DedupCluster.Member(record: m, kind: kind, similarity: similarity))
        kept[m] = false
        if kind == .exact { summary.exactDuplicates += 1 } else { summary.nearDuplicates += 1 }
      }
      if removed.isEmpty { continue }
      let pairs = (edgesByRoot[root] ?? []).sorted { ($0.first, $0.second) < ($1.first, $1.second) }
      clusters.append(DedupCluster(
        kind: allExact ? .exact : .near, kept: dropKept ? nil : best, representative: best,
        removed: removed, pairs: pairs))
    }
    let partialOn = options.partial ?? table.allDocuments
    if partialOn {
      let finder = PartialCopyFinder(options: options, table: table)
      let partials = finder.find(alive: (0..<n).map { kept[$0] || table.isReference($0) }, prefers: { prefers(table, $0, $1) })
      for cluster in partials {
        for member in cluster.removed { kept[member.record] = false }
        summary.partialCopies += cluster.removed.count
      }
      clusters += partials
    }
    summary.clusters = clusters.count
    summary.recordsOut = (0..<n).filter { kept[$0] }.count
    return DedupResult(kept: kept, clusters: clusters, summary: summary)
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
