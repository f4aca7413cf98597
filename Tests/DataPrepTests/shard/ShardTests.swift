import Testing

@testable import DataPrep

/// `--shard I/N` and the scheduler's variables.
@Suite struct ShardTests {
  @Test func parsesIndexOverCountAndNamesParts() throws {
    let shard = try Shard(parsing: "3/16")
    #expect(shard.index == 3 && shard.count == 16)
    #expect(shard.partStem == "part-00003-of-00016")
    #expect(shard.description == "3/16")
    #expect(shard.selecting(Array(0..<40)) == [3, 19, 35])
  }

  @Test(arguments: ["3", "3/", "/4", "a/4", "1/2/3", "", "-1/4", "4/4", "0/0", "0/100000"])
  func refusesBadSpecifications(_ text: String) {
    #expect(throws: ShardError.self) { try Shard(parsing: text) }
  }

  @Test func slurmArrayTaskIsCountedFromTheArraysMinimum() throws {
    let env = ["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "7"]
    let selection = try ShardSelection.resolve(flag: nil, environment: env)
    #expect(selection.shard == (try Shard(index: 4, count: 7)))
    #expect(selection.source == .slurm && selection.isSharded)
  }

  @Test func kubernetesIndexTakesItsCountFromTheFlagOrTheVariable() throws {
    let fromVariable = try ShardSelection.resolve(
      flag: nil, environment: ["JOB_COMPLETION_INDEX": "2", "DATAPREP_SHARD_COUNT": "4"])
    #expect(fromVariable.shard == (try Shard(index: 2, count: 4)) && fromVariable.source == .kubernetes)
    let fromFlag = try ShardSelection.resolve(flag: nil, shardCount: 3, environment: ["JOB_COMPLETION_INDEX": "2"])
    #expect(fromFlag.shard.count == 3)
    #expect(throws: ShardError.missingCount(index: 2)) {
      try ShardSelection.resolve(flag: nil, environment: ["JOB_COMPLETION_INDEX": "2"])
    }
  }

  @Test func theFlagWinsOverTheSchedulerAndNothingMeansOneProcess() throws {
    let env = ["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_COUNT": "7"]
    #expect(try ShardSelection.resolve(flag: "1/2", environment: env).source == .flag)
    let none = try ShardSelection.resolve(flag: nil, environment: [:])
    #expect(none.shard == .whole && !none.isSharded)
  }

  @Test func badSchedulerVariablesAreErrorsNamingThem() throws {
    let half = try Shard(index: 1, count: 2)
    #expect(throws: ShardError.badEnvironment(name: "SLURM_ARRAY_TASK_ID", value: "x")) {
      try ShardSelection.resolve(flag: nil, environment: ["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "2"])
    }
    #expect(throws: ShardError.self) {
      try ShardSelection.resolve(flag: nil, environment: ["SLURM_ARRAY_TASK_ID": "9", "SLURM_ARRAY_TASK_COUNT": "2"])
    }
    // `--array=1-7:2`: ids 1, 3, 5, 7 of a count of 4; id - min is not the task's position.
    #expect(throws: ShardError.self) {
      try ShardSelection.resolve(flag: nil, environment: [
        "SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "7", "SLURM_ARRAY_TASK_COUNT": "4",
        "SLURM_ARRAY_TASK_STEP": "2",
      ])
    }
    #expect(throws: ShardError.conflictingCount(shard: half, count: 3)) {
      try ShardSelection.resolve(flag: "1/2", shardCount: 3, environment: [:])
    }
  }
}
