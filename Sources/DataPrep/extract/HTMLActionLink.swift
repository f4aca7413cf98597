/// Links that are actions on the page rather than words of it: a link whose whole visible text
/// is one bracketed word, such as Sphinx's `[source]` beside every documented function, `[docs]`
/// on its source pages, or `[edit]` and `[hide]` elsewhere. Kept, they end up inside answers
/// (`classmethod Model.from_db(db, field_names, values)[source]`) and say nothing there.
/// Generic: the test is the text's shape (brackets around letters only), not a class or a site;
/// a bracketed number (`[1]`, a footnote reference) or phrase (`[see below]`) stays.
enum HTMLActionLink {
  /// The longest word taken for an action label, in letters.
  static let maximumLetters = 12

  /// Whether element `node` (an `a`) is an action link: its text is `[` then 1 to
  /// `maximumLetters` letters then `]`, with spaces allowed around the word but not inside it.
  static func isActionLink(_ node: MarkupTree.Node, in tree: MarkupTree) -> Bool {
    var scalars: [Unicode.Scalar] = []
    for index in tree.descendants(of: node) where tree.kinds[index] == .text {
      for scalar in tree.text(of: index).unicodeScalars {
        if scalar.properties.isWhitespace && (scalars.isEmpty || scalars.last == " ") { continue }
        scalars.append(scalar.properties.isWhitespace ? " " : scalar)
        if scalars.count > maximumLetters + 4 { return false }
      }
    }
    if scalars.last == " " { scalars.removeLast() }
    guard scalars.count >= 3, scalars.first == "[", scalars.last == "]" else { return false }
    var word = scalars.dropFirst().dropLast()
    if word.first == " " { word = word.dropFirst() }
    if word.last == " " { word = word.dropLast() }
    return !word.isEmpty && word.count <= maximumLetters && word.allSatisfy { $0.properties.isAlphabetic }
  }
}
