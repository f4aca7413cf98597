import Foundation

/// The stages of a dedup job array, each a shard writing parts (``ShardPart``) that the next
/// stage reads, together byte-identical to a single process:
///
/// - signatures: the shard's share of the input (one byte range, numbered with the file's own
///   lines) and of the `--against` files (`files[I::N]`) sketched into a part;
/// - candidates: the shard's share of the LSH bands, plus the exact hash as one more "band",
///   keyed from every part (only the band keys are held), bucketed as a single process does and
///   verified pair by pair with positioned reads of the two records' shingle sets;
/// - clusters (one task): the connected components of the pairs only, the keep policy, partial
///   copies, and the decisions: removed input lines and the clusters file;
/// - filter: the shard's share of the input without the removed lines (`dataprep merge` joins them).
struct DedupStages {
  let options: DedupOptions
  let stage: DedupStageSettings

  static let candidatesStage = "dedup-candidates"
  static let clustersStage = "dedup-clusters"
  static let filterStage = "dedup-filter"
  static let pairsMagic = Array("DPDEDUP-PAIRS-3\n".utf8)
  static let removedMagic = Array("DPDEDUP-REMOVED-3\n".utf8)

  private func part(_ stageName: String, folder: String, inputs: [String]) -> ShardPart {
    let job = ShardJob(
      stage: stageName, shard: stage.shard, folder: folder, inputs: inputs, settings: stage.settings, force: stage.force)
    return ShardPart(folder: folder, stage: stageName, shard: stage.shard, fingerprint: job.fingerprint)
  }

  /// The identity of the input file (path, size, modification time): the filter stage refuses
  /// decisions made from another input.
  static func identity(of input: String) -> String {
    ShardPart.fingerprint(stage: "dedup-input", count: 1, settings: [], inputs: [input])
  }

  // MARK: signatures

  /// Sketches the shard's share of `input` and `against` into `folder`.
  func signatures(input: String, against: [String], folder: String) throws -> ShardJob.Outcome {
    let part = part(DedupSignatureStore.stage, folder: folder, inputs: [input] + against)
    if case .done(let marker) = try part.prepare(force: stage.force) { return .skipped(marker) }
    let shard = stage.shard
    var pieces = try ShardInputs.plan(paths: [input], shard: shard).pieces
    for position in shard.positions(of: against.count) {
      pieces.append(ShardInputs.Piece(input: position + 1, path: against[position], range: nil))
    }
    var table = SketchTable(permutations: options.permutations)
    table.files = [input] + against
    let builder = SketchBuilder(options: options)
    var markerPieces: [ShardMarker.Piece] = []
    var inputRecords = 0
    for piece in pieces {
      let before = table.count
      try builder.add(path: piece.path, fileIndex: UInt16(piece.input), range: piece.range, to: &table)
      let n = table.count - before
      if piece.input == 0 { inputRecords += n }
      markerPieces.append(ShardMarker.Piece(input: piece.input, start: piece.range?.start ?? 0, records: ["signatures": n]))
    }
    let file = try part.output("signatures", extension: "bin")
    try SignaturePartFile.write(table, settings: options.fileSettings, to: file)
    var report = JSONObject()
    report.append("records", .integer(Int64(table.count)))
    report.append("input_records", .integer(Int64(inputRecords)))
    report.append("all_documents", .bool(table.allDocuments))
    report.append("files", .array(table.files.map { .string($0) }))
    report.append("input", .string(Self.identity(of: input)))
    return .finished(try part.commit(pieces: markerPieces, report: .object(report)))
  }

  // MARK: candidates

  /// The slots (bands, then the exact hash) shard `shard` of `count` takes: an even split of
  /// `bands + 1` slots.
  static func slots(bands: Int, shard: Shard) -> Range<Int> {
    let total = bands + 1
    return (total * shard.index / shard.count)..<(total * (shard.index + 1) / shard.count)
  }

