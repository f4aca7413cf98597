/// Joins the split groups whose records share a passage of the leakage check's length (13
/// words by default), so that a split by the joined groups puts such records
/// on one side and has no shared-passage leak to repair afterwards.
///
/// One pass over the input. Memory is the table of every distinct n-gram seen, mapped to the
/// first group that had it (about 25 bytes per distinct n-gram), plus the distinct pairs of
/// linked groups: for a dataset of N words, in the order of 25·N bytes. That is what finding
/// every shared passage needs; the leakage check holds the same table for the held-out side.
struct PassageLinks: Sendable {
  /// Each group hash that was joined to another group, mapped to the hash of its linked set's
  /// representative (the set's group that came first in the input); groups linked to none are absent.
  var representative: [UInt64: UInt64] = [:]
  /// Groups in the input.
  var groups = 0
  /// Linked sets of two or more groups.
  var linkedSets = 0
  /// Records in the largest linked set (or group).
  var largestSet = 0
  /// Records in the input.
  var records = 0

  /// Reads `input` and links its groups.
  /// - Throws: ``SplitError``, ``InputError``.
  static func find(input: String, options: SplitOptions) throws -> PassageLinks {
    var keyer = SplitKeyer(options: options)
    // The leakage check's reading of a record: its parts (prompt, response, ...) normalised
    // and split into words alike, n-grams never crossing from one part into the next.
    let normalizer = TextNormalizer(level: options.normalization)
    let shingler = Shingler(n: options.leakage.shingle)
    let roller = NGramRoller(n: options.leakage.ngram)
    var groups = KeyTally<UInt64>()
    var owner: [UInt64: Int32] = [:]
    var pairs = Set<UInt64>()
    var records = 0
    let reader = try JSONLReader(path: input, limits: options.limits)
    try reader.forEachRecord { record in
      records += 1
      let hash = try keyer.groupHash(of: record.object, path: reader.path, line: record.line)
      let group = groups.count(hash)
      // A record without text has nothing to share.
      for part in LeakagePart.texts(of: record.object, field: options.field) {
        let words = NormalizedWords.of(part.text, normalizer: normalizer, shingler: shingler).words
        words.hashes.withUnsafeBufferPointer { words in
          roller.forEach(words) { _, key in link(key, group, &owner, &pairs) }
        }
      }
      return true
    }
    let groupHashes = groups.keys
    let groupRecords = groups.counts
    var sets = UnionFind(count: groupHashes.count)
    for pair in pairs.sorted() { sets.union(Int(pair >> 32), Int(pair & 0xFFFF_FFFF)) }
    var links = PassageLinks()
    links.groups = groupHashes.count
    links.records = records
    var setRecords: [Int: Int] = [:]
    var setSizes: [Int: Int] = [:]
    for index in groupHashes.indices {
      let root = sets.find(index)
      setRecords[root, default: 0] += groupRecords[index]
      setSizes[root, default: 0] += 1
      if root != index { links.representative[groupHashes[index]] = groupHashes[root] }
    }
    links.linkedSets = setSizes.values.filter { $0 > 1 }.count
    links.largestSet = setRecords.values.max() ?? 0
    return links
  }

  @inline(__always)
  private static func link(_ key: UInt64, _ group: Int32, _ owner: inout [UInt64: Int32], _ pairs: inout Set<UInt64>) {
    if let first = owner[key] {
      if first != group {
        let (a, b) = first < group ? (first, group) : (group, first)
        pairs.insert(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)))
      }
    } else {
      owner[key] = group
    }
  }

  /// The hash of the linked set `hash` belongs to.
  func set(of hash: UInt64) -> UInt64 { representative[hash] ?? hash }
}
