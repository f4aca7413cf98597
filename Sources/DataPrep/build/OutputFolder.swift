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

  /// A new working folder next to the output (same file system, so the final rename is atomic).
  func makeWorkFolder() throws -> String {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    let parent = url.deletingLastPathComponent().path
    let work = parent + "/.\(url.lastPathComponent).build-\(ProcessInfo.processInfo.processIdentifier)"
    do {
      try? FileManager.default.removeItem(atPath: work)
      try FileManager.default.createDirectory(atPath: work + "/out", withIntermediateDirectories: true)
    } catch {
      throw BuildError.cannotWrite(path: work, reason: error.localizedDescription)
    }
    return work
  }

  /// Replaces the output folder with `finished`: the old folder is renamed aside first and
  /// removed only once the new one is in place.
  func install(_ finished: String) throws {
    let manager = FileManager.default
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