  /// The verified pairs of the shard's bands, and the exact links if the exact slot is its.
  func candidates(signatures: String, folder: String) throws -> ShardJob.Outcome {
    let store = try DedupSignatureStore(folder: signatures, options: options)
    let part = part(Self.candidatesStage, folder: folder, inputs: [signatures, store.fingerprint])
    if case .done(let marker) = try part.prepare(force: stage.force) { return .skipped(marker) }
    let index = options.lshIndex
    let slots = Self.slots(bands: index.bands, shard: stage.shard)
    let bands = Array(slots.clamped(to: 0..<index.bands))
    let exactSlot = slots.contains(index.bands)
    var keyed = [[(key: UInt64, member: Int32)]](repeating: [], count: bands.count)
    var exact: [(key: UInt64, member: Int32)] = []
    var hashes: [UInt64] = []
    if !bands.isEmpty { hashes.reserveCapacity(store.count) }
    for slot in keyed.indices { keyed[slot].reserveCapacity(store.count) }
    if exactSlot { exact.reserveCapacity(store.count) }
    if !bands.isEmpty || exactSlot {
      try store.forEachRun { start, file, range in
        let k = file.permutations
        let exactHashes: [UInt64] = try file.read(.exactHashes, range)
        if exactSlot { for (offset, hash) in exactHashes.enumerated() { exact.append((hash, Int32(start + offset))) } }
        guard !bands.isEmpty else { return }
        hashes += exactHashes
        let counts: [UInt32] = try file.read(.shingleCounts, range)
        let signatures: [UInt32] = try file.read(.signatures, (range.lowerBound * k)..<(range.upperBound * k))
        signatures.withUnsafeBufferPointer { all in
          for offset in 0..<range.count where counts[offset] > 0 {
            let signature = UnsafeBufferPointer(rebasing: all[(offset * k)..<(offset * k + k)])
            for (slot, band) in bands.enumerated() {
              keyed[slot].append((index.bandKey(signature, band: band), Int32(start + offset)))
            }
          }
        }
      }
    }
    var candidates: [CandidatePair] = []
    for slot in keyed.indices {
      var entries = keyed[slot]
      keyed[slot] = []
      HashSort.sortByKey(&entries)
      candidates += index.pairs(inSorted: Self.firstOfEachExactGroup(entries, hashes: hashes))
    }
    hashes = []
    candidates = candidates.filter { !(store.isReference(Int($0.first)) && store.isReference(Int($0.second))) }
    candidates.sort()
    var unique: [CandidatePair] = []
    for pair in candidates where unique.last != pair { unique.append(pair) }
    let edges = try verify(unique, store: store)
    var links: [CandidatePair] = []
    if exactSlot {
      HashSort.sortByKey(&exact)
      var start = 0
      while start < exact.count {
        var end = start + 1
        while end < exact.count && exact[end].key == exact[start].key { end += 1 }
        for k in (start + 1)..<max(start + 1, end) { links.append(CandidatePair(exact[start].member, exact[k].member)) }
        start = end
      }
    }
    var out = BinaryWriter()
    out.bytes(Self.pairsMagic)
    out.string(options.fileSettings)
    out.string(store.fingerprint)
    out.array(links.map(\.first))
    out.array(links.map(\.second))
    out.array(edges.map(\.first))
    out.array(edges.map(\.second))
    out.array(edges.map { $0.similarity.bitPattern })
    let file = try part.output("pairs", extension: "bin")
    try file.write(out.data)
    var report = JSONObject()
    report.append("signatures", .string(store.fingerprint))
    report.append("bands", .array(bands.map { .integer(Int64($0)) }))
    report.append("exact", .bool(exactSlot))
    report.append("candidates", .integer(Int64(unique.count)))
    report.append("near_pairs", .integer(Int64(edges.count)))
    report.append("exact_links", .integer(Int64(links.count)))
    return .finished(try part.commit(pieces: [], report: .object(report)))
  }

  /// The entries of one band (sorted by key, then record) without the records that repeat an
  /// earlier record's exact hash: a single process bands only the first record of each exact
  /// group, and the others share its signature, so they sit in its bucket in every band.
  static func firstOfEachExactGroup(
    _ entries: [(key: UInt64, member: Int32)], hashes: [UInt64]
  ) -> [(key: UInt64, member: Int32)] {
    var out: [(key: UInt64, member: Int32)] = []
    out.reserveCapacity(entries.count)
    var start = 0
    var seen = Set<UInt64>()
    while start < entries.count {
      var end = start + 1
      while end < entries.count && entries[end].key == entries[start].key { end += 1 }
      if end - start == 1 {
        out.append(entries[start])
      } else {
        seen.removeAll(keepingCapacity: true)
        for k in start..<end where seen.insert(hashes[Int(entries[k].member)]).inserted { out.append(entries[k]) }
      }
      start = end
    }
    return out
  }

