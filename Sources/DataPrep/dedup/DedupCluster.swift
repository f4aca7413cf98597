/// A group of records found to be copies of one another, as written to `--clusters`.
public struct DedupCluster: Sendable {
  /// How the records were matched.
  public enum Kind: String, Sendable {
    /// Equal normalised text.
    case exact
    /// Jaccard similarity of shingle sets at or above the threshold.
    case near
    /// Most of the record's shingles occur in other records.
    case partial
  }

  /// One removed record.
  public struct Member: Sendable {
    /// Its record number in the `SketchTable`.
    public var record: Int
    /// How it matched.
    public var kind: Kind
    /// Its similarity to the kept record: 1 for exact, Jaccard for near, the fraction of its
    /// shingles found in the kept record for partial.
    public var similarity: Double
    /// For partial copies: the fraction of its shingles found in any other record.
    public var coverage: Double?
    /// For partial copies: the records holding its shingles and the fraction each holds.
    public var sources: [(record: Int, containment: Double)] = []
  }

  /// The kind of the cluster (exact when every member has the same normalised text).
  public var kind: Kind
  /// The record kept, `nil` with `--drop-all`.
  public var kept: Int?
  /// The record others were compared with (the kept one, or the would-be kept with `--drop-all`).
  public var representative: Int
  /// The records removed.
  public var removed: [Member]
  /// The confirmed near-duplicate pairs that joined the cluster.
  public var pairs: [SimilarityEdge]

  /// The records the cluster names (kept, representative, removed, their sources, pair ends).
  var recordsNamed: [Int] {
    var records = [representative] + (kept.map { [$0] } ?? [])
    for member in removed { records += [member.record] + member.sources.map(\.record) }
    for edge in pairs { records += [Int(edge.first), Int(edge.second)] }
    return records
  }

  /// The cluster as a JSON object naming records by id (`label` gives a record's id, line and,
  /// for references, file).
  func jsonValue(label: (Int) -> DedupRecordLabel) -> JSONValue {
    var object = JSONObject()
    object.append("kind", .string(kind.rawValue))
    object.append("kept", kept.map { .string(label($0).id) } ?? .null)
    if let kept, let file = label(kept).referenceFile { object.append("kept_file", .string(file)) }
    if kept == nil { object.append("representative", .string(label(representative).id)) }
    object.append("removed", .array(removed.map { member in
      var m = JSONObject()
      let named = label(member.record)
      m.append("id", .string(named.id))
      m.append("line", .integer(Int64(named.line)))
      m.append("kind", .string(member.kind.rawValue))
      m.append("similarity", .double(Self.rounded(member.similarity)))
      if let coverage = member.coverage { m.append("coverage", .double(Self.rounded(coverage))) }
      if !member.sources.isEmpty {
        m.append("sources", .array(member.sources.map { source in
          ["id": .string(label(source.record).id), "containment": .double(Self.rounded(source.containment))]
        }))
      }
      return .object(m)
    }))
    if !pairs.isEmpty {
      object.append("pairs", .array(pairs.map { edge in
        .array([.string(label(Int(edge.first)).id), .string(label(Int(edge.second)).id),
                .double(Self.rounded(Double(edge.similarity)))])
      }))
    }
    return .object(object)
  }

  static func rounded(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }
}

/// A candidate pair confirmed by verification, with its similarity.
public struct SimilarityEdge: Sendable, Hashable {
  /// The smaller record number.
  public var first: Int32
  /// The larger record number.
  public var second: Int32
  /// The (estimated or exact) Jaccard similarity.
  public var similarity: Float

  /// An edge between two records.
  public init(first: Int32, second: Int32, similarity: Float) {
    self.first = first
    self.second = second
    self.similarity = similarity
  }
}

/// What a dedup run found, for the summary on stderr.
public struct DedupSummary: Sendable, Equatable {
  /// Input records read.
  public var recordsIn = 0
  /// Records removed as exact duplicates.
  public var exactDuplicates = 0
  /// Records removed as near duplicates.
  public var nearDuplicates = 0
  /// Records removed as partial copies.
  public var partialCopies = 0
  /// Records written.
  public var recordsOut = 0
  /// Clusters reported.
  public var clusters = 0

  /// One line per figure, as printed on stderr.
  public var description: String {
    """
    records in:        \(recordsIn)
    exact duplicates:  \(exactDuplicates)
    near duplicates:   \(nearDuplicates)
    partial copies:    \(partialCopies)
    records out:       \(recordsOut)
    """
  }
}

/// The outcome of resolving clusters: which input records survive, and why the others do not.
public struct DedupResult: Sendable {
  /// For each record of the table: whether it is written (always `false` for references).
  public var kept: [Bool]
  /// The clusters, ordered by their smallest record number (partial copies after).
  public var clusters: [DedupCluster]
  /// The counts.
  public var summary: DedupSummary
}
