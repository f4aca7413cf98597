@testable import DataPrep
import Foundation
import Testing

/// A damaged `.gz` is an error naming the file, never a silent short read: a corrupt later
/// member, trailing garbage, a truncated stream (as `gzip -t` reports them, exit 2 there).
/// Concatenated members and trailing zero padding read as `gzip -d` reads them.
@Suite struct GzipIntegrityTests {
  static let firstHalf = (0..<10).map { "{\"text\":\"record \($0)\"}\n" }.joined()
  static let secondHalf = (10..<20).map { "{\"text\":\"record \($0)\"}\n" }.joined()

  /// The gzip of `text` made by /bin/gzip.
  static func gzip(_ text: String, in folder: TemporaryDirectory, name: String) throws -> [UInt8] {
    try folder.gzipped(text, name: name)
  }

  static func read(_ path: String) throws -> [UInt8] {
    try ByteSource(path: path).readAll()
  }

  @Test func concatenatedMembersAndZeroPaddingReadWhole() throws {
    let folder = try TemporaryDirectory()
    let first = try Self.gzip(Self.firstHalf, in: folder, name: "a.jsonl")
    let second = try Self.gzip(Self.secondHalf, in: folder, name: "b.jsonl")
    let both = try folder.write("both.jsonl.gz", first + second)
    #expect(try Self.read(both) == Array((Self.firstHalf + Self.secondHalf).utf8))
    let padded = try folder.write("padded.jsonl.gz", first + [UInt8](repeating: 0, count: 512))
    #expect(try Self.read(padded) == Array(Self.firstHalf.utf8))
    // Plain files pass through, including one too short to hold the magic number.
    let plain = try folder.write("plain.txt", "x")
    #expect(try Self.read(plain) == Array("x".utf8))
  }

  /// Asserts that reading `path` fails naming it, with `words` in the reason.
  static func expectFailure(_ path: String, mentioning words: String) {
    do {
      _ = try read(path)
      Issue.record("\(path) was read without an error")
    } catch {
      guard let error = error as? InputError, case .readFailed(let failedPath, let reason) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(failedPath == path)
      #expect(reason.contains(words), "\(reason)")
    }
  }

  @Test func aCorruptLaterMemberIsAnError() throws {
    let folder = try TemporaryDirectory()
    let first = try Self.gzip(Self.firstHalf, in: folder, name: "a.jsonl")
    var second = try Self.gzip(Self.secondHalf, in: folder, name: "b.jsonl")
    second[0] = 0  // the second member's magic number damaged: trailing garbage to zlib
    Self.expectFailure(try folder.write("magic.jsonl.gz", first + second), mentioning: "not a gzip member")
    second[0] = 0x1F
    second[second.count / 2] ^= 0xFF  // its deflate data damaged
    second[second.count / 2 + 1] ^= 0xFF
    Self.expectFailure(try folder.write("data.jsonl.gz", first + second), mentioning: "corrupt gzip data")
    Self.expectFailure(try folder.write("garbage.jsonl.gz", first + Array("garbage".utf8)), mentioning: "not a gzip member")
    Self.expectFailure(try folder.write("padded.jsonl.gz", first + [0, 0, 1]), mentioning: "not a gzip member")
    Self.expectFailure(try folder.write("onebyte.jsonl.gz", first + [0x1F]), mentioning: "not a gzip member")
  }

  @Test func aTruncatedStreamIsAnErrorWhereverItIsCut() throws {
    let folder = try TemporaryDirectory()
    let html = "<html><body><article><h1>Title</h1>" + String(repeating: "<p>Some paragraph text.</p>", count: 500) + "</article></body></html>"
    let whole = try Self.gzip(html, in: folder, name: "page.html")
    // In the header, the deflate data, the CRC and the length field.
    for cut in [5, 12, whole.count / 2, whole.count - 8, whole.count - 4, whole.count - 1] {
      let path = try folder.write("cut\(cut).html.gz", Array(whole.prefix(cut)))
      Self.expectFailure(path, mentioning: "truncated")
    }
    let first = try Self.gzip(Self.firstHalf, in: folder, name: "a.jsonl")
    let second = try Self.gzip(Self.secondHalf, in: folder, name: "b.jsonl")
    Self.expectFailure(try folder.write("cut2.jsonl.gz", first + Array(second.prefix(10))), mentioning: "truncated")
  }

}
