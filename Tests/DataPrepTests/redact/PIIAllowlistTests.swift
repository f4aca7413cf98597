import Testing

@testable import DataPrep

/// `--keep` / `redact.keep` / `pii_keep`: values left as they are although of a redacted kind.
@Suite struct PIIAllowlistTests {
  @Test func aPatternMatchesTheWholeValueIgnoringCase() throws {
    let list = try PIIAllowlist(patterns: ["security@djangoproject.com", "*@python.org", "docs-*@*.example.org"])
    #expect(list.keeps("security@djangoproject.com"))
    #expect(list.keeps("Security@DjangoProject.com"))
    #expect(list.keeps("webmaster@python.org"))
    #expect(list.keeps("docs-team@lists.example.org"))
    // The whole value, not a part of it.
    #expect(!list.keeps("security@djangoproject.com.evil.net"))
    #expect(!list.keeps("webmaster@python.org.uk"))
    #expect(!list.keeps("docs@lists.example.org"))
    #expect(!list.keeps("ann@corp.com"))
    #expect(!PIIAllowlist().keeps("ann@corp.com"))
  }

  @Test func starsMatchAnyRunIncludingNone() throws {
    let list = try PIIAllowlist(patterns: ["a*b*c"])
    #expect(list.keeps("abc"))
    #expect(list.keeps("aXXbYYc"))
    #expect(list.keeps("abbbc"))
    #expect(!list.keeps("abca"))
    #expect(!list.keeps("acb"))
  }

  @Test func aPatternKeepingEverythingIsRefused() {
    #expect(throws: RedactError.badKeepPattern("*")) { try PIIAllowlist(patterns: ["ok@example.org", "*"]) }
    #expect(throws: RedactError.badKeepPattern("")) { try PIIAllowlist(patterns: [""]) }
    #expect(RedactError.badKeepPattern("**").errorDescription?.contains("leave it out of the kinds") == true)
  }

  @Test func theScannerAndTheRedactorLeaveKeptValuesAlone() throws {
    let keep = try PIIAllowlist(patterns: ["*@djangoproject.com"])
    let text = "Report it to security@djangoproject.com, not to ann@corp.com."
    #expect(PIIScanner(kinds: [.email], allowlist: keep).findings(in: text).count == 1)
    let redacted = try #require(TextRedactor(kinds: [.email], allowlist: keep).redact(text))
    #expect(redacted.text == "Report it to security@djangoproject.com, not to <EMAIL>.")
    #expect(redacted.kinds == [.email])
    // Nothing left to replace: no change at all.
    #expect(TextRedactor(kinds: [.email], allowlist: keep).redact("Mail security@djangoproject.com.") == nil)
  }

  @Test func validatesPIICheckHonoursItsKeepList() throws {
    var options = ValidationOptions()
    try options.apply(yaml: "pii_keep: ['*@djangoproject.com']\n", path: "dataprep.yaml")
    let lines = [PIICheckTests.record("Write to security@djangoproject.com."), PIICheckTests.record("Write to ann@corp.com.")]
    let found = try ValidationTestSupport.run(lines, options: options).findings.filter { $0.check == .pii }
    #expect(found.map(\.line) == [2])
    #expect(throws: ValidationConfigError.self) { try options.apply(yaml: "pii_keep: ['*']\n", path: "dataprep.yaml") }
  }

  @Test func theBuildRecipeReadsKeepAndRecordsIt() throws {
    let recipe = try BuildRecipe.parse(yaml: "redact:\n  keep: ['*@djangoproject.com']\n", path: "r.yaml")
    #expect(recipe.redact.keep.patterns == ["*@djangoproject.com"])
    #expect(JSONWriter().string(of: recipe.settingsJSON["redact"] ?? .null).contains(#""keep":["*@djangoproject.com"]"#))
    // Not recorded when empty, so recipes without it are unchanged.
    let plain = try BuildRecipe.parse(yaml: "redact:\n", path: "r")
    #expect(!JSONWriter().string(of: plain.settingsJSON["redact"] ?? .null).contains("keep"))
    var options = ValidationOptions()
    recipe.applyRedactToPIICheck(&options)
    #expect(options.piiAllowlist == recipe.redact.keep)
    #expect(throws: BuildError.self) { try BuildRecipe.parse(yaml: "redact: {keep: ['*']}", path: "r.yaml") }
    #expect(throws: BuildError.self) { try BuildRecipe.parse(yaml: "redact: {keep: 3}", path: "r.yaml") }
  }
}
