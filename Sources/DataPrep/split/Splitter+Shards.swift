import Foundation

extension Splitter {
  /// The settings that need the whole input, which shards cannot split independently, as
  /// messages name them (`exact`, `stratifyBy` and joining groups by shared passages all rank
  /// or link groups across the whole input); empty when the split can run as shards.
  public var settingsNeedingWholeInput: [String] {
    var names: [String] = []
    if options.exact { names.append(OptionName.naming(.exact)) }
    if options.stratifyBy != nil { names.append(OptionName.naming(.stratifyBy)) }
    if options.linkSharedPassages { names.append("joining groups that share a passage") }
    return names
  }

  /// One shard of a stable split: each record of `source` (the shard's byte range of the input)
  /// written through unchanged by `writers[side]`, its side given by the keyed hash of its group
  /// alone, so every shard agrees with one process; the records and groups added to `tally`.
  /// - Throws: ``SplitError/noText(path:line:)``, ``InputError``, ``OutputError``.
  package func assign(_ source: ByteSource, to writers: [JSONLWriter], tally: inout SplitShardTally) throws {
    let bounds = cumulativeRatios
    var keyer = SplitKeyer(options: options)
    let reader = JSONLReader(source, parser: options.limits.jsonParser, maximumLineBytes: options.limits.maximumLineBytes)
    let path = source.path
    let before = writers.map(\.count)
    try reader.forEachRecordWithRawLine { record, raw in
      let hash = try keyer.groupHash(of: record.object, path: path, line: record.line)
      let side = SplitKeyer.stableSide(hash, cumulative: bounds)
      try writers[side].writeRawLine(raw)
      tally.groups[side].insert(hash)
      return true
    }
    for side in writers.indices { tally.counts[side] += writers[side].count - before[side] }
    tally.ungrouped += keyer.ungrouped
  }

  /// The output paths in `directory` (one JSONL per split, then `split.json`), after creating
  /// the folder and refusing existing outputs unless ``SplitOptions/overwrite``: what `dataprep
  /// merge` checks before it joins the shards' parts into the splits.
  /// - Throws: ``SplitError/outputExists(path:)``, ``SplitError/cannotCreateFolder(path:reason:)``.
  package func preparedOutputPaths(in directory: String) throws -> [String] {
    let paths = outputPaths(in: directory)
    try prepare(directory: directory, paths: paths)
    return paths
  }

  /// What one process does around writing the splits, for the splits joined from the shards'
  /// parts at `paths` (see ``preparedOutputPaths(in:)``): the empty-split check, then
  /// `writeSplits` (which joins the parts into `paths`), the input's digest (`input` read once
  /// more), the leakage check and its repair on the joined files, and `split.json`.
  /// - Parameter tally: every shard's tally added.
  /// - Throws: ``SplitError``, ``InputError``, ``OutputError``, ``LeakageError``, what `writeSplits` throws.
  package func finish(
    merged tally: SplitShardTally, input: String, paths: [String], writeSplits: () throws -> Void
  ) throws -> SplitResult {
    try requireRecords(tally.counts)
    try writeSplits()
    var result = SplitResult(
      names: options.splitNames, counts: tally.counts, groups: tally.groups.map(\.count), ratiosAsked: options.ratios,
      inputDigest: try Self.digest(of: input, limits: options.limits))
    result.ungrouped = tally.ungrouped
    try finish(&result, input: input, paths: paths)
    return result
  }

  /// The SHA-256 (hex) of the records' lines of `input`, each followed by `\n`, as a split
  /// computes it while reading.
  static func digest(of input: String, limits: InputLimits) throws -> String {
    var digest = SHA256Digest()
    try JSONLReader(path: input, limits: limits).forEachRecordWithRawLine { _, raw in
      digest.update(UnsafeRawBufferPointer(raw))
      digest.update([0x0A])
      return true
    }
    return digest.hexDigest()
  }
}
