import Foundation
import Testing

import DataPrep

#if canImport(Glibc)
  import Glibc
#endif

/// An interrupted run never damages the previous output: the built binary converts a stream fed
/// through a pipe, is signalled once it has flushed part of its output to the temporary file,
/// and the output under its final name must still be the previous one. SIGINT and SIGTERM also
/// remove the temporary file; SIGKILL cannot be caught, so only a hidden `.NAME.tmp-XXXXXX` may
/// remain, never a half file under the final name.
@Suite(.serialized) struct InterruptedRunTests {
  static let previous = "PREVIOUS OUTPUT\n"

  /// Runs `convert - -o out.jsonl` in `folder`, feeds it lines until part of the output is on
  /// disk, sends `signalNumber`, and returns the exit status and whether it was a signal.
  private func interrupt(with signalNumber: Int32, in folder: ScratchFolder) throws -> (status: Int32, bySignal: Bool)? {
    guard CommandRunner.isAvailable(), let binary = CommandRunner.binary else { return nil }
    signal(SIGPIPE, SIG_IGN)
    let output = folder.path("out.jsonl")
    try Self.previous.write(toFile: output, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = binary
    process.arguments = ["convert", "-", "--from", "openai-chat", "--to", "alpaca", "-o", output]
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    process.standardError = FileHandle(forWritingAtPath: "/dev/null")
    try process.run()
    defer { try? input.fileHandleForWriting.close() }

    // 6 MB of records, then the pipe stays open: the run waits for more input, mid-output.
    let line = Array((HostileCommandTests.chatLine + "\n").utf8)
    var block: [UInt8] = []
    while block.count < 6 << 20 { block += line }
    let fd = input.fileHandleForWriting.fileDescriptor
    let written = DispatchSemaphore(value: 0)
    let bytes = block
    DispatchQueue.global().async {
      var offset = 0
      while offset < bytes.count {
        let n = bytes.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset) }
        if n <= 0 { break }
        offset += n
      }
      written.signal()
    }
    _ = written.wait(timeout: .now() + 120)

    // Wait until part of the output has been flushed to the temporary file.
    let deadline = Date().addingTimeInterval(60)
    var flushed = false
    while Date() < deadline && !flushed {
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.url.path) where name.hasPrefix(".out.jsonl.tmp-") {
        let size = (try? FileManager.default.attributesOfItem(atPath: folder.path(name))[.size] as? Int) ?? 0
        if size > 0 { flushed = true }
      }
      if !flushed { usleep(50_000) }
    }
    #expect(flushed, "no part of the output was flushed before the signal")
    #expect(process.isRunning)
    kill(process.processIdentifier, signalNumber)
    process.waitUntilExit()
    return (process.terminationStatus, process.terminationReason == .uncaughtSignal)
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func aCaughtSignalKeepsThePreviousOutputAndRemovesTheTemporary(signalNumber: Int32) throws {
    let folder = try ScratchFolder()
    guard let result = try interrupt(with: signalNumber, in: folder) else { return }
    #expect(!result.bySignal && result.status == 128 + signalNumber)
    #expect(try String(contentsOfFile: folder.path("out.jsonl"), encoding: .utf8) == Self.previous)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["out.jsonl"])
  }

  @Test func sigkillLeavesThePreviousOutputAndAtMostAHiddenTemporary() throws {
    let folder = try ScratchFolder()
    guard let result = try interrupt(with: SIGKILL, in: folder) else { return }
    #expect(result.bySignal && result.status == SIGKILL)
    #expect(try String(contentsOfFile: folder.path("out.jsonl"), encoding: .utf8) == Self.previous)
    let others = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0 != "out.jsonl" }
    #expect(others.count <= 1)
    #expect(others.allSatisfy { $0.hasPrefix(".out.jsonl.tmp-") })
  }
}
