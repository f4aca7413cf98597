import Synchronization

/// A setting a caller gives a stage, as error messages name it.
///
/// The library words a setting as its options property (`` `ngram` ``); the CLI words it as its
/// flag (`--ngram`), so a message tells each kind of user what to change in their own terms.
public enum OptionName: String, Sendable, CaseIterable {
  /// Replace an existing output.
  case force
  /// The record field that holds the text, or (extract record mode) a named XPath field.
  case field
  /// The record path that names a record's group.
  case groupBy
  /// The split shares.
  case ratio
  /// The split seed.
  case seed
  /// Write a split that gets no records.
  case allowEmpty
  /// Exact split shares (reads the input twice).
  case exact
  /// The record path to stratify a split by.
  case stratifyBy
  /// Stop at the first input that fails.
  case strict
  /// The record-mode XPath of extract.
  case record
  /// The longest JSONL line read or written (``InputLimits/maximumLineBytes``).
  case maximumLineBytes
  /// The shingle or n-gram length in words.
  case ngram
  /// The number of MinHash permutations.
  case permutations
  /// The similarity threshold.
  case threshold
  /// The containment threshold of partial copies.
  case containment
  /// The sampling rate of partial-copy shingles.
  case partialSampling
  /// The size below which a partial copy is compared whole.
  case partialWholeBelow
  /// The LSH band count.
  case bands
  /// The LSH rows per band.
  case rows
  /// The dedup stage to run.
  case stage
  /// The leakage shingle length.
  case shingle
  /// The number of worker threads.
  case jobs
  /// The instruct tasks.
  case tasks
  /// Prompt-completion records with message lists instead of strings.
  case conversationalPrompts
  /// The token limit of an example.
  case maxTokens
  /// The token budget of an answer.
  case answerTokens
  /// The chunk length of the completion task.
  case chunkTokens
  /// The overlap of consecutive chunks.
  case overlapTokens
  /// The input format of convert.
  case from
  /// The tokenizer used for counts.
  case tokenizer
  /// The report style of validate and leakage.
  case output
  /// The most findings a validate report lists per check.
  case maxErrors
  /// The shortest response instruct keeps.
  case minChars
  /// The longest example instruct keeps.
  case maxChars

  /// How messages name settings: by default the options property in backticks. A front end sets
  /// its own wording once, before any work, e.g. the CLI its flags (`--force`).
  public static var naming: @Sendable (OptionName) -> String {
    get { wording.withLock { $0 } }
    set { wording.withLock { $0 = newValue } }
  }

  /// The wording ``naming`` holds, behind a lock so any thread may read it.
  private static let wording = Mutex<@Sendable (OptionName) -> String>({ "`\($0.rawValue)`" })
}
