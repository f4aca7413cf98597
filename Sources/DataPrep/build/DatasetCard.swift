/// `README.md` of the output folder: a Hugging Face dataset card whose YAML front matter
/// declares the default config and its splits, so the folder loads (and pushes) as is.
enum DatasetCard {
  /// The card: front matter, verdict, sizes, format, sources, the recipe and the findings.
  static func render(_ result: BuildResult) -> String {
    let total = result.finalCounts.reduce(0, +)
    var lines: [String] = ["---", "configs:", "- config_name: default", "  data_files:"]
    for name in result.splitNames {
      lines += ["  - split: \(name)", "    path: \(name).jsonl"]
    }
    lines += ["size_categories:", "- \(sizeCategory(total))", "task_categories:", "- text-generation", "tags:", "- dataprep",
              "- \(result.recipe.format.rawValue)", "---", ""]
    lines += ["# Dataset", "",
              "Built by `dataprep build` \(DataPrepVersion.current) from \(result.sources.count) source file\(result.sources.count == 1 ? "" : "s") "
                + "into \(total) example\(total == 1 ? "" : "s") in the `\(result.recipe.format.rawValue)` format.", "",
              "**Verdict:** \(inline(result.verdict))", ""]
    lines += ["## Splits", "", "| split | examples | tokens | longest | file |", "|---|---:|---:|---:|---|"]
    for (i, name) in result.splitNames.enumerated() {
      let stats = result.statistics.indices.contains(i) ? result.statistics[i] : SplitStatistics(name: name)
      lines.append("| \(name) | \(result.finalCounts[i]) | \(stats.lengths.totalTokens) | \(stats.lengths.longest) | `\(name).jsonl` |")
    }
    lines += ["", "Tokens are \(result.tokenCounterName).", ""]
    if let warning = result.ratioWarning { lines += ["**Split:** \(inline(warning)).", ""] }
    if !result.taskSamples.isEmpty {
      lines += ["## Sample examples", "", "A few train examples of each task, cut short:", "",
                "| task | instruction | answer |", "|---|---|---|"]
      for sample in result.taskSamples {
        lines.append("| \(inline(sample.task)) | \(inline(sample.instruction)) | \(inline(sample.answer)) |")
      }
      lines.append("")
    }
    lines += ["## Load", "", "```python", "from datasets import load_dataset",
              "ds = load_dataset(\"json\", data_files={"
                + result.splitNames.map { "\"\($0)\": \"\($0).jsonl\"" }.joined(separator: ", ") + "})",
              "```", "", "Or load the folder itself: `load_dataset(\"path/to/folder\")` reads the configs above.", ""]
    lines += ["## How it was made", "",
              "| stage | result |", "|---|---|",
              "| sources | \(result.sources.count) files |",
              "| extract | \(result.extraction.documents) documents (\(result.extraction.skipped) files skipped) |",
              "| redact | " + inline(redactCell(result)) + " |",
              "| filter | " + inline(filterCell(result)) + " |",
              "| remove furniture | " + (result.furniture.map { inline($0.line) } ?? "off") + " |",
              "| dedup documents | \(result.documentDedup.recordsOut) kept, \(result.documentDedup.recordsIn - result.documentDedup.recordsOut) removed |",
              "| instruct | \(result.instruct.totalWritten) examples (\(result.instruct.written.map { "\(inline($0.task)) \($0.count)" }.joined(separator: ", "))) |",
              "| dedup examples | \(result.exampleDedup.recordsOut) new, \(result.exampleDedup.recordsIn - result.exampleDedup.recordsOut) removed"
                + (result.incremental ? " (\(result.alreadyPresent) already in the dataset)" : "") + " |",
              "| split | " + result.splitNames.indices.map { "\(result.splitNames[$0]) \(result.finalCounts[$0])" }.joined(separator: ", ") + " |",
              "| leakage | \(result.leakCount) leaks |",
              "| validate | \(result.validation.errorCount) errors, \(result.validation.warningCount) warnings, \(result.validation.noteCount) notes |", ""]
    if let model = result.instruct.model, let row = lines.firstIndex(where: { $0.hasPrefix("| instruct |") }) {
      lines.insert("| generator | \(inline(model.line)) |", at: row + 1)
    }
    lines += ["## Sources", ""]
    for source in result.sources.prefix(50) {
      lines.append("- `\(code(source.path))` (\(source.bytes) bytes, sha256 `\(source.sha256.prefix(16))…`)")
    }
    if result.sources.count > 50 { lines.append("- … and \(result.sources.count - 50) more (see `manifest.json`)") }
    lines += ["", "## Recipe", "", "```json", JSONWriter().string(of: result.recipeJSON), "```", ""]
    lines += ["## Findings", ""]
    if result.validation.findings.isEmpty && result.leakCount == 0 {
      lines.append("No validation findings and no leaks.")
    }
    for finding in result.validation.findings.prefix(30) {
      let place = finding.line.map { "\(finding.file):\($0)" } ?? finding.file
      lines.append("- **\(finding.severity.rawValue)** `\(finding.check.rawValue)` \(code(place)): \(inline(finding.message))")
    }
    if result.validation.findings.count > 30 { lines.append("- … \(result.validation.findings.count - 30) more in `report.json`") }
    if result.leakCount > 0 {
      lines.append("- **leaks**: \(result.leakCount) held-out examples found in train (see `report.html`)")
    }
    lines += ["", "See `report.html` for the full picture and `manifest.json` for digests.", ""]
    return lines.joined(separator: "\n")
  }

