/// The one walker over a ``MarkupTree``: a visit in document order with a "skip these subtrees"
/// predicate, in the manner of swift-markdown's `MarkupWalker` (visit a node, then descend or not).
///
/// The tree is numbered in preorder and a node's descendants are `node + 1 ..< subtreeEnd(node)`,
/// so the walk is a loop over node numbers: skipping a subtree is a jump to its end. There is no
/// recursion and no stack, so a page nested thousands deep walks like a flat one, and nothing is
/// allocated per node. The predicate and the visitor are read at each step, so a visitor may
/// change what the predicate sees (exclude a node it has not reached yet) and the walk follows.
extension MarkupTree {
  /// What the walk does after visiting a node.
  enum WalkStep {
    /// Go on with the node's first descendant (or what follows it when it has none).
    case descend
    /// Leave the node's descendants out and go on with what follows its subtree.
    case skipChildren
    /// End the walk.
    case stop
  }

  /// Visits the nodes numbered `start ..< end` in document order, leaving out each node for
  /// which `skip` holds together with its descendants.
  ///
  /// `start ..< end` must be a run of whole subtrees: the descendants of one node (see
  /// ``walk(inside:skipping:_:)``) or a tail of them (everything after a node inside a scope).
  /// - Returns: `true` when the visitor ended the walk with ``WalkStep/stop``.
  @inline(__always)
  @discardableResult
  func walk(
    from start: Node, to end: Node, skipping skip: (Node) -> Bool = { _ in false }, _ visit: (Node) -> WalkStep
  ) -> Bool {
    var node = start
    while node < end {
      if skip(node) {
        node = Int(subtreeEnds[node])
        continue
      }
      switch visit(node) {
      case .descend: node += 1
      case .skipChildren: node = Int(subtreeEnds[node])
      case .stop: return true
      }
    }
    return false
  }

  /// Visits the descendants of `scope` (not `scope` itself) in document order, leaving out each
  /// node for which `skip` holds together with its descendants.
  /// - Returns: `true` when the visitor ended the walk with ``WalkStep/stop``.
  @inline(__always)
  @discardableResult
  func walk(
    inside scope: Node, skipping skip: (Node) -> Bool = { _ in false }, _ visit: (Node) -> WalkStep
  ) -> Bool {
    walk(from: scope + 1, to: Int(subtreeEnds[scope]), skipping: skip, visit)
  }
}
