import Foundation

/// The build's `redact` and `filter` stages, applied to each document as the extract step writes
/// it: every string redacted (the recipe's kinds and mode), then the document judged by the
/// recipe's quality rule sets and dropped when one fails. Both stages look at one document at a
/// time, so running them inside the (sharded) extract step gives a cluster plan the local build's
/// bytes, and no later stage (furniture, dedup, instruct) ever sees a secret or a dropped page.
///
/// Filtering after redaction judges the text that will be trained on (`<EMAIL>` is one word,
/// as the examples will have it) and spends no rule on a document redact drops.
struct DocumentScreen {
  private let redactor: RecordRedactor?
  private let dropsRecords: Bool
  private let filter: QualityFilter?
  /// What redact did, `nil` when the recipe turned it off.
  private(set) var redaction: RedactionSummary?
  /// What the filter did, `nil` when it is off; samples name the source and the document's
  /// number in it (1-based), as ``FilterReport/Sample/line``.
  private(set) var filtering: FilterReport?
  /// The listing position of the input of each of `filtering`'s samples, so the samples of
  /// several shards join in listing order.
  private(set) var samplePositions: [Int] = []
  /// The rule sets run.
  var rules: [QualityRuleSet] { filter?.options.rules ?? [] }

  /// The stages of `recipe`; a pseudonym key is read from `environment`.
  /// - Throws: ``BuildError/missingRedactKey(variable:)``.
  init(recipe: BuildRecipe, environment: [String: String]) throws(BuildError) {
    if let mode = try recipe.redact.redactionMode(environment: environment) {
      redactor = RecordRedactor(text: TextRedactor(kinds: recipe.redact.kinds, mode: mode, allowlist: recipe.redact.keep))
      dropsRecords = mode == .dropRecord
      redaction = RedactionSummary()
    } else {
      redactor = nil
      dropsRecords = false
    }
    if recipe.filter.enabled {
      filter = QualityFilter(options: recipe.filter.options)
      filtering = FilterReport()
    } else {
      filter = nil
    }
  }

  /// `document` redacted, or `nil` when redact (drop-record) or a filter rule set drops it.
  /// - Parameters:
  ///   - source: the document's source as the build names it, for the filter's samples.
  ///   - position: its input's position in the source listing.
  ///   - number: its 1-based number among its input's documents.
  mutating func screen(_ document: JSONObject, source: String, position: Int, number: Int) -> JSONObject? {
    var document = document
    if let redactor {
      let redacted = redactor.redact(document)
      redaction?.add(record: redacted?.replacements ?? [], drops: dropsRecords)
      if let redacted {
        if dropsRecords { return nil }
        document = redacted.record
      }
    }
    if let filter {
      let outcomes = filter.evaluate(RecordText.text(of: document, field: nil) ?? "")
      let samples = filtering?.samples.count ?? 0
      filtering?.add(outcomes, path: source, line: number, samplesPerReason: filter.options.samplesPerReason)
      samplePositions += Array(repeating: position, count: (filtering?.samples.count ?? 0) - samples)
      guard outcomes.allSatisfy(\.passes) else { return nil }
      filtering?.written += 1
    }
    return document
  }
}
