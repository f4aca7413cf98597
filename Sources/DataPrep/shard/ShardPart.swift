import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One shard's outputs in a job's folder, written so that a scheduler can retry the shard.
///
/// Every output is written to a temporary file and renamed (``OutputFile``), and the
/// completion marker (``ShardMarker``) is renamed into place last: a shard killed at any point
/// leaves no part under its final name and no marker. ``prepare(force:)`` decides what a run
/// does: skip a shard whose marker matches this job, run it otherwise, and refuse a folder
/// holding parts of another shard count or of other inputs or settings (unless `force`).
///
/// Not `Sendable`: one per process.
public final class ShardPart {
  /// What a run of the shard should do.
  public enum State: Sendable, Equatable {
    /// Write the shard's outputs.
    case run
    /// The shard finished before with the same job: nothing to do.
    case done(ShardMarker)
  }

  /// The job's folder, holding every shard's parts and markers.
  public let folder: String
  /// The stage writing the parts (recorded in the marker).
  public let stage: String
  /// The shard.
  public let shard: Shard
  /// The job's fingerprint (see ``fingerprint(stage:count:settings:inputs:)``).
  public let fingerprint: String

  private var opened: [(name: String, file: OutputFile)] = []
  private var writers: [String: JSONLWriter] = [:]

  /// The name of the main output: `part-IIIII-of-NNNNN.jsonl`.
  public static let mainOutput = "data"

  /// The parts of `shard` of the job `fingerprint` of `stage` in `folder`.
  public init(folder: String, stage: String, shard: Shard, fingerprint: String) {
    self.folder = folder
    self.stage = stage
    self.shard = shard
    self.fingerprint = fingerprint
  }

  /// The digest naming one job: the stage, the shard count, the settings (for example the
  /// command's arguments without the shard's own) and each input's path, size and modification
  /// time, so that a rerun after any of them changed is not taken for the same job.
  public static func fingerprint(stage: String, count: Int, settings: [String], inputs: [String]) -> String {
    var text = "stage=\(stage)\ncount=\(count)\n"
    for setting in settings { text += "setting=\(setting)\n" }
    for input in inputs {
      var info = stat()
      if input != "-", stat(input, &info) == 0 {
        text += "input=\(input) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\n"
      } else {
        text += "input=\(input)\n"
      }
    }
    let digest = XXH64.hash(text)
    let hex = String(digest, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// The marker's file name.
  public var markerName: String { shard.partStem + ".done.json" }

  /// The file name of output `name` (`extension` without the dot): `part-IIIII-of-NNNNN.jsonl`
  /// for the main output, `part-IIIII-of-NNNNN.NAME.EXT` for others.
  public func fileName(_ name: String, extension ext: String = "jsonl") -> String {
    name == Self.mainOutput ? "\(shard.partStem).\(ext)" : "\(shard.partStem).\(name).\(ext)"
  }

  /// Decides what this run does, after removing what a killed earlier run of this shard left
  /// (temporary files).
  /// - Parameter force: run even when the shard is done; clear parts of another shard count and
  ///   this shard's own marker of another job instead of refusing.
  /// - Throws: ``ShardError/staleOutputs(folder:reason:)`` when the folder holds parts of another
  ///   shard count, or of this count with other inputs or settings.
  public func prepare(force: Bool) throws(ShardError) -> State {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .staleOutputs(folder: folder, reason: "cannot create the folder (\(error.localizedDescription))")
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    for name in names where name.hasPrefix("." + shard.partStem + ".") && name.contains(".tmp-") {
      unlink(folder + "/" + name)
    }
    var own: ShardMarker?
    for name in names.sorted() where Self.isMarkerName(name) {
      let path = folder + "/" + name
      guard let marker = try? ShardMarker.read(path: path) else {
        if name == markerName { unlink(path) }  // a damaged own marker: run again
        continue
      }
      if marker.shard.count != shard.count {
        guard force else {
          throw .staleOutputs(
            folder: folder,
            reason: "it holds parts of a \(marker.shard.count)-shard run (\(name)) and this run has \(shard.count) shards")
        }
        remove(marker, markerPath: path)
        continue
      }
      if marker.fingerprint != fingerprint || marker.stage != stage {
        if marker.shard == shard && force {
          remove(marker, markerPath: path)
          continue
        }
        guard force else {
          throw .staleOutputs(
            folder: folder,
            reason: "shard \(marker.shard) there ran \(marker.stage) on other inputs or settings (the inputs changed since, or the flags differ)")
        }
        continue
      }
      if marker.shard == shard { own = marker }
    }
    if let own {
      if !force { return .done(own) }
      remove(own, markerPath: folder + "/" + markerName)
    }
    return .run
  }

  /// Opens output `name` of the shard (written to a temporary file until ``commit(pieces:report:)``).
  /// - Throws: ``OutputError`` when the folder is not writable.
  public func output(_ name: String = ShardPart.mainOutput, extension ext: String = "jsonl") throws(OutputError) -> OutputFile {
    let file = try OutputFile(path: folder + "/" + fileName(name, extension: ext))
    opened.append((name, file))
    return file
  }

  /// A JSONL writer over output `name`, opened on first use and the same one after; the
  /// shard's ``commit(pieces:report:extraOutputs:)`` publishes it (do not call `finish()`).
  /// - Throws: ``OutputError`` when the folder is not writable.
  public func writer(_ name: String = ShardPart.mainOutput) throws(OutputError) -> JSONLWriter {
    if let writer = writers[name] { return writer }
    let writer = JSONLWriter(try output(name))
    writers[name] = writer
    return writer
  }

  /// The final path of output `name`.
  public func path(_ name: String = ShardPart.mainOutput, extension ext: String = "jsonl") -> String {
    folder + "/" + fileName(name, extension: ext)
  }

  /// Renames every output opened with ``output(_:extension:)`` into place, then writes the
  /// marker: the shard is done only once the marker exists.
  /// - Throws: ``OutputError`` when a write or rename fails (the marker is then not written).
  @discardableResult
  public func commit(pieces: [ShardMarker.Piece], report: JSONValue, extraOutputs: [String: String] = [:]) throws(OutputError) -> ShardMarker {
    var outputs = extraOutputs
    for (name, file) in opened {
      try file.commit()
      outputs[name] = URL(fileURLWithPath: file.path).lastPathComponent
    }
    opened = []
    writers = [:]
    let marker = ShardMarker(stage: stage, shard: shard, fingerprint: fingerprint, outputs: outputs, pieces: pieces, report: report)
    let file = try OutputFile(path: folder + "/" + markerName)
    try file.write(JSONWriter().bytes(of: marker.json) + [0x0A])
    try file.commit()
    return marker
  }

  /// Whether `name` is a marker file name: `part-IIIII-of-NNNNN.done.json`.
  public static func isMarkerName(_ name: String) -> Bool {
    name.hasPrefix("part-") && name.hasSuffix(".done.json") && name.contains("-of-")
  }

  private func remove(_ marker: ShardMarker, markerPath: String) {
    unlink(markerPath)
    for file in marker.outputs.values where !file.contains("/") { unlink(folder + "/" + file) }
  }
}
