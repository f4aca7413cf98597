/// How much of a format's keys a record needs before detection names that format. Each
/// command keeps the rule it always had; the difference is this parameter, not two detectors.
enum DetectionRule: Sendable, Hashable {
  /// `validate`: one telling key names the format (`prompt` alone is prompt-completion), so
  /// the format's schema can then report the missing fields; dataprep documents are known.
  case lenient
  /// `convert`: a format needs the keys it cannot be read without (`prompt` and `completion`;
  /// `instruction` and `output`), a record with `messages` is chat whatever else it holds, and
  /// documents are not examples.
  case complete
  /// A record's text (dedup, leakage, split, token counts): a shape counts only when the
  /// member its text is read from has the type it is read as (`messages` an array, `prompt` a
  /// string, ...); chat wins over preference and prompt-completion over Alpaca; documents are
  /// read as `text`.
  case textual
}
