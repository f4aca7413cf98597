import Foundation
import Testing

/// The library's public API checked against its DocC catalog page
/// (`Sources/DataPrep/DataPrep.docc/DataPrep.md`): every public type is listed there by topic,
/// and every type the page links to is public, so the page stays the one list of what a library
/// user may rely on. A new public type fails here until it is added to a topic (or made internal).
@Suite struct PublicAPITests {
  static let pagePath = "Sources/DataPrep/DataPrep.docc/DataPrep.md"

  /// Each public type's name, nested ones as `Outer/Inner` (DocC's link spelling).
  static func publicTypes() throws -> Set<String> {
    let root = ArchitectureTests.packageRoot.appendingPathComponent("Sources/DataPrep").standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    var names: Set<String> = []
    for case let relative as String in walker where relative.hasSuffix(".swift") {
      let source = SourceScan.stripped(try String(contentsOfFile: root + "/" + relative, encoding: .utf8))
      names.formUnion(publicTypes(in: source))
    }
    return names
  }

  /// The public types declared in one source (comments and strings already removed), found by
  /// indentation: a declaration nested in a public type is named after it.
  static func publicTypes(in source: String) -> [String] {
    let declaration = /^(\s*)((?:public|package|private|fileprivate|internal)\s+)?(?:final\s+|indirect\s+)*(?:struct|enum|class|protocol|actor|typealias|extension)\s+([A-Za-z_][A-Za-z0-9_.]*)/
    var open: [(indent: Int, name: String?)] = []  // enclosing declarations; nil when not public
    var names: [String] = []
    for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
      guard let match = try? declaration.prefixMatch(in: line) else { continue }
      let indent = match.1.count
      while let last = open.last, last.indent >= indent { open.removeLast() }
      let keyword = match.2.map { $0.trimmingCharacters(in: .whitespaces) }
      let isExtension = line.contains(/\bextension\s/)
      let enclosing = open.last?.name
      let enclosingIsPublic = open.isEmpty || enclosing != nil
      if isExtension {
        open.append((indent, String(match.3).replacingOccurrences(of: ".", with: "/")))
      } else if keyword == "public" && enclosingIsPublic {
        let name = enclosing.map { "\($0)/\(match.3)" } ?? String(match.3)
        names.append(name)
        open.append((indent, name))
      } else {
        open.append((indent, nil))
      }
    }
    return names
  }

  /// The symbol links (` ``Name`` `) under the page's `## Topics`.
  static func listedTypes() throws -> [String] {
    let url = ArchitectureTests.packageRoot.appendingPathComponent(pagePath)
    let page = try String(contentsOf: url, encoding: .utf8)
    guard let topics = page.range(of: "\n## Topics\n") else { return [] }
    return page[topics.upperBound...].matches(of: /``([A-Za-z0-9_\/]+)``/).map { String($0.1) }
  }

  @Test func thePageListsEveryPublicType() throws {
    let listed = Set(try Self.listedTypes())
    #expect(!listed.isEmpty, "\(Self.pagePath) has no `## Topics` section with symbol links")
    for name in try Self.publicTypes().sorted() where !name.contains("/") && !listed.contains(name) {
      ArchitectureTests.fail(
        "public type \(name) is not on \(Self.pagePath): list it under a topic, or make it internal if no library user needs it")
    }
  }

  @Test func thePageListsOnlyPublicTypes() throws {
    let types = try Self.publicTypes()
    for name in try Self.listedTypes() where !types.contains(name) {
      ArchitectureTests.fail("\(Self.pagePath) lists ``\(name)``, which is not a public type of Sources/DataPrep")
    }
  }

  @Test func thePageListsEachTypeOnce() throws {
    let listed = try Self.listedTypes()
    for (name, count) in Dictionary(listed.map { ($0, 1) }, uniquingKeysWith: +) where count > 1 {
      ArchitectureTests.fail("\(Self.pagePath) lists ``\(name)`` \(count) times: keep it under one topic")
    }
  }

  @Test func declarationsAreNamedByTheirPublicNesting() {
    let source = """
      public struct Outer {
        public enum Inner {
          case a
        }
        struct Hidden {
          public struct Deep {}
        }
      }
      struct Internal {
        public struct Member {}
      }
      extension Outer {
        public struct Added {}
      }
      package enum Shared {}
      """
    #expect(Self.publicTypes(in: source) == ["Outer", "Outer/Inner", "Outer/Added"])
  }
}
