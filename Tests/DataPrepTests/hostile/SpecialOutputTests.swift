import Foundation
import Testing

@testable import DataPrep

#if canImport(Glibc)
  import Glibc
#endif

/// Outputs that are not regular files: `-o /dev/null` or a named pipe must be written to, not
/// replaced. (Before the fix, the temporary file was renamed over the target, so a benchmark
/// run with `-o /dev/null` turned the machine's /dev/null into a regular file.)
@Suite struct SpecialOutputTests {
  @Test func aNamedPipeOutputIsWrittenThroughAndStaysAPipe() throws {
    let folder = try ScratchFolder()
    let fifo = folder.path("out.fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    nonisolated(unsafe) var received = Data()
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      if let handle = FileHandle(forReadingAtPath: fifo) {
        received = handle.readDataToEndOfFile()
      }
      done.signal()
    }
    let output = try OutputFile(path: fifo)
    try output.write("through the pipe\n")
    try output.commit()
    #expect(done.wait(timeout: .now() + 30) == .success)
    #expect(String(decoding: received, as: UTF8.self) == "through the pipe\n")
    var info = stat()
    #expect(stat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["out.fifo"])
  }
}
