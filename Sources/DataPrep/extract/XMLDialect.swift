/// The XML vocabularies `extract` knows, decided from the root element and its namespace.
///
/// The raw value is the document's `format`.
enum XMLDialect: String, Sendable, CaseIterable {
  /// DocBook 4 or 5 (`section/title/para`).
  case docbook
  /// TEI (`div/head/p`).
  case tei
  /// JATS / NLM journal articles (`article-title`, `abstract`, `sec/title/p`).
  case jats
  /// Mallard help pages (`page/title/section/p`).
  case mallard
  /// RSS 2.0 (and RSS 1.0 / RDF) feeds: one document per item.
  case rss
  /// Atom feeds: one document per entry.
  case atom
  /// MediaWiki XML exports: one document per page.
  case mediawiki
  /// Any other XML: its text with the element structure.
  case xml

  /// Whether documents are streamed with xmlTextReader (one per item, entry or page), so
  /// memory stays flat on big feeds and dumps.
  var streams: Bool { self == .rss || self == .atom || self == .mediawiki }

  /// The dialect of a document whose root element is `root`; `head` is the first bytes, used
  /// to tell a JATS `article` from a DocBook one.
  static func detect(root: XMLRoot, head: [UInt8]) -> XMLDialect {
    let namespace = root.namespace ?? ""
    let local = root.localName
    let doctype = root.doctype.lowercased()
    if namespace.hasPrefix("http://docbook.org/ns/docbook") || doctype.contains("docbook") { return .docbook }
    if namespace.hasPrefix("http://www.tei-c.org/ns") || local == "TEI" || local == "teiCorpus" { return .tei }
    if namespace.hasPrefix("http://projectmallard.org/") { return .mallard }
    if namespace == "http://www.w3.org/2005/Atom" && local == "feed" { return .atom }
    if local == "rss" || (local == "RDF" && (root.attributes.values.contains("http://purl.org/rss/1.0/"))) {
      return .rss
    }
    if local == "mediawiki" || namespace.hasPrefix("http://www.mediawiki.org/xml/export") { return .mediawiki }
    if doctype.contains("jats") || doctype.contains("nlm") || doctype.contains("journal publishing") {
      return .jats
    }
    if local == "article" && root.namespace == nil {
      let text = String(decoding: head.prefix(16384), as: UTF8.self)
      if root.attributes["dtd-version"] != nil || root.attributes["article-type"] != nil
        || text.contains("<front>") || text.contains("<article-meta") || text.contains("<journal-meta")
      {
        return .jats
      }
      return .docbook
    }
    if root.namespace == nil && ["book", "chapter", "refentry", "set", "part", "appendix"].contains(local) {
      let text = String(decoding: head.prefix(16384), as: UTF8.self)
      if text.contains("<para") || text.contains("<title") { return .docbook }
    }
    return .xml
  }
}
