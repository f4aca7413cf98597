/// What an HTML element means to the Markdown renderer, decided once per tag name.
enum HTMLElementRole: Sendable, Hashable {
  /// Never rendered, with everything inside (scripts, styles, form controls, embedded media).
  case dropped
  /// A form: dropped unless it wraps real content (some sites wrap the whole page in one).
  case form
  /// Text-level markup: its text flows into the surrounding paragraph.
  case inline
  /// A generic block: its content starts and ends a paragraph.
  case block
  /// `h1`...`h6`.
  case heading(level: Int)
  /// `ul`, `ol`, `menu`.
  case list(ordered: Bool)
  /// `li`.
  case listItem
  /// `dl`, `dt`, `dd`.
  case definitionList, definitionTerm, definitionDescription
  /// `table` and its parts (`tr`, `td`/`th`, `caption`).
  case table, tableRow, tableCell, tableCaption
  /// `pre`: a code block.
  case preformatted
  /// `code`, `kbd`, `samp`, `tt` outside `pre`: inline code.
  case code
  /// `blockquote`.
  case blockquote
  /// `br`: a line break.
  case lineBreak
  /// `hr`: a thematic break.
  case rule

  /// The role of an element named `name` (lowercase).
  static func of(_ name: String) -> HTMLElementRole {
    if let role = rolesByName[name] { return role }
    return .inline
  }

  private static let rolesByName: [String: HTMLElementRole] = {
    var roles: [String: HTMLElementRole] = [:]
    // Never text: scripts and styles, metadata, embedded content and form controls. HTML5 void
    // elements that libxml2 2.9 turns into containers (wbr, source, track, embed) are absent on
    // purpose: they swallow the text that follows them.
    for name in [
      "script", "style", "template", "noscript", "head", "title", "meta", "link", "base", "svg", "math",
      "iframe", "frame", "frameset", "object", "applet", "canvas", "audio", "video", "map", "img", "picture",
      "input", "button", "select", "option", "optgroup", "textarea", "datalist", "output", "progress", "meter",
      "dialog",
    ] {
      roles[name] = .dropped
    }
    roles["form"] = .form
    for name in [
      "html", "body", "div", "p", "section", "article", "main", "header", "footer", "nav", "aside", "address",
      "figure", "figcaption", "details", "summary", "fieldset", "legend", "center", "hgroup", "search",
      "noframes", "tbody", "thead", "tfoot", "colgroup", "col",
    ] {
      roles[name] = .block
    }
    for level in 1...6 { roles["h\(level)"] = .heading(level: level) }
    roles["ul"] = .list(ordered: false)
    roles["menu"] = .list(ordered: false)
    roles["dir"] = .list(ordered: false)
    roles["ol"] = .list(ordered: true)
    roles["li"] = .listItem
    roles["dl"] = .definitionList
    roles["dt"] = .definitionTerm
    roles["dd"] = .definitionDescription
    roles["table"] = .table
    roles["tr"] = .tableRow
    roles["td"] = .tableCell
    roles["th"] = .tableCell
    roles["caption"] = .tableCaption
    roles["pre"] = .preformatted
    roles["listing"] = .preformatted
    roles["xmp"] = .preformatted
    roles["plaintext"] = .preformatted
    for name in ["code", "kbd", "samp", "tt"] { roles[name] = .code }
    roles["blockquote"] = .blockquote
    roles["br"] = .lineBreak
    roles["hr"] = .rule
    return roles
  }()
}
