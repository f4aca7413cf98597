import DataPrepTestSupport
import Foundation
import Testing

@testable import DataPrep

/// The build's redact and filter stages (issue 17): applied to each extracted document, counted
/// in the card, the report and the progress events; off, they leave the build as it was; as
/// shards of a plan's extract step, they give the one process's documents and counts.
@Suite struct BuildStagesTests {
  static let email = "jane.doe@corp-mail.example.org"
  static let phone = "+44 20 7946 0958"
  static let accessKey = "AKIAIOSFODNN7EXAMPLE"
  static let secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

  /// A runbook holding an email, a phone number and an AWS key pair, among generated notes.
  static func scratchWithPrivateData() throws -> BuildScratch {
    let scratch = try BuildScratch()
    try scratch.writeDocuments(8, prefix: "notes", seed: 5)
    try scratch.write("runbook.md", """
      # Deploying the billing service

      The billing service is deployed by the platform team. When a deploy fails, write to \(email) \
      or call the on-call phone at \(phone) and describe what you saw in the logs.

      ## Which credentials does the deploy job use?

      The deploy job reads its credentials from the environment of the runner. Set \
      AWS_ACCESS_KEY_ID=\(accessKey) and AWS_SECRET_ACCESS_KEY=\(secretKey) in the runner's \
      settings, then start the job again from the pipeline page of the repository.

      """)
    return scratch
  }

  /// Both splits' text.
  static func splits(_ output: String) throws -> String {
    try ["train", "validation"].map { try String(contentsOfFile: "\(output)/\($0).jsonl", encoding: .utf8) }.joined()
  }

  @Test func redactMasksEmailsPhonesAndSecretsBeforeAnyExampleIsMade() throws {
    let scratch = try Self.scratchWithPrivateData()
    defer { scratch.remove() }
    let output = scratch.root + "/ds"
    var stages: [BuildStage: BuildEvent] = [:]
    let result = try BuildPipeline(recipe: testRecipe([scratch.sources]), output: output).run { stages[$0.stage] = $0 }
    let text = try Self.splits(output)
    for value in [Self.email, Self.phone, Self.accessKey, Self.secretKey] { #expect(!text.contains(value), "\(value)") }
    #expect(text.contains("<EMAIL>") && text.contains("<SECRET>") && text.contains("<PHONE>"))
    let redaction = try #require(result.redaction)
    #expect(redaction.counts == [.email: 1, .phone: 1, .secret: 2])
    #expect(redaction.records == 9 && redaction.changed == 1 && redaction.dropped == 0)
    #expect(result.filtering == nil)
    // Counted in the progress event, the card and the report.
    #expect(stages[.redact]?.message == "redact: 1 of 9 documents changed; email 1, phone 1, secret 2")
    #expect(stages[.filter]?.message == "filter: off")
    let card = try scratch.read(output + "/README.md")
    #expect(card.contains("| redact | 4 replaced (email 1, phone 1, secret 2); 1 document changed (mask) |\n| filter | off |"))
    let report = try #require(try JSONParser().parse(scratch.read(output + "/report.json"))["stages"])
    #expect(JSONWriter().string(of: report["redact"] ?? .null)
      == #"{"documents":9,"changed":1,"dropped":0,"replacements":{"email":1,"phone":1,"secret":2}}"#)
    #expect(report["filter"] == nil)
    #expect(try scratch.read(output + "/report.html").contains("redactions"))
    // Nothing survived, so validate's pii check (on for redact's kinds) found nothing.
    #expect(!result.validation.findings.contains { $0.check == .pii })
  }

  @Test func dropRecordLeavesTheDocumentOutAndCountsIt() throws {
    let scratch = try Self.scratchWithPrivateData()
    defer { scratch.remove() }
    var recipe = testRecipe([scratch.sources])
    recipe.redact.mode = .dropRecord
    let result = try BuildPipeline(recipe: recipe, output: scratch.root + "/ds").run()
    #expect(result.redaction?.dropped == 1 && result.redaction?.changed == 0)
    #expect(result.documentDedup.recordsIn == 8)
    let text = try Self.splits(scratch.root + "/ds")
    #expect(!text.contains("billing service") && !text.contains("<EMAIL>"))
    #expect(try scratch.read(scratch.root + "/ds/README.md").contains("| redact | 4 replaced (email 1, phone 1, secret 2); 1 document dropped (drop-record) |"))
  }

  @Test func pseudonymWithoutItsKeyStopsBeforeAnyWork() throws {
    let scratch = try Self.scratchWithPrivateData()
    defer { scratch.remove() }
    var recipe = testRecipe([scratch.sources])
    recipe.redact.mode = .pseudonym
    recipe.redact.keyEnvironment = "DATAPREP_TEST_KEY_THAT_IS_NEVER_SET"
    #expect(throws: BuildError.missingRedactKey(variable: "DATAPREP_TEST_KEY_THAT_IS_NEVER_SET")) {
      try BuildPipeline(recipe: recipe, output: scratch.root + "/ds").run()
    }
    #expect(!FileManager.default.fileExists(atPath: scratch.root + "/ds"))
  }

