import Testing

@testable import DataPrep

@Suite struct WeakAnswerProbeTests {
  /// A German line of terminal options: CLD2 alone reads the option names as English, weakly.
  static let germanOptions =
    "sane Dasselbe wie -ignbrk -brkint -ignpar -parmrk -inpck -istrip -inlcr -igncr -icrnl -ixon -ixoff -icanon -opost -isig -iuclc -ixany -imaxbel min 1 time 0"

  @Test func aWeakAnswerGoesToTheLanguageThatReadsBetterWithTheSameHint() {
    let prose = ProseSample(Self.germanOptions).bytes[...]
    let alone = CLD2Detector.detect(prose)
    #expect(alone.language == "en")
    #expect(WeakAnswerProbe.applies(to: alone), "\(alone)")
    // With a hint each, German reads better than English.
    #expect(CLD2Detector.detect(prose, hint: "de").normalizedScore > CLD2Detector.detect(prose, hint: "en").normalizedScore)
    #expect(WeakAnswerProbe.probe(alone, prose: prose).language == "de")
    #expect(LanguageIdentifier().identify(Self.germanOptions).language == "de")
  }

  @Test func ordinaryProseIsNotLookedAtAgain() {
    let english = "The server reads its configuration file at start-up and writes a warning to the log when an option is missing."
    let verdict = CLD2Detector.detect(ProseSample(english).bytes[...])
    #expect(verdict.language == "en")
    #expect(!WeakAnswerProbe.applies(to: verdict), "\(verdict)")
    #expect(!WeakAnswerProbe.applies(to: CLD2Detector.Verdict(language: "und", percent: 0, reliable: false)))
    #expect(WeakAnswerProbe.applies(to: CLD2Detector.Verdict(language: "id", percent: 99, reliable: true, normalizedScore: 244)))
  }

  @Test func aWeakAnswerThatStillReadsBestIsKept() {
    let weak = CLD2Detector.Verdict(language: "en", percent: 99, reliable: true, normalizedScore: 100)
    let prose = ProseSample("The file and the directory are both read when the service starts up again.").bytes[...]
    #expect(WeakAnswerProbe.probe(weak, prose: prose).language == "en")
  }

  @Test func closeRelativesAreLeftToCloseLanguages() {
    #expect(CloseLanguages.areClose("gl", "es"))
    #expect(CloseLanguages.areClose("no", "da"))
    #expect(!CloseLanguages.areClose("es", "it"))
    #expect(!CloseLanguages.areClose("en", "en-GB"))
    // The candidates: CLD2's common languages, in a fixed order, each once.
    #expect(WeakAnswerProbe.candidates == WeakAnswerProbe.candidates.sorted())
    #expect(Set(WeakAnswerProbe.candidates) == CloseLanguages.common)
  }
}
