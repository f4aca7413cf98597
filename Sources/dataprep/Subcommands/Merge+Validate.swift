import DataPrep

extension DataPrepCommand.Merge {
  /// Merges the parts of a sharded `validate` run (for now as records with summed counts).
  func mergeValidation(_ merger: ShardPartsMerger) throws {
    try mergeRecords(merger)
  }
}
