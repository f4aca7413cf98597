import Foundation
import DataPrep

extension OptionName {
  /// The flag that sets this in `dataprep`, as error messages and reports name it.
  var flag: String {
    switch self {
    case .force: return "--force"
    case .field: return "--field"
    case .groupBy: return "--group-by"
    case .ratio: return "--ratio"
    case .seed: return "--seed"
    case .allowEmpty: return "--allow-empty"
    case .exact: return "--exact"
    case .stratifyBy: return "--stratify-by"
    case .strict: return "--strict"
    case .record: return "--record"
    case .maximumLineBytes: return "--max-line-mb"
    case .ngram: return "--ngram"
    case .permutations: return "--permutations"
    case .threshold: return "--threshold"
    case .containment: return "--containment"
    case .partialSampling: return "--partial-sampling"
    case .partialWholeBelow: return "--partial-whole-below"
    case .bands: return "--bands"
    case .rows: return "--rows"
    case .stage: return "--stage"
    case .shingle: return "the leakage shingle length (no flag: it is fixed at 5 here)"
    case .jobs: return "--jobs"
    case .tasks: return "--tasks"
    case .conversationalPrompts: return "--conversational"
    case .maxTokens: return "--max-tokens"
    case .answerTokens: return "--answer-tokens"
    case .chunkTokens: return "--chunk-tokens"
    case .overlapTokens: return "--overlap"
    case .from: return "--from"
    case .tokenizer: return "--tokenizer"
    case .output: return "--output"
    case .maxErrors: return "--max-errors"
    case .minChars: return "--min-chars"
    case .maxChars: return "--max-chars"
    }
  }

  /// Names settings by their flags: what the CLI binds to ``OptionName/naming`` for every command.
  @Sendable static func flagName(_ option: OptionName) -> String { option.flag }
}

/// The message of `error` as the CLI prints it: settings named by their flags.
func cliMessage(_ error: any Error) -> String {
  if let named = error as? any OptionNamingError { return named.message(naming: OptionName.flagName) }
  return (error as? any LocalizedError)?.errorDescription ?? "\(error)"
}
