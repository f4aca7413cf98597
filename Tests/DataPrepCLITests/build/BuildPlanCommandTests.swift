import DataPrepTestSupport
import Foundation
import Testing
import Yams

/// `dataprep build --executor slurm|kubernetes` (issue 16): the plan folder's scripts and
/// manifests, the steps' checks, and (LongTests) the steps run as local processes the way the
/// schedulers run them give the local build's bytes.
@Suite struct BuildPlanCommandTests {
  /// A scratch folder holding `samples/` and a generated `notes/` folder of documents.
  static func scratch() throws -> BuildScratch {
    let scratch = try BuildScratch()
    try FileManager.default.copyItem(atPath: SharedData.packageRoot.appendingPathComponent("samples").path, toPath: scratch.root + "/samples")
    try scratch.writeDocuments(9, prefix: "notes", seed: 16)
    try FileManager.default.moveItem(atPath: scratch.sources, toPath: scratch.root + "/notes")
    return scratch
  }

  static func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

  /// The steps' file stems, in run order, and whether each is a job array.
  static let steps: [(stem: String, sharded: Bool)] = [
    ("01-extract", true), ("02-prepare", false), ("03-dedup-signatures", true), ("04-dedup-candidates", true),
    ("05-dedup-clusters", false), ("06-dedup-filter", true), ("07-instruct", true), ("08-examples", false),
    ("09-example-dedup-signatures", true), ("10-example-dedup-candidates", true), ("11-example-dedup-clusters", false),
    ("12-example-dedup-filter", true), ("13-finish", false),
  ]
  static var stems: [String] { steps.map(\.stem) }

