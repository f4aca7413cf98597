import Foundation

/// Splits a JSONL file into train, validation (and test) files in a folder, records written
/// through unchanged, then checks the result for leakage and optionally repairs it.
///
/// Every record of a group goes to the same side. In stable mode (the default) a group's side
/// depends only on the keyed hash of (seed, group key), so appending records never moves
/// existing ones; one pass, and memory holds only the set of group hashes (8–16 bytes per
/// group, for the group counts). Exact mode (`exact` or `stratifyBy`) reads the input twice:
/// the first pass builds the group table (hash → record count and label, about 40 bytes per
/// group), groups are sorted by keyed hash and cut at the asked counts (per label when
/// stratifying), the second pass writes.
public struct Splitter: Sendable {
  /// The settings.
  public let options: SplitOptions

  /// A splitter with `options`.
  public init(options: SplitOptions) {
    self.options = options
  }

  /// The output paths in `directory`: one JSONL per split, then `split.json`.
  public func outputPaths(in directory: String) -> [String] {
    options.splitNames.map { "\(directory)/\($0).jsonl" } + ["\(directory)/split.json"]
  }

  /// Splits `input` into `directory` (created when missing) and writes `split.json`.
  /// - Throws: ``SplitError``, ``InputError``, ``OutputError``, ``LeakageError``.
  public func run(input: String, directory: String) throws -> SplitResult {
    let paths = outputPaths(in: directory)
    try prepare(directory: directory, paths: paths)
    let sides = options.ratios.count
    var result: SplitResult
    if options.exact || options.stratifyBy != nil || options.linkSharedPassages {
      guard input != "-" else { throw SplitError.needsFile(options.exact ? .exact : .stratifyBy) }
      let links = options.linkSharedPassages ? try PassageLinks.find(input: input, options: options) : nil
      let plan = try planExact(input: input, links: links)
      result = try write(input: input, paths: Array(paths.prefix(sides)), links: links) { hash, _ in plan.sides[hash] ?? 0 }
      if let links {
        result.linkedSets = links.linkedSets
        result.largestLinkedSet = links.largestSet
        result.groupsBeforeLinking = links.groups
      }
      result.inputDigest = plan.digest
      result.warnings = plan.warnings
    } else {
      let bounds = cumulativeRatios
      result = try write(input: input, paths: Array(paths.prefix(sides))) { hash, _ in
        SplitKeyer.stableSide(hash, cumulative: bounds)
      }
    }
    try finish(&result, input: input, paths: paths)
    return result
  }

  /// The cumulative shares of the splits, the bounds of ``SplitKeyer/stableSide(_:cumulative:)``.
  var cumulativeRatios: [Double] {
    var cumulative: [Double] = []
    var sum = 0.0
    for r in options.ratios {
      sum += r
      cumulative.append(sum)
    }
    return cumulative
  }

  /// What follows the writing of the splits (`paths`: one per split, then `split.json`): the
  /// leakage check and its repair on the written files, then `split.json`.
  func finish(_ result: inout SplitResult, input: String, paths: [String]) throws {
    let sides = options.ratios.count
    if options.checkLeakage {
      try checkAndRepair(&result, paths: Array(paths.prefix(sides)))
    }
    let summary = try OutputFile(path: paths[sides])
    try summary.write(JSONWriter().string(of: result.json(options: options, input: input)) + "\n")
    try summary.commit()
  }

