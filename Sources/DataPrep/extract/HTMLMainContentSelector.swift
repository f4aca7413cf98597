/// Finds the main content of a page and leaves out what inside it is still furniture.
///
/// Two steps, each its own type: ``HTMLMainContentLocator`` picks the node that holds the
/// content (the markup's word for it, narrowed to where the prose is), then
/// ``HTMLMainContentPruner`` excludes the furniture inside it (reader comments, link-heavy
/// blocks, cards of other articles, metadata lines, headings left empty, what trails the text).
/// ``HTMLContentOptions/Favor`` sets how hard both work.
struct HTMLMainContentSelector {
  /// What to keep and how hard to narrow and prune.
  let options: HTMLContentOptions

  /// The node to render, after excluding the furniture inside it from `page`.
  func select(_ page: inout HTMLPage) -> MarkupTree.Node {
    guard let detector = page.boilerplate else { return MarkupTree.root }
    let scope = HTMLMainContentLocator(favor: options.favor, detector: detector).locate(&page)
    HTMLMainContentPruner(options: options, detector: detector).prune(&page, inside: scope)
    return scope
  }
}
