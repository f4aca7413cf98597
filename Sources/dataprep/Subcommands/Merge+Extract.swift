import DataPrep

extension DataPrepCommand.Merge {
  /// Merges the parts of a sharded `extract` run (for now as records with summed counts).
  func mergeExtract(_ merger: ShardPartsMerger) throws {
    try mergeRecords(merger)
  }
}
