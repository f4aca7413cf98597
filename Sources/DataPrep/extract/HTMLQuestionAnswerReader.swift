/// Finds question/answer pairs on a page, for `metadata.qa` (the `faq` instruct task uses them).
///
/// Sources, in this order: schema.org `Question`s in JSON-LD (FAQPage, QAPage), microdata
/// (`itemtype` Question with `itemprop` name and acceptedAnswer/suggestedAnswer), `<dl>` term and
/// description pairs, and `<details>` with a `<summary>`. Hidden parts of the page are ignored;
/// a question already found is not repeated. The work is bounded: hostile nesting of lists or
/// details cannot make it quadratic.
struct HTMLQuestionAnswerReader {
  let page: HTMLPage
  private var tree: MarkupTree { page.tree }

  /// The answers' rendering may cover at most this many times the page's nodes in all.
  static let passesOverPage = 4

  /// The pairs found, as `{question, answer}` JSON objects.
  func read(jsonLD: [JSONValue]) -> [JSONValue] {
    var pairs: [(String, String)] = []
    for (question, answer) in HTMLJSONLDReader(values: jsonLD).questions() {
      pairs.append((collapse(question), answer.contains("<") ? fragmentText(answer) : collapse(answer)))
    }
    // Answers are rendered subtrees; nested lists, details or questions would render the same
    // nodes again and again, so the work is capped at a few passes over the page.
    let tree = page.tree
    var budget = Self.passesOverPage * tree.count
    tree.walk(inside: MarkupTree.root, skipping: { page.excluded[$0] }) { node in
      guard tree.kinds[node] == .element else { return .descend }
      let name = tree.name(node)
      let isQuestion = name != "dl" && name != "details"
        && (tree.attribute("itemtype", of: node)?.lowercased().hasSuffix("schema.org/question") ?? false)
      guard name == "dl" || name == "details" || isQuestion else { return .descend }
      budget -= tree.subtreeEnd(node) - node
      if budget < 0 { return .stop }
      switch name {
      case "dl": pairs += definitionPairs(node)
      case "details": pairs += detailsPair(node)
      default: pairs += microdataPair(node)
      }
      return .descend
    }
    var seen: Set<String> = []
    var result: [JSONValue] = []
    for (question, answer) in pairs where !question.isEmpty && !answer.isEmpty {
      guard seen.insert(question).inserted else { continue }
      result.append(["question": .string(question), "answer": .string(answer)])
    }
    return result
  }

  private func microdataPair(_ question: MarkupTree.Node) -> [(String, String)] {
    var name: String?
    var answer: String?
    let tree = page.tree
    tree.walk(inside: question, skipping: { page.excluded[$0] }) { index in
      guard tree.kinds[index] == .element else { return .descend }
      let properties = (tree.attribute("itemprop", of: index) ?? "").split(separator: " ")
      var step = MarkupTree.WalkStep.descend
      if name == nil, properties.contains("name") {
        name = tree.attribute("content", of: index).map(collapse) ?? inlineText(index)
      } else if answer == nil, properties.contains("acceptedAnswer") || properties.contains("suggestedAnswer") {
        let textNode = tree.descendants(of: index).first {
          tree.kinds[$0] == .element && (tree.attribute("itemprop", of: $0) ?? "").split(separator: " ").contains("text")
        }
        answer = blockText(textNode ?? index)
        step = .skipChildren
      }
      // Both found: the rest of the question is not read.
      return name != nil && answer != nil ? .stop : step
    }
    guard let name, let answer else { return [] }
    return [(name, answer)]
  }

  private func definitionPairs(_ list: MarkupTree.Node) -> [(String, String)] {
    var pairs: [(String, String)] = []
    var term: [String] = []
    var descriptions: [String] = []
    func finish() {
      if !term.isEmpty, !descriptions.isEmpty {
        pairs.append((term.joined(separator: " / "), descriptions.joined(separator: "\n\n")))
      }
    }
    // HTML allows one `div` wrapper around each group of dt/dd.
    var items: [MarkupTree.Node] = []
    for child in tree.children(of: list) where tree.isElement(child) && !page.excluded[child] {
      if tree.name(child) == "div" {
        items += tree.children(of: child).filter { tree.isElement($0) && !page.excluded[$0] }
      } else {
        items.append(child)
      }
    }
    for item in items {
      switch tree.name(item) {
      case "dt":
        if !descriptions.isEmpty {
          finish()
          term = []
          descriptions = []
        }
        term.append(inlineText(item))
      case "dd":
        descriptions.append(blockText(item))
      default:
        continue
      }
    }
    finish()
    return pairs
  }

  private func detailsPair(_ details: MarkupTree.Node) -> [(String, String)] {
    guard let summary = tree.children(of: details).first(where: { tree.isElement($0, named: "summary") }) else {
      return []
    }
    let question = inlineText(summary)
    let answer = MarkdownOutput.trimmed(HTMLMarkdownRenderer.render(page, scope: details, omitting: summary).bytes[...])
    return [(question, answer)]
  }

  private func inlineText(_ node: MarkupTree.Node) -> String {
    String(decoding: HTMLMarkdownRenderer(page: page).inlineRun(node).singleLine(), as: UTF8.self)
  }

  private func blockText(_ node: MarkupTree.Node) -> String {
    MarkdownOutput.trimmed(HTMLMarkdownRenderer.render(page, scope: node).bytes[...])
  }

  private func collapse(_ text: String) -> String {
    var inline = MarkdownInlineText()
    inline.append(Array(text.utf8)[...])
    return String(decoding: inline.singleLine(), as: UTF8.self)
  }

  /// The text of an HTML fragment (JSON-LD answers often hold markup).
  private func fragmentText(_ html: String) -> String {
    guard let tree = try? HTMLParser().parse(text: html) else { return collapse(html) }
    return MarkdownOutput.trimmed(HTMLMarkdownRenderer.render(HTMLPage(tree: tree)).bytes[...])
  }
}
