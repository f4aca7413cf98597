import Foundation

/// The output folder of a build: decides whether it is new, an incremental update of a build
/// with the same recipe, or refused; and moves the finished folder into place.
struct OutputFolder {
  /// How the build treats the folder.
  enum Mode: Equatable {
    /// Nothing there (or `--force`): build from scratch.
    case fresh
    /// A previous build of the same recipe settings: keep its examples, add new ones.
    case incremental
  }

  /// The folder path.
  let path: String

  var manifestPath: String { path + "/manifest.json" }

  /// Decides the mode.
  /// - Throws: ``BuildError/outputExists(path:reason:)`` for a folder that is not a build of
  ///   these settings, ``BuildError/previousOutputChanged(path:)`` when a split file no longer
  ///   matches the manifest.
  func mode(settings: JSONValue, splitNames: [String], force: Bool) throws -> Mode {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return .fresh }
    guard isDirectory.boolValue else { throw BuildError.outputExists(path: path, reason: "exists and is not a folder") }
    if force { return .fresh }
    let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
    if contents.isEmpty { return .fresh }
    guard manager.fileExists(atPath: manifestPath), let manifest = try? readManifest() else {
      throw BuildError.outputExists(path: path, reason: "is not empty and holds no manifest.json of a dataprep build")
    }
    let writer = JSONWriter()
    guard let previous = manifest["recipe"]?.objectValue else {
      throw BuildError.outputExists(path: path, reason: "manifest.json names no recipe")
    }
    var previousSettings = JSONObject()
    for member in previous where member.key != "sources" { previousSettings.append(member.key, member.value) }
    if writer.string(of: .object(previousSettings)) != writer.string(of: settings) {
      throw BuildError.outputExists(
        path: path, reason: "was built with different recipe settings (\(Self.differences(previousSettings, settings)) differ); an incremental build needs the same settings")
    }
    // Every split the previous build wrote must still be what it wrote.
    for output in manifest["outputs"]?.arrayValue ?? [] {
      guard let name = output["path"]?.stringValue, name.hasSuffix(".jsonl"),
            splitNames.contains(String(name.dropLast(6))) else { continue }
      let file = path + "/" + name
      guard manager.fileExists(atPath: file), let digest = try? FileDigest(path: file),
            digest.sha256 == output["sha256"]?.stringValue else {
        throw BuildError.previousOutputChanged(path: file)
      }
    }
    return .incremental
  }

  /// The previous manifest.
  func readManifest() throws -> JSONObject {
    let bytes = try ByteSource(path: manifestPath).readAll()
    guard let object = try JSONParser().parse(bytes).objectValue else {
      throw BuildError.outputExists(path: path, reason: "manifest.json is not a JSON object")
    }
    return object
  }

  private static func differences(_ a: JSONObject, _ b: JSONValue) -> String {
    let writer = JSONWriter()
    let other = b.objectValue ?? JSONObject()
    let keys = Set(a.keys).union(other.keys).sorted()
    let changed = keys.filter { key in
      writer.string(of: a[key] ?? .null) != writer.string(of: other[key] ?? .null)
    }
    return changed.isEmpty ? "key order" : changed.joined(separator: ", ")
  }

  /// A new working folder next to the output (same file system, so the final rename is atomic),
  /// removed on SIGINT/SIGTERM. Working folders left by builds that were killed (their process
  /// is gone) are removed first.
  func makeWorkFolder() throws -> String {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    let parent = url.deletingLastPathComponent().path
    let prefix = ".\(url.lastPathComponent).build-"
    removeStaleWorkFolders(in: parent, prefix: prefix)
    let work = parent + "/" + prefix + "\(ProcessInfo.processInfo.processIdentifier)"
    do {
      try? FileManager.default.removeItem(atPath: work)
      try FileManager.default.createDirectory(atPath: work + "/out", withIntermediateDirectories: true)
    } catch {
      throw BuildError.cannotWrite(path: work, reason: error.localizedDescription)
    }
    TemporaryFiles.shared.register(folder: work)
    return work
  }

  /// Removes `PREFIX<pid>` folders whose process no longer runs.
  private func removeStaleWorkFolders(in parent: String, prefix: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
    for name in names where name.hasPrefix(prefix) {
      let digits = name.dropFirst(prefix.count)
      guard let pid = Int32(digits), pid > 0, pid != ProcessInfo.processInfo.processIdentifier else { continue }
      if kill(pid, 0) == -1 && errno == ESRCH {
        try? FileManager.default.removeItem(atPath: parent + "/" + name)
      }
    }
  }

  /// Removes a working folder once the build is over (installed or failed).
  func removeWorkFolder(_ work: String) {
    try? FileManager.default.removeItem(atPath: work)
    TemporaryFiles.shared.unregister(folder: work)
  }

  /// Replaces the output folder with `finished` in one step: on Linux the two folders are
  /// exchanged with `renameat2(RENAME_EXCHANGE)`, so no moment exists without an output folder;
  /// elsewhere (or on a file system that cannot exchange) the old folder is renamed aside first
  /// and removed only once the new one is in place.
  func install(_ finished: String) throws {
    let manager = FileManager.default
    if manager.fileExists(atPath: path), AtomicExchange.exchange(finished, path) {
      // `finished` now holds the previous folder.
      try? manager.removeItem(atPath: finished)
      return
    }
    let aside = finished + ".previous"
    do {
      if manager.fileExists(atPath: path) {
        try manager.moveItem(atPath: path, toPath: aside)
      }
      try manager.moveItem(atPath: finished, toPath: path)
      try? manager.removeItem(atPath: aside)
    } catch {
      if !manager.fileExists(atPath: path), manager.fileExists(atPath: aside) {
        try? manager.moveItem(atPath: aside, toPath: path)
      }
      throw BuildError.cannotWrite(path: path, reason: error.localizedDescription)
    }
  }
}
