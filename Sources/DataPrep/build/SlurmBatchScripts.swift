/// The Slurm files of a build plan: one batch script per ``BuildStep`` (a job array
/// `--array=0-(N-1)` for the sharded steps, one task for the others) and `submit.sh`, which
/// submits them chained with `--dependency=afterok` and prints the job ids.
///
/// Each task runs `dataprep build --plan PLAN --step NAME`; the step takes its shard from
/// Slurm's array variables (``ShardSelection``). A failed task exits non-zero, so `afterok`
/// holds the next step; submitting again skips the shards already done.
struct SlurmBatchScripts {
  /// The plan.
  let plan: BuildPlan

  /// The scripts, then `submit.sh`.
  var files: [(name: String, text: String, executable: Bool)] {
    BuildStep.allCases.map { (plan.stem(of: $0) + ".sbatch", script(for: $0), false) } + [("submit.sh", submit, true)]
  }

  /// The batch script of `step`.
  func script(for step: BuildStep) -> String {
    var lines = ["#!/bin/sh"]
    lines.append("# dataprep build plan \(plan.folder): step \(step.rawValue)" + (step.isSharded ? ", \(plan.tasks) shards" : ", one task"))
    lines.append("#SBATCH --job-name=dataprep-\(step.rawValue)")
    if step.isSharded {
      lines.append("#SBATCH --array=0-\(plan.tasks - 1)")
      lines.append("#SBATCH --output=\(plan.logs)/%x-%A_%a.out")
    } else {
      lines.append("#SBATCH --output=\(plan.logs)/%x-%j.out")
    }
    lines.append("#SBATCH --ntasks=1")
    lines.append("#SBATCH --cpus-per-task=\(plan.pipeline.jobs)")
    // Requeued when its node fails; a shard that finished before is skipped on the rerun.
    lines.append("#SBATCH --requeue")
    for option in plan.slurm.options { lines.append("#SBATCH \(option)") }
    lines.append("exec " + ([plan.binary] + plan.stepArguments(step)).map(Self.quoted).joined(separator: " "))
    return lines.joined(separator: "\n") + "\n"
  }

  /// `submit.sh`: every step's script, each after the previous one succeeded.
  var submit: String {
    var lines = [
      "#!/bin/sh",
      "# Submits the steps of the dataprep build plan \(plan.folder), each after the previous one",
      "# succeeded (afterok), and prints their job ids. Submitting again skips finished shards.",
      "set -eu",
      "previous=",
    ]
    for step in BuildStep.allCases {
      let script = Self.quoted(plan.folder + "/" + plan.stem(of: step) + ".sbatch")
      lines.append("job=$(sbatch --parsable ${previous:+--dependency=afterok:$previous} \(script))")
      lines.append("previous=${job%%;*}")
      lines.append("echo \"\(step.rawValue): $previous\"")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `text` as one shell word.
  static func quoted(_ text: String) -> String {
    let safe = text.unicodeScalars.allSatisfy { $0.isASCII && (Character($0).isLetter || Character($0).isNumber || "/._-=+:,@%".unicodeScalars.contains($0)) }
    if safe && !text.isEmpty { return text }
    return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
