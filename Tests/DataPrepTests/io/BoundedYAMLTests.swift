@testable import DataPrep
import Foundation
import Testing

/// Every YAML file dataprep reads goes through ``BoundedYAML``: an alias bomb or an oversized
/// document is an error naming the file, not gigabytes and an abort.
@Suite struct BoundedYAMLTests {
  /// "Billion laughs" in YAML (``HostileBytes/yamlAliasBomb``).
  static let aliasBomb = HostileBytes.yamlAliasBomb

  @Test func anAliasBombIsRefusedBeforeItIsBuilt() {
    #expect(throws: BoundedYAML.Failure.tooManyNodes(limit: BoundedYAML.maximumNodes)) { try BoundedYAML.load(Self.aliasBomb) }
    #expect(throws: BoundedYAML.Failure.tooManyNodes(limit: BoundedYAML.maximumNodes)) { try BoundedYAML.compose(Self.aliasBomb) }
  }

  @Test func ordinaryAliasesAndDocumentsStillLoad() throws {
    let value = try BoundedYAML.load("base: &base {min_turns: 2}\nvalidate: *base\nlist: [1, 2, 3]\n")
    let root = try #require(value as? [String: Any])
    #expect((root["validate"] as? [String: Any])?["min_turns"] as? Int == 2)
    #expect((root["list"] as? [Any])?.count == 3)
    #expect(try BoundedYAML.load("") == nil)
    // Exactly at the node limit is accepted; one more is not.
    let node = try #require(try BoundedYAML.compose("[1, 2, 3]"))
    try BoundedYAML.checkExpandedSize(node, limit: 4)
    #expect(throws: BoundedYAML.Failure.tooManyNodes(limit: 3)) { try BoundedYAML.checkExpandedSize(node, limit: 3) }
  }

  @Test func anOversizedOrInvalidDocumentIsRefused() {
    let big = "k: \"" + String(repeating: "x", count: BoundedYAML.maximumBytes) + "\"\n"
    #expect(throws: BoundedYAML.Failure.tooLarge(bytes: big.utf8.count, limit: BoundedYAML.maximumBytes)) { try BoundedYAML.load(big) }
    do {
      _ = try BoundedYAML.load("a: [1, 2")
      Issue.record("invalid YAML was accepted")
    } catch {
      #expect(error.reason.hasPrefix("not valid YAML"))
    }
    // Deep nesting stops at libyaml's limit, an error rather than a stack overflow.
    let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
    #expect(throws: BoundedYAML.Failure.self) { try BoundedYAML.load(deep) }
  }

  @Test func eachLoaderNamesTheFile() throws {
    #expect(throws: InstructError.self) { try InstructTemplate.parse(yaml: Self.aliasBomb, path: "t.yaml") }
    do {
      _ = try InstructTemplate.parse(yaml: Self.aliasBomb, path: "t.yaml")
    } catch {
      #expect(error.localizedDescription.contains("t.yaml") && error.localizedDescription.contains("alias"))
    }
    var options = ValidationOptions()
    #expect(throws: ValidationConfigError.self) { try options.apply(yaml: Self.aliasBomb, path: "c.yaml") }
    do {
      _ = try BuildRecipe.parse(yaml: Self.aliasBomb, path: "dataprep.yaml")
      Issue.record("a recipe alias bomb was accepted")
    } catch {
      #expect(error.localizedDescription.contains("dataprep.yaml") && error.localizedDescription.contains("alias"))
    }
    // Front matter of a text document: ignored (the text is kept), not expanded.
    #expect(TextExtractor.frontMatter("---\n" + Self.aliasBomb + "\n---\nBody\n") == nil)
  }

}

/// Aliases in mapping keys are found from the text, before Yams hashes them while composing.
@Suite struct YAMLAliasKeyScanTests {
  @Test func aliasesInKeysAreFound() {
    for (text, line) in [
      ("a: &a [1, 2]\n*a : 1\n", 2), ("a: &a [1]\n? *a\n: 1\n", 2), ("a: &a [1]\nx: {? *a : 1}\n", 2),
      ("a: &a [1]\nx: {*a: 1}\n", 2), ("a: &a [1]\n[*a, 2]: 1\n", 2), ("a: &a [1]\nx:\n  [1, [*a]]: 2\n", 3),
      ("a: &a [1]\n?\n  - *a\n: 1\n", 3), ("a: &a [1]\nx: {[*a]: 1}\n", 2), ("a: &a 1\n*a: 2\n", 2),
    ] {
      #expect(YAMLAliasKeyScan.firstAliasKeyLine(in: text) == line, "\(text.debugDescription)")
    }
  }

  @Test func aliasesInValuesAndLookalikesAreNot() {
    for text in [
      "a: &a [1, 2]\nb: *a\nc: [*a, *a]\nd: {x: *a, y: *a}\ne:\n  - *a\n", "m: &m {k: 1}\nn:\n  <<: *m\n",
      "t: \"*not : an alias\"\nu: '*x : y'\n", "# *a : comment\nv: 1\n", "w: |\n  *bold* : text\n  ? *x\nz: 1\n",
      "q: \"multi\n  *a : line\"\n", "list:\n  - * item: 1\n", "x: a*b: c\n", "? plain\n: *a\n",
    ] {
      #expect(YAMLAliasKeyScan.firstAliasKeyLine(in: text) == nil, "\(text.debugDescription)")
    }
  }

  @Test func aKeyHashingBombIsRefusedQuickly() {
    let bomb = BoundedYAMLTests.aliasBomb.split(separator: "\n").prefix(7).joined(separator: "\n") + "\nx: {? *g : 1, ? *f : 2}\n"
    let start = Date()
    #expect(throws: BoundedYAML.Failure.aliasInKey(line: 8)) { try BoundedYAML.compose(bomb) }
    #expect(Date().timeIntervalSince(start) < 5)
  }
}

/// Found by the `yaml` fuzz target: Yams force-unwraps a mapping key as a string when building
/// a dictionary, so a list or mapping used as a key aborted the process.
@Suite struct YAMLCollectionKeyTests {
  @Test func aCollectionKeyIsAnErrorNotAnAbort() {
    for text in ["[[[[{a: ~1, {b: c}}]]]]: Closeecond\n", "? [a, b]\n: 1\n", "x:\n  {k: v}: 1\n"] {
      #expect(throws: BoundedYAML.Failure.self, "\(text.debugDescription)") { try BoundedYAML.load(text) }
      #expect(throws: BoundedYAML.Failure.self) { try BoundedYAML.compose(text) }
    }
    #expect(throws: BoundedYAML.Failure.collectionKey(line: 1)) { try BoundedYAML.load("{[a]: 1}") }
    let error = BoundedYAML.Failure.collectionKey(line: 3)
    #expect(error.reason.contains("line 3"))
    #expect(throws: InstructError.self) { try InstructTemplate.parse(yaml: "[a]: 1\n", path: "t.yaml") }
  }
}