  /// The redact row: replacements per kind and documents changed or dropped, or `off`.
  static func redactCell(_ result: BuildResult) -> String {
    guard let s = result.redaction else { return "off" }
    let kinds = result.recipe.redact.kinds.sorted().map { "\($0.rawValue) \(s.counts[$0] ?? 0)" }.joined(separator: ", ")
    let n = s.dropped > 0 ? s.dropped : s.changed
    let documents = "\(n) document\(n == 1 ? "" : "s") " + (s.dropped > 0 ? "dropped" : "changed")
    return "\(s.total) replaced (\(kinds)); \(documents) (\(result.recipe.redact.mode.rawValue))"
  }

  /// The filter row: documents kept and dropped, and dropped per rule set, or `off`.
  static func filterCell(_ result: BuildResult) -> String {
    guard let f = result.filtering else { return "off" }
    let sets = result.recipe.filter.options.rules.map { "\($0.rawValue) \(f.failuresByRuleSet[$0] ?? 0)" }.joined(separator: ", ")
    return "\(f.passed) kept, \(f.failed) dropped (\(sets))"
  }

  /// The Hugging Face size category of `n` examples.
  static func sizeCategory(_ n: Int) -> String {
    switch n {
    case ..<1_000: return "n<1K"
    case ..<10_000: return "1K<n<10K"
    case ..<100_000: return "10K<n<100K"
    case ..<1_000_000: return "100K<n<1M"
    case ..<10_000_000: return "1M<n<10M"
    default: return "10M<n<100M"
    }
  }

  /// Untrusted text made safe inside a Markdown paragraph or table cell: one line, no HTML,
  /// no table pipes, no emphasis or link syntax.
  static func inline(_ text: String) -> String {
    var out = ""
    for ch in text {
      switch ch {
      case "\n", "\r", "\t": out.append(" ")
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "|", "*", "_", "`", "[", "]", "\\", "#": out += "\\" + String(ch)
      default: out.append(ch)
      }
    }
    return out
  }

  /// Untrusted text inside a code span: one line, backticks replaced.
  static func code(_ text: String) -> String {
    String(text.map { ch -> Character in
      switch ch {
      case "`": return "'"
      case "\n", "\r": return " "
      default: return ch
      }
    })
  }
}
