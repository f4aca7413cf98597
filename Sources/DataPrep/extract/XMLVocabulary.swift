/// What the elements of an XML dialect mean for text extraction: which ones open sections,
/// hold headings, paragraphs, lists, code and tables, and which carry no body text.
///
/// Names are local names (no prefix). Elements a vocabulary does not name are laid out by
/// their content: in element-only content they are blocks (separated by blank lines), in
/// mixed content they are inline.
struct XMLVocabulary: Sendable {
  /// How an element is laid out.
  enum Role: Sendable, Equatable {
    /// Not part of the text (metadata, index terms, references).
    case skip
    /// Opens a section; its heading child becomes a `#` heading.
    case section
    /// The heading of the enclosing section (or of the document).
    case heading
    /// A paragraph.
    case paragraph
    /// A list; `ordered` numbers its items.
    case list(ordered: Bool)
    /// An item of a list.
    case item
    /// A term/definition entry (`varlistentry`): rendered as `- term: definition`.
    case termEntry
    /// The term of a term entry.
    case term
    /// Preformatted code, fenced.
    case code
    /// Code inside a paragraph, in backticks.
    case inlineCode
    /// Line-oriented verse or addresses: lines kept.
    case lineGroup
    /// A table (rows and cells found below it).
    case table
    /// A table row.
    case row
    /// A table cell.
    case cell
    /// A quotation or admonition, rendered as a `>` block.
    case quote
    /// Inline markup: its text joins the surrounding paragraph.
    case inline
    /// Not named by the vocabulary: laid out by content.
    case unknown
  }

  /// The roles by local name.
  let roles: [String: Role]
  /// Attribute tests that make a list ordered (`list-type="order"`, `rend="numbered"`, ...).
  let orderedListValues: Set<String> = ["order", "ordered", "numbered", "arabic", "decimal", "alpha-lower", "roman-lower"]

  /// The role of element `node` of `tree`.
  func role(_ tree: MarkupTree, _ node: MarkupTree.Node) -> Role {
    let name = tree.name(node)
    guard let role = roles[name] else { return .unknown }
    if case .list(let ordered) = role, !ordered {
      for key in ["list-type", "rend", "type", "style"] {
        if let value = tree.attribute(key, of: node), orderedListValues.contains(value.lowercased()) {
          return .list(ordered: true)
        }
      }
    }
    return role
  }

  /// The vocabulary of `dialect`.
  init(_ dialect: XMLDialect) {
    var roles: [String: Role] = [:]
    func set(_ role: Role, _ names: String) {
      for name in names.split(separator: " ") { roles[String(name)] = role }
    }
    switch dialect {
    case .docbook:
      set(.skip, "info articleinfo bookinfo chapterinfo sectioninfo sect1info sect2info sect3info prefaceinfo appendixinfo indexterm remark footnote abstract index toc lot colophon")
      set(.section, "section sect1 sect2 sect3 sect4 sect5 chapter appendix preface simplesect refsection refsect1 refsect2 refsect3 part article glossary bibliography")
      set(.heading, "title")
      set(.paragraph, "para simpara formalpara")
      set(.list(ordered: false), "itemizedlist variablelist simplelist")
      set(.list(ordered: true), "orderedlist procedure")
      set(.item, "listitem step member")
      set(.termEntry, "varlistentry")
      set(.term, "term")
      set(.code, "programlisting screen synopsis literallayout")
      set(.inlineCode, "literal command code filename option replaceable userinput computeroutput envar function varname classname")
      set(.table, "table informaltable")
      set(.row, "row")
      set(.cell, "entry")
      set(.quote, "blockquote note warning tip important caution")
      set(.inline, "emphasis link xref ulink phrase citetitle quote firstterm acronym abbrev subscript superscript guilabel guimenu keycap")
    case .tei:
      set(.skip, "teiHeader note fw pb lb cb facsimile")
      set(.section, "div div1 div2 div3 div4 div5 div6 div7")
      set(.heading, "head")
      set(.paragraph, "p ab speaker")
      set(.list(ordered: false), "list listBibl")
      set(.item, "item bibl")
      set(.code, "eg")
      set(.inlineCode, "code")
      set(.lineGroup, "lg")
      set(.table, "table")
      set(.row, "row")
      set(.cell, "cell")
      set(.quote, "quote cit")
      set(.inline, "hi emph term foreign name persName placeName date ref title q l")
    case .jats:
      set(.skip, "front back ref-list fn-group xref-group alternatives object-id label inline-formula disp-formula tex-math")
      set(.section, "sec app boxed-text")
      set(.heading, "title")
      set(.paragraph, "p caption")
      set(.list(ordered: false), "list def-list")
      set(.item, "list-item")
      set(.termEntry, "def-item")
      set(.term, "term")
      set(.code, "code preformat")
      set(.inlineCode, "monospace")
      set(.table, "table")
      set(.row, "tr")
      set(.cell, "td th")
      set(.quote, "disp-quote")
      set(.inline, "italic bold sup sub sc underline xref ext-link uri named-content styled-content")
    case .mallard:
      set(.skip, "info links media")
      set(.section, "section")
      set(.heading, "title")
      set(.paragraph, "p desc")
      set(.list(ordered: false), "list terms tree")
      set(.list(ordered: true), "steps")
      set(.item, "item")
      set(.code, "screen")
      set(.inlineCode, "code")
      set(.table, "table")
      set(.row, "tr")
      set(.cell, "td th")
      set(.quote, "note quote")
      set(.inline, "em link gui guiseq keyseq key app cmd sys var file input output span")
    default:
      break
    }
    self.roles = roles
  }
}
