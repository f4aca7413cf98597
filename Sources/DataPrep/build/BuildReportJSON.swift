/// `report.json`: the build's counts, statistics, samples and findings for programs
/// (the same facts as `report.html`). Holds no time stamp or temporary path, so the same
/// inputs give the same bytes.
enum BuildReportJSON {
  /// The report as JSON text (one line and a newline).
  static func render(_ result: BuildResult) -> String {
    JSONWriter().string(of: json(result)) + "\n"
  }

  /// The report as a JSON value.
  static func json(_ result: BuildResult) -> JSONValue {
    var o = JSONObject()
    o.append("tool", "dataprep")
    o.append("version", .string(DataPrepVersion.current))
    o.append("verdict", .string(result.verdict))
    o.append("problems", .bool(result.hasProblems))
    o.append("incremental", .bool(result.incremental))
    o.append("recipe", result.recipeJSON)
    o.append("stages", stages(result))
    o.append("splits", .array(result.statistics.map(\.json)))
    o.append("token_counter", .string(result.tokenCounterName))
    o.append("duplicates", .array(result.duplicateSamples.map(\.json)))
    o.append("leaks", leaks(result))
    o.append("validation", validation(result.validation))
    return .object(o)
  }

  private static func int(_ n: Int) -> JSONValue { .integer(Int64(n)) }

  private static func stages(_ result: BuildResult) -> JSONValue {
    var o = JSONObject()
    o.append("sources", ["files": int(result.sources.count), "bytes": int(result.sources.reduce(0) { $0 + $1.bytes })])
    o.append("extract", ["documents": int(result.extraction.documents), "files": int(result.extraction.files),
                         "skipped": int(result.extraction.skipped), "ignored": int(result.extraction.ignored),
                         "failures": .array(result.extractionFailures.map { .string($0) })])
    if result.redaction != nil { o.append("redact", BuildPipeline.redactReport(result).counts) }
    // `dataprep filter --report`'s form; a sample's `line` is the document's number in its source file.
    if let filtering = result.filtering { o.append("filter", filtering.json(rules: result.recipe.filter.options.rules, annotated: false)) }
    if let furniture = result.furniture {
      o.append("remove_furniture", [
        "documents": int(furniture.documents), "threshold_documents": int(furniture.threshold),
        "furniture_lines": int(furniture.furnitureLines), "lines_removed": int(furniture.linesRemoved),
        "documents_changed": int(furniture.documentsChanged), "sections_dropped": int(furniture.sectionsDropped),
        "documents_dropped": int(furniture.documentsDropped),
        "top_lines": .array(furniture.topLines.map { ["text": .string($0.text), "documents": int($0.documents)] }),
      ])
    }
    o.append("dedup_documents", dedup(result.documentDedup))
    var written = JSONObject()
    for entry in result.instruct.written { written.append(entry.task, int(entry.count)) }
    var dropped = JSONObject()
    for reason in ExampleFilter.Reason.allCases {
      if let n = result.instruct.dropped[reason], n > 0 { dropped.append(reason.rawValue, int(n)) }
    }
    if result.instruct.unrepresentable > 0 { dropped.append("unrepresentable", int(result.instruct.unrepresentable)) }
    o.append("instruct", ["documents": int(result.instruct.documents), "examples": int(result.instruct.totalWritten),
                          "per_task": .object(written), "dropped": .object(dropped)])
    if let model = result.instruct.model { o.append("generator", model.json) }
    var examples = dedup(result.exampleDedup).objectValue ?? JSONObject()
    examples.append("already_present", int(result.alreadyPresent))
    examples.append("duplicates_of_previous", int(result.duplicatesOfPrevious))
    o.append("dedup_examples", .object(examples))
    var split = JSONObject()
    for (i, name) in result.splitNames.enumerated() {
      split.append(name, ["previous": int(result.previousCounts[i]), "added": int(result.addedCounts[i]),
                          "total": int(result.finalCounts[i])])
    }
    o.append("split", .object(split))
    return .object(o)
  }

  private static func dedup(_ s: DedupSummary) -> JSONValue {
    ["in": int(s.recordsIn), "out": int(s.recordsOut), "exact": int(s.exactDuplicates), "near": int(s.nearDuplicates),
     "partial": int(s.partialCopies), "clusters": int(s.clusters)]
  }

  private static func leaks(_ result: BuildResult) -> JSONValue {
    var counts = JSONObject()
    for kind in LeakKind.allCases { counts.append(kind.rawValue, int(result.leakage?.counts[kind] ?? 0)) }
    return ["total": int(result.leakCount), "held_out_records": int(result.leakage?.heldOutRecords ?? 0),
            "counts": .object(counts), "samples": .array(result.leakSamples.map(\.json))]
  }

  private static func validation(_ report: ValidationReport) -> JSONValue {
    var counts = JSONObject()
    for count in report.counts {
      counts.append(count.check.rawValue, ["errors": int(count.errors), "warnings": int(count.warnings), "notes": int(count.notes)])
    }
    return ["errors": int(report.errorCount), "warnings": int(report.warningCount), "notes": int(report.noteCount),
            "checks": .object(counts),
            "findings": .array(report.findings.map { f in
              ["file": .string(f.file), "line": f.line.map { int($0) } ?? .null, "severity": .string(f.severity.rawValue),
               "check": .string(f.check.rawValue), "message": .string(f.message)]
            })]
  }
}
