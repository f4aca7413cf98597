import Foundation
import Testing

@testable import DataPrep

/// The recipe's `redact:` and `filter:` sections (issue 17): defaults, every key, the filter's
/// settings read by `dataprep filter --config`'s reader, bad values named by file and key, the
/// plan's round trip, and validate's `pii` check following redact.
@Suite struct BuildRecipeStagesTests {
  @Test func redactIsOnByDefaultForSecretsEmailsAndPhonesMasked() throws {
    let recipe = try BuildRecipe.parse(yaml: "sources: [docs]\n", path: "r.yaml")
    #expect(recipe.redact.enabled && recipe.redact.kinds == [.secret, .email, .phone] && recipe.redact.mode == .mask)
    #expect(recipe.redact.keyEnvironment == "DATAPREP_REDACT_KEY")
    #expect(!recipe.filter.enabled)
    let writer = JSONWriter()
    #expect(writer.string(of: recipe.settingsJSON["redact"] ?? .null)
      == #"{"enabled":true,"kinds":["email","phone","secret"],"mode":"mask","key_env":"DATAPREP_REDACT_KEY"}"#)
    #expect(writer.string(of: recipe.settingsJSON["filter"] ?? .null) == #"{"rules":[]}"#)
  }

  @Test func parsesEveryRedactKey() throws {
    let recipe = try BuildRecipe.parse(
      yaml: "redact:\n  kinds: [email, ip, card]\n  mode: pseudonym\n  key_env: MY_KEY\n", path: "r.yaml")
    #expect(recipe.redact.kinds == [.email, .ip, .card] && recipe.redact.mode == .pseudonym && recipe.redact.keyEnvironment == "MY_KEY")
    #expect(try BuildRecipe.parse(yaml: "redact: {kinds: all, mode: drop-record}", path: "r").redact.kinds == Set(PIIKind.allCases))
    #expect(try BuildRecipe.parse(yaml: "redact: {kinds: 'email, secret'}", path: "r").redact.kinds == [.email, .secret])
    let off = try BuildRecipe.parse(yaml: "redact: {enabled: false}", path: "r")
    #expect(!off.redact.enabled)
    #expect(JSONWriter().string(of: off.settingsJSON["redact"] ?? .null) == #"{"enabled":false}"#)
    #expect(try BuildRecipe.parse(yaml: "redact:\n", path: "r").redact == BuildRedactSettings())
  }