  /// `#SBATCH` options of a script, by name (`--array` → `0-3`).
  static func sbatchOptions(_ script: String) -> [String: String] {
    var options: [String: String] = [:]
    for line in script.split(separator: "\n") where line.hasPrefix("#SBATCH ") {
      let option = line.dropFirst("#SBATCH ".count)
      let parts = option.split(separator: "=", maxSplits: 1)
      options[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
    }
    return options
  }

  @Test func theSlurmPlanHasAnArrayPerShardedStepChainedByAfterok() throws {
    guard CommandRunner.isAvailable() else { return }
    let scratch = try Self.scratch()
    defer { scratch.remove() }
    let run = try CommandRunner.run(
      ["build", "samples", "notes", "-o", "ds", "--executor", "slurm", "--task-count", "4", "--jobs", "3", "--sbatch-option", "--partition=cpu"],
      directory: scratch.root)
    #expect(run.status == 0, "\(run.stderr)")
    let plan = scratch.root + "/ds.plan"
    for (name, sharded) in Self.steps {
      let options = Self.sbatchOptions(try Self.text(plan + "/\(name).sbatch"))
      #expect(options["--array"] == (sharded ? "0-3" : nil), "\(name)")
      #expect(options["--cpus-per-task"] == "3")
      #expect(options["--partition"] == "cpu")
      #expect(options["--output"] == plan + (sharded ? "/logs/%x-%A_%a.out" : "/logs/%x-%j.out"), "\(name)")
      let last = try Self.text(plan + "/\(name).sbatch").split(separator: "\n").last.map(String.init) ?? ""
      #expect(last.hasSuffix(" build --plan \(plan) --step \(name.dropFirst(3)) --jobs 3"), "\(last)")
    }
    // submit.sh: one sbatch per step in order, each after the previous job.
    let submit = try Self.text(plan + "/submit.sh")
    let sbatch = submit.split(separator: "\n").filter { $0.contains("sbatch --parsable") }
    #expect(sbatch.count == Self.steps.count)
    for (line, name) in zip(sbatch, Self.stems) {
      #expect(line.contains("${previous:+--dependency=afterok:$previous}") && line.hasSuffix("\(plan)/\(name).sbatch)"), "\(line)")
    }
    #expect(FileManager.default.isExecutableFile(atPath: plan + "/submit.sh"))
    // What the chained submission does, with a stand-in sbatch that prints job ids.
    let bin = scratch.root + "/bin"
    try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
    try Data("#!/bin/sh\necho \"$*\" >> \(scratch.root)/sbatch.log\nn=$(wc -l < \(scratch.root)/sbatch.log)\necho \"$((100 + n));cluster\"\n".utf8)
      .write(to: URL(fileURLWithPath: bin + "/sbatch"))
    chmod(bin + "/sbatch", 0o755)
    let submitted = try CommandRunner.run(
      [plan + "/submit.sh"], environment: ["PATH": bin + ":/usr/bin:/bin"], executable: URL(fileURLWithPath: "/bin/sh"))
    func ids(from first: Int) -> String {
      Self.stems.enumerated().map { "\($1.dropFirst(3)): \(first + $0)\n" }.joined()
    }
    #expect(submitted.stdout == ids(from: 101), "\(submitted.stderr)")
    let log = try Self.text(scratch.root + "/sbatch.log").split(separator: "\n").map(String.init)
    #expect(log == Self.stems.enumerated().map { index, stem in
      "--parsable " + (index == 0 ? "" : "--dependency=afterok:\(100 + index) ") + "\(plan)/\(stem).sbatch"
    })
    // --submit writes the plan and runs submit.sh; a failing sbatch fails the command.
    let submittedByFlag = try CommandRunner.run(
      ["build", "samples", "notes", "-o", "ds", "--executor", "slurm", "--task-count", "4", "--jobs", "3", "--sbatch-option", "--partition=cpu", "--submit"],
      environment: ["PATH": bin + ":/usr/bin:/bin"], directory: scratch.root)
    #expect(submittedByFlag.status == 0 && submittedByFlag.stdout == ids(from: 101 + Self.steps.count), "\(submittedByFlag.stderr)")
    try Data("#!/bin/sh\necho 'sbatch: error: invalid partition' >&2\nexit 1\n".utf8).write(to: URL(fileURLWithPath: bin + "/sbatch"))
    let refused = try CommandRunner.run(
      ["build", "samples", "notes", "-o", "ds", "--executor", "slurm", "--task-count", "4", "--submit", "--quiet"],
      environment: ["PATH": bin + ":/usr/bin:/bin"], directory: scratch.root)
    #expect(refused.status == 2 && refused.stderr.contains("submit.sh failed"), "\(refused.stderr)")
    let json = try Self.text(plan + "/plan.json")
    #expect(json.contains("\"tasks\":4") && json.contains("\"binary\":\"\(CommandRunner.binary?.path ?? "")\""), "\(json)")
  }

  @Test func theKubernetesPlanHasAnIndexedJobPerStepAppliedInOrder() throws {
    guard CommandRunner.isAvailable() else { return }
    let scratch = try Self.scratch()
    defer { scratch.remove() }
    let arguments = [
      "build", "samples", "-o", "ds", "--executor", "kubernetes", "--task-count", "5", "--jobs", "2", "--image", "registry.example/dataprep:1",
      "--volume-claim", "corpus", "--mount-path", "/", "--backoff-limit-per-index", "2",
    ]
    let run = try CommandRunner.run(arguments, directory: scratch.root)
    #expect(run.status == 0, "\(run.stderr)")
    let plan = scratch.root + "/ds.plan"
    var names: [String] = []
    for (stem, count) in Self.steps.map({ ($0.stem, $0.sharded ? 5 : 1) }) {
      let job = try #require(try Yams.load(yaml: try Self.text(plan + "/\(stem).yaml")) as? [String: Any])
      #expect(job["kind"] as? String == "Job" && job["apiVersion"] as? String == "batch/v1")
      let spec = try #require(job["spec"] as? [String: Any])
      #expect(spec["completionMode"] as? String == "Indexed")
      #expect(spec["completions"] as? Int == count && spec["parallelism"] as? Int == count)
      #expect(spec["backoffLimitPerIndex"] as? Int == 2)
      let pod = try #require((spec["template"] as? [String: Any])?["spec"] as? [String: Any])
      #expect(pod["restartPolicy"] as? String == "Never")
      let container = try #require((pod["containers"] as? [[String: Any]])?.first)
      #expect(container["image"] as? String == "registry.example/dataprep:1")
      #expect(container["workingDir"] as? String == URL(fileURLWithPath: scratch.root).standardizedFileURL.path)
      let step = String(stem.dropFirst(3))
      #expect(container["command"] as? [String] == ["dataprep", "build", "--plan", plan, "--step", step, "--jobs", "2"])
      let env = container["env"] as? [[String: Any]] ?? []
      #expect(env.contains { $0["name"] as? String == "DATAPREP_SHARD_COUNT" && $0["value"] as? String == "\(count)" })
      let mount = (container["volumeMounts"] as? [[String: Any]])?.first
      #expect(mount?["mountPath"] as? String == "/")
      let volume = (pod["volumes"] as? [[String: Any]])?.first?["persistentVolumeClaim"] as? [String: Any]
      #expect(volume?["claimName"] as? String == "corpus")
      let labels = (job["metadata"] as? [String: Any])?["labels"] as? [String: String]
      #expect(labels?["dataprep.step"] == step && labels?["app.kubernetes.io/name"] == "dataprep", "\(labels ?? [:])")
      #expect(((spec["template"] as? [String: Any])?["metadata"] as? [String: Any])?["labels"] as? [String: String] == labels)
      names.append((job["metadata"] as? [String: Any])?["name"] as? String ?? "")
    }
    #expect(Set(names).count == Self.steps.count && names.allSatisfy { $0.hasPrefix("dataprep-") && $0.count <= 63 })
    let script = try Self.text(plan + "/run.sh").split(separator: "\n").map(String.init)
    let steps = script.filter { $0.hasPrefix("kubectl apply") || $0.hasPrefix("wait_for ") }
    #expect(steps == zip(Self.stems, names).flatMap { ["kubectl apply -f \(plan)/\($0).yaml", "wait_for \($1)"] })
    #expect(script.contains { $0.contains("kubectl wait --for=condition=complete") })
    // The same plan written again names its Jobs alike (applying them again is a no-op); another
    // plan in the same folder names them otherwise (a Job's pod template cannot change).
    let extract = try Self.text(plan + "/01-extract.yaml")
    let same = try CommandRunner.run(arguments, directory: scratch.root)
    let rewritten = try Self.text(plan + "/01-extract.yaml")
    #expect(same.status == 0 && rewritten == extract, "\(same.stderr)")
    let other = try CommandRunner.run(arguments.map { $0 == "5" ? "6" : $0 }, directory: scratch.root)
    #expect(other.status == 0, "\(other.stderr)")
    let otherPlan = try Self.text(plan + "/01-extract.yaml")
    #expect(!otherPlan.contains(names[0]))
  }

  @Test func aKubernetesPlanOutsideTheMountedVolumeIsRefused() throws {
    guard CommandRunner.isAvailable() else { return }
    let scratch = try Self.scratch()
    defer { scratch.remove() }
    let run = try CommandRunner.run(
      ["build", "samples", "-o", "ds", "--executor", "kubernetes", "--task-count", "2", "--mount-path", "/nonexistent-volume"], directory: scratch.root)
    #expect(run.status == 2)
    #expect(run.stderr.contains("is not under /nonexistent-volume"), "\(run.stderr)")
  }

  @Test func badPlanAndStepArgumentsAreRefused() throws {
    guard CommandRunner.isAvailable() else { return }
    let scratch = try Self.scratch()
    defer { scratch.remove() }
    let cases: [([String], String)] = [
      (["build", "samples", "-o", "ds", "--executor", "slurm"], "needs --task-count N"),
      (["build", "samples", "-o", "ds", "--task-count", "3"], "write a plan for --executor slurm or kubernetes"),
      (["build", "samples", "-o", "ds", "--shard", "0/2"], "use them with --plan PLAN --step NAME"),
      (["build", "--step", "extract"], "give --plan PLAN"),
      (["build", "samples", "--plan", "p", "--step", "extract"], "reads the build from its plan"),
      (["build", "--plan", "nowhere", "--step", "extract"], "no plan here"),
      (["build", "--plan", "nowhere", "--step", "shuffle"], "shuffle"),
      (["build", "samples", "-o", "ds", "--executor", "slurm", "--task-count", "0"], "--task-count must be in"),
      (["build", "samples", "-o", "ds", "--executor", "slurm", "--task-count", "2", "--plan", "samples/plan"], "inside the source folder"),
      (["build", "samples", "-o", "ds", "--executor", "slurm", "--task-count", "2", "--plan", "ds"], "apart from the output folder"),
    ]
    for (arguments, message) in cases {
      let run = try CommandRunner.run(arguments, directory: scratch.root)
      #expect(run.status != 0, "\(arguments) was accepted")
      #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
    }
  }

  @Test func stepsSkipFinishedShardsRefuseWrongShardsEarlyStepsAndChangedSources() throws {
    guard CommandRunner.isAvailable() else { return }
    let scratch = try Self.scratch()
    defer { scratch.remove() }
    let written = try CommandRunner.run(["build", "samples", "notes", "-o", "ds", "--executor", "slurm", "--task-count", "2"], directory: scratch.root)
    #expect(written.status == 0, "\(written.stderr)")
    // Steps run from anywhere: the plan names the folder it was written from.
    func step(_ arguments: [String], _ environment: [String: String] = [:]) throws -> CommandRunner.Result {
      try CommandRunner.run(["build", "--plan", scratch.root + "/ds.plan"] + arguments, environment: environment, directory: "/")
    }
    let wrongCount = try step(["--step", "extract", "--shard", "0/3"])
    #expect(wrongCount.status == 2 && wrongCount.stderr.contains("the plan runs it as 2 shards"), "\(wrongCount.stderr)")
    let noShard = try step(["--step", "extract"])
    #expect(noShard.status == 2 && noShard.stderr.contains("pass --shard I/2"), "\(noShard.stderr)")
    let sharded = try step(["--step", "prepare", "--shard", "1/2"])
    #expect(sharded.status == 2 && sharded.stderr.contains("it runs as one task"), "\(sharded.stderr)")
    let first = try step(["--step", "extract"], ["SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT"].reduce(into: [:]) { env, name in
      env[name] = name == "SLURM_ARRAY_TASK_COUNT" ? "2" : "0"
    })
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("step extract shard 0/2 done"), "\(first.stderr)")
    // A shard that fails (its folder cannot be made) exits non-zero; run again, it finishes.
    let parts = scratch.root + "/ds.plan/work/extract"
    let aside = scratch.root + "/extract-aside"
    try FileManager.default.moveItem(atPath: parts, toPath: aside)
    try Data("not a folder".utf8).write(to: URL(fileURLWithPath: parts))
    let failed = try step(["--step", "extract", "--shard", "0/2"])
    #expect(failed.status == 2, "\(failed.stderr)")
    try FileManager.default.removeItem(atPath: parts)
    try FileManager.default.moveItem(atPath: aside, toPath: parts)
    let early = try step(["--step", "prepare"])
    #expect(early.status == 2 && early.stderr.contains("1 of 2 shards have not finished"), "\(early.stderr)")
    let finishEarly = try step(["--step", "finish"])
    #expect(finishEarly.status == 2 && finishEarly.stderr.contains("step prepare has not finished"), "\(finishEarly.stderr)")
    let signaturesEarly = try step(["--step", "dedup-signatures", "--shard", "0/2"])
    #expect(signaturesEarly.status == 2 && signaturesEarly.stderr.contains("step prepare has not finished"), "\(signaturesEarly.stderr)")
    let instructEarly = try step(["--step", "instruct", "--shard", "0/2"])
    #expect(instructEarly.status == 2 && instructEarly.stderr.contains("the dedup-filter shards"), "\(instructEarly.stderr)")
    let again = try step(["--step", "extract", "--shard", "0/2"])
    #expect(again.status == 0 && again.stderr.contains("already done"), "\(again.stderr)")
    // examples joins the instruct shards: it refuses to run before they all finished.
    #expect(try step(["--step", "extract", "--shard", "1/2"]).status == 0)
    #expect(try step(["--step", "prepare"]).status == 0)
    let candidatesEarly = try step(["--step", "dedup-candidates", "--shard", "0/2"])
    #expect(candidatesEarly.status == 2 && candidatesEarly.stderr.contains("the dedup-signatures shards"), "\(candidatesEarly.stderr)")
    for name in ["dedup-signatures", "dedup-candidates"] {
      for index in 0..<2 { #expect(try step(["--step", name, "--shard", "\(index)/2"]).status == 0, "\(name)") }
    }
    let filterEarly = try step(["--step", "dedup-filter", "--shard", "0/2"])
    #expect(filterEarly.status == 2 && filterEarly.stderr.contains("step dedup-clusters has not finished"), "\(filterEarly.stderr)")
    #expect(try step(["--step", "dedup-clusters"]).status == 0)
    for index in 0..<2 { #expect(try step(["--step", "dedup-filter", "--shard", "\(index)/2"]).status == 0) }
    #expect(try step(["--step", "instruct", "--shard", "1/2"]).status == 0)
    let instructMissing = try step(["--step", "examples"])
    #expect(instructMissing.status == 2 && instructMissing.stderr.contains("the instruct shards: cannot merge: 1 of 2 shards have not finished"),
            "\(instructMissing.stderr)")
    // A source edited after the plan: every step refuses.
    try Data("# Changed\n\nA new text.\n".utf8).write(to: URL(fileURLWithPath: scratch.root + "/notes/notes-0.md"))
    let changed = try step(["--step", "extract", "--shard", "1/2"])
    #expect(changed.status == 2 && changed.stderr.contains("the sources changed after the plan was written"), "\(changed.stderr)")
    #expect(changed.stderr.contains("notes/notes-0.md"), "\(changed.stderr)")
  }

  /// Every file of `folder`, relative path to bytes.
  static func snapshot(_ folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let names = try #require(FileManager.default.subpathsOfDirectory(atPath: folder) as [String]?)
    for name in names {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder), !isFolder.boolValue else { continue }
      files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
    }
    return files
  }

  /// Builds `samples` and `notes` locally into `local`, writes the plan of the same build into
  /// `cluster.plan` with `flags`, and returns the local folder's files.
  static func localBuildAndPlan(_ scratch: BuildScratch, _ flags: [String]) throws -> [String: Data] {
    let run = try CommandRunner.run(["build", "samples", "notes", "-o", "local", "--quiet"], timeout: 300, directory: scratch.root)
    #expect(run.status == 0, "\(run.stderr)")
    let files = try snapshot(scratch.root + "/local")
    #expect(Set(files.keys) == ["train.jsonl", "validation.jsonl", "README.md", "report.html", "report.json", "manifest.json"])
    let written = try CommandRunner.run(["build", "samples", "notes", "-o", "cluster", "--jobs", "2"] + flags, directory: scratch.root)
    #expect(written.status == 0, "\(written.stderr)")
    return files
  }

  /// Runs every step's Slurm script of the plan in `plan` as local processes, each array task
  /// with the variables Slurm sets (the array numbered from 3, as `sbatch --array=3-9` would).
  static func runSlurmSteps(plan: String, tasks: Int) throws {
    let minimum = 3
    for stem in stems {
      let script = plan + "/\(stem).sbatch"
      let options = sbatchOptions(try text(script))
      if let array = options["--array"] {
        #expect(array == "0-\(tasks - 1)")
        for task in 0..<tasks {
          let environment = ["SLURM_ARRAY_TASK_ID": String(minimum + task), "SLURM_ARRAY_TASK_MIN": String(minimum),
                             "SLURM_ARRAY_TASK_COUNT": String(tasks)]
          let run = try CommandRunner.run([script], timeout: 300, environment: environment, executable: URL(fileURLWithPath: "/bin/sh"), directory: "/")
          #expect(run.status == 0, "\(stem) task \(task): \(run.stderr)")
        }
      } else {
        let run = try CommandRunner.run([script], timeout: 300, executable: URL(fileURLWithPath: "/bin/sh"), directory: "/")
        #expect(run.status == 0, "\(stem): \(run.stderr)")
      }
    }
  }

  /// The files of `folder`, after checking that they are `local`'s, byte for byte.
  static func sameFolder(_ folder: String, as local: [String: Data], tasks: Int) throws -> [String: Data] {
    let files = try snapshot(folder)
    #expect(Set(files.keys) == Set(local.keys))
    for (name, bytes) in local { #expect(files[name] == bytes, "\(name) differs with \(tasks) tasks") }
    return files
  }
}

