import Foundation

/// The input files of a run: paths as given, folders walked recursively in sorted order.
///
/// In folders, names starting with `.` (hidden files and folders) and files whose extension
/// marks them as media, fonts, code assets, archives or data (see
/// ``InputKind/ignoredExtensions``) are passed over; symbolic links to folders are not followed
/// (no cycles). Paths named explicitly are always read, whatever their name.
struct InputFiles: Sendable {
  /// One input to read, or the reason it cannot be read known in advance.
  struct Entry: Sendable, Equatable {
    /// The path as given or as joined from the folder given.
    var path: String
    /// Set when the walk itself failed (an unreadable folder).
    var failure: InputError?
  }

  /// The inputs, in order.
  var entries: [Entry] = []
  /// How many files the folder walk passed over because of their extension.
  var ignored = 0

  /// Expands `paths`.
  init(paths: [String]) {
    for path in paths {
      if path != "-", Self.isDirectory(path, followLinks: true) {
        walk(path)
      } else {
        entries.append(Entry(path: path))
      }
    }
  }

  private mutating func walk(_ folder: String) {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      entries.append(Entry(path: folder, failure: .cannotOpen(path: folder, reason: "cannot list the folder")))
      return
    }
    // Byte order of the UTF-8 names: the same on every machine and locale.
    let sorted = names.filter { !$0.hasPrefix(".") }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    for name in sorted {
      let path = prefix + name
      if Self.isDirectory(path, followLinks: false) {
        walk(path)
      } else if Self.isDirectory(path, followLinks: true) {
        continue  // a symbolic link to a folder
      } else if InputKind.isIgnoredInFolder(path) {
        ignored += 1
      } else {
        entries.append(Entry(path: path))
      }
    }
  }

  private static func isDirectory(_ path: String, followLinks: Bool) -> Bool {
    var info = stat()
    let status = followLinks ? stat(path, &info) : lstat(path, &info)
    return status == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// The resolved absolute path of an existing file, for comparing an output with the inputs.
  static func resolved(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