  @Test func badRedactValuesNameTheRecipeAndTheKey() {
    #expect(throws: BuildError.unknownRecipeKey(path: "r.yaml", key: "redact.kind", known: ["enabled", "kinds", "mode", "key_env", "keep"])) {
      try BuildRecipe.parse(yaml: "redact: {kind: [email]}", path: "r.yaml")
    }
    let kinds = "a list of email, ip, phone, card, iban, secret (or all); enabled: false turns redact off"
    #expect(throws: BuildError.badRecipeValue(path: "r.yaml", key: "redact.kinds", expected: kinds)) {
      try BuildRecipe.parse(yaml: "redact: {kinds: [email, ssn]}", path: "r.yaml")
    }
    #expect(throws: BuildError.badRecipeValue(path: "r.yaml", key: "redact.kinds", expected: kinds)) {
      try BuildRecipe.parse(yaml: "redact: {kinds: []}", path: "r.yaml")
    }
    #expect(throws: BuildError.badRecipeValue(path: "r.yaml", key: "redact.kinds", expected: "a list of strings")) {
      try BuildRecipe.parse(yaml: "redact: {kinds: [1]}", path: "r.yaml")
    }
    #expect(throws: BuildError.badRecipeValue(path: "r.yaml", key: "redact.mode", expected: "mask, pseudonym, drop-record")) {
      try BuildRecipe.parse(yaml: "redact: {mode: hash}", path: "r.yaml")
    }
    #expect(throws: BuildError.badRecipeValue(path: "r.yaml", key: "redact.enabled", expected: "true or false")) {
      try BuildRecipe.parse(yaml: "redact: {enabled: sometimes}", path: "r.yaml")
    }
    #expect(throws: BuildError.badRecipeValue(path: "r.yaml", key: "redact", expected: "a mapping of enabled, kinds, mode, key_env, keep")) {
      try BuildRecipe.parse(yaml: "redact: false", path: "r.yaml")
    }
    // The key itself pasted where its variable's name goes.
    #expect(
      throws: BuildError.badRecipeValue(
        path: "r.yaml", key: "redact.key_env", expected: "the name of an environment variable holding the key (letters, digits, _), never the key itself")
    ) {
      try BuildRecipe.parse(yaml: "redact: {mode: pseudonym, key_env: 's3cr3t key!'}", path: "r.yaml")
    }
  }

  @Test func pseudonymReadsItsKeyFromTheNamedVariable() throws {
    var settings = BuildRedactSettings()
    settings.mode = .pseudonym
    settings.keyEnvironment = "K"
    #expect(try settings.redactionMode(environment: ["K": "abc"]) == .pseudonym(key: Array("abc".utf8)))
    #expect(throws: BuildError.missingRedactKey(variable: "K")) { try settings.redactionMode(environment: [:]) }
    #expect(throws: BuildError.missingRedactKey(variable: "K")) { try settings.redactionMode(environment: ["K": ""]) }
    #expect(BuildError.missingRedactKey(variable: "K").localizedDescription.contains("environment variable K (the recipe's redact.key_env)"))
    settings.enabled = false
    #expect(try settings.redactionMode(environment: [:]) == nil)
  }

  @Test func theFilterSectionIsDecodedByTheFiltersOwnReader() throws {
    let yaml = """
      filter:
        rules: [gopher-quality, c4]
        gopher-quality: {min_words: 30, max_words: null}
        c4: {min_sentences: 2}
        languages: [en, de]
      """
    let recipe = try BuildRecipe.parse(yaml: "sources: [docs]\n" + yaml, path: "r.yaml")
    var config = QualityFilterOptions()
    try config.apply(yaml: yaml, path: "c.yaml")
    #expect(recipe.filter.options == config)
    #expect(recipe.filter.enabled && recipe.filter.options.rules == [.gopherQuality, .c4])
    #expect(recipe.filter.options.gopherQuality.minWords == 30 && recipe.filter.options.gopherQuality.maxWords == nil)
    #expect(recipe.filter.section.map(\.key) == ["c4", "gopher-quality", "languages", "rules"])
    // The presets, one line each.
    let web = try BuildRecipe.parse(yaml: "filter: {rules: [gopher-quality, gopher-repetition, c4, fineweb]}", path: "r")
    #expect(web.filter.options.rules == [.gopherQuality, .gopherRepetition, .c4, .fineweb])
    #expect(try BuildRecipe.parse(yaml: "filter: {rules: all}", path: "r").filter.options.rules == web.filter.options.rules)
    let english = try BuildRecipe.parse(yaml: "filter: {rules: [language], languages: [en]}", path: "r")
    #expect(english.filter.options.rules == [.language] && english.filter.options.language.languages == ["en"])
  }

  @Test func noRulesOrEnabledFalseLeaveTheFilterOff() throws {
    let writer = JSONWriter()
    let plain = try BuildRecipe.parse(yaml: "sources: [a]", path: "r")
    for yaml in ["filter: {rules: []}", "filter:", "filter: {enabled: false, rules: [c4]}", "filter: {languages: [en]}"] {
      let recipe = try BuildRecipe.parse(yaml: "sources: [a]\n" + yaml, path: "r")
      #expect(!recipe.filter.enabled, "\(yaml)")
      // The same settings as no section: an incremental build carries on.
      #expect(writer.string(of: recipe.settingsJSON) == writer.string(of: plain.settingsJSON), "\(yaml)")
    }
  }

  @Test func badFilterValuesNameTheRecipeAndTheKey() {
    #expect(throws: BuildError.badRecipeValue(path: "r.yaml", key: "filter.gopher-quality.min_words", expected: "a number (or null to turn the rule off)")) {
      try BuildRecipe.parse(yaml: "filter: {rules: [gopher-quality], gopher-quality: {min_words: many}}", path: "r.yaml")
    }
    #expect(
      throws: BuildError.badRecipeValue(
        path: "r.yaml", key: "filter.rules", expected: "a list of gopher-quality, gopher-repetition, c4, fineweb, language or all ('gopher' is none)")
    ) {
      try BuildRecipe.parse(yaml: "filter: {rules: [gopher]}", path: "r.yaml")
    }
    #expect(throws: BuildError.badRecipeValue(path: "r.yaml", key: "filter.rules", expected: "a list of rule sets")) {
      try BuildRecipe.parse(yaml: "filter: {rules: [1, 2]}", path: "r.yaml")
    }
    #expect(
      throws: BuildError.badRecipe(
        path: "r.yaml", reason: "unknown filter setting 'filter.c4.min_sentence' (see docs/filter.md for the names of each rule set's thresholds)")
    ) {
      try BuildRecipe.parse(yaml: "filter: {rules: [c4], c4: {min_sentence: 3}}", path: "r.yaml")
    }
    #expect(throws: BuildError.self) { try BuildRecipe.parse(yaml: "filter: {rulez: [c4]}", path: "r.yaml") }
    #expect(throws: BuildError.badRecipeValue(path: "r.yaml", key: "filter.language.min_score", expected: "a score between 0 and 1")) {
      try BuildRecipe.parse(yaml: "filter: {rules: [language], min_language_score: 2}", path: "r.yaml")
    }
    #expect(throws: BuildError.badRecipeValue(path: "r.yaml", key: "filter.enabled", expected: "true or false")) {
      try BuildRecipe.parse(yaml: "filter: {enabled: 1}", path: "r.yaml")
    }
    #expect(throws: BuildError.unknownRecipeKey(path: "r.yaml", key: "filter.annotate", known: BuildFilterSettings.keys)) {
      try BuildRecipe.parse(yaml: "filter: {rules: [c4], annotate: true}", path: "r.yaml")
    }
    #expect(throws: BuildError.self) { try BuildRecipe.parse(yaml: "filter: [c4]", path: "r.yaml") }
  }

  @Test func bothSectionsReadBackFromThePlanBitForBit() throws {
    let recipe = try BuildRecipe.parse(yaml: """
      sources: [docs]
      redact: {kinds: [email, iban], mode: pseudonym, key_env: ORG_KEY}
      filter:
        rules: [fineweb, language]
        fineweb: {max_short_line_ratio: 0.5, short_line_length: 40}
        languages: [en]
        min_language_score: 0.7
      """, path: "r.yaml")
    let again = try BuildRecipe(planJSON: try BuildPlanTests.roundTrip(recipe.planJSON), path: "plan.json")
    #expect(again == recipe)
    #expect(again.filter.options.fineweb.shortLineLength == 40 && again.filter.options.language.minScore == 0.7)
    // A damaged section is named.
    guard case .object(var object) = recipe.planJSON else { Issue.record("not an object"); return }
    object["filter"] = ["rules": ["c5"]]
    #expect(throws: BuildError.self) { try BuildRecipe(planJSON: .object(object), path: "plan.json") }
    object["filter"] = nil
    #expect(throws: BuildError.badPlan(path: "plan.json", reason: "'filter' is missing")) {
      try BuildRecipe(planJSON: .object(object), path: "plan.json")
    }
  }

  @Test func theStarterRecipeShowsBothSectionsWithTheDefaults() throws {
    let text = StarterRecipe.text()
    #expect(text.contains("redact:\n  kinds: [secret, email, phone]\n  mode: mask\n"))
    #expect(text.contains("filter:\n  rules: []\n"))
    #expect(text.contains("[gopher-quality,\n# gopher-repetition, c4, fineweb]"))
    let recipe = try BuildRecipe.parse(yaml: text, path: "dataprep.yaml")
    #expect(recipe.redact == BuildRedactSettings() && !recipe.filter.enabled)
  }
}

