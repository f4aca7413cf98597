import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built `dataprep` binary (`swift build` first; tests skip with a message when it is
/// absent) with a time limit, so that a hang is a failure and not a stuck test run.
enum CommandRunner {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut: Bool
  }

  /// `.build/debug/dataprep` or `.build/release/dataprep`, whichever exists.
  static var binary: URL? {
    for configuration in ["debug", "release"] {
      let url = SharedData.packageRoot.appendingPathComponent(".build/\(configuration)/dataprep")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
  }

  /// Runs `command` (not the dataprep binary) with `/bin/sh`, output discarded; returns its exit status.
  static func shell(_ command: String) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command + " >/dev/null 2>&1"]
    do { try process.run() } catch { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }

  static let skipMessage = "dataprep binary not built (run `swift build`): skipping the command test"

  /// Runs `dataprep arguments` with an empty standard input, killing it after `timeout` seconds.
  ///
  /// - Parameters:
  ///   - environment: variables set (or replaced) on top of the test process's environment.
  ///   - shellSetup: shell commands run by `/bin/sh` before it `exec`s the binary, for limits
  ///     and redirections (`ulimit -f 64`, `exec >/dev/full`).
  ///   - directory: the working folder of the command (default: the test process's).
  static func run(
    _ arguments: [String], timeout: Double = 60, environment: [String: String] = [:], shellSetup: String? = nil,
    directory: String? = nil
  ) throws -> Result {
    guard let binary else { return Result(status: -1, stdout: "", stderr: skipMessage, timedOut: false) }
    let process = Process()
    if let shellSetup {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", shellSetup + "; exec \"$0\" \"$@\"", binary.path] + arguments
    } else {
      process.executableURL = binary
      process.arguments = arguments
    }
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    // Drain both pipes while the process runs so a large output cannot block it.
    nonisolated(unsafe) var errData = Data()
    let errDone = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      errDone.signal()
    }
    nonisolated(unsafe) var outData = Data()
    let outDone = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      outData = out.fileHandleForReading.readDataToEndOfFile()
      outDone.signal()
    }
    var timedOut = false
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      timedOut = true
      kill(process.processIdentifier, SIGKILL)
      finished.wait()
    }
    outDone.wait()
    errDone.wait()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), timedOut: timedOut)
  }
}
