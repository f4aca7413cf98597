import DataPrepTestSupport
import Foundation
import Testing

@testable import DataPrep

/// What a build plan saves reads back to what was saved (issue 16): the recipe bit for bit,
/// the prepare step's parts of the result, the source listing and what changed in it.
@Suite struct BuildPlanTests {
  /// `value` written as JSON text and parsed back, as a step reads a file another step wrote.
  static func roundTrip(_ value: JSONValue) throws -> JSONValue {
    try JSONParser().parse(Array(JSONWriter().string(of: value).utf8))
  }

  @Test func aRecipeReadsBackFromItsPlanJSONBitForBit() throws {
    var recipe = try BuildRecipe.parse(
      yaml: "sources: [docs, notes.md]\nsplit:\n  ratio: 0.8,0.1,0.1\n  seed: 4294967297\n  group_by: metadata.site\ninstruct:\n  max_chars: 900\nvalidate:\n  max_errors: 7\n  max_tokens: 2000\n",
      path: "dataprep.yaml")
    #expect(recipe.tasks == nil)
    var again = try BuildRecipe(planJSON: try Self.roundTrip(recipe.planJSON), path: "plan.json")
    #expect(again == recipe)
    #expect(again.ratios.map(\.bitPattern) == recipe.ratios.map(\.bitPattern))
    #expect(again.validationOptions().maxFindingsPerCheck == 7 && again.maxTokens == 2000)
    // Shares that print long (1 - 0.9) and explicit tasks survive too.
    recipe = BuildRecipe()
    recipe.ratios = [0.9, 1 - 0.9]
    recipe.tasks = [.title, .summary]
    recipe.removeFurniture = false
    recipe.htmlContent = .wholePage
    again = try BuildRecipe(planJSON: try Self.roundTrip(recipe.planJSON), path: "plan.json")
    #expect(again == recipe)
    #expect(again.ratios[1].bitPattern == (1 - 0.9).bitPattern)
  }

