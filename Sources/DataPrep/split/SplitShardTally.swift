/// What one shard of a stable split assigned: records and distinct groups per split, and the
/// records grouped by their own text. `dataprep merge` adds the shards' tallies (the group sets
/// joined, since a group's records may sit in several shards) to build the ``SplitResult`` one
/// process builds.
///
/// Memory: a 64-bit hash per distinct group and split, as one process holds.
public struct SplitShardTally: Sendable, Equatable {
  /// Records per split.
  public var counts: [Int]
  /// The group hashes per split.
  public var groups: [Set<UInt64>]
  /// Records without the group path, grouped by their own text.
  public var ungrouped = 0

  /// An empty tally of `sides` splits.
  public init(sides: Int) {
    counts = [Int](repeating: 0, count: sides)
    groups = [Set<UInt64>](repeating: [], count: sides)
  }

  /// Adds another shard's tally (of the same splits).
  public mutating func add(_ other: SplitShardTally) {
    for side in counts.indices where side < other.counts.count {
      counts[side] += other.counts[side]
      groups[side].formUnion(other.groups[side])
    }
    ungrouped += other.ungrouped
  }

  /// The counts as JSON, for the shard's marker (the group hashes go to a part of their own):
  /// `{counts: [...], ungrouped}`.
  public var json: JSONValue {
    ["counts": .array(counts.map { .integer(Int64($0)) }), "ungrouped": .integer(Int64(ungrouped))]
  }

  /// Reads the counts back from ``json`` (no groups yet); `nil` when damaged.
  public init?(json: JSONValue) {
    guard let counts = json["counts"]?.arrayValue?.compactMap({ $0.integerValue.map(Int.init) }),
      let ungrouped = json["ungrouped"]?.integerValue, !counts.isEmpty
    else { return nil }
    self.init(sides: counts.count)
    self.counts = counts
    self.ungrouped = Int(ungrouped)
  }
}

extension SplitShardTally {
  /// Writes the group hashes, a JSON line `[split, hash]` each (the hash as a signed 64-bit
  /// integer), sorted, to `out` (not committed); returns the lines written.
  /// - Throws: ``OutputError`` when `out` cannot be written.
  public func writeGroups(to out: OutputFile) throws -> Int {
    var lines = 0
    for (side, set) in groups.enumerated() {
      for hash in set.sorted() {
        try out.write("[\(side),\(Int64(bitPattern: hash))]\n")
        lines += 1
      }
    }
    return lines
  }

  /// Adds the group hashes ``writeGroups(to:)`` wrote to `path`.
  /// - Throws: ``InputError`` when the file cannot be read or a line is not `[split, hash]`.
  public mutating func readGroups(path: String) throws {
    let parser = JSONParser()
    try LineReader(try ByteSource(path: path)).forEachLine { line, number in
      let value = try? parser.parse(line)
      guard let pair = value?.arrayValue, pair.count == 2, let side = pair[0].integerValue, let hash = pair[1].integerValue,
        side >= 0, Int(side) < groups.count
      else { throw InputError.badJSON(path: path, line: number, column: 1, message: "expected [split, group hash]") }
      groups[Int(side)].insert(UInt64(bitPattern: hash))
      return true
    }
  }
}
