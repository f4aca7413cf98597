/// How much a text is folded before it is compared (`--normalize`).
public enum NormalizationLevel: String, Sendable, CaseIterable {
  /// Words as written: the text is only split at whitespace (exact duplicates must be byte-equal).
  case none
  /// Unicode NFKC, lower case, punctuation and symbols to spaces, whitespace collapsed: the
  /// normalisation of datatrove's `TextNormConfig` and lm-eval's janitor (the default).
  case basic
  /// `basic`, then diacritics removed and every digit folded to `0`.
  case aggressive
}
