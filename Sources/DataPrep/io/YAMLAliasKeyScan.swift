/// Finds a YAML alias (`*name`) used in a mapping key, from the text, before the document is
/// composed.
///
/// Yams checks a mapping's keys for duplicates while composing, by hashing each key in full:
/// an alias key that stands for a nested-alias structure is hashed once per expanded node, so
/// a few lines cost hours of CPU before ``BoundedYAML`` could count anything. No config or
/// template needs an alias in a key, so such a document is refused. The scan follows enough
/// of YAML to avoid the false alarms that matter (quoted scalars, comments, block scalars `|`
/// and `>`, flow collections); it looks for an alias directly before `:` (`*a : v`), after an
/// explicit key `?` (also on the more-indented lines that continue it), or inside a flow
/// collection that is itself followed by `:` (`[*a, *b]: v`).
struct YAMLAliasKeyScan {
  /// The 1-based line of the first alias in a key, or `nil`.
  static func firstAliasKeyLine(in text: String) -> Int? {
    var scan = YAMLAliasKeyScan()
    var lineNumber = 0
    for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
      lineNumber += 1
      if scan.lineHasAliasKey(Array(line)) { return lineNumber }
    }
    return nil
  }

  /// The quote a scalar continued from the previous line is still inside (`"` or `'`).
  private var openQuote: UInt8?
  /// Flow nesting (`[`, `{`) carried over from previous lines.
  private var flowDepth = 0
  /// While inside a block scalar: the indentation of the line that started it.
  private var blockScalarParentIndent: Int?
  /// While inside an explicit key (`?`) spanning lines: the indentation of the `?`.
  private var explicitKeyIndent: Int?
  /// Open flow collections that hold an alias, by depth (to learn whether they are keys).
  private var aliasAtDepth: Set<Int> = []

  private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
  private static func isFlowIndicator(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
      || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
  }

  /// Whether `line[at]` is `:` ending a key: followed by white space, the line end or (in flow) an indicator.
  private func isKeyColon(_ line: [UInt8], _ at: Int) -> Bool {
    guard at < line.count, line[at] == UInt8(ascii: ":") else { return false }
    let next = at + 1
    return next == line.count || Self.isSpace(line[next]) || (flowDepth > 0 && Self.isFlowIndicator(line[next]))
  }

  private mutating func lineHasAliasKey(_ line: [UInt8]) -> Bool {
    var indent = 0
    while indent < line.count && line[indent] == 0x20 { indent += 1 }
    let blank = indent == line.count || line[indent] == UInt8(ascii: "#")
    if let parent = blockScalarParentIndent {
      if blank || indent > parent { return false }
      blockScalarParentIndent = nil
    }
    if let keyIndent = explicitKeyIndent, openQuote == nil, flowDepth == 0, !blank, indent <= keyIndent {
      explicitKeyIndent = nil
    }
    var i = 0
    var tokenStart = true
    var lastToken: UInt8 = 0
    while i < line.count {
      let byte = line[i]
      if let quote = openQuote {
        if byte == quote {
          if quote == UInt8(ascii: "'") && i + 1 < line.count && line[i + 1] == quote {
            i += 2
            continue
          }
          openQuote = nil
          tokenStart = false
          lastToken = byte
          // A quoted flow element holding no alias; a quoted key is fine.
        } else if quote == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") {
          i += 1
        }
        i += 1
        continue
      }
      if Self.isSpace(byte) {
        tokenStart = true
        i += 1
        continue
      }
      if byte == UInt8(ascii: "#") && tokenStart { break }  // a comment
      if tokenStart && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) {
        openQuote = byte
        i += 1
        continue
      }
      if tokenStart && byte == UInt8(ascii: "?") && (i + 1 == line.count || Self.isSpace(line[i + 1])) {
        if flowDepth == 0 { explicitKeyIndent = i }
        lastToken = byte
        i += 1
        continue
      }
      if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
        flowDepth += 1
        tokenStart = true
        i += 1
        continue
      }
      if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
        let closedHeldAlias = aliasAtDepth.remove(flowDepth) != nil
        flowDepth = max(0, flowDepth - 1)
        var j = i + 1
        while j < line.count && Self.isSpace(line[j]) { j += 1 }
        if closedHeldAlias {
          if isKeyColon(line, j) { return true }
          if flowDepth > 0 { aliasAtDepth.insert(flowDepth) }
        }
        tokenStart = false
        i += 1
        continue
      }
      if byte == UInt8(ascii: ",") && flowDepth > 0 {
        tokenStart = true
        i += 1
        continue
      }
      if tokenStart && byte == UInt8(ascii: "*") && i + 1 < line.count && !Self.isSpace(line[i + 1])
        && !Self.isFlowIndicator(line[i + 1])
      {
        if explicitKeyIndent != nil || lastToken == UInt8(ascii: "?") { return true }
        var j = i + 1
        while j < line.count && !Self.isSpace(line[j]) && !(flowDepth > 0 && Self.isFlowIndicator(line[j])) {
          // An alias name may hold ':', but "*a: v" is read as a key by libyaml.
          if isKeyColon(line, j) { return true }
          j += 1
        }
        var k = j
        while k < line.count && Self.isSpace(line[k]) { k += 1 }
        if isKeyColon(line, k) { return true }
        if flowDepth > 0 { aliasAtDepth.insert(flowDepth) }
        i = j
        tokenStart = false
        continue
      }
      if tokenStart && (byte == UInt8(ascii: "|") || byte == UInt8(ascii: ">")) && flowDepth == 0 {
        // A block scalar header (`|`, `>-`, `|2` ... then only a comment): its lines are text.
        var j = i + 1
        while j < line.count && (line[j] == UInt8(ascii: "+") || line[j] == UInt8(ascii: "-") || (line[j] >= 0x30 && line[j] <= 0x39)) {
          j += 1
        }
        while j < line.count && Self.isSpace(line[j]) { j += 1 }
        if j == line.count || line[j] == UInt8(ascii: "#") {
          blockScalarParentIndent = indent
          return false
        }
      }
      tokenStart = false
      lastToken = byte
      i += 1
    }
    return false
  }
}
