import Foundation

/// The input files of a run: paths as given, folders walked recursively in sorted order.
///
/// In folders, names starting with `.` (hidden files and folders) and files whose extension
/// marks them as media, fonts, code assets, archives or data (see
/// ``InputKind/ignoredExtensions``) are passed over; symbolic links to folders are not followed
/// (no cycles) and are listed in ``linkedFolders`` so the run can say so. Paths named
/// explicitly are always read, whatever their name. Folders are listed as bytes, so a file
/// whose name is not UTF-8 is read like any other (its printable name escapes the bad bytes).
struct InputFiles: Sendable {
  /// One input to read, or the reason it cannot be read known in advance.
  struct Entry: Sendable, Equatable {
    /// The path as given or as joined from the folder given.
    var input: InputPath
    /// Set when the walk itself failed (an unreadable folder).
    var failure: InputError?

    /// The printable path (messages, document sources).
    var path: String { input.display }
  }

  /// The inputs, in order.
  var entries: [Entry] = []
  /// How many files the folder walk passed over because of their extension.
  var ignored = 0
  /// Symbolic links to folders met in a walk, not followed (printable paths, in walk order).
  var linkedFolders: [String] = []

  /// Whether files with an ignored extension are listed too (`dataprep build`'s manifest lists
  /// every source file, so a changed byte anywhere shows); they are still counted in ``ignored``.
  private var listsIgnored = false

  /// Expands `paths`.
  init(paths: [String], includingIgnored: Bool = false) {
    self.init(inputs: paths.map(InputPath.init), includingIgnored: includingIgnored)
  }

  /// Expands `inputs`; with `includingIgnored`, files of ignored extensions are entries too.
  init(inputs: [InputPath], includingIgnored: Bool = false) {
    listsIgnored = includingIgnored
    for input in inputs {
      if input.display != "-", Self.isDirectory(input.bytes, followLinks: true) {
        walk(input)
      } else {
        entries.append(Entry(input: input))
      }
    }
  }

  private mutating func walk(_ folder: InputPath) {
    guard let names = Self.listing(folder.bytes) else {
      entries.append(
        Entry(input: folder, failure: .cannotOpen(path: folder.display, reason: "cannot list the folder")))
      return
    }
    // Byte order of the names: the same on every machine and locale.
    let sorted = names.filter { $0.first != UInt8(ascii: ".") }.sorted { $0.lexicographicallyPrecedes($1) }
    for name in sorted {
      let path = folder.appending(name)
      if Self.isDirectory(path.bytes, followLinks: false) {
        walk(path)
      } else if Self.isDirectory(path.bytes, followLinks: true) {
        linkedFolders.append(path.display)  // a symbolic link to a folder: never followed
      } else if InputKind.isIgnoredInFolder(path.display) {
        ignored += 1
        if listsIgnored { entries.append(Entry(input: path)) }
      } else {
        entries.append(Entry(input: path))
      }
    }
  }

  /// The entry names of a folder as bytes (`.` and `..` left out), or `nil` when it cannot be listed.
  private static func listing(_ folder: [UInt8]) -> [[UInt8]]? {
    guard let directory = opendir(cString(folder)) else { return nil }
    defer { closedir(directory) }
    var names: [[UInt8]] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
      if name == [0x2E] || name == [0x2E, 0x2E] { continue }
      names.append(name)
    }
    return names
  }

  private static func isDirectory(_ path: [UInt8], followLinks: Bool) -> Bool {
    var info = stat()
    let name = cString(path)
    let status = followLinks ? stat(name, &info) : lstat(name, &info)
    return status == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// `path` as a NUL-terminated C string.
  static func cString(_ path: [UInt8]) -> [CChar] {
    path.map { CChar(bitPattern: $0) } + [0]
  }

  /// The resolved absolute path of an existing file, for comparing an output with the inputs.
  static func resolved(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
