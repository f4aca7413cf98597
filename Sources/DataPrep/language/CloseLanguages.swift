/// CLD2's close sets (languages its tables barely tell apart: Galician, Spanish and Portuguese;
/// Bosnian, Croatian and Serbian; ...) and the prior that goes with them: a language outside
/// CLD2's 40 most used languages (its "top 40", from CLD2's own source) is answered only when the
/// text reads better as that language than as its common relative.
///
/// CLD2 names one language per chunk, and in a close set one word it lists as distinctive (the
/// Spanish "desde" is a Galician word to CLD2's small table) can tip a one-chunk paragraph to the
/// rare relative. CLD2 already merges an unreliable rare language into its closest common one, but
/// only between chunks. So when CLD2 answers a rare member of a close set, each common member is
/// tried as CLD2's content-language hint (a prior for it, which suppresses the rest of the set),
/// and if the hinted answer's normalized score is at least the rare answer's, the common language
/// wins. Real Galician keeps its answer: hinted Spanish scores about half as well on it.
enum CloseLanguages {
  /// CLD2's close sets (`LanguageCloseSet`), by ISO code.
  static let sets: [[String]] = [
    ["da", "no", "nn"], ["es", "pt", "gl"], ["cs", "sk"], ["hr", "sr", "bs"], ["hi", "mr", "ne", "bh"],
    ["id", "ms"], ["xh", "zu"], ["bo", "dz"], ["rw", "rn"],
  ]

  /// CLD2's top 40 languages (tiers 0 to 2 in its source; Serbo-Croatian standing for Croatian and Serbian).
  static let common: Set<String> = [
    "en", "fr", "it", "de", "es", "nl", "zh", "ja", "ko", "pt", "ru", "pl", "tr", "th", "ar", "sv", "fi",
    "da", "ro", "hu", "he", "id", "cs", "el", "no", "vi", "bg", "hr", "lt", "sk", "tl", "sl", "sr", "ca",
    "lv", "uk", "hi",
  ]

  /// Whether `a` and `b` are in one of CLD2's close sets.
  static func areClose(_ a: String, _ b: String) -> Bool {
    sets.contains { $0.contains(a) && $0.contains(b) }
  }

  /// The common relatives to try for `language`: none when it is common or in no close set.
  static func commonRelatives(of language: String) -> [String] {
    guard !common.contains(language), let set = sets.first(where: { $0.contains(language) }) else { return [] }
    return set.filter { common.contains($0) }
  }

  /// The rare members of `language`'s close set that have function-word lists against it
  /// (`FunctionWordVote`): none when it is rare itself or in no close set.
  static func rareRelatives(of language: String) -> [String] {
    guard common.contains(language), let set = sets.first(where: { $0.contains(language) }) else { return [] }
    return set.filter { !common.contains($0) && FunctionWordVote.canVote(language, $0) }
  }

  /// The verdict on `prose` once a close-set answer has been weighed against its relatives.
  ///
  /// A rare answer (Galician) goes to a common relative whose function words the prose clearly
  /// uses (`FunctionWordVote`), and stays when its own function words clearly win; when the words
  /// do not decide, the best hinted relative scoring at least as well takes it. A common answer
  /// (Spanish, Portuguese) goes to a rare relative only when the function words clearly say so.
  static func resolve(_ verdict: CLD2Detector.Verdict, prose: ArraySlice<UInt8>) -> CLD2Detector.Verdict {
    for rare in rareRelatives(of: verdict.language)
    where FunctionWordVote.winner(verdict.language, rare, prose: prose) == rare {
      let hinted = CLD2Detector.detect(prose, hint: rare)
      return hinted.language == rare ? hinted : CLD2Detector.Verdict(
        language: rare, percent: verdict.percent, reliable: verdict.reliable,
        normalizedScore: verdict.normalizedScore, textBytes: verdict.textBytes)
    }
    var byWords: CLD2Detector.Verdict? = nil
    var byScore: CLD2Detector.Verdict? = nil
    for relative in commonRelatives(of: verdict.language) {
      let words = FunctionWordVote.winner(relative, verdict.language, prose: prose)
      if words == verdict.language { continue }
      let hinted = CLD2Detector.detect(prose, hint: relative)
      guard hinted.language == relative else { continue }
      if words == relative {
        // The first relative the words choose, in CLD2's set order.
        if byWords == nil { byWords = hinted }
        continue
      }
      guard hinted.normalizedScore >= verdict.normalizedScore else { continue }
      // The best-scoring relative; on a tie the first in CLD2's set order.
      if byScore.map({ hinted.normalizedScore > $0.normalizedScore }) ?? true { byScore = hinted }
    }
    return byWords ?? byScore ?? verdict
  }
}
