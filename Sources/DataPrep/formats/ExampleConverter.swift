/// Converts a JSONL dataset from one fine-tuning format to another, record by record.
///
/// The input format is detected from the first record unless given. Streaming: memory holds
/// one record at a time. A record that cannot be read or written stops the conversion with a
/// ``ConvertError`` naming its line, unless `skipInvalid` is set, when it is counted instead.
public struct ExampleConverter {
  /// What a conversion did.
  public struct Summary: Sendable, Equatable {
    /// The input format, detected or given.
    public var from: ExampleFormat?
    /// Records written.
    public var written = 0
    /// Records skipped (only with `skipInvalid`).
    public var skipped = 0
    /// The first few skipped records' errors, for the report.
    public var skippedErrors: [ConvertError] = []

    /// The summary lines `convert` prints: `convert: N records FROM -> TO[, K skipped]`, then
    /// one `  skipped` line per kept error.
    public func report(target: ExampleFormat) -> String {
      var report = "convert: \(written) records \(from?.rawValue ?? "?") -> \(target.rawValue)"
      if skipped > 0 { report += ", \(skipped) skipped" }
      for error in skippedErrors { report += "\n  skipped \(error.localizedDescription)" }
      return report
    }
  }

  /// The format to write.
  public var target: ExampleFormat
  /// The input format; `nil` detects it from the first record.
  public var from: ExampleFormat?
  /// Skip and count records that cannot be converted instead of stopping.
  public var skipInvalid: Bool
  /// How records are written (metadata, prompt form).
  public var renderer: ExampleRenderer

  /// How many skipped records' errors ``Summary/skippedErrors`` keeps.
  public static let reportedErrorLimit = 20

  /// A converter to `target`.
  public init(target: ExampleFormat, from: ExampleFormat? = nil, skipInvalid: Bool = false, renderer: ExampleRenderer = ExampleRenderer()) {
    self.target = target
    self.from = from
    self.skipInvalid = skipInvalid
    self.renderer = renderer
  }

  /// Reads every record of `reader`, writes the converted records to `writer` (not finished).
  /// - Throws: ``ConvertError`` for a bad record (unless skipped), ``InputError``, ``OutputError``.
  public func convert(_ reader: JSONLReader, to writer: JSONLWriter) throws -> Summary {
    var summary = Summary(from: from)
    var renderer = self.renderer
    var seenRecord = false
    let parser = ExampleParser()
    try reader.forEachRecord { record in
      if !seenRecord {
        seenRecord = true
        if summary.from == nil {
          switch DatasetFormat.detect(record.object, rule: .complete) {
          case .example(let detected)?: summary.from = detected
          case .document?: throw ConvertError.documentsGiven(path: reader.path, line: record.line)
          case nil: throw ConvertError.undetectedFormat(path: reader.path, line: record.line, keys: record.object.keys)
          }
        }
        // prompt-completion to prompt-completion keeps the input's prompt form.
        if summary.from == .promptCompletion, target == .promptCompletion, record.object["prompt"]?.arrayValue != nil {
          renderer.conversationalPrompts = true
        }
      }
      guard let format = summary.from else { return false }
      let converted: JSONObject
      do throws(FormatError) {
        converted = try renderer.render(try parser.parse(record.object, as: format), as: target)
      } catch {
        let problem = ConvertError.badRecord(path: reader.path, line: record.line, problem: error)
        guard skipInvalid else { throw problem }
        summary.skipped += 1
        if summary.skippedErrors.count < Self.reportedErrorLimit { summary.skippedErrors.append(problem) }
        return true
      }
      try writer.write(converted)
      summary.written += 1
      return true
    }
    return summary
  }
}
