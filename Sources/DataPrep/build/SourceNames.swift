import Foundation

/// Names of the files a build reads, relative to the source folders it was given: a folder
/// source `docs` (however spelled: `docs`, `./docs/`, `/home/me/docs`) names its files
/// `docs/guide/intro.html`, a file source is named by its file name.
///
/// Document ids, split groups and prompt wordings derive from these names, so a rebuild from
/// another working folder or with an absolute path gives the same dataset, and the card never
/// shows a path of the machine that built it.
struct SourceNames: Sendable {
  /// A source as given (trailing slashes removed) and the name its files are listed under.
  private let roots: [(given: String, name: String)]

  /// Names for the files under `sources`, as the recipe gives them.
  init(sources: [String]) {
    roots = sources.map { source in
      var given = source
      while given.count > 1 && given.hasSuffix("/") { given.removeLast() }
      let resolved = URL(fileURLWithPath: given).standardizedFileURL
      let name = resolved.lastPathComponent
      return (given, name.isEmpty || name == "/" ? "source" : name)
    }
    // Longest first, so a source inside another source names its own files.
    .sorted { $0.given.utf8.count > $1.given.utf8.count }
  }

  /// The name of `path` (a source as given, a file joined to a source folder, or either with a
  /// record-mode `#N` suffix); a path under no source is returned unchanged.
  func name(of path: String) -> String {
    // Compared as bytes: `String` equality would take a decomposed `ä` for a precomposed one.
    var bytes = Array(path.utf8)
    while bytes.count > 1 && bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
    for root in roots {
      let given = Array(root.given.utf8)
      if bytes == given { return root.name }
      let prefix = root.given == "/" ? [] : given
      guard bytes.count > prefix.count, bytes.starts(with: prefix) else { continue }
      let next = bytes[prefix.count]
      if next == UInt8(ascii: "/") {
        return root.name + "/" + String(decoding: bytes[(prefix.count + 1)...], as: UTF8.self)
      }
      if next == UInt8(ascii: "#") { return root.name + String(decoding: bytes[prefix.count...], as: UTF8.self) }
    }
    return path
  }

  /// `document` with its `source` named and its id made from that name.
  func renamed(_ document: Document) -> Document {
    var document = document
    document.source = name(of: document.source)
    document.id = DocumentID.make(source: document.source)
    return document
  }
}
