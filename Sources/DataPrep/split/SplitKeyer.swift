/// Computes a record's split key: the keyed hash of (seed, group key), and its stratum label.
///
/// The group key is the value at `--group-by` (default `metadata.source_id`); a record without
/// it is its own group, keyed by the hash of its normalised text, so exact copies of a text
/// still land on the same side.
struct SplitKeyer {
  let options: SplitOptions
  private let normalizer: TextNormalizer
  private var normalized: [UInt8] = []
  /// Records grouped by their own text because the group path was missing.
  private(set) var ungrouped = 0
  /// Groups joined by shared passages: a group's hash is replaced by its linked set's.
  private let links: PassageLinks?

  init(options: SplitOptions, links: PassageLinks? = nil) {
    self.options = options
    self.links = links
    normalizer = TextNormalizer(level: options.normalization)
  }

  /// The keyed group hash of `object` (line `line` of `path`).
  /// - Throws: ``SplitError/noText(path:line:)`` when it has neither group key nor text.
  mutating func groupHash(of object: JSONObject, path: String, line: Int) throws(SplitError) -> UInt64 {
    let hash = try ownGroupHash(of: object, path: path, line: line)
    return links?.set(of: hash) ?? hash
  }

  private mutating func ownGroupHash(of object: JSONObject, path: String, line: Int) throws(SplitError) -> UInt64 {
    if let key = GroupKey.value(of: object, path: options.groupBy ?? GroupKey.defaultPath) {
      return XXH64.hash(key, seed: options.seed)
    }
    ungrouped += 1
    guard let text = RecordText.text(of: object, field: options.field) else {
      throw .noText(path: path, line: line)
    }
    normalizer.normalize(text, into: &normalized)
    let textHash = normalized.withUnsafeBytes { XXH64.hash($0) }
    return XXH64.hash(textHash, seed: options.seed ^ 0x7465_7874_6B65_7973)
  }

  /// The stratum label of `object` (`""` when it has none), or `nil` without `--stratify-by`.
  func label(of object: JSONObject) -> String? {
    guard let path = options.stratifyBy else { return nil }
    return GroupKey.value(of: object, path: path) ?? ""
  }

  /// The side a group falls on in stable mode: the hash as a fraction of 2^64 against the
  /// cumulative ratios.
  static func stableSide(_ hash: UInt64, cumulative: [Double]) -> Int {
    let u = Double(hash >> 11) / 9_007_199_254_740_992.0
    for (side, bound) in cumulative.enumerated() where u < bound { return side }
    return cumulative.count - 1
  }
}