  /// Redact runs on the documents; a value that still reaches an example (one written past the
  /// build, or found only in an example's context) is what build's validate reports, for the
  /// kinds redact covers: a secret as an error, an IP (not redacted by default) not at all.
  @Test func aSecretThatSurvivesIsReportedByBuildsValidate() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    let record = #"{"messages":[{"role":"user","content":"Which key does the job use?"},"#
      + #"{"role":"assistant","content":"It uses \#(Self.accessKey) from the server at 93.184.216.34."}]}"#
    let path = try scratch.write("train.jsonl", record + "\n")
    let recipe = testRecipe([scratch.sources])
    let validator = DatasetValidator(options: recipe.validationOptions(), schemaLookup: { FormatSchemas.schema(for: $0) })
    try validator.validate(path: path, role: .training)
    let pii = validator.finish().findings.filter { $0.check == .pii }
    #expect(pii.count == 1)
    #expect(pii.first?.severity == .error && pii.first?.message.contains("1 secret") == true)
    #expect(pii.first?.message.contains("ip") == false && pii.first?.message.contains(Self.accessKey) == false)
  }

  @Test func aFilterPresetDropsALowQualityDocumentAndCountsItPerRule() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.writeDocuments(8, prefix: "notes", seed: 9)
    try scratch.write("menu.md", "Home\n\nProducts\n\nPricing\n\nAbout us\n\nContact\n\nLog in\n")
    let output = scratch.root + "/ds"
    let recipe = try BuildRecipe.parse(yaml: "filter: {rules: [gopher-quality, fineweb]}", path: "r.yaml")
    var withSources = recipe
    withSources.sources = [scratch.sources]
    withSources.ratios = [0.8, 0.2]
    withSources.seed = 7
    var stages: [BuildStage: BuildEvent] = [:]
    let result = try BuildPipeline(recipe: withSources, output: output).run { stages[$0.stage] = $0 }
    let filtering = try #require(result.filtering)
    #expect(filtering.records == 9 && filtering.passed == 8 && filtering.failed == 1)
    #expect(filtering.failuresByRuleSet[.gopherQuality] == 1)
    #expect(filtering.samples.map(\.path) == ["sources/menu.md"] + (filtering.failuresByRuleSet[.fineweb] == 1 ? ["sources/menu.md"] : []))
    #expect(result.documentDedup.recordsIn == 8)
    #expect(!(try Self.splits(output)).contains("Pricing"))
    let fineweb = filtering.failuresByRuleSet[.fineweb] ?? 0
    #expect(stages[.filter]?.message == "filter: 9 documents, 8 kept, 1 dropped (gopher-quality 1, fineweb \(fineweb))")
    #expect(try scratch.read(output + "/README.md").contains("| filter | 8 kept, 1 dropped (gopher-quality 1, fineweb \(fineweb)) |"))
    let report = try #require(try JSONParser().parse(scratch.read(output + "/report.json"))["stages"]?["filter"])
    #expect(report["records"]?.integerValue == 9 && report["passed"]?.integerValue == 8 && report["failed"]?.integerValue == 1)
    #expect(report["rules"]?["gopher-quality"]?["failed"]?.integerValue == 1)
    let sample = try #require(report["samples"]?.arrayValue?.first)
    #expect(sample["file"]?.stringValue == "sources/menu.md" && sample["line"]?.integerValue == 1)
    #expect(try scratch.read(output + "/report.html").contains("<code>sources/menu.md</code> document 1: gopher-quality"))
  }

  @Test func redactOffAndNoRulesLeaveTheBuildAsBefore() throws {
    let scratch = try Self.scratchWithPrivateData()
    defer { scratch.remove() }
    var off = testRecipe([scratch.sources])
    off.redact.enabled = false
    var noRules = off
    noRules.filter = try BuildRecipe.parse(yaml: "filter: {rules: []}", path: "r").filter
    let a = try BuildPipeline(recipe: off, output: scratch.root + "/a").run()
    _ = try BuildPipeline(recipe: noRules, output: scratch.root + "/b").run()
    #expect(a.redaction == nil && a.filtering == nil)
    for name in ["train.jsonl", "validation.jsonl", "README.md", "report.json", "report.html", "manifest.json"] {
      #expect(try scratch.read(scratch.root + "/a/" + name) == (try scratch.read(scratch.root + "/b/" + name)), "\(name)")
    }
    // The documents reach instruct as extracted: the values are in the examples, and the
    // report has no redact or filter stage (validate's pii check is off with redact).
    #expect(try Self.splits(scratch.root + "/a").contains(Self.email))
    let report = try #require(try JSONParser().parse(scratch.read(scratch.root + "/a/report.json"))["stages"])
    #expect(report["redact"] == nil && report["filter"] == nil)
    #expect(!a.validation.findings.contains { $0.check == .pii })
    #expect(try scratch.read(scratch.root + "/a/README.md").contains("| redact | off |\n| filter | off |"))
  }

  /// The extract step as 1, 2, 4 and 7 shards, joined by the prepare step: the documents, the
  /// redact counts and the filter's counts and samples are the one process's.
  @Test(arguments: [2, 4, 7])
  func shardedExtractGivesTheOneProcesssDocumentsAndCounts(count: Int) throws {
    let scratch = try Self.scratchWithPrivateData()
    defer { scratch.remove() }
    try scratch.write("menu.md", "Home\n\nProducts\n\nPricing\n\nAbout us\n\nContact\n\nLog in\n")
    try scratch.write("menu2.md", "Blog\n\nCareers\n\nPress\n\nTerms\n")
    var recipe = try BuildRecipe.parse(yaml: "filter: {rules: [gopher-quality, c4]}", path: "r.yaml")
    recipe.sources = [scratch.sources]
    let pipeline = BuildPipeline(recipe: recipe, output: scratch.root + "/ds")
    let listing = try BuildSourceListing.make(sources: recipe.sources)
    func prepared(_ shards: Int, _ name: String) throws -> (BuildResult, String) {
      let folder = scratch.root + "/\(name)/extract"
      for index in 0..<shards {
        _ = try pipeline.extractShard(
          try Shard(index: index, count: shards), listing: listing, folder: folder, fingerprint: "test", force: true)
      }
      var result = BuildResult(recipe: recipe)
      let files = BuildPipeline.Workspace(work: scratch.root + "/\(name)", out: scratch.root + "/\(name)/out")
      let (_, input) = try pipeline.prepareDocuments(
        listing: listing, parts: try ShardPartsMerger(paths: [folder]), files: files, dedup: false, into: &result)
      return (result, try scratch.read(input))
    }
    let (one, oneDocuments) = try prepared(1, "one")
    let (many, manyDocuments) = try prepared(count, "many")
    #expect(manyDocuments == oneDocuments)
    #expect(many.redaction == one.redaction && many.filtering == one.filtering)
    #expect(one.redaction?.counts == [.email: 1, .phone: 1, .secret: 2])
    #expect((one.filtering?.failed ?? 0) >= 2 && one.filtering?.samples.isEmpty == false)
    #expect(!oneDocuments.contains(Self.email) && !oneDocuments.contains("Pricing"))
  }
}
