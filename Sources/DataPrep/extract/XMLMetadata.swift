/// The title and metadata of a whole XML document, found where each dialect keeps them:
/// DocBook `info`, TEI `teiHeader`, JATS `front/article-meta`, Mallard `info`.
struct XMLMetadata {
  /// The document title, empty when none.
  var title = ""
  /// The element the title came from (not repeated in the text).
  var titleNode: MarkupTree.Node?
  /// `lang`, `abstract`, `author`, `date`, `tags`, `description`, `site_name`, `url`.
  var metadata = JSONObject()

  private let tree: MarkupTree

  /// Reads the metadata of `root`.
  init(tree: MarkupTree, root: MarkupTree.Node, dialect: XMLDialect) {
    self.tree = tree
    if let lang = tree.attribute("lang", of: root), !lang.isEmpty { metadata.append("lang", .string(lang)) }
    switch dialect {
    case .docbook: readDocBook(root)
    case .tei: readTEI(root)
    case .jats: readJATS(root)
    case .mallard: readMallard(root)
    default: readGeneric(root)
    }
  }

  private func text(_ node: MarkupTree.Node) -> String { XMLTextRenderer.collapse(tree.textContent(of: node)) }

  private func child(_ node: MarkupTree.Node, _ name: String) -> MarkupTree.Node? {
    tree.children(of: node).first { tree.isElement($0, named: name) }
  }

  private func path(_ node: MarkupTree.Node, _ names: String...) -> MarkupTree.Node? {
    var current: MarkupTree.Node? = node
    for name in names { current = current.flatMap { child($0, name) } }
    return current
  }

  private mutating func setTitle(_ node: MarkupTree.Node?) {
    guard let node else { return }
    let value = text(node)
    if !value.isEmpty {
      title = value
      titleNode = node
    }
  }

  private mutating func set(_ key: String, _ value: String) {
    if !value.isEmpty && metadata[key] == nil { metadata.append(key, .string(value)) }
  }

  private mutating func setAbstract(_ node: MarkupTree.Node?) {
    guard let node else { return }
    let paragraphs = tree.descendants(of: node).filter {
      tree.isElement($0, named: "p") || tree.isElement($0, named: "para") || tree.isElement($0, named: "simpara")
    }
    let value = paragraphs.isEmpty ? text(node) : paragraphs.map(text).filter { !$0.isEmpty }.joined(separator: "\n\n")
    set("abstract", value)
  }

  private mutating func readDocBook(_ root: MarkupTree.Node) {
    let info = tree.children(of: root).first { tree.isElement($0) && tree.name($0).hasSuffix("info") }
    setTitle(child(root, "title") ?? info.flatMap { child($0, "title") })
    guard let info else { return }
    setAbstract(child(info, "abstract"))
    let authors = tree.descendants(of: info).filter { tree.isElement($0, named: "author") }.map { author -> String in
      let first = tree.firstElement(named: "firstname", in: author).map(text) ?? ""
      let last = tree.firstElement(named: "surname", in: author).map(text) ?? ""
      let joined = [first, last].filter { !$0.isEmpty }.joined(separator: " ")
      return joined.isEmpty ? text(author) : joined
    }
    set("author", authors.joined(separator: ", "))
    set("date", (child(info, "date") ?? child(info, "pubdate")).map(text) ?? "")
    let keywords = tree.descendants(of: info).filter { tree.isElement($0, named: "keyword") }.map(text)
    if !keywords.isEmpty { metadata.append("tags", .array(keywords.map { .string($0) })) }
  }

  private mutating func readTEI(_ root: MarkupTree.Node) {
    guard let header = tree.firstElement(named: "teiHeader", in: root) else { return }
    let statement = tree.firstElement(named: "titleStmt", in: header)
    setTitle(statement.flatMap { tree.firstElement(named: "title", in: $0) })
    if let statement {
      set("author", tree.elements(named: "author", in: statement).map(text).joined(separator: ", "))
    }
    if let publication = tree.firstElement(named: "publicationStmt", in: header) {
      set("date", tree.firstElement(named: "date", in: publication).map { tree.attribute("when", of: $0) ?? text($0) } ?? "")
    }
    if let language = tree.firstElement(named: "language", in: header), metadata["lang"] == nil {
      set("lang", tree.attribute("ident", of: language) ?? "")
    }
    setAbstract(tree.firstElement(named: "abstract", in: header))
  }

  private mutating func readJATS(_ root: MarkupTree.Node) {
    guard let front = child(root, "front") else { return }
    let meta = child(front, "article-meta")
    setTitle(meta.flatMap { tree.firstElement(named: "article-title", in: $0) })
    set("site_name", tree.firstElement(named: "journal-title", in: front).map(text) ?? "")
    guard let meta else { return }
    let abstract = tree.elements(named: "abstract", in: meta).first { tree.attribute("abstract-type", of: $0) == nil }
    setAbstract(abstract)
    let authors = tree.elements(named: "contrib", in: meta).filter {
      (tree.attribute("contrib-type", of: $0) ?? "author") == "author"
    }.compactMap { contrib -> String? in
      if let name = tree.firstElement(named: "name", in: contrib) {
        let given = tree.firstElement(named: "given-names", in: name).map(text) ?? ""
        let surname = tree.firstElement(named: "surname", in: name).map(text) ?? ""
        return [given, surname].filter { !$0.isEmpty }.joined(separator: " ")
      }
      return tree.firstElement(named: "collab", in: contrib).map(text)
    }
    set("author", authors.filter { !$0.isEmpty }.joined(separator: ", "))
    if let date = tree.firstElement(named: "pub-date", in: meta) {
      let parts = ["year", "month", "day"].compactMap { tree.firstElement(named: $0, in: date).map(text) }
      set("date", parts.map { $0.count == 1 ? "0" + $0 : $0 }.joined(separator: "-"))
    }
    if let doi = tree.elements(named: "article-id", in: meta).first(where: { tree.attribute("pub-id-type", of: $0) == "doi" }) {
      set("url", "https://doi.org/" + text(doi))
    }
    let keywords = tree.elements(named: "kwd", in: meta).map(text).filter { !$0.isEmpty }
    if !keywords.isEmpty { metadata.append("tags", .array(keywords.map { .string($0) })) }
  }

  private mutating func readMallard(_ root: MarkupTree.Node) {
    setTitle(child(root, "title"))
    guard let info = child(root, "info") else { return }
    set("description", child(info, "desc").map(text) ?? "")
    let authors = tree.elements(named: "credit", in: info).compactMap { credit in child(credit, "name").map(text) }
    set("author", authors.joined(separator: ", "))
    set("date", tree.elements(named: "revision", in: info).compactMap { tree.attribute("date", of: $0) }.max() ?? "")
  }

  private mutating func readGeneric(_ root: MarkupTree.Node) {
    setTitle(child(root, "title") ?? child(root, "name"))
  }
}
