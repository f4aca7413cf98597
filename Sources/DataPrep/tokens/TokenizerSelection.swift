/// The token counter a command measures lengths with, resolved from its `--tokenizer` option.
///
/// An explicit name or path must load (else the command cannot run). Without one, the default
/// (``TokenizerLocator/defaultName``) is used when its rank file is installed; when it is not,
/// the command still runs with an estimate and one ``warning`` saying where it looked and how
/// to install the file, so a missing install never fails a CI run that did not ask for it.
public struct TokenizerSelection: Sendable {
  /// What counts tokens.
  public let counter: TokenCounter
  /// The tokenizer loaded, `nil` when the counter is the fallback estimate.
  public let tokenizer: Tokenizer?
  /// Why the fallback estimate is used, for stderr; `nil` when a tokenizer was loaded.
  public let warning: String?

  /// Resolves `name` (`nil`: the option was not given) with `locator`.
  /// - Parameter fallback: the estimate used when the default tokenizer is not installed.
  /// - Throws: ``TokenizerError`` when an explicit `name` cannot be found or loaded, or the
  ///   default's file is found but unreadable.
  public static func resolve(
    _ name: String?, fallback: TokenCounter, locator: TokenizerLocator = TokenizerLocator()
  ) throws(TokenizerError) -> TokenizerSelection {
    do {
      let tokenizer = try locator.load(name ?? TokenizerLocator.defaultName)
      return TokenizerSelection(counter: TokenCounter(tokenizer: tokenizer), tokenizer: tokenizer, warning: nil)
    } catch {
      guard name == nil, case .notFound = error else { throw error }
      let reason = error.errorDescription ?? "tokenizer \(TokenizerLocator.defaultName) not found"
      return TokenizerSelection(
        counter: fallback, tokenizer: nil,
        warning: "warning: \(reason). Token counts are \(fallback.name) instead (pass \(OptionName.naming(.tokenizer)) to require a real tokenizer).")
    }
  }

  private init(counter: TokenCounter, tokenizer: Tokenizer?, warning: String?) {
    self.counter = counter
    self.tokenizer = tokenizer
    self.warning = warning
  }
}
