/// The JSONL line limit (`--max-line-mb`) applied to what `extract` writes.
///
/// Every later stage refuses a line longer than the limit, so a document whose line would be
/// longer (a `--record /root` over a whole export, a gzip bomb of text) is refused here, named
/// by its source (`file#record`), instead of being written for the next stage to choke on. The
/// exact length is only measured (by serialising) when the document's strings come near the
/// limit, so ordinary documents cost one pass over their string lengths.
enum DocumentLineLimit {
  /// Throws when `document`'s JSONL line would be longer than `limit` bytes.
  /// - Throws: ``ExtractError/documentOverLineLimit(source:bytes:limit:)``.
  static func check(_ document: Document, limit: Int) throws(ExtractError) {
    // Escaping at most sextuples a byte (`\u001f`); keys and punctuation are counted per string.
    guard stringBytes(document) * 6 >= limit else { return }
    var line: [UInt8] = []
    JSONWriter().write(document.jsonValue, into: &line)
    if line.count > limit {
      throw .documentOverLineLimit(source: document.source, bytes: line.count, limit: limit)
    }
  }

  /// The bytes of the document's strings plus a generous allowance per string for the JSON around it.
  static func stringBytes(_ document: Document) -> Int {
    var total = 256 + document.id.utf8.count + document.source.utf8.count + document.format.utf8.count
    total += document.title.utf8.count + document.text.utf8.count
    for section in document.sections { total += 64 + section.heading.utf8.count + section.text.utf8.count }
    var stack: [JSONValue] = [.object(document.metadata)]
    while let value = stack.popLast() {
      switch value {
      case .string(let string): total += 8 + string.utf8.count
      case .array(let elements): stack += elements
      case .object(let object):
        for member in object.members {
          total += 8 + member.key.utf8.count
          stack.append(member.value)
        }
      default: total += 32
      }
    }
    return total
  }
}
