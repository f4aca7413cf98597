import ArgumentParser
import DataPrep
import Foundation

/// The `--tokenizer` option of every command that measures length, defined once so all of them
/// name, find and report tokenizers the same way.
struct TokenizerOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Tokenizer: o200k_base (default), cl100k_base, or a .tiktoken[.gz] / tokenizer.json path. See docs/tokens.md for where names are looked up.",
      valueName: "name|file"))
  var tokenizer: String?

  /// The tokenizer named (or the default), which must load: for commands whose output is token counts.
  func load() throws -> Tokenizer {
    try TokenizerLocator().load(tokenizer ?? TokenizerLocator.defaultName)
  }

  /// The counter to measure lengths with: the tokenizer named (by the flag, else `configured`
  /// from a config file), or the default one, or, when the default is not installed and none
  /// was named, `fallback` after one warning on stderr.
  func counter(fallback: TokenCounter, command: String, configured: String? = nil) throws -> TokenCounter {
    let selection = try TokenizerSelection.resolve(tokenizer ?? configured, fallback: fallback)
    if let warning = selection.warning {
      FileHandle.standardError.write(Data("dataprep \(command): \(warning)\n".utf8))
    }
    return selection.counter
  }
}
