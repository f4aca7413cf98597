import Foundation
import Testing

@testable import DataPrep

#if canImport(Glibc)
  import Glibc
#endif

/// What is given as a file but is not one, or not readable, or changing: `ByteSource` (which
/// every command and stage opens inputs with) refuses it with a message naming the path, and
/// never blocks.
@Suite struct HostileFileKindTests {
  private func openError(_ path: String) -> String? {
    do {
      let source = try ByteSource(path: path)
      _ = try source.readAll()
      return nil
    } catch {
      return error.localizedDescription
    }
  }

  @Test func aNamedPipeWithoutAWriterIsRefusedWithoutBlocking() throws {
    let folder = try ScratchFolder()
    let path = folder.path("pipe.jsonl")
    #expect(mkfifo(path, 0o600) == 0)
    let message = openError(path)
    #expect(message?.hasPrefix("\(path): cannot open: a named pipe (FIFO), not a regular file") == true, "\(message ?? "")")
    #expect(message?.contains("`-`") == true)
  }

  @Test func aDirectoryIsRefused() throws {
    let folder = try ScratchFolder()
    #expect(openError(folder.url.path) == "\(folder.url.path): is a directory, expected a file")
  }

  @Test func aCharacterDeviceIsRefusedButDevNullReadsAsEmpty() throws {
    #expect(openError("/dev/zero")?.hasPrefix("/dev/zero: cannot open: a character device") == true)
    #expect(try ByteSource(path: "/dev/null").readAll().isEmpty)
  }

  @Test func anEmptyFileReadsAsNoBytes() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("empty.jsonl", [UInt8]())
    #expect(try ByteSource(path: path).readAll().isEmpty)
    var records = 0
    try JSONLReader(path: path).forEachRecord { _ in records += 1; return true }
    #expect(records == 0)
  }

  @Test func anUnreadableFileIsRefusedOrSkippedWhenRunningAsRoot() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("locked.jsonl", "{}\n")
    chmod(path, 0)
    defer { chmod(path, 0o644) }
    if access(path, R_OK) == 0 {
      print("anUnreadableFileIsRefusedOrSkippedWhenRunningAsRoot: skipped, running as root (permissions do not block reading)")
      return
    }
    #expect(openError(path) == "\(path): cannot open: Permission denied")
  }

  @Test func aFileThatGrowsWhileReadIsReported() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("growing.jsonl", String(repeating: "{\"a\":1}\n", count: 1000))
    let source = try ByteSource(path: path)
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 100, alignment: 1)
    defer { chunk.deallocate() }
    #expect(try source.read(into: chunk) == 100)
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data("{\"b\":2}\n".utf8))
    try handle.close()
    let error = #expect(throws: InputError.self) {
      while try source.read(into: chunk) > 0 {}
    }
    #expect(error?.localizedDescription.hasPrefix("\(path): read failed: the file changed while it was being read") == true)
  }

  @Test func aFileTruncatedWhileReadIsReported() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("shrinking.jsonl", String(repeating: "{\"a\":1}\n", count: 100_000))
    var records = 0
    let error = #expect(throws: InputError.self) {
      try JSONLReader(path: path).forEachRecord { _ in
        records += 1
        if records == 10 { truncate(path, 16) }
        return true
      }
    }
    #expect(error?.localizedDescription.contains("changed while it was being read") == true)
  }

  @Test func aTruncatedGzipFileIsAnErrorNamingIt() throws {
    let folder = try ScratchFolder()
    let plain = try folder.write("data.jsonl", String(repeating: "{\"a\":\"some text to compress\"}\n", count: 2000))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-k", plain]
    try process.run()
    process.waitUntilExit()
    let gz = try Data(contentsOf: URL(fileURLWithPath: plain + ".gz"))
    let cut = try folder.write("cut.jsonl.gz", Array(gz.prefix(gz.count / 2)))
    let error = #expect(throws: InputError.self) {
      try JSONLReader(path: cut).forEachRecord { _ in true }
    }
    #expect(error?.localizedDescription.hasPrefix("\(cut): read failed:") == true)
  }
}
