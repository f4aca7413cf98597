/// The first pass of ``SiteFurnitureFilter``: for every line key, the number of documents
/// holding it (a document counts once however often it repeats the line).
///
/// Counted: the candidate lines of `text` (see ``FurnitureText/candidateLines(_:)``), those of
/// `metadata.qa` answers, and `metadata.description` and `abstract` as one line each. Memory is
/// one hash and a count per distinct key.
struct FurnitureCounts {
  /// The fewest words a counted line holds.
  let minimumWords: Int
  /// Whether lines inside code fences are counted.
  let includesCode: Bool
  /// Documents counted.
  private(set) var documents = 0
  private var counts: [UInt64: UInt32] = [:]
  private var seen = Set<UInt64>()

  /// Counts with no document yet.
  init(minimumWords: Int, includesCode: Bool = false) {
    self.minimumWords = minimumWords
    self.includesCode = includesCode
  }

  /// Counts the lines of one document record.
  mutating func add(_ record: JSONObject) {
    documents += 1
    seen.removeAll(keepingCapacity: true)
    func note(_ line: Substring) {
      if let key = FurnitureLineKey.key(line, minimumWords: minimumWords) { seen.insert(key) }
    }
    if let text = record["text"]?.stringValue {
      for line in FurnitureText.candidateLines(text, includesCode: includesCode) { note(line) }
    }
    if let metadata = record["metadata"]?.objectValue {
      for pair in metadata["qa"]?.arrayValue ?? [] {
        guard let answer = pair["answer"]?.stringValue else { continue }
        for line in FurnitureText.candidateLines(answer, includesCode: includesCode) { note(line) }
      }
      for name in FurnitureRewriter.wholeValueFields {
        if let value = metadata[name]?.stringValue { note(FurnitureRewriter.singleLine(value)) }
      }
    }
    for key in seen { counts[key, default: 0] &+= 1 }
  }

  /// Every key counted with its document count, sorted by key (a shard's side output).
  var sortedCounts: [(key: UInt64, documents: UInt32)] {
    counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// Adds the counts of another set of documents (another shard's): `documents` documents that
  /// held each key `count` times.
  mutating func add(documents: Int, counts other: some Sequence<(key: UInt64, documents: UInt32)>) {
    self.documents += documents
    for (key, count) in other { counts[key, default: 0] &+= count }
  }

  /// The keys held by at least `threshold` documents, with their document counts.
  func keys(onAtLeast threshold: Int) -> [UInt64: Int] {
    var found: [UInt64: Int] = [:]
    for (key, count) in counts where Int(count) >= threshold { found[key] = Int(count) }
    return found
  }
}
