import Foundation

/// reStructuredText (Sphinx and docutils sources, `.rst`, `.rst.txt`) rewritten as the
/// Markdown-like text every document uses, so its sections, code and prose become examples
/// instead of directive lines (`.. highlight:: c`, `.. _label:`) and role markup.
///
/// A line-based reading of the common constructs, not a full docutils parser: section titles
/// (underlined, optionally overlined; levels in order of first appearance), directives (code
/// blocks fenced; admonitions, version notes and described objects kept as text; index, toctree,
/// labels, comments and other machinery dropped), literal blocks after `::`, and inline roles,
/// literals and references reduced to their text. Anything else passes through unchanged.
struct ReStructuredText: Sendable {
  /// Directives whose body is code.
  static let codeDirectives: Set<String> = ["code-block", "code", "sourcecode", "doctest", "testcode", "testoutput", "productionlist"]
  /// Directives that carry no reader text (their whole block is dropped).
  static let droppedDirectives: Set<String> = [
    "index", "highlight", "toctree", "module", "currentmodule", "moduleauthor", "sectionauthor", "codeauthor", "only",
    "ifconfig", "include", "literalinclude", "image", "figure", "raw", "contents", "meta", "tabularcolumns",
    "testsetup", "testcleanup", "default-role", "role", "autosummary", "automodule", "autoclass", "autofunction",
    "program", "default-domain", "sectnum", "header", "footer", "epigraph", "compound", "glossary-index", "versionadded-index",
  ]
  /// Directives whose argument is a label worth a line (admonitions, version notes).
  static let labelledDirectives: [String: String] = [
    "note": "Note", "warning": "Warning", "tip": "Tip", "important": "Important", "caution": "Caution",
    "attention": "Attention", "danger": "Danger", "error": "Error", "hint": "Hint", "seealso": "See also",
    "versionadded": "New in version", "versionchanged": "Changed in version", "deprecated": "Deprecated since version",
  ]
  /// Characters that draw section titles.
  static let adornments: Set<Character> = ["=", "-", "~", "^", "\"", "'", "*", "+", "#", ":", ".", "_", "`"]

  /// Whether `text` at `path` should be read as reStructuredText: an `.rst`, `.rest` or
  /// `.rst.txt` name, or at least two directive lines (`.. name::`) in its first lines.
  static func applies(path: String, text: String) -> Bool {
    var name = Substring(path.split(separator: "/").last ?? "").lowercased()
    if name.hasSuffix(".gz") { name.removeLast(3) }
    if name.hasSuffix(".rst") || name.hasSuffix(".rest") || name.hasSuffix(".rst.txt") { return true }
    var directives = 0
    for line in text.split(separator: "\n", maxSplits: 400, omittingEmptySubsequences: true).prefix(400) {
      if directive(in: Substring(line)) != nil {
        directives += 1
        if directives >= 2 { return true }
      }
    }
    return false
  }

