import Foundation
import Testing

import DataPrep

/// Issue 15 through the binary: no command destroys an input or drops records it was not
/// asked to drop, and nonsense settings are refused instead of silently giving nothing.
@Suite(.serialized) struct DataLossGuardTests {
  static func documentLine(_ id: String, _ text: String) -> String {
    JSONWriter().string(of: ["id": .string(id), "text": .string(text), "metadata": ["source_id": .string(id)]])
  }

  /// Distinct documents of 40 pseudo-random words each.
  static func documents(_ count: Int, seed: UInt64 = 1, prefix: String = "d") -> String {
    (0..<count).map { k in documentLine("\(prefix)\(k)", RandomWords.text(40, seed: seed &+ UInt64(k) &* 7919)) }
      .joined(separator: "\n") + "\n"
  }

  @Test func leakageRefusesAReportPathThatIsOneOfItsInputs() throws {
    guard CommandRunner.isAvailable() else { return }
    let folder = try ScratchFolder()
    let trainText = Self.documents(5)
    let validationText = Self.documents(3, seed: 99, prefix: "v")
    let train = try folder.write("train.jsonl", trainText)
    let validation = try folder.write("validation.jsonl", validationText)
    let link = folder.path("link.jsonl")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: train)
    for target in [train, validation, folder.url.path + "/./validation.jsonl", link] {
      let result = try CommandRunner.run(["leakage", "--train", train, "--validation", validation, "-o", target])
      #expect(result.status == 2, "\(target): \(result.stderr)")
      #expect(result.stderr.contains("the output is also an input"), "\(target): \(result.stderr)")
      #expect(try String(contentsOfFile: train, encoding: .utf8) == trainText, "-o \(target) changed train")
      #expect(try String(contentsOfFile: validation, encoding: .utf8) == validationText, "-o \(target) changed validation")
    }
    // --against inputs are protected too; a distinct report path still works.
    let against = try folder.write("eval.jsonl", Self.documents(2, seed: 500, prefix: "e"))
    let refused = try CommandRunner.run(["leakage", "--train", train, "--against", against, "-o", against])
    #expect(refused.status == 2, "\(refused.stderr)")
    let report = folder.path("report.txt")
    let ok = try CommandRunner.run(["leakage", "--train", train, "--validation", validation, "-o", report])
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(FileManager.default.fileExists(atPath: report))
  }

  @Test func stagedDedupRefusesSignaturesOfAnotherInput() throws {
    guard CommandRunner.isAvailable() else { return }
    let folder = try ScratchFolder()
    let one = try folder.write("one.jsonl", Self.documents(6))
    // Same record count, other records: index-based removal would drop the wrong ones.
    let other = try folder.write("other.jsonl", Self.documents(6, seed: 77, prefix: "o"))
    let (sigs, sigsOther) = (folder.path("sigs"), folder.path("sigs-other"))
    let (pairs, pairsOther) = (folder.path("pairs"), folder.path("pairs-other"))
    #expect(try CommandRunner.run(["dedup", one, "--stage", "signatures", "-o", sigs]).status == 0)
    #expect(try CommandRunner.run(["dedup", other, "--stage", "signatures", "-o", sigsOther]).status == 0)
    #expect(try CommandRunner.run(["dedup", "--stage", "candidates", "--signatures", sigs, "-o", pairs]).status == 0)
    #expect(try CommandRunner.run(["dedup", "--stage", "candidates", "--signatures", sigsOther, "-o", pairsOther]).status == 0)
    let decisions = folder.path("decisions")
    // Pairs made from other signatures.
    let wrongPairs = try CommandRunner.run(["dedup", "--stage", "clusters", "--signatures", sigs, "--pairs", pairsOther, "-o", decisions])
    #expect(wrongPairs.status == 2, "\(wrongPairs.stderr)")
    #expect(wrongPairs.stderr.contains("made from the signatures of another input"), "\(wrongPairs.stderr)")
    #expect(!FileManager.default.fileExists(atPath: decisions + "/part-00000-of-00001.done.json"))
    #expect(try CommandRunner.run(["dedup", "--stage", "clusters", "--signatures", sigs, "--pairs", pairs, "-o", decisions]).status == 0)
    // The input is not the one the signatures were made from.
    let kept = folder.path("kept")
    let wrongInput = try CommandRunner.run(["dedup", other, "--stage", "filter", "--decisions", decisions, "-o", kept])
    #expect(wrongInput.status == 2, "\(wrongInput.stderr)")
    #expect(wrongInput.stderr.contains("\(other): not the input the signatures were made from"), "\(wrongInput.stderr)")
    #expect(!FileManager.default.fileExists(atPath: kept))
    // The input changed after sketching (one record edited in place).
    let original = try String(contentsOfFile: one, encoding: .utf8)
    try original.replacingOccurrences(of: "\"d3\"", with: "\"d3x\"").write(toFile: one, atomically: true, encoding: .utf8)
    let afterEdit = try CommandRunner.run(["dedup", one, "--stage", "filter", "--decisions", decisions, "-o", kept])
    #expect(afterEdit.status == 2, "\(afterEdit.stderr)")
    // A fresh job on the matching input goes through, and a stage folder is never an output.
    try original.write(toFile: one, atomically: true, encoding: .utf8)
    for (stage, folderName) in [("signatures", "sigs2"), ("candidates", "pairs2"), ("clusters", "decisions2"), ("filter", "kept2")] {
      var arguments = ["dedup", "--stage", stage, "-o", folder.path(folderName)]
      switch stage {
      case "signatures": arguments += [one]
      case "candidates": arguments += ["--signatures", folder.path("sigs2")]
      case "clusters": arguments += ["--signatures", folder.path("sigs2"), "--pairs", folder.path("pairs2")]
      default: arguments += [one, "--decisions", folder.path("decisions2")]
      }
      let result = try CommandRunner.run(arguments)
      #expect(result.status == 0, "\(stage): \(result.stderr)")
    }
    let merged = folder.path("kept.jsonl")
    #expect(try CommandRunner.run(["merge", folder.path("kept2"), "-o", merged]).status == 0)
    #expect(try String(contentsOfFile: merged, encoding: .utf8) == original)
    let overSigs = try CommandRunner.run(["dedup", "--stage", "clusters", "--signatures", sigs, "--pairs", pairs, "-o", sigs])
    #expect(overSigs.status == 2, "\(overSigs.stderr)")
    #expect(overSigs.stderr.contains("the output is also an input"), "\(overSigs.stderr)")
  }

  @Test func splitRefusesAnEmptySideUnlessAllowed() throws {
    guard CommandRunner.isAvailable() else { return }
    let folder = try ScratchFolder()
    let input = try folder.write("data.jsonl", Self.documents(20))
    let out = folder.path("out")
    let refused = try CommandRunner.run(["split", input, "--ratio", "0.00001", "-o", out, "--skip-leakage-check"])
    #expect(refused.status == 2, "\(refused.stderr)")
    #expect(refused.stderr.contains("train would get none of the 20 record(s)"), "\(refused.stderr)")
    #expect(refused.stderr.contains("--allow-empty"), "\(refused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out + "/train.jsonl"))
    #expect(!FileManager.default.fileExists(atPath: out + "/validation.jsonl"))
    let exact = try CommandRunner.run(["split", input, "--ratio", "0.99999", "--exact", "-o", out, "--skip-leakage-check"])
    #expect(exact.status == 2, "\(exact.stderr)")
    #expect(exact.stderr.contains("validation would get none"), "\(exact.stderr)")
    let allowed = try CommandRunner.run(["split", input, "--ratio", "0.00001", "-o", out, "--skip-leakage-check", "--allow-empty"])
    #expect(allowed.status == 0, "\(allowed.stderr)")
    #expect(try String(contentsOfFile: out + "/train.jsonl", encoding: .utf8).isEmpty)
  }

  @Test func aNegativeMaxTokensInAConfigIsRefusedNamingKeyAndFile() throws {
    guard CommandRunner.isAvailable() else { return }
    let folder = try ScratchFolder()
    let input = try folder.write("data.jsonl", Self.documents(3))
    for (name, yaml) in [("flat.yaml", "max_tokens: -5\n"), ("section.yaml", "validate:\n  max_tokens: 0\n")] {
      let config = try folder.write(name, yaml)
      let result = try CommandRunner.run(["validate", input, "--config", config])
      #expect(result.status == 2, "\(name): \(result.stderr)")
      #expect(result.stderr.contains("\(config): 'max_tokens' must be a token count of at least 1"), "\(name): \(result.stderr)")
    }
  }
}
