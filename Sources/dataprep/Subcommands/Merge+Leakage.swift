import DataPrep

extension DataPrepCommand.Merge {
  /// Merges the parts of a sharded `leakage` run (for now as records with summed counts).
  func mergeLeakage(_ merger: ShardPartsMerger) throws {
    try mergeRecords(merger)
  }
}
