/// Exact and near-duplicate clusters from links between records: the connected components of
/// the exact links (records sharing a normalised-text hash) and the verified near-duplicate
/// edges, with each component's survivor chosen by the keep policy.
///
/// Works on the records that appear in links only (a union-find over them, in record order), so
/// its memory grows with the links, not with the corpus: the sharded clusters stage reads the
/// links from the candidate parts and the facts of their records from the signature parts, a
/// single process passes its table. Both give the same clusters, in the order of their
/// smallest record.
struct PairClusterResolver {
  let options: DedupOptions

  /// The clusters and the records they remove.
  struct Resolution {
    /// Clusters ordered by their smallest record.
    var clusters: [DedupCluster] = []
    /// Records removed as exact duplicates.
    var exactDuplicates = 0
    /// Records removed as near duplicates.
    var nearDuplicates = 0
  }

  /// Resolves the components of `exactLinks` and `edges` (any order, repeats allowed).
  /// - Parameters:
  ///   - facts: a record's facts, asked once per linked record.
  ///   - similarity: the Jaccard similarity (exact or estimated) of two records, asked for each
  ///     near member against its survivor.
  func resolve(
    exactLinks: [CandidatePair], edges unsortedEdges: [SimilarityEdge],
    facts: (Int) throws -> DedupRecordFacts, similarity: (Int, Int) throws -> Double
  ) rethrows -> Resolution {
    var edges: [SimilarityEdge] = []
    for edge in unsortedEdges.sorted(by: { ($0.first, $0.second) < ($1.first, $1.second) })
    where edges.last.map({ ($0.first, $0.second) != (edge.first, edge.second) }) ?? true {
      edges.append(edge)
    }
    var records: [Int32] = []
    records.reserveCapacity(2 * (exactLinks.count + edges.count))
    for link in exactLinks { records += [link.first, link.second] }
    for edge in edges { records += [edge.first, edge.second] }
    records.sort()
    var unique: [Int32] = []
    unique.reserveCapacity(records.count)
    for record in records where unique.last != record { unique.append(record) }
    records = unique
    func dense(_ record: Int32) -> Int { records.lowerBound(of: record) }
    var uf = UnionFind(count: records.count)
    for link in exactLinks { uf.union(dense(link.first), dense(link.second)) }
    for edge in edges { uf.union(dense(edge.first), dense(edge.second)) }
    var members: [Int: [Int]] = [:]
    for k in records.indices {
      let root = uf.find(k)
      members[root, default: []].append(k)
    }
    var edgesByRoot: [Int: [SimilarityEdge]] = [:]
    for edge in edges { edgesByRoot[uf.find(dense(edge.first)), default: []].append(edge) }
    var known: [DedupRecordFacts] = []
    known.reserveCapacity(records.count)
    for record in records { known.append(try facts(Int(record))) }

    var resolution = Resolution()
    for root in members.keys.sorted() {
      guard let list = members[root], list.count > 1, list.contains(where: { !known[$0].isReference }) else { continue }
      var best = list[0]
      for k in list.dropFirst()
      where DedupRecordFacts.prefers(Int(records[k]), known[k], Int(records[best]), known[best], keep: options.keep) {
        best = k
      }
      let allExact = list.allSatisfy { known[$0].exactHash == known[best].exactHash }
      let dropKept = options.dropAll && !known[best].isReference
      var removed: [DedupCluster.Member] = []
      for k in list where !known[k].isReference && (k != best || dropKept) {
        let isExact = known[k].exactHash == known[best].exactHash
        let value = isExact ? 1 : try similarity(Int(records[k]), Int(records[best]))
        let kind: DedupCluster.Kind = k == best ? (allExact ? .exact : .near) : (isExact ? .exact : .near)
        removed.append(DedupCluster.Member(record: Int(records[k]), kind: kind, similarity: value))
        if kind == .exact { resolution.exactDuplicates += 1 } else { resolution.nearDuplicates += 1 }
      }
      if removed.isEmpty { continue }
      let pairs = (edgesByRoot[root] ?? []).sorted { ($0.first, $0.second) < ($1.first, $1.second) }
      let survivor = Int(records[best])
      resolution.clusters.append(DedupCluster(
        kind: allExact ? .exact : .near, kept: dropKept ? nil : survivor, representative: survivor,
        removed: removed, pairs: pairs))
    }
    return resolution
  }
}
