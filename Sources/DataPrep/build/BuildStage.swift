/// The stages of `dataprep build`, in the order they run.
public enum BuildStage: String, Sendable, CaseIterable {
  /// Listing and digesting the source files.
  case sources
  /// Sources to documents (`extract`).
  case extract
  /// Emails, phone numbers and secrets replaced in each document (`redact`, in the extract step).
  case redact
  /// Documents failing a quality rule set dropped (`filter`, in the extract step).
  case filter
  /// Duplicate documents removed (`dedup`).
  case dedupDocuments = "dedup-documents"
  /// Documents to examples (`instruct`).
  case instruct
  /// Duplicate examples removed, also against a previous build (`dedup --against`).
  case dedupExamples = "dedup-examples"
  /// Examples to train/validation(/test) (`split`).
  case split
  /// Held-out examples found in train (`leakage`).
  case leakage
  /// The splits checked (`validate`).
  case validate
  /// Report, dataset card and manifest written, folder moved into place.
  case write
}

/// One progress event of a build: a stage finished, with its counts.
public struct BuildEvent: Sendable {
  /// The stage.
  public var stage: BuildStage
  /// 1-based position of the stage.
  public var index: Int
  /// Number of stages.
  public var total: Int
  /// One line for a person: `extract: 12 documents from 10 files`.
  public var message: String
  /// The counts, for `--log-format json`.
  public var counts: JSONObject

  /// The event as one JSON object: `{"event":"stage","stage":...,"index":..,"total":..,"message":..,"counts":{..}}`.
  public var json: JSONValue {
    ["event": "stage", "stage": .string(stage.rawValue), "index": .integer(Int64(index)),
     "total": .integer(Int64(total)), "message": .string(message), "counts": .object(counts)]
  }
}
