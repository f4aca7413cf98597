import Foundation
import Testing

import DataPrep

/// `dataprep extract --remove-furniture` through the built binary: off by default, on with the
/// flag, to a file or standard output, leaving no temporary file.
@Suite struct ExtractFurnitureCommandTests {
  private func site() throws -> ScratchFolder {
    let folder = try ScratchFolder()
    for (number, name) in ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"].enumerated() {
      try folder.write(
        "site/page\(number).txt", "Page \(number) tells how valve \(name) opens.\n\nThis page was last edited on 2024-03-0\(number).\n")
    }
    return folder
  }

  @Test func flagRemovesRepeatedLinesAndIsOffByDefault() throws {
    guard CommandRunner.isAvailable() else { return }
    let folder = try site()
    let plain = folder.path("plain.jsonl")
    let off = try CommandRunner.run(["extract", folder.path("site"), "-o", plain])
    #expect(off.status == 0)
    #expect(!off.stderr.contains("furniture:"))
    #expect(try String(contentsOfFile: plain, encoding: .utf8).contains("last edited on"))

    let filtered = folder.path("filtered.jsonl")
    let on = try CommandRunner.run(["extract", folder.path("site"), "--remove-furniture", "-o", filtered, "--jobs", "2"])
    #expect(on.status == 0)
    #expect(on.stderr.contains("furniture: 6 lines removed from 6 of 6 documents (1 distinct line on 5+ documents)"))
    let text = try String(contentsOfFile: filtered, encoding: .utf8)
    #expect(!text.contains("last edited on"))
    #expect(text.contains("valve delta opens"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)

    let stdout = try CommandRunner.run(["extract", folder.path("site"), "--remove-furniture", "--no-remove-furniture", "--remove-furniture"])
    #expect(stdout.status == 0)
    #expect(stdout.stdout.split(separator: "\n").count == 6)
    #expect(!stdout.stdout.contains("last edited on"))
  }
}