/// The cases of ``BuildPlanCommandTests`` that take over about 5 seconds: tagged `.long`, and
/// named so that `swift test --skip LongTests` leaves them out locally (docs/testing.md).
extension BuildPlanCommandTests {
  @Suite(.tags(.long)) struct LongTests {
    @Test(arguments: [1, 4, 7])
    func kubernetesIndexesRunAsLocalProcessesGiveTheLocalBuildsBytes(tasks: Int) throws {
      guard CommandRunner.isAvailable() else { return }
      let scratch = try BuildPlanCommandTests.scratch()
      defer { scratch.remove() }
      let local = try BuildPlanCommandTests.localBuildAndPlan(scratch, ["--executor", "kubernetes", "--task-count", "\(tasks)", "--mount-path", "/"])
      for stem in BuildPlanCommandTests.stems {
        let yaml = try BuildPlanCommandTests.text(scratch.root + "/cluster.plan/\(stem).yaml")
        let job = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let spec = try #require(job["spec"] as? [String: Any])
        let completions = try #require(spec["completions"] as? Int)
        let pod = try #require((spec["template"] as? [String: Any])?["spec"] as? [String: Any])
        let container = try #require((pod["containers"] as? [[String: Any]])?.first)
        let command = try #require(container["command"] as? [String])
        let directory = try #require(container["workingDir"] as? String)
        var environment: [String: String] = [:]
        for variable in container["env"] as? [[String: Any]] ?? [] {
          if let name = variable["name"] as? String, let value = variable["value"] as? String { environment[name] = value }
        }
        // Every index, as the Job controller starts them (in reverse, to show order does not matter).
        for index in (0..<completions).reversed() {
          environment["JOB_COMPLETION_INDEX"] = String(index)
          let run = try CommandRunner.run(Array(command.dropFirst()), timeout: 300, environment: environment, directory: directory)
          #expect(run.status == 0, "\(stem) index \(index): \(run.stderr)")
        }
      }
      _ = try BuildPlanCommandTests.sameFolder(scratch.root + "/cluster", as: local, tasks: tasks)
    }

    /// With the filter stage on (c4) as well as redact (on by default; samples/restore-runbook.md
    /// holds an email, a phone number and a key pair), both run in the sharded extract step.
    @Test(arguments: [1, 4, 7])
    func slurmArrayTasksRunAsLocalProcessesGiveTheLocalBuildsBytes(tasks: Int) throws {
      guard CommandRunner.isAvailable() else { return }
      let scratch = try BuildPlanCommandTests.scratch()
      defer { scratch.remove() }
      try Data("filter:\n  rules: [c4]\n".utf8).write(to: URL(fileURLWithPath: scratch.root + "/dataprep.yaml"))
      let local = try BuildPlanCommandTests.localBuildAndPlan(scratch, ["--executor", "slurm", "--task-count", "\(tasks)"])
      let reportData = try #require(local["report.json"])
      let report = try JSONSerialization.jsonObject(with: reportData) as? [String: Any]
      let stages = report?["stages"] as? [String: Any]
      let filtered = try #require(stages?["filter"] as? [String: Any])
      #expect((filtered["failed"] as? Int ?? 0) > 0 && (filtered["passed"] as? Int ?? 0) > 0, "\(filtered)")
      let redacted = try #require(stages?["redact"] as? [String: Any])
      #expect(redacted["replacements"] as? [String: Int] == ["email": 1, "phone": 1, "secret": 2], "\(redacted)")
      try BuildPlanCommandTests.runSlurmSteps(plan: scratch.root + "/cluster.plan", tasks: tasks)
      let cluster = try BuildPlanCommandTests.sameFolder(scratch.root + "/cluster", as: local, tasks: tasks)
      // Submitting again: every step is done (the output folder now holds this build, which is
      // no previous build to add to), nothing changes.
      try BuildPlanCommandTests.runSlurmSteps(plan: scratch.root + "/cluster.plan", tasks: tasks)
      #expect(try BuildPlanCommandTests.snapshot(scratch.root + "/cluster") == cluster)
      let again = try CommandRunner.run(
        [scratch.root + "/cluster.plan/\(BuildPlanCommandTests.stems.last ?? "").sbatch"], executable: URL(fileURLWithPath: "/bin/sh"), directory: "/")
      #expect(again.status == 0 && again.stderr.contains("already done"), "\(again.stderr)")
      #expect(try BuildPlanCommandTests.snapshot(scratch.root + "/cluster") == cluster)
      // Killed after installing the folder, before its marker: the rerun knows its own folder
      // (building again would take it for a previous build and add to it).
      try FileManager.default.removeItem(atPath: scratch.root + "/cluster.plan/work/finish/part-00000-of-00001.done.json")
      let rerun = try CommandRunner.run(
        [scratch.root + "/cluster.plan/\(BuildPlanCommandTests.stems.last ?? "").sbatch"], executable: URL(fileURLWithPath: "/bin/sh"), directory: "/")
      #expect(rerun.status == 0 && rerun.stderr.contains("already done"), "\(rerun.stderr)")
      #expect(try BuildPlanCommandTests.snapshot(scratch.root + "/cluster") == cluster)
    }

    /// An incremental build (new sources added to a built folder): example dedup runs against
    /// the previous splits, its samples skip the examples made again, and the counts of those
    /// already present reach the report, as in the local build.
    @Test func anIncrementalPlanGivesTheLocalIncrementalBuildsBytes() throws {
      guard CommandRunner.isAvailable() else { return }
      let scratch = try BuildPlanCommandTests.scratch()
      defer { scratch.remove() }
      let first = try CommandRunner.run(["build", "samples", "notes", "-o", "local", "--quiet"], timeout: 300, directory: scratch.root)
      #expect(first.status == 0, "\(first.stderr)")
      try FileManager.default.copyItem(atPath: scratch.root + "/local", toPath: scratch.root + "/cluster")
      // New notes, one an exact copy of an old one.
      try scratch.writeDocuments(4, prefix: "extra", seed: 61)
      for name in try FileManager.default.contentsOfDirectory(atPath: scratch.sources) {
        try FileManager.default.moveItem(atPath: scratch.sources + "/" + name, toPath: scratch.root + "/notes/" + name)
      }
      try FileManager.default.copyItem(atPath: scratch.root + "/notes/notes-1.md", toPath: scratch.root + "/notes/copy-of-1.md")
      let local = try BuildPlanCommandTests.localBuildAndPlan(scratch, ["--executor", "slurm", "--task-count", "3"])
      let report = String(decoding: try #require(local["report.json"]), as: UTF8.self)
      #expect(report.contains("\"incremental\":true"), "\(report.prefix(400))")
      let reportData = try #require(local["report.json"])
      let parsed = try JSONSerialization.jsonObject(with: reportData) as? [String: Any] ?? [:]
      let examples = (parsed["stages"] as? [String: Any])?["dedup_examples"] as? [String: Any] ?? [:]
      #expect((examples["already_present"] as? Int ?? 0) > 0, "\(examples)")
      try BuildPlanCommandTests.runSlurmSteps(plan: scratch.root + "/cluster.plan", tasks: 3)
      _ = try BuildPlanCommandTests.sameFolder(scratch.root + "/cluster", as: local, tasks: 3)
    }
  }
}