  @Test func aDamagedRecipeNamesTheKey() throws {
    guard case .object(var object) = BuildRecipe().planJSON else { Issue.record("not an object"); return }
    object["format"] = "markdown-chat"
    #expect(throws: BuildError.badPlan(path: "plan.json", reason: "recipe 'format' must be an example format")) {
      try BuildRecipe(planJSON: .object(object), path: "plan.json")
    }
    object["format"] = nil
    #expect(throws: BuildError.badPlan(path: "plan.json", reason: "'format' is missing")) {
      try BuildRecipe(planJSON: .object(object), path: "plan.json")
    }
    #expect(throws: BuildError.badPlan(path: "plan.json", reason: "'recipe' is not a JSON object")) {
      try BuildRecipe(planJSON: .array([]), path: "plan.json")
    }
  }

  @Test func thePrepareStepsStateReadsBackEqual() throws {
    var result = BuildResult(recipe: BuildRecipe())
    result.sourceNames = ["docs", "notes.md"]
    result.sources = [SourceFile(path: "docs/a.html", bytes: 12, sha256: String(repeating: "ab", count: 32))]
    result.extraction.documents = 5
    result.extraction.inputs = 3
    result.extraction.done = 3
    result.extraction.files = 2
    result.extraction.skipped = 1
    result.extraction.ignored = 4
    result.extraction.bytesRead = 9000
    result.extraction.records = 2
    result.extraction.fieldMatches = [1, 0]
    result.extractionFailures = ["docs/b.bin: binary"]
    var furniture = SiteFurnitureFilter.Summary()
    furniture.documents = 5
    furniture.linesRemoved = 3
    furniture.topLines = [.init(text: "Home | About", documents: 5)]
    result.furniture = furniture
    result.documentDedup.recordsIn = 5
    result.documentDedup.nearDuplicates = 1
    result.documentDedup.recordsOut = 4
    result.documentDedup.clusters = 1
    result.duplicateSamples = [DuplicateSample(
      stage: "documents", kind: "near", similarity: 0.8333333333333334,
      kept: RecordSample(file: "documents", line: 1, id: "doc-1", text: "kept text"),
      removed: RecordSample(file: "documents", line: 4, id: nil, text: "removed \"text\"\n"))]
    var back = BuildResult(recipe: BuildRecipe())
    try BuildState.apply(try Self.roundTrip(BuildState.json(of: result)), to: &back, path: "marker")
    #expect(back.sourceNames == result.sourceNames)
    #expect(back.sources == result.sources)
    #expect(back.extraction == result.extraction)
    #expect(back.extractionFailures == result.extractionFailures)
    #expect(back.furniture == result.furniture)
    #expect(back.documentDedup == result.documentDedup)
    #expect(back.duplicateSamples == result.duplicateSamples)
    // Without the furniture filter the state says so.
    result.furniture = nil
    try BuildState.apply(try Self.roundTrip(BuildState.json(of: result)), to: &back, path: "marker")
    #expect(back.furniture == nil)
    #expect(throws: BuildError.badPlan(path: "marker", reason: "the saved state is not a JSON object")) {
      try BuildState.apply(.null, to: &back, path: "marker")
    }
  }

  @Test func theDedupClustersStepsStateReadsBackEqualAfterThePrepareSteps() throws {
    var result = BuildResult(recipe: BuildRecipe())
    result.documentDedup.recordsIn = 7
    result.documentDedup.partialCopies = 2
    result.documentDedup.recordsOut = 5
    result.documentDedup.clusters = 2
    result.duplicateSamples = [DuplicateSample(
      stage: "documents", kind: "partial", similarity: 0.6918604651162791,
      kept: RecordSample(file: "documents", line: 2, id: "doc-2", text: "kept"),
      removed: RecordSample(file: "documents", line: 6, id: "doc-6", text: "removed"))]
    // finish applies prepare's state (no dedup in a plan's prepare), then this one.
    var back = BuildResult(recipe: BuildRecipe())
    try BuildState.apply(try Self.roundTrip(BuildState.json(of: BuildResult(recipe: BuildRecipe()))), to: &back, path: "prepare")
    try BuildState.applyDocumentDedup(try Self.roundTrip(BuildState.documentDedupJSON(of: result)), to: &back, path: "clusters")
    #expect(back.documentDedup == result.documentDedup)
    #expect(back.duplicateSamples == result.duplicateSamples)
    #expect(throws: BuildError.badPlan(path: "clusters", reason: "the saved state is not a JSON object")) {
      try BuildState.applyDocumentDedup(.null, to: &back, path: "clusters")
    }
  }

  @Test func theSourceListingNamesWhatChanged() throws {
    let folder = try ScratchFolder()
    let docs = folder.path("docs")
    try folder.write("docs/a.md", "# A\n\nText.\n")
    try folder.write("docs/b.md", "# B\n\nText.\n")
    try folder.write("docs/logo.png", "png")
    let listing = try BuildSourceListing.make(sources: [docs])
    #expect(listing.inputs.map(\.path) == [docs + "/a.md", docs + "/b.md"])
    #expect(listing.files.map(\.path) == [docs + "/a.md", docs + "/b.md", docs + "/logo.png"])
    #expect(listing.ignored == 1)
    let stored = try Self.roundTrip(listing.json)
    #expect(try BuildSourceListing.make(sources: [docs]).difference(from: stored, path: "sources.json") == nil)
    try folder.write("docs/b.md", "# B\n\nOther text, longer.\n")
    let modified = try BuildSourceListing.make(sources: [docs]).difference(from: stored, path: "sources.json")
    #expect(modified == "\(docs)/b.md was modified (11 bytes then, 25 bytes now)", "\(modified ?? "nil")")
    try folder.write("docs/c.md", "# C\n")
    #expect(try BuildSourceListing.make(sources: [docs]).difference(from: stored, path: "sources.json") == "\(docs)/c.md was added")
    try FileManager.default.removeItem(atPath: docs + "/c.md")
    try FileManager.default.removeItem(atPath: docs + "/a.md")
    #expect(try BuildSourceListing.make(sources: [docs]).difference(from: stored, path: "sources.json") == "input \(docs)/a.md is now \(docs)/b.md")
    #expect(throws: BuildError.missingSource(path: docs + "/none")) { try BuildSourceListing.make(sources: [docs + "/none"]) }
  }

  @Test func aPlanOfAnotherVersionIsRefused() throws {
    let folder = try ScratchFolder()
    let plan = BuildPlan(pipeline: BuildPipeline(recipe: BuildRecipe(), output: "ds"), executor: .slurm, tasks: 2, folder: folder.path("p"), binary: "/bin/true")
    guard case .object(var object) = plan.json else { Issue.record("not an object"); return }
    object["version"] = "0.0.1"
    try folder.write("p/plan.json", JSONWriter().string(of: .object(object)))
    #expect(throws: BuildError.self) { try BuildPlan.read(folder: folder.path("p")) }
    do {
      _ = try BuildPlan.read(folder: folder.path("p"))
    } catch {
      #expect("\(error)".contains("written by dataprep 0.0.1"), "\(error)")
    }
    // The same plan, as written, reads back.
    try folder.write("p/plan.json", JSONWriter().string(of: plan.json))
    let read = try BuildPlan.read(folder: folder.path("p"))
    #expect(read.tasks == 2 && read.executor == .slurm && read.binary == "/bin/true" && read.folder == folder.path("p"))
    #expect(read.pipeline.recipe == plan.pipeline.recipe && read.pipeline.limits == plan.pipeline.limits)
  }
}
