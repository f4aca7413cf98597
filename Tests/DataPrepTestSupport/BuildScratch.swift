import Foundation

/// A scratch folder for one build test, removed by `remove()`.
package struct BuildScratch {
  package let root: String

  package init() throws {
    root = FileManager.default.temporaryDirectory.path + "/dataprep-build-test-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: root + "/sources", withIntermediateDirectories: true)
  }

  package var sources: String { root + "/sources" }

  /// Writes `text` to `name` under the sources folder and returns its path.
  @discardableResult
  package func write(_ name: String, _ text: String) throws -> String {
    let path = sources + "/" + name
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Writes `count` distinct Markdown documents named `prefix-N.md`, each with a title and three
  /// question sections, so instruct makes several examples from each.
  package func writeDocuments(_ count: Int, prefix: String, seed: UInt64) throws {
    var state = seed &+ 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    let words = Self.words
    func sentence() -> String {
      let n = 9 + next() % 8
      var parts: [String] = []
      for _ in 0..<n { parts.append(words[next() % words.count]) }
      return parts.joined(separator: " ").capitalizedFirst + "."
    }
    for i in 0..<count {
      var text = "# \(prefix.capitalized) notes \(i): \(words[next() % words.count]) and \(words[next() % words.count])\n\n"
      text += (0..<3).map { _ in sentence() }.joined(separator: " ") + "\n\n"
      for q in 0..<3 {
        text += "## How does the \(words[next() % words.count]) \(words[next() % words.count]) work \(q)?\n\n"
        text += (0..<5).map { _ in sentence() }.joined(separator: " ") + "\n\n"
      }
      try write("\(prefix)-\(i).md", text)
    }
  }

  package func read(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  package func lines(_ path: String) throws -> [String] {
    try read(path).split(separator: "\n").map(String.init)
  }

  package func remove() {
    try? FileManager.default.removeItem(atPath: root)
  }

  package static let words: [String] = """
    river ferry harbour tide channel estuary bridge lantern compass rope anchor sail keel mast \
    signal beacon island shore gravel meadow orchard barley wheat mill stone kiln pottery glaze \
    loom thread wool dye indigo madder copper bronze tin iron forge anvil hammer chisel timber \
    oak ash birch willow reed thatch cottage chapel market guild ledger abacus census charter \
    archive scroll ink quill parchment binding folio margin index glossary dialect proverb ballad \
    melody fiddle drum harvest festival lantern solstice equinox comet orbit telescope prism \
    lens mirror shadow sundial clock pendulum spring gear ratchet pulley lever wedge screw axle \
    wheel cart wagon saddle bridle stable falcon heron otter badger beetle moth fern moss lichen \
    granite basalt chalk clay silt delta marsh fen dune cliff cave spring well cistern aqueduct
    """.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
}

extension String {
  package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
