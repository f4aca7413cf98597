/// Permalink anchors and glyphs: the `¶`, `§`, `#`, `🔗` that documentation generators put after
/// headings and definitions (Doxygen's `◆` before them) (`<a class="headerlink" href="#x">¶</a>`). They mean "link to here"
/// on the page and nothing in the text, so they never reach it.
enum HTMLPermalink {
  /// Whether `scalar` is a permalink glyph (variation selectors aside).
  static func isGlyph(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    // #, §, ¶, ⁋, ⚓, ∞, ◆ (Doxygen's member anchors), 🔗, 📎, variation selectors.
    case 0x23, 0xA7, 0xB6, 0x204B, 0x2693, 0x221E, 0x25C6, 0x1F517, 0x1F4CE, 0xFE0E, 0xFE0F: return true
    default: return false
    }
  }

  /// Whether element `node` is a permalink: an `a` whose visible text is only permalink glyphs,
  /// pointing at a fragment (`href` with `#`) or marked as one by its class (`headerlink`,
  /// `permalink`, `anchor`). A link whose text is words is never one, whatever its class.
  static func isPermalink(_ node: MarkupTree.Node, in tree: MarkupTree) -> Bool {
    var glyphs = 0
    for index in tree.descendants(of: node) where tree.kinds[index] == .text {
      for scalar in tree.text(of: index).unicodeScalars where !scalar.properties.isWhitespace {
        guard isGlyph(scalar) else { return false }
        glyphs += 1
      }
    }
    guard glyphs > 0 else { return false }
    if let href = tree.attribute("href", of: node), href.contains("#") { return true }
    let classes = (tree.attribute("class", of: node) ?? "").lowercased()
    return classes.contains("headerlink") || classes.contains("permalink") || classes.contains("anchor")
  }

  /// `text` (one line of UTF-8) without the permalink glyphs and spaces at its end, unless
  /// nothing else is left (a heading that is only `#` stays).
  static func trimmingTrailingGlyphs(_ text: [UInt8]) -> [UInt8] {
    var scalars = Array(String(decoding: text, as: UTF8.self).unicodeScalars)
    var end = scalars.count
    while end > 0, isGlyph(scalars[end - 1]) || scalars[end - 1].properties.isWhitespace { end -= 1 }
    guard end > 0, end < scalars.count, scalars[end..<scalars.count].contains(where: { $0 != "#" && isGlyph($0) }) else {
      return text
    }
    scalars.removeSubrange(end...)
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars)
    return Array(String(out).utf8)
  }
}
