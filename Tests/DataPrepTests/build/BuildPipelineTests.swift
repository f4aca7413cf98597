import Foundation
import Testing

@testable import DataPrep

@Suite struct BuildPipelineTests {
  @Test func writesAHuggingFaceFolderWithAManifest() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.writeDocuments(12, prefix: "alpha", seed: 1)
    let output = scratch.root + "/out/dataset"
    // Each example its own group, keyed by its messages, not by its document: a document's id
    // hashes its path, which holds the random scratch folder's name, so with one group per
    // document about one run in fourteen put all twelve on the train side (0.8^12) and left
    // validation empty. The messages are the same in every run.
    var recipe = testRecipe([scratch.sources])
    recipe.groupBy = "messages"
    let result = try BuildPipeline(recipe: recipe, output: output).run()

    let names = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
    #expect(names == ["README.md", "manifest.json", "report.html", "report.json", "train.jsonl", "validation.jsonl"])
    #expect(result.finalCounts.count == 2 && result.finalCounts.allSatisfy { $0 > 0 })
    #expect(try scratch.lines(output + "/train.jsonl").count == result.finalCounts[0])

    // The dataset card declares the config and its splits in its front matter.
    let card = try scratch.read(output + "/README.md")
    #expect(card.hasPrefix("---\nconfigs:\n- config_name: default\n  data_files:\n  - split: train\n    path: train.jsonl\n  - split: validation\n    path: validation.jsonl\n"))

    // The manifest: every source with its digest, every output with digest and records.
    let manifest = try #require(try JSONParser().parse(scratch.read(output + "/manifest.json")).objectValue)
    #expect(manifest["version"]?.stringValue == DataPrepVersion.current)
    let sources = try #require(manifest["sources"]?.arrayValue)
    #expect(sources.count == 12)
    for source in sources {
      // Named relative to the source folder given, never by a path of this machine.
      let path = try #require(source["path"]?.stringValue)
      #expect(path.hasPrefix("sources/"))
      #expect(source["sha256"]?.stringValue == (try FileDigest(path: scratch.root + "/" + path)).sha256)
    }
    let outputs = try #require(manifest["outputs"]?.arrayValue)
    #expect(outputs.compactMap { $0["path"]?.stringValue }.sorted() == ["README.md", "report.html", "report.json", "train.jsonl", "validation.jsonl"])
    for entry in outputs {
      let name = try #require(entry["path"]?.stringValue)
      let digest = try FileDigest(path: output + "/" + name)
      #expect(entry["sha256"]?.stringValue == digest.sha256)
      #expect(entry["bytes"]?.integerValue == Int64(digest.bytes))
      if name.hasSuffix(".jsonl") {
        #expect(entry["records"]?.integerValue == Int64(try scratch.lines(output + "/" + name).count))
      }
    }
    #expect(manifest["recipe"]?["split"]?["seed"]?.integerValue == 7)