  /// The pairs whose similarity reaches the threshold, each computed from the two records'
  /// shingle sets (or signatures) read from the parts, in parallel over `options.jobs`.
  private func verify(_ pairs: [CandidatePair], store: DedupSignatureStore) throws -> [SimilarityEdge] {
    let threshold = options.threshold
    let check = { @Sendable (range: Range<Int>) -> Result<[SimilarityEdge], DedupError> in
      var out: [SimilarityEdge] = []
      var cached: (record: Int32, set: [UInt64], signature: [UInt32])? = nil
      do {
        for pair in pairs[range] {
          let similarity: Double
          if cached?.record != pair.first {
            let exact = store.options.verification == .exact
            cached = (pair.first, exact ? try store.shingleSet(Int(pair.first)) : [], exact ? [] : try store.signature(Int(pair.first)))
          }
          guard let first = cached else { continue }
          if store.options.verification == .exact {
            similarity = SketchTable.jaccard(first.set[...], try store.shingleSet(Int(pair.second))[...])
          } else {
            let other = try store.signature(Int(pair.second))
            similarity = first.signature.withUnsafeBufferPointer { p in other.withUnsafeBufferPointer { MinHasher.estimatedJaccard(p, $0) } }
          }
          if similarity >= threshold - 1e-9 {
            out.append(SimilarityEdge(first: pair.first, second: pair.second, similarity: Float(similarity)))
          }
        }
      } catch let error as DedupError {
        return .failure(error)
      } catch {
        return .failure(.badIntermediate(path: store.folder, reason: "\(error)"))
      }
      return .success(out)
    }
    let jobs = max(1, min(options.jobs, pairs.count / 1024))
    if jobs == 1 { return try check(0..<pairs.count).get() }
    let per = (pairs.count + jobs - 1) / jobs
    let slots = ResultSlots<Result<[SimilarityEdge], DedupError>>(count: jobs)
    DispatchQueue.concurrentPerform(iterations: jobs) { slot in
      slots.set(slot, check(min(pairs.count, slot * per)..<min(pairs.count, (slot + 1) * per)))
    }
    var edges: [SimilarityEdge] = []
    for result in slots.values { if let result { edges += try result.get() } }
    return edges
  }

  // MARK: clusters

  /// Clusters the pairs of every candidates part in `pairs`, finds partial copies, and writes
  /// the decisions into `folder` (and the clusters to `clustersCopy` when given); `found` gets
  /// the clusters and their records' labels when the stage runs.
  func clusters(
    signatures: String, pairs pairsFolder: String, folder: String, clustersCopy: String?,
    found: ([DedupCluster], [Int: DedupRecordLabel]) -> Void = { _, _ in }
  ) throws -> (ShardJob.Outcome, DedupSummary) {
    let store = try DedupSignatureStore(folder: signatures, options: options)
    let candidates = try ShardPartsMerger(paths: [pairsFolder])
    guard candidates.stage == Self.candidatesStage else {
      throw DedupError.badIntermediate(path: pairsFolder, reason: "holds \(candidates.stage) parts, not candidate pairs (--stage candidates)")
    }
    var exactLinks: [CandidatePair] = []
    var edges: [SimilarityEdge] = []
    for index in 0..<candidates.count {
      guard let path = candidates.path(of: "pairs", shard: index) else {
        throw DedupError.badIntermediate(path: pairsFolder, reason: "shard \(index) lists no pairs file")
      }
      let decoded = try Self.readPairs(path: path, options: options, signatures: store.fingerprint)
      exactLinks += decoded.links
      edges += decoded.edges
    }
    let part = part(Self.clustersStage, folder: folder, inputs: [signatures, pairsFolder, store.fingerprint, candidates.parts[0].marker.fingerprint])
    if case .done(let marker) = try part.prepare(force: stage.force) { return (.skipped(marker), DedupSummary(report: marker.report)) }
    let resolution = try PairClusterResolver(options: options).resolve(
      exactLinks: exactLinks, edges: edges, facts: store.facts, similarity: store.similarity)
    exactLinks = []
    edges = []
    var removed: [Int] = []
    for cluster in resolution.clusters { removed += cluster.removed.map(\.record) }
    var summary = DedupSummary()
    summary.recordsIn = store.inputRecords
    summary.exactDuplicates = resolution.exactDuplicates
    summary.nearDuplicates = resolution.nearDuplicates
    var clusters = resolution.clusters
    if options.partial ?? store.allDocuments {
      var alive = [Bool](repeating: true, count: store.count)
      for record in removed { alive[record] = false }
      var lengths: [UInt32] = []
      lengths.reserveCapacity(store.count)
      try store.forEachRun { _, part, range in lengths += try part.read(.textLengths, range, as: UInt32.self) }
      let keep = options.keep
      let partials = try StreamedPartialCopyFinder(options: options, store: store).find(alive: alive) { a, b in
        DedupRecordFacts.prefers(
          a, DedupRecordFacts(isReference: store.isReference(a), textLength: lengths[a], exactHash: 0),
          b, DedupRecordFacts(isReference: store.isReference(b), textLength: lengths[b], exactHash: 0), keep: keep)
      }
      for cluster in partials { removed += cluster.removed.map(\.record) }
      summary.partialCopies = partials.reduce(0) { $0 + $1.removed.count }
      clusters += partials
    }
    summary.clusters = clusters.count
    summary.recordsOut = summary.recordsIn - removed.count
    var labels: [Int: DedupRecordLabel] = [:]
    for cluster in clusters {
      for record in cluster.recordsNamed where labels[record] == nil { labels[record] = try store.label(record) }
    }
    let label = { (record: Int) in labels[record] ?? DedupRecordLabel(id: "?", line: 0, referenceFile: nil) }
    let writer = try part.writer("clusters")
    let copy = try clustersCopy.map { path throws(OutputError) in try JSONLWriter(path: path) }
    for cluster in clusters {
      let value = cluster.jsonValue(label: label)
      try writer.write(value)
      try copy?.write(value)
    }
    var lines: [UInt64] = []
    lines.reserveCapacity(removed.count)
    for record in removed { lines.append(UInt64(try store.line(record))) }
    lines.sort()
    var out = BinaryWriter()
    out.bytes(Self.removedMagic)
    out.array(lines)
    try part.output("removed", extension: "bin").write(out.data)
    var report = summary.report
    report.append("signatures", .string(store.fingerprint))
    report.append("input", .string(store.inputIdentity))
    let marker = try part.commit(pieces: [], report: .object(report))
    try copy?.finish()
    found(clusters, labels)
    return (.finished(marker), summary)
  }