  /// `source` as Markdown-like text (`#` headings, fenced code).
  static func markdown(_ source: String) -> String {
    var reader = ReStructuredText()
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.replacingTabs()) }
    // Runs of blank lines (left by dropped directives) become one.
    var out: [String] = []
    for line in reader.convert(lines[...]) where !(line.isEmpty && (out.last?.isEmpty ?? true)) {
      out.append(line)
    }
    return TextOutline.trimBlankLines(out).joined(separator: "\n")
  }

  /// Title styles (adornment character, overlined) in order of first appearance: index + 1 is the level.
  private var styles: [String] = []

  private mutating func convert(_ lines: ArraySlice<String>) -> [String] {
    var out: [String] = []
    var index = lines.startIndex
    while index < lines.endIndex {
      let line = lines[index]
      let trimmed = line.trimmingSpaces()
      // Section title, overlined: adornment, title, adornment.
      if let char = Self.adornment(trimmed), index + 2 < lines.endIndex,
         Self.adornment(lines[index + 2].trimmingSpaces()) == char, !lines[index + 1].trimmingSpaces().isEmpty,
         Self.adornment(lines[index + 1].trimmingSpaces()) == nil {
        out.append(heading(lines[index + 1].trimmingSpaces(), style: "o\(char)"))
        index += 3
        continue
      }
      // A transition (a lone adornment line between blank lines) draws nothing.
      if Self.adornment(trimmed) != nil, index + 1 == lines.endIndex || lines[index + 1].trimmingSpaces().isEmpty {
        index += 1
        continue
      }
      // Section title, underlined.
      if !trimmed.isEmpty, !line.hasPrefix(" "), Self.adornment(trimmed) == nil, index + 1 < lines.endIndex,
         let char = Self.adornment(lines[index + 1].trimmingSpaces()), lines[index + 1].trimmingSpaces().count >= min(trimmed.count, 3),
         !trimmed.hasPrefix("..") {
        out.append(heading(trimmed, style: "u\(char)"))
        index += 2
        continue
      }
      // Explicit markup: directives, comments, targets, substitutions.
      if trimmed.hasPrefix("..") && (trimmed == ".." || trimmed.hasPrefix(".. ")) {
        let indent = line.leadingSpaces
        let end = Self.blockEnd(lines, from: index + 1, deeperThan: indent)
        let body = Self.dedented(lines[(index + 1)..<end])
        if let (name, argument) = Self.directive(in: Substring(line)) {
          emitDirective(name: name, argument: argument, body: body, into: &out)
        }
        index = end
        continue
      }
      // A paragraph ending in `::` introduces a literal block.
      if trimmed.hasSuffix("::"), index + 1 < lines.endIndex {
        let indent = line.leadingSpaces
        var next = index + 1
        while next < lines.endIndex && lines[next].trimmingSpaces().isEmpty { next += 1 }
        if next < lines.endIndex && lines[next].leadingSpaces > indent {
          let text = String(trimmed.dropLast(2)).trimmingSpaces()
          if !text.isEmpty { out.append(String(repeating: " ", count: indent) + Self.inline(text) + ":") }
          let end = Self.blockEnd(lines, from: next, deeperThan: indent)
          emitCode(Self.dedented(lines[next..<end]), into: &out)
          index = end
          continue
        }
      }
      // A doctest block: `>>>` lines up to the next blank line.
      if trimmed.hasPrefix(">>>") {
        var end = index
        while end < lines.endIndex && !lines[end].trimmingSpaces().isEmpty { end += 1 }
        emitCode(Self.dedented(lines[index..<end]), language: "pycon", into: &out)
        index = end
        continue
      }
      out.append(Self.inline(line))
      index += 1
    }
    return out
  }

  private mutating func heading(_ title: String, style: String) -> String {
    if !styles.contains(style) { styles.append(style) }
    let level = min(6, (styles.firstIndex(of: style) ?? 0) + 1)
    return String(repeating: "#", count: level) + " " + Self.inline(title)
  }

  private mutating func emitDirective(name: String, argument: String, body: [String], into out: inout [String]) {
    let bare = name.split(separator: ":").last.map(String.init) ?? name
    if Self.droppedDirectives.contains(bare) { return }
    // Lines before the first blank one continue the argument (more signatures of an object)
    // or are options (`:linenos:`, `:caption: x`).
    let head = body.prefix { !$0.trimmingSpaces().isEmpty }
    let isObject = name.contains(":") || Self.objectDirectives.contains(bare)
    let moreArguments = isObject ? head.filter { !$0.trimmingSpaces().hasPrefix(":") }.map { $0.trimmingSpaces() } : []
    let content = isObject ? Array(body.dropFirst(head.count)) : body.filter { !($0.trimmingSpaces().hasPrefix(":") && head.contains($0)) }
    if Self.codeDirectives.contains(bare) {
      emitCode(content, language: argument, into: &out)
      return
    }
    out.append("")
    if let label = Self.labelledDirectives[bare] {
      out.append(argument.isEmpty ? label + ":" : label + " " + Self.inline(argument) + (bare.hasPrefix("version") || bare == "deprecated" ? "." : ":"))
    } else if isObject {
      // A described object (`.. function:: f(x)`, `.. py:class:: C`): its signature as code.
      for signature in [argument] + moreArguments where !signature.isEmpty {
        out.append("`" + signature.replacingOccurrences(of: "`", with: "'") + "`")
      }
    } else if !argument.isEmpty && bare != "glossary" {
      out.append(Self.inline(argument))
    }
    out.append(contentsOf: convert(content[...]))
    out.append("")
  }

  /// Directives describing an API object (outside a domain prefix).
  static let objectDirectives: Set<String> = [
    "function", "method", "class", "attribute", "data", "exception", "describe", "object", "option", "envvar",
    "decorator", "decoratormethod", "staticmethod", "classmethod", "coroutinefunction", "coroutinemethod",
    "opcode", "cmdoption", "macro", "type", "member", "var", "setting", "confval", "event", "program-option",
  ]

  private func emitCode(_ lines: [String], language: String = "", into out: inout [String]) {
    let trimmed = TextOutline.trimBlankLines(lines)
    guard !trimmed.isEmpty else { return }
    out.append("")
    out.append("```" + language.trimmingSpaces())
    out.append(contentsOf: trimmed)
    out.append("```")
    out.append("")
  }

  /// The adornment character when `line` is a title adornment (one punctuation character
  /// repeated, at least 3), else `nil`.
  static func adornment(_ line: String) -> Character? {
    guard line.count >= 3, let first = line.first, adornments.contains(first), line.allSatisfy({ $0 == first }) else { return nil }
    return first
  }

  /// `(name, argument)` of a directive line `.. name:: argument`.
  static func directive(in line: Substring) -> (String, String)? {
    let trimmed = line.drop { $0 == " " }
    guard trimmed.hasPrefix(".. "), let marker = trimmed.range(of: "::") else { return nil }
    let name = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 3)..<marker.lowerBound]
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == ":" || $0 == "_" }) else { return nil }
    return (String(name).lowercased(), String(trimmed[marker.upperBound...]).trimmingSpaces())
  }

  /// The index after the block that starts at `from`: lines blank or indented more than `indent`.
  static func blockEnd(_ lines: ArraySlice<String>, from: Int, deeperThan indent: Int) -> Int {
    var end = from
    var lastContent = from
    while end < lines.endIndex {
      let line = lines[end]
      if line.trimmingSpaces().isEmpty {
        end += 1
        continue
      }
      guard line.leadingSpaces > indent else { break }
      end += 1
      lastContent = end
    }
    return max(from, lastContent)
  }

  /// `lines` with their common indentation removed.
  static func dedented(_ lines: ArraySlice<String>) -> [String] {
    let indent = lines.filter { !$0.trimmingSpaces().isEmpty }.map(\.leadingSpaces).min() ?? 0
    return lines.map { $0.trimmingSpaces().isEmpty ? "" : String($0.dropFirst(indent)) }
  }

  /// Inline markup reduced to text: roles (`:func:\`~a.b\`` is `` `b` ``), literals, references,
  /// substitutions and escapes.
  static func inline(_ line: String) -> String {
    guard line.contains("`") || line.contains("|") || line.contains("\\") else { return line }
    var out = ""
    var rest = Substring(line)
    while let tick = rest.firstIndex(where: { $0 == "`" || $0 == "\\" }) {
      var before = rest[..<tick]
      if rest[tick] == "\\" {
        out += before
        let next = rest.index(after: tick)
        if next < rest.endIndex && rest[next] != " " { out.append(rest[next]) }
        rest = next < rest.endIndex ? rest[rest.index(after: next)...] : ""
        continue
      }
      // A role before the backquote: `:name:` (with optional domain `:py:func:`); a colon alone
      // is text (``name``:``value``).
      var isRole = false
      if before.hasSuffix(":"), let start = before.dropLast().lastIndex(where: { !($0.isLetter || $0.isNumber || $0 == ":" || $0 == "-" || $0 == "_") }).map({ before.index(after: $0) }) ?? (before.first == ":" ? before.startIndex : nil),
         before[start] == ":", before.distance(from: start, to: before.endIndex) >= 3 {
        before = before[..<start]
        isRole = true
      }
      out += before
      let doubled = rest[tick...].hasPrefix("``")
      let open = rest.index(tick, offsetBy: doubled ? 2 : 1)
      guard let close = rest[open...].range(of: doubled ? "``" : "`") else {
        out += rest[tick...]
        rest = ""
        break
      }
      var content = String(rest[open..<close.lowerBound])
      rest = rest[close.upperBound...]
      if !doubled {
        if rest.hasPrefix("__") { rest = rest.dropFirst(2) } else if rest.hasPrefix("_") { rest = rest.dropFirst() }
        // `text <target>`: the text.
        if content.hasSuffix(">"), let lt = content.lastIndex(of: "<"), lt != content.startIndex {
          content = String(content[..<lt]).trimmingSpaces()
        }
        if content.hasPrefix("~") { content = String(content.dropFirst().split(separator: ".").last ?? "") }
        if content.hasPrefix("!") { content.removeFirst() }
      }
      out += doubled || isRole ? "`" + content + "`" : content
    }
    out += rest
    return out
  }
}

extension String {
  /// Spaces at the start (tabs already expanded).
  fileprivate var leadingSpaces: Int { prefix { $0 == " " }.count }

  /// Without leading and trailing spaces.
  fileprivate func trimmingSpaces() -> String { TextOutline.trim(self) }
}

extension Substring {
  /// Tabs expanded to the next multiple of 8, as docutils reads them.
  fileprivate func replacingTabs() -> String {
    guard contains("\t") else { return String(self) }
    var out = ""
    var column = 0
    for char in self {
      if char == "\t" {
        let spaces = 8 - column % 8
        out += String(repeating: " ", count: spaces)
        column += spaces
      } else {
        out.append(char)
        column += 1
      }
    }
    return out
  }
}
