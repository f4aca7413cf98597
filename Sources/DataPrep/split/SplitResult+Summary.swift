import Foundation

extension SplitResult {
  /// Leaks listed in the ``summary(output:leakAction:)``.
  static let summaryLeakLimit = 20

  /// What `dataprep split` tells the user: the records and share of each split, the leakage
  /// report, and what the leak repair (`leakAction`) did.
  public func summary(output: String, leakAction: SplitOptions.LeakAction) -> String {
    let parts = names.enumerated().map { i, name in
      "\(name) \(counts[i]) (\(String(format: "%.4f", ratiosObtained[i])))"
    }
    var text = "split \(total) records: \(parts.joined(separator: ", ")) -> \(output)\n"
    if let leakage {
      text += leakage.text(limit: Self.summaryLeakLimit)
      if repaired > 0 {
        let verb = leakAction == .drop ? "dropped" : "moved to train"
        text += "\(repaired) held-out record(s) \(verb); \(leaksRemaining) leak(s) remain\n"
      }
    }
    return text
  }
}
