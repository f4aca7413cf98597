import Testing

@testable import DataPrep

/// `MarkupTree.walk`: the one walker the HTML readers share.
@Suite struct MarkupTreeWalkTests {
  private func html(_ text: String) throws -> MarkupTree {
    try HTMLParser().parse(Array(text.utf8)).tree
  }

  /// An element's name, a text node's text, in the order `walk` visits them.
  private func label(_ node: MarkupTree.Node, in tree: MarkupTree) -> String {
    tree.isElement(node) ? tree.name(node) : tree.text(of: node)
  }

  private let page = "<div><p>one<b>two</b></p><ul><li>three</li><li>four</li></ul><p>five</p></div>"

  @Test func visitsDescendantsInDocumentOrder() throws {
    let tree = try html(page)
    let div = try #require(tree.firstElement(named: "div"))
    var visited: [MarkupTree.Node] = []
    let stopped = tree.walk(inside: div) { node in
      visited.append(node)
      return .descend
    }
    #expect(!stopped)
    #expect(visited == Array(tree.descendants(of: div)))
    #expect(visited.map { label($0, in: tree) } == ["p", "one", "b", "two", "ul", "li", "three", "li", "four", "p", "five"])
  }

  @Test func skipPredicateLeavesOutTheWholeSubtree() throws {
    let tree = try html(page)
    let div = try #require(tree.firstElement(named: "div"))
    var visited: [String] = []
    var asked: [String] = []
    tree.walk(inside: div, skipping: { node in
      asked.append(label(node, in: tree))
      return tree.isElement(node, named: "ul")
    }) { node in
      visited.append(label(node, in: tree))
      return .descend
    }
    #expect(visited == ["p", "one", "b", "two", "p", "five"])
    // The predicate is never asked about what lies inside a skipped node.
    #expect(!asked.contains("li") && !asked.contains("three"))
  }

  @Test func skipChildrenVisitsTheNodeButNotItsDescendants() throws {
    let tree = try html(page)
    let div = try #require(tree.firstElement(named: "div"))
    var visited: [String] = []
    tree.walk(inside: div) { node in
      visited.append(label(node, in: tree))
      return tree.isElement(node, named: "p") ? .skipChildren : .descend
    }
    #expect(visited == ["p", "ul", "li", "three", "li", "four", "p"])
  }

  @Test func stopEndsTheWalkAndIsReported() throws {
    let tree = try html(page)
    let div = try #require(tree.firstElement(named: "div"))
    var visited: [String] = []
    let stopped = tree.walk(inside: div) { node in
      visited.append(label(node, in: tree))
      return tree.isElement(node, named: "ul") ? .stop : .descend
    }
    #expect(stopped)
    #expect(visited == ["p", "one", "b", "two", "ul"])
  }

  @Test func aVisitorCanSkipNodesItHasNotReachedYet() throws {
    let tree = try html(page)
    let div = try #require(tree.firstElement(named: "div"))
    let items = tree.elements(named: "li")
    var dropped: Set<MarkupTree.Node> = []
    var visited: [String] = []
    tree.walk(inside: div, skipping: { dropped.contains($0) }) { node in
      visited.append(label(node, in: tree))
      // At the list, drop its second item: the walk must not enter it.
      if tree.isElement(node, named: "ul") { dropped.insert(items[1]) }
      return .descend
    }
    #expect(visited == ["p", "one", "b", "two", "ul", "li", "three", "p", "five"])
  }

  @Test func walksARangeOfWholeSubtrees() throws {
    let tree = try html(page)
    let div = try #require(tree.firstElement(named: "div"))
    let list = try #require(tree.firstElement(named: "ul"))
    var visited: [String] = []
    tree.walk(from: list, to: tree.subtreeEnd(div)) { node in
      visited.append(label(node, in: tree))
      return .descend
    }
    #expect(visited == ["ul", "li", "three", "li", "four", "p", "five"])
    var none = 0
    tree.walk(from: list, to: list) { _ in
      none += 1
      return .descend
    }
    #expect(none == 0)
  }

  @Test func walksALeafAndTheWholeDocument() throws {
    let tree = try html(page)
    let text = try #require(tree.descendants(of: MarkupTree.root).first { tree.kind($0) == .text })
    var inLeaf = 0
    tree.walk(inside: text) { _ in
      inLeaf += 1
      return .descend
    }
    #expect(inLeaf == 0)
    var all = 0
    tree.walk(inside: MarkupTree.root) { _ in
      all += 1
      return .descend
    }
    #expect(all == tree.count - 1)
  }

  @Test func walksAVeryDeepTreeWithoutRecursion() throws {
    let depth = 100_000
    let tree = try html(String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth))
    var elements = 0
    var text = ""
    tree.walk(inside: MarkupTree.root) { node in
      if tree.isElement(node, named: "div") { elements += 1 }
      if tree.kind(node) == .text { text += tree.text(of: node) }
      return .descend
    }
    #expect(elements == depth)
    #expect(text == "deep text")
    // Skipping the outermost div leaves out all of it in one step.
    let outer = try #require(tree.firstElement(named: "div"))
    var visitedInside = 0
    tree.walk(inside: MarkupTree.root, skipping: { $0 == outer }) { node in
      if node > outer { visitedInside += 1 }
      return .descend
    }
    #expect(visitedInside == 0)
  }
}
