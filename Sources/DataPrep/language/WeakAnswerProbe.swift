/// A second look at an answer the text reads poorly in: CLD2 names one language per chunk even
/// when no language fits well, and on a short paragraph with a few names in it the answer can be a
/// language the text barely resembles (a Spanish or Portuguese sentence answered Indonesian).
/// CLD2's normalized score (per 1,024 bytes) says how well the text reads in its answer: ordinary
/// prose scores 600 to 1,500, such answers 200 to 300.
///
/// When the score is below `weakScore`, each of CLD2's most used languages (`CloseLanguages.common`)
/// is tried as CLD2's content-language hint, and the hinted language that reads best, if it reads
/// better than the answer given the same hint, replaces it. The answer's own close relatives are left out: telling them
/// apart is `CloseLanguages`' work. Generic: nothing here knows a language or a site; it costs one
/// CLD2 call per common language on the few paragraphs with a weak answer.
enum WeakAnswerProbe {
  /// CLD2's normalized score below which an answer is looked at again.
  static let weakScore = 400

  /// The languages tried, in a fixed order (on equal scores the first wins).
  static let candidates: [String] = CloseLanguages.common.sorted()

  /// Whether `verdict` is weak enough to be looked at again.
  static func applies(to verdict: CLD2Detector.Verdict) -> Bool {
    verdict.language != "und" && verdict.normalizedScore < weakScore
  }

  /// The hinted verdict on `prose` that reads best, when it reads better than `verdict` hinted
  /// the same way (a hint raises the score of the language it names, so both sides get one);
  /// else `verdict`.
  static func probe(_ verdict: CLD2Detector.Verdict, prose: ArraySlice<UInt8>) -> CLD2Detector.Verdict {
    let own = CLD2Detector.detect(prose, hint: verdict.language)
    let bar = own.language == verdict.language ? max(own.normalizedScore, verdict.normalizedScore) : verdict.normalizedScore
    var best = verdict
    var bestScore = bar
    for candidate in candidates
    where candidate != verdict.language && !CloseLanguages.areClose(candidate, verdict.language) {
      let hinted = CLD2Detector.detect(prose, hint: candidate)
      if hinted.language == candidate && hinted.normalizedScore > bestScore {
        best = hinted
        bestScore = hinted.normalizedScore
      }
    }
    return best
  }
}
