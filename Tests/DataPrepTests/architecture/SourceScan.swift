import Foundation

/// The library's sources read as folders, declared type names and type references, so the
/// architecture test can compare the folders' real dependencies with docs/ARCHITECTURE.md.
///
/// Deliberately a small lexer, not a parser: comments and string literals are dropped (the code
/// inside `\(...)` interpolations is kept), identifiers are matched whole, and a name declared
/// in a folder (top level or nested, like `Kind` or `Entry`) always means that folder's own type
/// there, so common nested names never count as cross-folder references.
///
/// Not seen: methods that an extension adds to a standard-library type (`String`, `Substring`)
/// and free functions (the library declares none), since neither names a type of its folder.
struct SourceScan {
  /// One use of another folder's type.
  struct Reference: Hashable {
    /// The file holding the use, relative to `Sources/DataPrep`.
    let file: String
    /// The folder of that file.
    let from: String
    /// The type name used.
    let type: String
    /// The folder declaring that type at top level.
    let to: String
  }

  /// The folder name given to files directly in `Sources/DataPrep`.
  static let topLevelFolder = "."

  /// Every folder holding Swift files.
  private(set) var folders: Set<String> = []
  /// The folder declaring each top-level (non-private) type.
  private(set) var declaringFolder: [String: String] = [:]
  /// Every type name declared in each folder at any depth, private ones included.
  private var declaredIn: [String: Set<String>] = [:]
  /// Each file's identifiers that are not member names (not after a `.`), in order.
  private var uses: [(file: String, folder: String, names: [String])] = []

