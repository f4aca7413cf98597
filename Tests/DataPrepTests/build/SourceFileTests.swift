import Foundation
import Testing

@testable import DataPrep

@Suite struct SourceFileTests {
  @Test func sourcesAreListedInTheOrderExtractReadsThem() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.write("a.html", "<p>one</p>")
    try scratch.write("a/x.html", "<p>two</p>")
    try scratch.write("b.md", "# three")
    let listed = try SourceFile.list([scratch.sources]).map(\.path)
    let read = InputFiles(paths: [scratch.sources]).entries.map(\.path)
    // `a/x.html` before `a.html`: the folder `a` sorts before the name `a.html`, as extract walks.
    #expect(listed == read)
    #expect(listed == [scratch.sources + "/a/x.html", scratch.sources + "/a.html", scratch.sources + "/b.md"])
  }

  @Test func filesExtractSkipsAreListedTooWithTheirDigest() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.write("page.html", "<p>one</p>")
    try scratch.write("logo.png", "not really a png")
    try scratch.write(".hidden/notes.md", "# hidden")
    let files = try SourceFile.list([scratch.sources])
    #expect(files.map(\.path) == [scratch.sources + "/logo.png", scratch.sources + "/page.html"])
    #expect(files[0].bytes == 16)
    #expect(files[0].sha256.count == 64)
    #expect(InputFiles(paths: [scratch.sources]).entries.map(\.path) == [scratch.sources + "/page.html"])
  }

  @Test func aLinkToNothingIsNotASourceFile() throws {
    // Debian's doc packages link their JavaScript into other packages: without those installed
    // the links dangle, and the build must still run (it did before the listing was shared).
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    try scratch.write("page.html", "<p>one</p>")
    try FileManager.default.createSymbolicLink(
      atPath: scratch.sources + "/doctools.js", withDestinationPath: "../../javascript/doctools.js")
    #expect(try SourceFile.list([scratch.sources]).map(\.path) == [scratch.sources + "/page.html"])
  }

  @Test func aMissingSourceIsNamed() throws {
    let scratch = try BuildScratch()
    defer { scratch.remove() }
    let missing = scratch.root + "/nowhere"
    #expect(throws: BuildError.missingSource(path: missing)) { try SourceFile.list([scratch.sources, missing]) }
  }
}