/// validate's `pii` check in a build follows redact: on for redact's kinds, so what survives is
/// reported; the recipe's validate section still decides.
@Suite struct BuildRecipePIITests {
  @Test func piiIsOnForRedactsKindsWhenRedactIsOn() throws {
    let plain = try BuildRecipe.parse(yaml: "sources: [docs]\n", path: "r.yaml")
    #expect(plain.validationOptions().isEnabled(.pii))
    #expect(plain.validationOptions().piiKinds == [.secret, .email, .phone])
    let ips = try BuildRecipe.parse(yaml: "sources: [docs]\nredact: {kinds: [ip]}\n", path: "r.yaml")
    #expect(ips.validationOptions().piiKinds == [.ip])
  }

  @Test func theValidateSectionWins() throws {
    let off = try BuildRecipe.parse(yaml: "sources: [docs]\nvalidate:\n  rules: {pii: off}\n", path: "r.yaml")
    #expect(!off.validationOptions().isEnabled(.pii))
    let error = try BuildRecipe.parse(yaml: "sources: [docs]\nvalidate:\n  rules: {pii: error}\n", path: "r.yaml")
    #expect(error.validationOptions().severity(of: .pii) == .error)
  }

  @Test func piiIsOffWithRedactUnlessTheRecipeTurnsItOn() throws {
    let plain = try BuildRecipe.parse(yaml: "sources: [docs]\nredact: {enabled: false}\n", path: "r.yaml")
    #expect(!plain.validationOptions().isEnabled(.pii))
    let on = try BuildRecipe.parse(yaml: "sources: [docs]\nredact: {enabled: false}\nvalidate:\n  rules: {pii: warning}\n", path: "r.yaml")
    #expect(on.validationOptions().isEnabled(.pii))
    #expect(on.validationOptions().piiKinds == Set(PIIKind.allCases))
  }
}