  /// Reads every `.swift` file under `root` (the `Sources/DataPrep` folder).
  init(root: URL) throws {
    let base = root.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: base) else { return }
    var paths: [String] = []
    for case let relative as String in walker where relative.hasSuffix(".swift") {
      paths.append(relative)
    }
    for relative in paths.sorted() {
      let source = try String(contentsOfFile: base + "/" + relative, encoding: .utf8)
      let parts = relative.split(separator: "/")
      let folder = parts.count > 1 ? String(parts[0]) : Self.topLevelFolder
      folders.insert(folder)
      let tokens = Self.tokens(Self.stripped(source))
      for declaration in Self.declarations(tokens) {
        declaredIn[folder, default: []].insert(declaration.name)
        if declaration.isTopLevel && !declaration.isPrivate {
          declaringFolder[declaration.name] = folder
        }
      }
      uses.append((relative, folder, Self.usedNames(tokens)))
    }
  }

  /// Every use of a type that another folder declares, once per file and type.
  var references: [Reference] {
    var seen: Set<Reference> = []
    var result: [Reference] = []
    for use in uses {
      let local = declaredIn[use.folder] ?? []
      for name in use.names where !local.contains(name) {
        guard let to = declaringFolder[name], to != use.folder else { continue }
        let reference = Reference(file: use.file, from: use.folder, type: name, to: to)
        if seen.insert(reference).inserted { result.append(reference) }
      }
    }
    return result
  }

  // MARK: - Lexing

  /// The source without comments and string literals (interpolated code kept); line breaks stay.
  static func stripped(_ source: String) -> String {
    let chars = Array(source.unicodeScalars)
    var out = String.UnicodeScalarView()
    // A stack of contexts: code (with its open-parenthesis count, to find an interpolation's
    // end) or a string literal (its quote count, 1 or 3, and raw `#` count).
    enum Context { case code(parens: Int), string(quotes: Int, hashes: Int) }
    var stack: [Context] = [.code(parens: 0)]
    var i = 0
    func at(_ offset: Int) -> Unicode.Scalar? { i + offset < chars.count ? chars[i + offset] : nil }
    func run(of scalar: Unicode.Scalar, from start: Int) -> Int {
      var n = 0
      while start + n < chars.count && chars[start + n] == scalar { n += 1 }
      return n
    }
    while i < chars.count {
      let c = chars[i]
      switch stack[stack.count - 1] {
      case .code(let parens):
        if c == "/" && at(1) == "/" {
          while i < chars.count && chars[i] != "\n" { i += 1 }
          continue
        }
        if c == "/" && at(1) == "*" {
          var depth = 0
          repeat {
            if chars[i] == "/" && at(1) == "*" { depth += 1; i += 2 } else if chars[i] == "*" && at(1) == "/" {
              depth -= 1; i += 2
            } else {
              if chars[i] == "\n" { out.append("\n") }
              i += 1
            }
          } while i < chars.count && depth > 0
          continue
        }
        let hashes = c == "#" ? run(of: "#", from: i) : 0
        if chars.indices.contains(i + hashes) && chars[i + hashes] == "\"" {
          let quotes = run(of: "\"", from: i + hashes) >= 3 ? 3 : 1
          stack.append(.string(quotes: quotes, hashes: hashes))
          out.append(" ")
          i += hashes + quotes
          continue
        }
        if c == "(" { stack[stack.count - 1] = .code(parens: parens + 1) }
        if c == ")" {
          if parens == 0 && stack.count > 1 {
            stack.removeLast()  // the end of an interpolation: back into its string
            out.append(" ")
            i += 1
            continue
          }
          stack[stack.count - 1] = .code(parens: parens - 1)
        }
        out.append(c)
        i += 1
      case .string(let quotes, let hashes):
        if c == "\\" && run(of: "#", from: i + 1) >= hashes {
          let next = i + 1 + hashes
          if next < chars.count && chars[next] == "(" {
            stack.append(.code(parens: 0))
            out.append(" ")
            i = next + 1
          } else {
            i = next + 1  // an escaped character
          }
          continue
        }
        if c == "\"" && run(of: "\"", from: i) >= quotes && run(of: "#", from: i + quotes) >= hashes {
          stack.removeLast()
          out.append(" ")
          i += quotes + hashes
          continue
        }
        if c == "\n" { out.append("\n") }
        i += 1
      }
    }
    return String(out)
  }

  /// The identifiers (backticks removed) and the punctuation that matters: `{`, `}`, `.`, `<`,
  /// `>`, `,`, `:`.
  static func tokens(_ code: String) -> [String] {
    var result: [String] = []
    var current = String.UnicodeScalarView()
    func flush() {
      if !current.isEmpty { result.append(String(current)) }
      current = String.UnicodeScalarView()
    }
    for c in code.unicodeScalars {
      if c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c) {
        current.append(c)
      } else {
        flush()
        if "{}.<>,:".unicodeScalars.contains(c) { result.append(String(c)) }
      }
    }
    flush()
    return result
  }

  /// A type declaration found by `declarations`.
  struct Declaration {
    let name: String
    let isTopLevel: Bool
    let isPrivate: Bool
  }

  private static let typeKeywords: Set<String> = ["struct", "enum", "class", "protocol", "actor", "typealias"]
  private static let keywordsAfterClass: Set<String> = ["func", "var", "let", "subscript", "override", "final"]

  /// Every type declared (at any brace depth), plus generic parameters and associated types,
  /// which also shadow other folders' names where they are declared.
  static func declarations(_ tokens: [String]) -> [Declaration] {
    var result: [Declaration] = []
    var depth = 0
    for (index, token) in tokens.enumerated() {
      switch token {
      case "{": depth += 1
      case "}": depth -= 1
      case "associatedtype":
        if index + 1 < tokens.count { result.append(Declaration(name: tokens[index + 1], isTopLevel: false, isPrivate: true)) }
      case "<":
        // Generic parameters: `<A, B: P>` right after a declared name.
        guard index > 1, typeKeywords.contains(tokens[index - 2]) || tokens[index - 2] == "func" else { continue }
        var j = index + 1
        var expectName = true
        var angle = 1
        while j < tokens.count && angle > 0 {
          switch tokens[j] {
          case "<": angle += 1
          case ">": angle -= 1
          case ",": if angle == 1 { expectName = true }
          default:
            if expectName && angle == 1 {
              result.append(Declaration(name: tokens[j], isTopLevel: false, isPrivate: true))
              expectName = false
            }
          }
          j += 1
        }
      default:
        guard typeKeywords.contains(token), index + 1 < tokens.count, index == 0 || tokens[index - 1] != "." else { continue }
        let name = tokens[index + 1]
        if token == "class" && keywordsAfterClass.contains(name) { continue }
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { continue }
        let modifiers = tokens[max(0, index - 3)..<index]
        let isPrivate = modifiers.contains("private") || modifiers.contains("fileprivate")
        result.append(Declaration(name: name, isTopLevel: depth == 0, isPrivate: isPrivate))
      }
    }
    return result
  }

  /// Identifiers not written after a `.` (so member names such as `.Kind` are left out).
  static func usedNames(_ tokens: [String]) -> [String] {
    var result: [String] = []
    for (index, token) in tokens.enumerated() {
      guard let first = token.unicodeScalars.first, first.properties.isUppercase else { continue }
      if index > 0 && tokens[index - 1] == "." { continue }
      result.append(token)
    }
    return result
  }
}
