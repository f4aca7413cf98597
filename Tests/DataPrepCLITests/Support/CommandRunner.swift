import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the `dataprep` binary of the configuration under test with a time limit, so that a hang
/// is a failure and not a stuck test run.
///
/// The binary is the one in the build folder of the running test bundle (`.build/<triple>/debug`
/// or `.build/<triple>/release`), never a fixed `.build/debug`: `swift test -c release` runs the
/// release binary, not a stale debug one. The `DataPrepCLITests` target depends on the `dataprep`
/// executable so SwiftPM builds it first. When it is absent, ``SharedData/missing(_:ci:at:)`` decides:
/// a test failure under CI, a skip message locally.
package enum CommandRunner {
  package struct Result {
    package var status: Int32
    package var stdout: String
    package var stderr: String
    package var timedOut: Bool
  }

  /// The folder holding the running test bundle (`dataprepPackageTests.xctest`), which is also
  /// where SwiftPM puts the executables of the same configuration; `nil` when no bundle is found.
  package static let buildFolder: URL? = {
    var candidates = [Bundle.main.executablePath, Bundle.main.bundlePath] + Bundle.allBundles.map(\.bundlePath)
    candidates.append(try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
    candidates.append(CommandLine.arguments.first)
    for case let path? in candidates {
      var url = URL(fileURLWithPath: path).standardizedFileURL
      while url.path != "/" && !url.path.isEmpty {
        if url.pathExtension == "xctest" { return url.deletingLastPathComponent() }
        url.deleteLastPathComponent()
      }
    }
    return nil
  }()

  /// Where the binary of the configuration under test is expected: `dataprep` beside the test bundle.
  package static var expectedBinary: URL? { buildFolder?.appendingPathComponent("dataprep") }

  /// The `dataprep` binary beside the test bundle, or `nil` when it is not there.
  package static var binary: URL? {
    guard let url = expectedBinary, FileManager.default.isExecutableFile(atPath: url.path) else { return nil }
    return url
  }

  /// What the tests say when the binary is absent (also the `stderr` of a run that could not start).
  package static var skipMessage: String {
    let place = expectedBinary?.path ?? "beside the test bundle (no .xctest bundle found in this process)"
    return "dataprep binary not found at \(place) (build it with `swift build --build-tests`)"
  }

  /// True when the binary is there; otherwise reports it (a failure under CI, a skip message
  /// locally) and returns false. Use as `guard CommandRunner.isAvailable() else { return }`.
  package static func isAvailable(
    fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column
  ) -> Bool {
    if binary != nil { return true }
    SharedData.missing(skipMessage, at: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    return false
  }

  /// Runs `command` (not the dataprep binary) with `/bin/sh`, output discarded; returns its exit status.
  package static func shell(_ command: String) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command + " >/dev/null 2>&1"]
    do { try process.run() } catch { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// Runs `dataprep arguments` (empty standard input unless `input`), killing it after `timeout` seconds.
  ///
  /// - Parameters:
  ///   - environment: variables set (or replaced) on top of the test process's environment.
  ///   - replacingEnvironment: the whole environment of the command instead (e.g. an empty home).
  ///   - input: bytes fed to the command's standard input, then closed.
  ///   - executable: another copy of the binary to run (e.g. one without its resource bundle).
  ///   - shellSetup: shell commands run by `/bin/sh` before it `exec`s the binary, for limits
  ///     and redirections (`ulimit -f 64`, `exec >/dev/full`).
  ///   - directory: the working folder of the command (default: the test process's).
  ///
  /// When the binary is absent: status -1 and ``skipMessage`` as `stderr`, after reporting it
  /// (a recorded issue under CI, a printed skip locally); the test then returns.
  package static func run(
    _ arguments: [String], timeout: Double = 60, environment: [String: String] = [:],
    replacingEnvironment: [String: String]? = nil, input: String? = nil, executable: URL? = nil,
    shellSetup: String? = nil, directory: String? = nil, fileID: String = #fileID, filePath: String = #filePath,
    line: Int = #line, column: Int = #column
  ) throws -> Result {
    guard let binary = executable ?? binary else {
      SharedData.missing(skipMessage, at: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
      return Result(status: -1, stdout: "", stderr: skipMessage, timedOut: false)
    }
    // A command that exits before reading all of `input` must give this process EPIPE, not SIGPIPE
    // (which would end the whole test run).
    signal(SIGPIPE, SIG_IGN)
    let process = Process()
    if let shellSetup {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", shellSetup + "; exec \"$0\" \"$@\"", binary.path] + arguments
    } else {
      process.executableURL = binary
      process.arguments = arguments
    }
    if let replacingEnvironment {
      process.environment = replacingEnvironment
    } else if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let stdin = Pipe()
    process.standardInput = input == nil ? FileHandle(forReadingAtPath: "/dev/null") : stdin
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    if let input {
      // Fed from another thread so a command that writes before reading cannot block on us.
      DispatchQueue.global().async {
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
      }
    }
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