    // No working folder is left next to the output.
    let siblings = try FileManager.default.contentsOfDirectory(atPath: scratch.root + "/out")
    #expect(siblings == ["dataset"])
  }

  @Test func testSplitWhenThreeRatios() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.writeDocuments(15, prefix: "gamma", seed: 3)
    let output = scratch.root + "/ds"
    let result = try BuildPipeline(recipe: testRecipe([scratch.sources], ratios: [0.6, 0.2, 0.2]), output: output).run()
    #expect(result.splitNames == ["train", "validation", "test"])
    #expect(FileManager.default.fileExists(atPath: output + "/test.jsonl"))
    #expect(try scratch.read(output + "/README.md").contains("  - split: test\n    path: test.jsonl\n"))
  }

  @Test func sameInputsGiveByteIdenticalFoldersWhateverTheJobs() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.writeDocuments(10, prefix: "beta", seed: 2)
    try scratch.write("copy.md", try scratch.read(scratch.sources + "/beta-3.md"))
    let recipe = testRecipe([scratch.sources])
    let one = scratch.root + "/one"
    let four = scratch.root + "/four"
    _ = try BuildPipeline(recipe: recipe, output: one, jobs: 1).run()
    _ = try BuildPipeline(recipe: recipe, output: four, jobs: 4).run()
    for name in ["train.jsonl", "validation.jsonl", "README.md", "report.json", "report.html", "manifest.json"] {
      let a = try Data(contentsOf: URL(fileURLWithPath: one + "/" + name))
      let b = try Data(contentsOf: URL(fileURLWithPath: four + "/" + name))
      #expect(a == b, "\(name) differs between --jobs 1 and --jobs 4")
    }
  }

  @Test func rerunningWithOneMoreSourceMovesNoExistingExample() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.writeDocuments(14, prefix: "first", seed: 4)
    let output = scratch.root + "/ds"
    let recipe = testRecipe([scratch.sources])
    let before = try BuildPipeline(recipe: recipe, output: output).run()
    let oldTrainLines = try scratch.lines(output + "/train.jsonl")
    let oldTrain = Set(oldTrainLines)
    let oldValidation = Set(try scratch.lines(output + "/validation.jsonl"))

    // A new source: fresh documents, and one copying an old document under a new name.
    let extra = scratch.root + "/extra"
    try FileManager.default.createDirectory(atPath: extra, withIntermediateDirectories: true)
    let more = try BuildScratch()
    defer { more.remove() }
    try more.writeDocuments(6, prefix: "second", seed: 5)
    for name in try FileManager.default.contentsOfDirectory(atPath: more.sources) {
      try FileManager.default.copyItem(atPath: more.sources + "/" + name, toPath: extra + "/" + name)
    }
    try FileManager.default.copyItem(atPath: scratch.sources + "/first-2.md", toPath: extra + "/copy-of-first-2.md")

    var grown = recipe
    grown.sources = [scratch.sources, extra]
    let after = try BuildPipeline(recipe: grown, output: output).run()
    #expect(after.incremental)
    let newTrain = try scratch.lines(output + "/train.jsonl")
    let newValidation = try scratch.lines(output + "/validation.jsonl")
    #expect(oldTrain.isSubset(of: Set(newTrain)))
    #expect(oldValidation.isSubset(of: Set(newValidation)))
    #expect(Set(newTrain).isDisjoint(with: oldValidation))
    #expect(Set(newValidation).isDisjoint(with: oldTrain))
    // The existing examples come first, in their old order.
    #expect(Array(newTrain.prefix(oldTrainLines.count)) == oldTrainLines)
    #expect(after.previousCounts == before.finalCounts)
    #expect(after.addedCounts.reduce(0, +) > 0)
    #expect(after.alreadyPresent == before.finalCounts.reduce(0, +))
    #expect(newTrain.count + newValidation.count == before.finalCounts.reduce(0, +) + after.addedCounts.reduce(0, +))
    // The copied document added nothing: its examples are exact copies of existing ones.
    let report = try scratch.read(output + "/report.json")
    #expect(report.contains("\"already_present\":\(after.alreadyPresent)"))
  }

  @Test func refusesAFolderThatIsNotItsBuild() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.writeDocuments(8, prefix: "delta", seed: 6)
    let output = scratch.root + "/ds"
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    try Data("keep me".utf8).write(to: URL(fileURLWithPath: output + "/notes.txt"))
    #expect(throws: BuildError.self) { try BuildPipeline(recipe: testRecipe([scratch.sources]), output: output).run() }
    #expect(try scratch.read(output + "/notes.txt") == "keep me")
    // --force rebuilds from scratch.
    _ = try BuildPipeline(recipe: testRecipe([scratch.sources]), output: output, force: true).run()
    #expect(!FileManager.default.fileExists(atPath: output + "/notes.txt"))
    #expect(FileManager.default.fileExists(atPath: output + "/train.jsonl"))
  }

  @Test func refusesOtherSettingsAndEditedOutputs() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.writeDocuments(8, prefix: "eps", seed: 8)
    let output = scratch.root + "/ds"
    _ = try BuildPipeline(recipe: testRecipe([scratch.sources]), output: output).run()
    var other = testRecipe([scratch.sources])
    other.seed = 99
    do {
      _ = try BuildPipeline(recipe: other, output: output).run()
      Issue.record("a different seed was accepted")
    } catch let error as BuildError {
      #expect(error.localizedDescription.contains("split"))
    }
    let train = output + "/train.jsonl"
    try Data((try scratch.read(train) + "{\"text\":\"sneaked in\"}\n").utf8).write(to: URL(fileURLWithPath: train))
    #expect(throws: BuildError.previousOutputChanged(path: train)) {
      try BuildPipeline(recipe: testRecipe([scratch.sources]), output: output).run()
    }
  }

  @Test func anEditedSourceRefusesTheIncrementalBuildAndLeavesTheFolder() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.writeDocuments(8, prefix: "zeta", seed: 9)
    let output = scratch.root + "/ds"
    _ = try BuildPipeline(recipe: testRecipe([scratch.sources]), output: output).run()
    let train = try scratch.read(output + "/train.jsonl")
    let edited = scratch.sources + "/zeta-3.md"
    try Data((try scratch.read(edited) + "\nOne more sentence, added after the first build, changes this page.\n").utf8)
      .write(to: URL(fileURLWithPath: edited))
    do {
      _ = try BuildPipeline(recipe: testRecipe([scratch.sources]), output: output).run()
      Issue.record("an edited source was built incrementally")
    } catch let error as BuildError {
      guard case .sourcesEditedSinceBuild(let path, let changed) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(path == output)
      #expect(changed.count == 1)
      #expect(changed.first?.hasSuffix("zeta-3.md") == true, "\(changed)")
      #expect(error.localizedDescription.contains("force"))
    }
    // Nothing was written; --force rebuilds with the edit.
    #expect(try scratch.read(output + "/train.jsonl") == train)
    let rebuilt = try BuildPipeline(recipe: testRecipe([scratch.sources]), output: output, force: true).run()
    #expect(!rebuilt.incremental)
  }

  @Test func badSourcesAreNamed() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    #expect(throws: BuildError.noSources) { try BuildPipeline(recipe: testRecipe([]), output: scratch.root + "/ds").run() }
    #expect(throws: BuildError.missingSource(path: scratch.root + "/nope")) {
      try BuildPipeline(recipe: testRecipe([scratch.root + "/nope"]), output: scratch.root + "/ds").run()
    }
  }

  @Test func refusesAnOutputInsideTheSources() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.writeDocuments(3, prefix: "eta", seed: 10)
    let inside = scratch.sources + "/dataset"
    #expect(throws: BuildError.outputInsideSources(output: inside, source: scratch.sources)) {
      try BuildPipeline(recipe: testRecipe([scratch.sources]), output: inside).run()
    }
    #expect(!FileManager.default.fileExists(atPath: inside))
  }

  @Test func eventsComeOncePerStageInOrder() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.writeDocuments(6, prefix: "zeta", seed: 9)
    var stages: [BuildStage] = []
    _ = try BuildPipeline(recipe: testRecipe([scratch.sources]), output: scratch.root + "/ds").run { event in
      stages.append(event.stage)
      #expect(event.total == BuildStage.allCases.count)
      #expect(event.json["event"]?.stringValue == "stage")
    }
    #expect(stages == BuildStage.allCases)
  }
}