  /// The exact links and verified edges of a pairs part made from the signatures `signatures`.
  static func readPairs(path: String, options: DedupOptions, signatures: String) throws -> (links: [CandidatePair], edges: [SimilarityEdge]) {
    var r = BinaryReader(bytes: try ByteSource(path: path).readAll(limit: Int.max), path: path)
    try r.expect(pairsMagic, what: "a dedup pairs part")
    let stored = try r.string()
    guard stored == options.fileSettings else {
      throw DedupError.badIntermediate(path: path, reason: "made with other settings (\(stored)); this run uses \(options.fileSettings)")
    }
    let madeFrom = try r.string()
    guard madeFrom == signatures else {
      throw DedupError.staleCandidates(path: path, storedDigest: madeFrom, signaturesDigest: signatures)
    }
    let linkFirst = try r.array(Int32.self)
    let linkSecond = try r.array(Int32.self)
    let first = try r.array(Int32.self)
    let second = try r.array(Int32.self)
    let similarity = try r.array(UInt32.self)
    guard linkFirst.count == linkSecond.count, first.count == second.count, first.count == similarity.count else {
      throw DedupError.badIntermediate(path: path, reason: "inconsistent pair counts (corrupt part)")
    }
    return (
      linkFirst.indices.map { CandidatePair(linkFirst[$0], linkSecond[$0]) },
      first.indices.map { SimilarityEdge(first: first[$0], second: second[$0], similarity: Float(bitPattern: similarity[$0])) }
    )
  }

  // MARK: filter

  /// Copies the shard's share of `input` without the lines the decisions in `decisions` remove.
  func filter(input: String, decisions: String, folder: String) throws -> (ShardJob.Outcome, DedupSummary) {
    let merger = try ShardPartsMerger(paths: [decisions])
    guard merger.stage == Self.clustersStage, let path = merger.path(of: "removed", shard: 0) else {
      throw DedupError.badIntermediate(path: decisions, reason: "holds \(merger.stage) parts, not dedup decisions (--stage clusters)")
    }
    let report = merger.reports[0]
    guard report["input"]?.stringValue == Self.identity(of: input) else { throw DedupError.inputMismatch(path: input) }
    var r = BinaryReader(bytes: try ByteSource(path: path).readAll(limit: Int.max), path: path)
    try r.expect(Self.removedMagic, what: "a dedup decisions part")
    let removed = try r.array(UInt64.self)
    let summary = DedupSummary(report: report)
    let job = ShardJob(
      stage: Self.filterStage, shard: stage.shard, folder: folder, inputs: [input],
      settings: stage.settings + ["decisions=\(merger.parts[0].marker.fingerprint)"], force: stage.force)
    let maximumLineBytes = options.limits.maximumLineBytes
    let outcome = try job.run({ piece, part in
      let out = try part.output()
      let source = try piece.range.map { range throws(InputError) in
        try ByteSource(path: piece.path, range: range.start..<range.end, firstLine: range.firstLine)
      } ?? ByteSource(path: piece.path)
      var next = removed.lowerBound(of: UInt64(piece.range?.firstLine ?? 1))
      var written = 0
      let newline: [UInt8] = [0x0A]
      try LineReader(source, maximumLineBytes: maximumLineBytes).forEachLine { line, number in
        if SketchBuilder.isBlank(line) { return true }
        while next < removed.count && removed[next] < UInt64(number) { next += 1 }
        if next < removed.count && removed[next] == UInt64(number) { return true }
        try out.write(line)
        try out.write(newline)
        written += 1
        return true
      }
      return [ShardPart.mainOutput: written]
    }, report: { .object(summary.report) })
    return (outcome, summary)
  }
}
