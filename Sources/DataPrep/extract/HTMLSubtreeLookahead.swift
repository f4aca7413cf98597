/// Answers "does this subtree hold a `<time>`?" and "does its text start with ©?" in constant
/// time, for every node of a page.
///
/// Asked of each short block while the main-content selector walks a page, scanning the
/// subtree each time would cost the size of the subtree per question, quadratic on nested markup
/// (20,000 nested `<table><tr><td>` took minutes). One backward pass records, for each node,
/// the first `time` element and the first text node with visible characters at or after it in
/// document order; a subtree holds one when that node lies before the subtree's end.
struct HTMLSubtreeLookahead {
  private let tree: MarkupTree
  /// For each node, the first `time` element at or after it (`count` when none).
  private var nextTime: [Int32]
  /// For each node, the first text node with a non-blank byte at or after it (`count` when none).
  private var nextText: [Int32]

  /// The lookahead of `tree`, built in one pass.
  init(_ tree: MarkupTree) {
    self.tree = tree
    let count = tree.kinds.count
    nextTime = Array(repeating: Int32(count), count: count + 1)
    nextText = Array(repeating: Int32(count), count: count + 1)
    var node = count - 1
    while node >= 0 {
      nextTime[node] = tree.isElement(node, named: "time") ? Int32(node) : nextTime[node + 1]
      let visible = tree.kinds[node] == .text && tree.textBytes(of: node).contains { $0 > 0x20 }
      nextText[node] = visible ? Int32(node) : nextText[node + 1]
      node -= 1
    }
  }

  /// Whether a `time` element lies below `node`.
  func containsTime(_ node: MarkupTree.Node) -> Bool {
    Int(nextTime[node + 1]) < tree.subtreeEnd(node)
  }

  /// Whether the first visible text below `node` starts with ©, `Copyright` or `(c)`.
  func startsWithCopyright(_ node: MarkupTree.Node) -> Bool {
    let first = Int(nextText[node + 1])
    guard first < tree.subtreeEnd(node) else { return false }
    let bytes = tree.textBytes(of: first).drop { $0 <= 0x20 }
    return bytes.starts(with: [0xC2, 0xA9]) || bytes.starts(with: Array("Copyright".utf8))
      || bytes.starts(with: Array("(c)".utf8)) || bytes.starts(with: Array("(C)".utf8))
  }
}
