import Foundation
import Testing

/// docs/ARCHITECTURE.md's folder dependency table checked against the sources: every folder of
/// `Sources/DataPrep` uses only the folders its row allows, a stage uses another stage only
/// through the entry points its row lists, and no folders depend on each other in a cycle.
///
/// When a test fails it names the file, the type and the two folders: either move the type to
/// a shared folder, or (when the use is intended) add the folder or entry point to the row.
@Suite struct ArchitectureTests {
  /// The package root, found from this file's path.
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  static let docPath = "docs/ARCHITECTURE.md"

  /// The sources, read once for all the tests.
  private static let scanned = Result { try SourceScan(root: packageRoot.appendingPathComponent("Sources/DataPrep")) }

  static func sources() throws -> SourceScan { try scanned.get() }

  static func table() throws -> DependencyTable {
    let text = try String(contentsOf: packageRoot.appendingPathComponent(docPath), encoding: .utf8)
    return DependencyTable(markdown: text)
  }

  @Test func theDependencyTableParses() throws {
    let table = try Self.table()
    #expect(table.problems.isEmpty, "\(Self.docPath): \(table.problems.joined(separator: "\n"))")
    #expect(!table.rows.isEmpty)
  }

  @Test func theTableListsEveryFolder() throws {
    let (scan, table) = (try Self.sources(), try Self.table())
    for folder in scan.folders.sorted() where table.row(folder) == nil {
      Self.fail("Sources/DataPrep/\(folder) is not in the folder dependency table of \(Self.docPath): add a row for it")
    }
  }

  @Test func theTableListsOnlyFoldersThatExist() throws {
    let (scan, table) = (try Self.sources(), try Self.table())
    for row in table.rows {
      if !scan.folders.contains(row.folder) {
        Self.fail("\(Self.docPath) lists `\(row.folder)`, which is not a folder of Sources/DataPrep holding Swift files")
      }
      for used in row.mayUse.sorted() where used != "*" && !scan.folders.contains(used) {
        Self.fail("\(Self.docPath): `\(row.folder)` may use `\(used)`, which is not a folder of Sources/DataPrep")
      }
    }
  }

  @Test func sharedFoldersMayUseOnlySharedFolders() throws {
    let table = try Self.table()
    for row in table.rows where row.kind == .shared {
      for used in row.mayUse.sorted() {
        let kind = table.row(used)?.kind
        if used == "*" || (kind != nil && kind != .shared) {
          Self.fail("\(Self.docPath): shared folder `\(row.folder)` may use `\(used)`, which is not shared machinery")
        }
      }
    }
  }

  @Test func listedEntryPointsAreTypesOfStagesTheRowMayUse() throws {
    let (scan, table) = (try Self.sources(), try Self.table())
    for row in table.rows {
      for type in row.entryPoints.sorted() {
        guard let folder = scan.declaringFolder[type] else {
          Self.fail("\(Self.docPath): `\(row.folder)` lists entry point `\(type)`, which no folder declares")
          continue
        }
        if table.row(folder)?.kind != .stage || !row.allows(folder) {
          Self.fail(
            "\(Self.docPath): `\(row.folder)` lists entry point `\(type)` of `\(folder)`, which is not a stage its row may use")
        }
      }
    }
  }

  @Test func foldersUseOnlyTheFoldersTheTableAllows() throws {
    let (scan, table) = (try Self.sources(), try Self.table())
    for reference in scan.references {
      guard let row = table.row(reference.from) else { continue }  // reported by theTableListsEveryFolder
      if !row.allows(reference.to) {
        Self.fail(
          "Sources/DataPrep/\(reference.file) uses `\(reference.type)` of \(reference.to)/, but \(Self.docPath) does not let "
            + "\(reference.from)/ use \(reference.to)/: move the type to a folder it may use, or add `\(reference.to)` to its row")
      }
    }
  }

  @Test func stagesUseOtherStagesOnlyThroughListedEntryPoints() throws {
    let (scan, table) = (try Self.sources(), try Self.table())
    for reference in scan.references {
      guard let row = table.row(reference.from), row.kind == .stage, table.row(reference.to)?.kind == .stage else { continue }
      if !row.entryPoints.contains(reference.type) {
        Self.fail(
          "Sources/DataPrep/\(reference.file) uses `\(reference.type)`, an internal of the \(reference.to) stage: "
            + "move it to shared machinery, or list it as an entry point in the \(reference.from) row of \(Self.docPath)")
      }
    }
  }

