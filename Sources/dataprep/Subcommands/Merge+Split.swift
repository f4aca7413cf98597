import DataPrep

extension DataPrepCommand.Merge {
  /// Merges the parts of a sharded `split` run (for now as records with summed counts).
  func mergeSplit(_ merger: ShardPartsMerger) throws {
    try mergeRecords(merger)
  }
}
