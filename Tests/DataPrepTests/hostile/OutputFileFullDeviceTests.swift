import Foundation
import Testing

@testable import DataPrep

/// ``OutputFile`` on a full device (`/dev/full`): the commit fails naming the path (the commands
/// on a full disk are tested through the binary in DiskFullTests).
@Suite struct OutputFileFullDeviceTests {
  @Test func outputFileReportsAFullDevice() throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return print("no /dev/full: skipping") }
    let output = try OutputFile(path: "/dev/full")
    try output.write("a record\n")
    #expect(throws: OutputError.writeFailed(path: "/dev/full", reason: "No space left on device")) {
      try output.commit()
    }
  }
}
