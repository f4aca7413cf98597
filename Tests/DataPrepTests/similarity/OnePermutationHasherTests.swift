import Foundation
import Testing
@testable import DataPrep

@Suite struct OnePermutationHasherTests {
  static func set(_ range: Range<Int>) -> [UInt64] { range.map { XXH64.hash(UInt64($0)) } }

  @Test func signaturesAreStableAndIgnoreOrderAndRepeats() {
    let hasher = OnePermutationHasher(bins: 128, seed: 7)
    let a = Self.set(0..<300)
    let sa = hasher.signature(of: a)
    #expect(sa.count == 128)
    #expect(sa == OnePermutationHasher(bins: 128, seed: 7).signature(of: a))
    #expect(sa == hasher.signature(of: a.reversed() + a))
    #expect(sa != OnePermutationHasher(bins: 128, seed: 8).signature(of: a))
  }

  @Test func agreementEstimatesJaccard() {
    let hasher = OnePermutationHasher(bins: 256, seed: 42)
    // Jaccard 300 / 500 = 0.6, and a small pair with many empty bins densified: 30 / 50.
    for (a, b) in [(Self.set(0..<400), Self.set(100..<500)), (Self.set(0..<40), Self.set(10..<50))] {
      let estimate = MinHasher.estimatedJaccard(hasher.signature(of: a), hasher.signature(of: b))
      #expect(abs(estimate - 0.6) < 0.12)
    }
  }

  @Test func emptySetIsAllMaxAndTinySetsFillEveryBin() {
    let hasher = OnePermutationHasher(bins: 64, seed: 1)
    #expect(hasher.signature(of: []) == [UInt32](repeating: .max, count: 64))
    let one = hasher.signature(of: [12345])
    #expect(Set(one).count == 1)
  }

  @Test func tableAndProbingDensifyAlike() {
    // 512 bins use the first-probe table for sets filling few bins; 600 bins always probe. Both
    // must pick, for each empty bin, a filled bin's value.
    for bins in [512, 600] {
      let hasher = OnePermutationHasher(bins: bins, seed: 3)
      let values = Self.set(0..<20)
      let signature = hasher.signature(of: values)
      let filled = Set(signature)
      #expect(filled.count <= 20)
      #expect(!signature.contains(.max))
    }
  }

  @Test func nearDuplicateFoundWithEitherScheme() throws {
    for scheme in DedupOptions.SignatureScheme.allCases {
      var options = DedupOptions()
      options.signatureScheme = scheme
      var words = DedupFixture.words(200, seed: 3)
      words[100] = "changed"
      let run = try DedupFixture.run(
        [DedupFixture.line("a", DedupFixture.text(200, seed: 3)), DedupFixture.line("b", words.joined(separator: " "))],
        options: options)
      #expect(DedupFixture.ids(run.output) == ["a"])
    }
  }

  @Test func defaultsVerifyExactlyWithOnePermutationSignatures() throws {
    let options = DedupOptions()
    #expect(options.verification == .exact)
    #expect(options.signatureScheme == .onePermutation)
    var words = DedupFixture.words(200, seed: 3)
    words[100] = "changed"
    let run = try DedupFixture.run(
      [DedupFixture.line("a", DedupFixture.text(200, seed: 3)), DedupFixture.line("b", words.joined(separator: " "))])
    // Exact Jaccard by default: 196 shingles each, 5 differ: 191 / 201.
    let similarity = try #require(run.result.clusters.first?.removed.first?.similarity)
    #expect(abs(similarity - 191.0 / 201.0) < 1e-9)
    #expect(run.table.shingleSet(0).count == 196)
  }

  @Test func signaturePartsRejectAnotherScheme() throws {
    var options = DedupOptions()
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("scheme-\(UUID().uuidString).bin").path
    defer { unlink(path) }
    let out = try OutputFile(path: path)
    try SignaturePartFile.write(SketchTable(permutations: 128), settings: options.fileSettings, to: out)
    try out.commit()
    options.signatureScheme = .minhash
    #expect(throws: DedupError.self) { try SignaturePartFile(path: path, settings: options.fileSettings) }
  }
}
