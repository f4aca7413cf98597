internal import CCLD2

/// The only Swift code calling CLD2 (through the `CCLD2` shim): bytes in, a Swift verdict out;
/// no C pointer or CLD2 value leaves this file.
enum CLD2Detector {
  /// What CLD2 said about one text.
  struct Verdict: Sendable, Equatable {
    /// ISO 639-1 code (639-2/3 where the language has none), or `und`.
    var language: String
    /// Share `0...100` of the scored letters in `language`.
    var percent: Int
    /// Whether CLD2 judged the answer reliable (the best language clearly ahead of the second).
    var reliable: Bool
    /// CLD2's score of `language` per 1,024 scored bytes: high for ordinary prose in the language,
    /// low for text that only borrows some of its words (see `LanguageIdentifier`).
    var normalizedScore: Int = 0
    /// Letter bytes CLD2 scored.
    var textBytes: Int = 0
  }

  /// The largest buffer CLD2's `int` length can take; callers pass far less (`ProseSample`).
  static let maximumBytes = Int(Int32.max)

  /// CLD2's verdict on `bytes`, UTF-8 plain text (anything else, or nothing, is `und`). In best
  /// effort (the default) CLD2 names a language even when unsure; otherwise an unsure answer is
  /// `und`. `hint`, a CLD2 code, is given to CLD2 as a prior for that language (and suppresses
  /// its close relatives: see `CloseLanguages`).
  static func detect(_ bytes: ArraySlice<UInt8>, bestEffort: Bool = true, hint: String? = nil) -> Verdict {
    var result = ccld2_result(code: nil, percent: 0, reliable: 0, text_bytes: 0, normalized_score: 0)
    let status: Int32 = bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, buffer.count > 0 else { return -1 }
      return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { text in
        let length = Int32(min(buffer.count, maximumBytes))
        guard let hint else { return ccld2_detect(text, length, bestEffort ? 1 : 0, nil, &result) }
        return hint.withCString { ccld2_detect(text, length, bestEffort ? 1 : 0, $0, &result) }
      }
    }
    guard status == 0, let code = result.code else {
      return Verdict(language: "und", percent: 0, reliable: false)
    }
    return Verdict(
      language: isoCode(String(cString: code)),
      percent: Int(result.percent),
      reliable: result.reliable != 0,
      normalizedScore: Int(result.normalized_score),
      textBytes: Int(result.text_bytes)
    )
  }

  /// CLD2's code as ISO 639: its legacy codes renamed, its script-only and test codes `und`.
  static func isoCode(_ cld2: String) -> String {
    switch cld2 {
    case "iw": return "he"
    case "jw": return "jv"
    case "zh-Hant": return "zh"
    case "sr-ME": return "sr"
    case "", "un", "xxx", "tlh": return "und"
    default:
      if cld2.hasPrefix("xx-") || cld2.hasPrefix("zz") { return "und" }
      return cld2
    }
  }
}
