/// Finds the data tables whose names are links, so that link density does not drop them.
///
/// A reference table often links each name it lists to its definition (Sphinx's deprecation
/// table, the geometry types of an API page, Apache's directive summary) while another column
/// holds what the table is for: a version, a number, a label. A navigation table ("Prev | Up |
/// Next", a grid of links) links every cell, or is a row or two.
enum HTMLDataTableMarks {
  /// Rows a table needs before its plain column makes it data: a navigation bar is one or two.
  static let minimumRows = 3

  /// For each node of `tree`, whether it is or lies in a data table: a `table` with
  /// ``minimumRows`` rows or more, no nested table, and a column whose cells hold text and no
  /// link in half of its rows or more. `textLength` and `linkCount` are per subtree. Linear:
  /// each node is read for its nearest table only.
  static func marks(of tree: MarkupTree, textLength: [Int32], linkCount: [Int32]) -> [Bool] {
    var marks = [Bool](repeating: false, count: tree.count)
    guard let tableName = tree.strings.firstIndex(of: "table").map(Int32.init) else { return marks }
    let rowName = tree.strings.firstIndex(of: "tr").map(Int32.init) ?? -1
    let cellNames = Set(["td", "th"].compactMap { tree.strings.firstIndex(of: $0).map(Int32.init) })
    for table in 1..<tree.count where tree.kinds[table] == .element && tree.nameIndices[table] == tableName {
      var rows = 0
      var plainCells: [Int] = []
      var nested = false
      for node in tree.descendants(of: table) where tree.kinds[node] == .element {
        if tree.nameIndices[node] == tableName {
          nested = true
          break
        }
        guard tree.nameIndices[node] == rowName else { continue }
        rows += 1
        var column = 0
        for cell in tree.children(of: node) where tree.kinds[cell] == .element && cellNames.contains(tree.nameIndices[cell]) {
          if textLength[cell] > 0, linkCount[cell] == 0 {
            if plainCells.count <= column { plainCells += Array(repeating: 0, count: column + 1 - plainCells.count) }
            plainCells[column] += 1
          }
          column += 1
        }
      }
      guard !nested, rows >= minimumRows, let most = plainCells.max(), most * 2 >= rows else { continue }
      for node in table..<tree.subtreeEnd(table) { marks[node] = true }
    }
    return marks
  }
}
