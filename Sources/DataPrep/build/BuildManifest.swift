/// `manifest.json`: what went in and what came out, so a dataset can be traced and checked
/// (`sha256sum`) and an incremental build knows what it builds on.
enum BuildManifest {
  /// The manifest as JSON text: tool and version, the recipe, every source file with its
  /// SHA-256, every output (but the manifest) with its SHA-256 and record count.
  static func render(_ result: BuildResult) -> String {
    var o = JSONObject()
    o.append("tool", "dataprep")
    o.append("version", .string(DataPrepVersion.current))
    o.append("recipe", result.recipeJSON)
    o.append("sources", .array(result.sources.map(\.json)))
    o.append("outputs", .array(result.outputs.map { output in
      var entry = JSONObject()
      entry.append("path", .string(output.name))
      entry.append("bytes", .integer(Int64(output.bytes)))
      entry.append("sha256", .string(output.sha256))
      if let records = output.records { entry.append("records", .integer(Int64(records))) }
      return .object(entry)
    }))
    o.append("incremental", .bool(result.incremental))
    return JSONWriter().string(of: .object(o)) + "\n"
  }
}