  @Test func foldersHaveNoCycle() throws {
    let scan = try Self.sources()
    var example: [String: [String: SourceScan.Reference]] = [:]
    for reference in scan.references where example[reference.from]?[reference.to] == nil {
      example[reference.from, default: [:]][reference.to] = reference
    }
    let edges = example.mapValues { Set($0.keys) }
    if let cycle = Self.cycle(in: edges) {
      let steps = zip(cycle, cycle.dropFirst()).compactMap { from, to in
        example[from]?[to].map { "\($0.file) uses `\($0.type)` of \(to)/" }
      }
      Self.fail("folders depend on each other in a cycle \(cycle.joined(separator: " → ")): \(steps.joined(separator: "; "))")
    }
  }

  @Test func theTableHasNoCycle() throws {
    let table = try Self.table()
    let edges = Dictionary(
      table.rows.map { ($0.folder, $0.mayUse.subtracting(["*", $0.folder])) }, uniquingKeysWith: { $0.union($1) })
    if let cycle = Self.cycle(in: edges) {
      Self.fail("\(Self.docPath): the may-use column has a cycle \(cycle.joined(separator: " → "))")
    }
  }

  /// Records a failure with `message`.
  static func fail(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }

  /// A cycle of `edges` as its folders, the first repeated at the end; `nil` when there is none.
  static func cycle(in edges: [String: Set<String>]) -> [String]? {
    var state: [String: Bool] = [:]  // false: on the current path; true: done
    var path: [String] = []
    func visit(_ node: String) -> [String]? {
      if let done = state[node] {
        guard !done, let start = path.firstIndex(of: node) else { return nil }
        return Array(path[start...]) + [node]
      }
      state[node] = false
      path.append(node)
      for next in (edges[node] ?? []).sorted() {
        if let found = visit(next) { return found }
      }
      path.removeLast()
      state[node] = true
      return nil
    }
    for node in edges.keys.sorted() {
      if let found = visit(node) { return found }
    }
    return nil
  }

  // MARK: - The scanner and the table parser themselves

  @Test func strippingDropsCommentsAndStringsButKeepsInterpolatedCode() {
    let source = ##"""
      let a = "Alpha \(Beta.name) \"Gamma\"" // Delta
      /* Epsilon /* nested */ Zeta */ let b = #"Eta "\(Theta)" \#(Iota)"#
      let c = """
        Kappa \(Lambda(x: (1)))
        """
      """##
    let names = Set(SourceScan.usedNames(SourceScan.tokens(SourceScan.stripped(source))))
    #expect(names == ["Beta", "Iota", "Lambda"])
  }

  @Test func referencesSkipNestedNamesMembersAndOwnFolder() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("architecture-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let files = [
      "a/Alpha.swift": "struct Alpha { enum Kind { case x }\n  let kind: Kind }\n",
      "b/Kind.swift": "enum Kind {}\nprivate struct Hidden {}\n",
      "b/Other.swift": "struct Other<Alpha> { let k: Kind }\n",
      "c/User.swift": "struct User { let k: Kind; let t = Other<Int>.Alpha.self; let s = \"Alpha\" } // Alpha\n",
      "c/Hidden.swift": "extension User { func f() -> Hidden? { nil } }\n",
      "Top.swift": "struct Top {}\n",
    ]
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    let scan = try SourceScan(root: root)
    #expect(scan.folders == [".", "a", "b", "c"])
    #expect(scan.declaringFolder["Hidden"] == nil)
    let found = Set(scan.references.map { "\($0.file) \($0.type) \($0.to)" })
    #expect(found == ["c/User.swift Kind b", "c/User.swift Other b"])
  }

  @Test func theTableParserReadsRowsAndReportsBadOnes() {
    let table = DependencyTable(
      markdown: """
        intro
        | folder | kind | may use | entry points it may use |
        |---|---|---|---|
        | `io` | shared | — | — |
        | `split` | stage | `io`, `leakage` (the check) | `LeakageCheck` |
        | `build` | orchestrator | `*` | |
        | `x` | layer | — | — |

        | folder | kind | may use | entry points it may use |
        """)
    #expect(table.rows.map(\.folder) == ["io", "split", "build"])
    #expect(table.row("split")?.mayUse == ["io", "leakage"])
    #expect(table.row("split")?.entryPoints == ["LeakageCheck"])
    #expect(table.row("build")?.allows("tokens") == true)
    #expect(table.row("io")?.allows("split") == false)
    #expect(table.problems.count == 1)
  }

  @Test func cyclesAreFound() {
    #expect(Self.cycle(in: ["a": ["b"], "b": ["c"], "c": ["a"]]) == ["a", "b", "c", "a"])
    #expect(Self.cycle(in: ["a": ["b", "c"], "b": ["c"], "c": []]) == nil)
  }
}
