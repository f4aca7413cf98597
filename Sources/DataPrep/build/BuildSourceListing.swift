import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The files a build reads, listed once when a plan is written and again by every step, so that
/// the steps of a plan agree on who reads what and refuse sources changed in between.
///
/// Two lists from one walk of the sources (``InputFiles``): the ``inputs`` extract reads (folder
/// files of ignored kinds left out) and every source ``files`` the manifest digests, with its
/// size and modification time. A shard takes `inputs[I::N]` and `files[I::N]`.
struct BuildSourceListing: Sendable, Equatable {
  /// One source file with what shows that it changed.
  struct Stamp: Sendable, Equatable {
    /// The path: a source as given, or a file under a source folder joined to it.
    var path: String
    /// Size in bytes.
    var bytes: Int
    /// Modification time, `seconds.nanoseconds`.
    var modified: String
  }

  /// The inputs extract reads, in order (an unreadable folder is an input that fails).
  var inputs: [InputFiles.Entry]
  /// Every source file, in order, as the manifest lists them.
  var files: [Stamp]
  /// Files the folder walk passed over because of their extension.
  var ignored: Int
  /// Symbolic links to folders met and not followed.
  var linkedFolders: Int

  /// Lists `sources`.
  /// - Throws: ``BuildError/missingSource(path:)``.
  static func make(sources: [String]) throws(BuildError) -> BuildSourceListing {
    for source in sources where !FileManager.default.fileExists(atPath: source) {
      throw .missingSource(path: source)
    }
    let read = InputFiles(paths: sources)
    // As `SourceFile.list`: a folder that cannot be listed and a link to nothing are no source file.
    let all = InputFiles(paths: sources, includingIgnored: true).entries.filter { entry in
      entry.failure == nil && FileManager.default.fileExists(atPath: entry.path)
    }
    return BuildSourceListing(
      inputs: read.entries, files: all.map { stamp($0) }, ignored: read.ignored, linkedFolders: read.linkedFolders.count)
  }

  private static func stamp(_ entry: InputFiles.Entry) -> Stamp {
    var info = stat()
    guard stat(InputFiles.cString(entry.input.bytes), &info) == 0 else { return Stamp(path: entry.path, bytes: -1, modified: "") }
    return Stamp(path: entry.path, bytes: Int(info.st_size), modified: "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
  }

  /// `{inputs: [path], files: [{path, bytes, modified}], ignored, linked_folders}`.
  var json: JSONValue {
    ["inputs": .array(inputs.map { .string($0.path) }),
     "files": .array(files.map { ["path": .string($0.path), "bytes": .integer(Int64($0.bytes)), "modified": .string($0.modified)] }),
     "ignored": .integer(Int64(ignored)), "linked_folders": .integer(Int64(linkedFolders))]
  }

  /// Why this listing differs from `stored` (one written with the plan), or `nil` when it is the same.
  func difference(from stored: JSONValue, path: String) throws(BuildError) -> String? {
    let reader = try BuildStateReader(stored, path: path)
    let inputs = try reader.strings("inputs")
    var files: [Stamp] = []
    for file in try reader.readers("files") {
      files.append(Stamp(path: try file.string("path"), bytes: try file.int("bytes"), modified: try file.string("modified")))
    }
    if let reason = Self.difference(inputs, self.inputs.map(\.path), what: "input") { return reason }
    if let reason = Self.difference(files.map(\.path), self.files.map(\.path), what: "file") { return reason }
    for (old, new) in zip(files, self.files) where old != new {
      return "\(new.path) was modified (\(old.bytes) bytes then, \(new.bytes) bytes now)"
    }
    let storedIgnored = try reader.int("ignored")
    let storedLinks = try reader.int("linked_folders")
    if storedIgnored != ignored || storedLinks != linkedFolders {
      return "the files passed over by extension or the folder links changed"
    }
    return nil
  }

  private static func difference(_ old: [String], _ new: [String], what: String) -> String? {
    for (a, b) in zip(old, new) where a != b { return "\(what) \(a) is now \(b)" }
    if old.count < new.count { return "\(new[old.count]) was added" }
    if old.count > new.count { return "\(old[new.count]) was removed" }
    return nil
  }
}
