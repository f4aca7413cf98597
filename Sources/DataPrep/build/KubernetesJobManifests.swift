/// The Kubernetes files of a build plan: one Indexed Job manifest per ``BuildStep``
/// (`completionMode: Indexed`, `completions` and `parallelism` the step's task count,
/// `backoffLimitPerIndex` retries per index) and `run.sh`, which applies them in order and
/// waits for each to complete.
///
/// Each pod runs `dataprep build --plan PLAN --step NAME` with `DATAPREP_SHARD_COUNT` set; the
/// step takes its shard from `JOB_COMPLETION_INDEX` (``ShardSelection``). The claim is mounted
/// at the same path as on the machine that wrote the plan, and the pod works in the folder
/// the plan was written from.
struct KubernetesJobManifests {
  /// The plan.
  let plan: BuildPlan
  /// The plan's digest (`BuildPlan.planDigest()`).
  let digest: String

  /// The manifests, then `run.sh`.
  var files: [(name: String, text: String, executable: Bool)] {
    BuildStep.allCases.map { (plan.stem(of: $0) + ".yaml", manifest(for: $0), false) } + [("run.sh", run, true)]
  }

  /// The start of the plan's digest: the Jobs of another plan have other names (a Job's pod
  /// template cannot change), those of the same plan the same (applying them again is a no-op).
  var planID: String { String(digest.prefix(8)) }

  /// The Job name of `step`.
  func jobName(_ step: BuildStep) -> String { "dataprep-\(step.rawValue)-\(planID)" }

  /// The manifest of `step` (YAML; strings written as JSON strings, which YAML reads as they are).
  func manifest(for step: BuildStep) -> String {
    let count = plan.taskCount(of: step)
    let k = plan.kubernetes
    let command = (["dataprep"] + plan.stepArguments(step)).map(Self.string).joined(separator: ", ")
    return """
      # dataprep build plan \(plan.folder): step \(step.rawValue)\(step.isSharded ? ", \(count) shards" : ", one task")
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: \(jobName(step))
        labels: \(labels(step))
      spec:
        completionMode: Indexed
        completions: \(count)
        parallelism: \(count)
        backoffLimitPerIndex: \(k.backoffLimitPerIndex)
        template:
          metadata:
            labels: \(labels(step))
          spec:
            restartPolicy: Never
            containers:
              - name: dataprep
                image: \(Self.string(k.image))
                workingDir: \(Self.string(plan.directory))
                command: [\(command)]
                env:
                  - name: DATAPREP_SHARD_COUNT
                    value: "\(count)"
                resources:
                  requests:
                    cpu: "\(plan.pipeline.jobs)"
                volumeMounts:
                  - name: data
                    mountPath: \(Self.string(k.mountPath))
            volumes:
              - name: data
                persistentVolumeClaim:
                  claimName: \(Self.string(k.volumeClaim))

      """
  }

  /// The labels of a step's Job and pods, as a flow mapping.
  func labels(_ step: BuildStep) -> String {
    "{app.kubernetes.io/name: dataprep, dataprep.plan: \"\(planID)\", dataprep.step: \(step.rawValue)}"
  }

  /// `run.sh`: each manifest applied, then waited for; a failed Job stops the script.
  var run: String {
    var lines = [
      "#!/bin/sh",
      "# Runs the steps of the dataprep build plan \(plan.folder) on Kubernetes, one Indexed Job",
      "# after the other. Running it again re-applies them: finished Jobs complete at once (delete",
      "# a failed Job first; its finished indexes are skipped through their markers).",
      "set -eu",
      "wait_for() {",
      "  while ! kubectl wait --for=condition=complete --timeout=60s \"job/$1\" >/dev/null 2>&1; do",
      "    if [ \"$(kubectl get job \"$1\" -o 'jsonpath={.status.conditions[?(@.type==\"Failed\")].status}')\" = True ]; then",
      "      echo \"job $1 failed: kubectl describe job $1; kubectl logs -l job-name=$1\" >&2",
      "      exit 1",
      "    fi",
      "  done",
      "  echo \"$1: complete\"",
      "}",
    ]
    for step in BuildStep.allCases {
      lines.append("kubectl apply -f " + SlurmBatchScripts.quoted(plan.folder + "/" + plan.stem(of: step) + ".yaml"))
      lines.append("wait_for \(jobName(step))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `text` as a JSON string, which YAML reads as the same string.
  static func string(_ text: String) -> String { JSONWriter().string(of: .string(text)) }
}
