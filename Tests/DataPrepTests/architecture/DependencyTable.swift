import Foundation

/// The folder dependency table of docs/ARCHITECTURE.md ("Where things live"), parsed.
///
/// The table is the Markdown table whose header starts `| folder | kind | may use |`; each row
/// names one folder of `Sources/DataPrep` in backticks (`` `.` `` for the files directly in
/// it), its kind (`shared`, `stage` or `orchestrator`), the folders it may use (backticked,
/// `` `*` `` for every folder) and, for a stage that may call another stage, the entry-point
/// types it may use (backticked). Any other text in a cell is commentary and ignored.
struct DependencyTable {
  /// What a folder is.
  enum Kind: String {
    /// Machinery any folder may use; it uses only other shared folders.
    case shared
    /// One pipeline stage; it uses shared folders and, only through listed entry points,
    /// other stages.
    case stage
    /// `build`: runs the stages in order and may use every folder.
    case orchestrator
  }

  /// One row of the table.
  struct Row {
    let folder: String
    let kind: Kind
    /// The folders this one may use (`*` allows every folder).
    let mayUse: Set<String>
    /// The other stages' types this folder may use.
    let entryPoints: Set<String>

    /// Whether this folder may use `folder`.
    func allows(_ folder: String) -> Bool { mayUse.contains("*") || mayUse.contains(folder) || folder == self.folder }
  }

  /// The rows, in table order.
  private(set) var rows: [Row] = []
  /// Lines of the table that could not be read (with why), for the test to report.
  private(set) var problems: [String] = []

  /// The row of `folder`, if the table has one.
  func row(_ folder: String) -> Row? { rows.first { $0.folder == folder } }

  /// Parses the table out of the whole Markdown text of docs/ARCHITECTURE.md.
  init(markdown: String) {
    var inTable = false
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      let cells = Self.cells(line)
      if !inTable {
        inTable = cells.count >= 4 && cells[0] == "folder" && cells[1] == "kind" && cells[2] == "may use"
        continue
      }
      guard line.hasPrefix("|") else { break }
      if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { continue }  // the |---| line
      let folders = Self.codeSpans(cells[0])
      guard folders.count == 1, let kind = Kind(rawValue: cells[1]) else {
        problems.append("\(line): expected | `folder` | shared, stage or orchestrator | `folder`, ... | `Type`, ... |")
        continue
      }
      rows.append(
        Row(
          folder: folders[0], kind: kind, mayUse: Set(Self.codeSpans(cells[2])),
          entryPoints: Set(cells.count > 3 ? Self.codeSpans(cells[3]) : [])))
    }
    if rows.isEmpty { problems.append("no table with the header | folder | kind | may use | entry points |") }
  }

  /// The trimmed cells of a Markdown table line (empty for other lines).
  private static func cells(_ line: Substring) -> [String] {
    guard line.hasPrefix("|") else { return [] }
    var parts = line.split(separator: "|", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    parts.removeFirst()
    if parts.last == "" { parts.removeLast() }
    return parts
  }

  /// The texts between backticks in `cell`.
  private static func codeSpans(_ cell: String) -> [String] {
    let parts = cell.split(separator: "`", omittingEmptySubsequences: false)
    return stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) }.filter { !$0.isEmpty }
  }
}
