/// The token statistics of several JSONL files and of all of them together, as `dataprep stats`
/// reports them (and `dataprep split --tokenizer`, one line per split).
public struct TokenStatisticsReport: Sendable {
  /// One file measured.
  public struct File: Sendable {
    /// The name shown: the path, or a split's name.
    public var name: String
    /// Its statistics.
    public var statistics: TokenStatistics
  }

  /// The tokenizer's name.
  public var tokenizer: String
  /// Each file, in the order given.
  public var files: [File] = []
  /// All files together.
  public var total = TokenStatistics()

  /// An empty report of lengths counted with `tokenizer`.
  public init(tokenizer: String) {
    self.tokenizer = tokenizer
  }

  /// Reads each of `paths` with `reader`, counting with `tokenizer` (chat overhead included, see
  /// `ExampleTokenCounter`).
  /// - Parameter names: the names shown, one per path (default: the paths).
  /// - Throws: ``InputError`` for unreadable input or a bad line.
  public static func read(
    _ paths: [String], names: [String]? = nil, reader: DatasetTokenReader, tokenizer: Tokenizer
  ) throws -> TokenStatisticsReport {
    let counter = ExampleTokenCounter(tokenizer: tokenizer)
    var report = TokenStatisticsReport(tokenizer: tokenizer.name)
    for (index, path) in paths.enumerated() {
      report.add(try reader.statistics(path: path, counter: counter), name: names?[index] ?? path)
    }
    return report
  }

  /// Adds one file's statistics.
  public mutating func add(_ statistics: TokenStatistics, name: String) {
    files.append(File(name: name, statistics: statistics))
    total.add(statistics)
  }

  /// The text report: a block per file, then the total when there are several.
  public func text(maxTokens: Int? = nil) -> String {
    var text = ""
    for file in files {
      text += file.statistics.summary(maxTokens: maxTokens).text(title: file.name, tokenizer: tokenizer)
    }
    if files.count > 1 {
      text += total.summary(maxTokens: maxTokens).text(title: "all \(files.count) files", tokenizer: tokenizer)
    }
    return text
  }

  /// `{tokenizer, files: [{file, ...summary}], total}`.
  public func json(maxTokens: Int? = nil) -> JSONValue {
    var report = JSONObject()
    report.append("tokenizer", .string(tokenizer))
    report.append(
      "files",
      .array(
        files.map { file in
          var object = JSONObject()
          object.append("file", .string(file.name))
          if case .object(let summary) = file.statistics.summary(maxTokens: maxTokens).json {
            object.members += summary.members
          }
          return .object(object)
        }))
    report.append("total", total.summary(maxTokens: maxTokens).json)
    return .object(report)
  }

  /// One line per file: its token total and length percentiles.
  public var lines: String {
    files.map { file in
      let summary = file.statistics.summary()
      return "\(file.name): \(summary.totalTokens) tokens (\(tokenizer)) in \(summary.records) records; "
        + "median \(summary.median), p99 \(summary.p99), max \(summary.maximum)\n"
    }.joined()
  }
}