  func prepare(directory: String, paths: [String]) throws {
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
      do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      } catch {
        throw SplitError.cannotCreateFolder(path: directory, reason: error.localizedDescription)
      }
    } else if !isDirectory.boolValue {
      throw SplitError.cannotCreateFolder(path: directory, reason: "a file of that name exists")
    }
    if !options.overwrite {
      for path in paths where FileManager.default.fileExists(atPath: path) {
        throw SplitError.outputExists(path: path)
      }
    }
  }

  /// The first pass of exact mode: each group's side.
  private struct ExactPlan {
    var sides: [UInt64: Int] = [:]
    var digest = ""
    var warnings: [String] = []
  }

  private struct GroupEntry {
    var count: Int
    var label: Int32
  }

  private func planExact(input: String, links: PassageLinks?) throws -> ExactPlan {
    var table: [UInt64: GroupEntry] = [:]
    var labelTally = KeyTally<String>()
    let (digest, _) = try forEachGrouped(input: input, links: links) { _, hash, name in
      var label: Int32 = 0
      if let name { label = labelTally.count(name) }
      if table[hash] != nil {
        table[hash]?.count += 1
      } else {
        table[hash] = GroupEntry(count: 1, label: label)
      }
    }
    let labels = labelTally.keys
    var plan = ExactPlan()
    plan.digest = digest
    // Groups of each label (a group's label is its first record's), sorted by keyed hash.
    var byLabel = [[(hash: UInt64, count: Int)]](repeating: [], count: max(1, labels.count))
    for (hash, entry) in table { byLabel[Int(entry.label)].append((hash, entry.count)) }
    let ratios = options.ratios
    for (label, groups) in byLabel.enumerated() {
      let sorted = groups.sorted { $0.hash < $1.hash }
      let total = sorted.reduce(0) { $0 + $1.count }
      if links != nil {
        for (hash, side) in Self.fillHeldOutFirst(sorted, total: total, ratios: ratios) { plan.sides[hash] = side }
        continue
      }
      var targets: [Double] = []
      var sum = 0.0
      for r in ratios {
        sum += r
        targets.append((sum * Double(total)).rounded())
      }
      var before = 0
      for group in sorted {
        let middle = Double(before) + Double(group.count) / 2
        plan.sides[group.hash] = targets.firstIndex { middle < $0 } ?? ratios.count - 1
        before += group.count
      }
      if !labels.isEmpty, let smallest = ratios.min(), Double(total) * smallest < 1 {
        plan.warnings.append(
          "label \(labels[label].isEmpty ? "(missing)" : labels[label]) has \(total) record(s): too few to appear in every split")
      }
    }
    return plan
  }

  /// Sides for groups in keyed-hash order when groups are joined: the held-out sides (last
  /// first) take groups in that order while they fit their target, a group larger than what a
  /// side still needs passes to the next; train takes the rest. Large joined sets thus land in
  /// train and the held-out shares stay close to the ratios asked.
  static func fillHeldOutFirst(_ groups: [(hash: UInt64, count: Int)], total: Int, ratios: [Double]) -> [(UInt64, Int)] {
    var need = ratios.map { ($0 * Double(total)).rounded() }
    var out: [(UInt64, Int)] = []
    out.reserveCapacity(groups.count)
    for group in groups {
      var side = 0
      // A group fits a side that still needs at least half of it.
      for candidate in stride(from: ratios.count - 1, to: 0, by: -1) where need[candidate] >= 0.5 * Double(group.count) {
        side = candidate
        break
      }
      need[side] -= Double(group.count)
      out.append((group.hash, side))
    }
    return out
  }

  /// Reads `input` once, calling `body(rawLine, groupHash, label)` for each record.
  /// - Returns: the SHA-256 (hex) of the input's lines, and the keyer (its ungrouped count).
  private func forEachGrouped(
    input: String, links: PassageLinks?,
    _ body: (UnsafeBufferPointer<UInt8>, UInt64, String?) throws -> Void
  ) throws -> (digest: String, keyer: SplitKeyer) {
    var keyer = SplitKeyer(options: options, links: links)
    var digest = SHA256Digest()
    let reader = try JSONLReader(path: input, limits: options.limits)
    try reader.forEachRecordWithRawLine { record, raw in
      digest.update(UnsafeRawBufferPointer(raw))
      digest.update([0x0A])
      let hash = try keyer.groupHash(of: record.object, path: reader.path, line: record.line)
      try body(raw, hash, keyer.label(of: record.object))
      return true
    }
    return (digest.hexDigest(), keyer)
  }

  /// Writes every record to the side `side(groupHash, label)` gives.
  private func write(input: String, paths: [String], links: PassageLinks? = nil, side: (UInt64, String?) -> Int) throws -> SplitResult {
    let writers = try paths.map { try JSONLWriter(path: $0) }
    var groupSets = [Set<UInt64>](repeating: [], count: paths.count)
    var labelCounts: [String: [Int]] = [:]
    let (digest, keyer) = try forEachGrouped(input: input, links: links) { raw, hash, label in
      let s = side(hash, label)
      try writers[s].writeRawLine(raw)
      groupSets[s].insert(hash)
      if let label { labelCounts[label, default: [Int](repeating: 0, count: paths.count)][s] += 1 }
    }
    try requireRecords(writers.map(\.count))
    for writer in writers { try writer.finish() }
    var result = SplitResult(
      names: options.splitNames, counts: writers.map(\.count), groups: groupSets.map(\.count),
      ratiosAsked: options.ratios, inputDigest: digest)
    result.labelCounts = labelCounts
    result.ungrouped = keyer.ungrouped
    return result
  }

  /// Runs the leakage check on the written files; with `move` or `drop`, removes leaking
  /// held-out records (and the rest of their groups) until the check is clean (at most 5 rounds).
  private func checkAndRepair(_ result: inout SplitResult, paths: [String]) throws {
    var leakOptions = options.leakage
    leakOptions.field = options.field
    leakOptions.normalization = options.normalization
    leakOptions.groupBy = options.groupBy ?? GroupKey.defaultPath
    leakOptions.jobs = options.jobs
    leakOptions.limits = options.limits
    let check = LeakageCheck(options: leakOptions)
    let train = paths[0]
    let heldOut = Array(paths.dropFirst())
    var report = try check.run(train: train, heldOut: heldOut)
    result.leakage = report
    guard options.leakAction != .report else {
      result.leaksRemaining = report.findings.count
      return
    }
    var round = 0
    while !report.findings.isEmpty && round < 5 {
      round += 1
      let leaked = report.leakedHeldOut
      var moved: [[UInt8]] = []
      for (offset, path) in heldOut.enumerated() {
        let lines = Set(leaked.filter { $0.file == path }.map(\.line))
        if lines.isEmpty { continue }
        let removed = try removeGroups(of: lines, from: path, into: &moved)
        result.counts[offset + 1] -= removed
        result.repaired += removed
      }
      if options.leakAction == .move && !moved.isEmpty {
        try append(moved, to: train)
        result.counts[0] += moved.count
      }
      report = try check.run(train: train, heldOut: heldOut)
    }
    result.leaksRemaining = report.findings.count
    try requireRecords(result.counts)
  }

  /// Refuses a split left without records unless ``SplitOptions/allowEmpty``: a silently empty
  /// train or validation file is a lost dataset, not a result.
  /// - Throws: ``SplitError/emptySplit(name:records:)`` naming the first empty split.
  func requireRecords(_ counts: [Int]) throws(SplitError) {
    guard !options.allowEmpty, let empty = counts.firstIndex(of: 0) else { return }
    throw .emptySplit(name: options.splitNames[empty], records: counts.reduce(0, +))
  }

  /// Rewrites `path` without the records at `lines` and every record of their groups; the
  /// removed lines go to `removed`. Returns how many were removed.
  private func removeGroups(of lines: Set<Int>, from path: String, into removed: inout [[UInt8]]) throws -> Int {
    var keyer = SplitKeyer(options: options)
    var groups = Set<UInt64>()
    let reader = try JSONLReader(path: path, limits: options.limits)
    try reader.forEachRecord { record in
      if lines.contains(record.line) {
        groups.insert(try keyer.groupHash(of: record.object, path: path, line: record.line))
      }
      return true
    }
    let writer = try JSONLWriter(path: path)
    var count = 0
    try JSONLReader(path: path, limits: options.limits).forEachRecordWithRawLine { record, raw in
      if groups.contains(try keyer.groupHash(of: record.object, path: path, line: record.line)) {
        removed.append(Array(raw))
        count += 1
      } else {
        try writer.writeRawLine(raw)
      }
      return true
    }
    try writer.finish()
    return count
  }

  private func append(_ lines: [[UInt8]], to path: String) throws {
    let writer = try JSONLWriter(path: path)
    try JSONLReader(path: path, limits: options.limits).forEachRecordWithRawLine { _, raw in
      try writer.writeRawLine(raw)
      return true
    }
    for line in lines { try writer.writeRawLine(line) }
    try writer.finish()
  }
}
