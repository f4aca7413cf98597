/// `report.html`: one self-contained page (inline CSS and SVG, no script, no network) that a
/// person reads to decide whether the dataset is fit to train on: the verdict, counts at each
/// stage, token-length histograms with the max-tokens line, examples per task, source and
/// group, duplicates and leaks side by side, and the validation findings.
///
/// Every piece of data (record text, paths, messages) is escaped with ``HTMLText/escape(_:)``.
enum HTMLReport {
  /// Groups with fewer examples than this are highlighted as scarce (validate's `min_group_examples`).
  static func scarceLimit(_ result: BuildResult) -> Int {
    result.recipe.validationOptions().minGroupExamples
  }

  /// The page.
  static func render(_ result: BuildResult) -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
      <title>dataprep build report</title>
      <style>\(css)</style>
      </head>
      <body>
      <header>
      <h1>Dataset build report</h1>
      <p class="sub">dataprep \(HTMLText.escape(DataPrepVersion.current)) · format <code>\(HTMLText.escape(result.recipe.format.rawValue))</code> · seed \(result.recipe.seed) · ratio \(result.recipe.ratios.map { HTMLText.decimal($0) }.joined(separator: " / "))\(result.incremental ? " · <b>incremental build</b>" : "")</p>
      </header>

      """
    html += verdict(result)
    html += stages(result)
    html += splits(result)
    html += histograms(result)
    html += samples(result)
    html += groups(result)
    html += duplicates(result)
    html += leaks(result)
    html += findings(result)
    html += """
      <footer>Digests of every source and output are in <code>manifest.json</code>; the same facts for programs are in <code>report.json</code>. Tokens are \(HTMLText.escape(result.tokenCounterName)).</footer>
      </body>
      </html>

      """
    return html
  }

  // MARK: - Sections

  private static func verdict(_ result: BuildResult) -> String {
    let level: String
    if result.finalCounts.reduce(0, +) == 0 || result.validation.errorCount > 0 {
      level = "bad"
    } else if result.leakCount > 0 || result.validation.warningCount > 0 {
      level = "warn"
    } else {
      level = "good"
    }
    let chips = [
      ("examples", result.finalCounts.reduce(0, +), "plain"),
      ("errors", result.validation.errorCount, result.validation.errorCount > 0 ? "bad" : "plain"),
      ("warnings", result.validation.warningCount, result.validation.warningCount > 0 ? "warn" : "plain"),
      ("leaks", result.leakCount, result.leakCount > 0 ? "warn" : "plain"),
      ("duplicates removed", removedDuplicates(result), "plain"),
    ].map { "<span class=\"chip \($0.2)\"><b>\(HTMLText.number($0.1))</b> \($0.0)</span>" }.joined()
    let ratio = result.ratioWarning.map { "<p class=\"ratio\">Split: \(HTMLText.escape($0)).</p>" } ?? ""
    return "<section class=\"verdict \(level)\"><p>\(HTMLText.escape(result.verdict))</p>\(ratio)<div>\(chips)</div></section>\n"
  }

  private static func removedDuplicates(_ result: BuildResult) -> Int {
    (result.documentDedup.recordsIn - result.documentDedup.recordsOut)
      + (result.exampleDedup.recordsIn - result.exampleDedup.recordsOut - result.alreadyPresent)
  }

  private static func stages(_ result: BuildResult) -> String {
    var bars: [(String, Int, String)] = [
      ("source files", result.sources.count, "Files under the sources (\(result.extraction.skipped) gave no document, \(result.extraction.ignored) ignored by extension)"),
      ("documents", result.extraction.documents, "Documents extracted" + (result.furniture.map { "; furniture: \($0.linesRemoved) recurring lines removed (\($0.furnitureLines) distinct, each on \($0.threshold)+ documents)" } ?? "")),
    ]
    if let s = result.redaction {
      bars.append(("redactions", s.total, "Redact: " + DatasetCard.redactCell(result)))
    }
    if let f = result.filtering {
      bars.append(("documents passing filter", f.passed, "Quality filter: " + DatasetCard.filterCell(result)))
    }
    bars += [
      ("documents kept", result.documentDedup.recordsOut, "After removing \(result.documentDedup.exactDuplicates) exact, \(result.documentDedup.nearDuplicates) near and \(result.documentDedup.partialCopies) partial duplicates"),
      ("examples", result.instruct.totalWritten, "Examples made by instruct"),
      ("new examples kept", result.exampleDedup.recordsOut, result.incremental
        ? "After removing \(result.alreadyPresent) already in the dataset and \(result.exampleDedup.recordsIn - result.exampleDedup.recordsOut - result.alreadyPresent) duplicates"
        : "After removing \(result.exampleDedup.recordsIn - result.exampleDedup.recordsOut) duplicate examples"),
    ]
    for (i, name) in result.splitNames.enumerated() {
      let detail = result.incremental ? "\(result.previousCounts[i]) from the previous build + \(result.addedCounts[i]) added" : "Examples in \(name).jsonl"
      bars.append((name, result.finalCounts[i], detail))
    }
    let top = max(1, bars.map(\.1).max() ?? 1)
    let rowHeight = 30
    let width = 1100
    let labelWidth = 170
    let barSpace = 560
    var svg = "<svg class=\"chart\" viewBox=\"0 0 \(width) \(bars.count * rowHeight + 10)\" role=\"img\" aria-label=\"counts at each stage\">"
    for (i, bar) in bars.enumerated() {
      let y = i * rowHeight + 5
      let w = max(2, Int(Double(barSpace) * Double(bar.1) / Double(top)))
      let fill = i >= bars.count - result.splitNames.count ? "#2f7d5b" : "#3f6fb5"
      svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 19)\" text-anchor=\"end\" class=\"lbl\">\(HTMLText.escape(bar.0))</text>"
      svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(w)\" height=\"20\" rx=\"3\" fill=\"\(fill)\"/>"
      svg += "<text x=\"\(labelWidth + w + 8)\" y=\"\(y + 19)\" class=\"val\"><tspan font-weight=\"700\">\(HTMLText.number(bar.1))</tspan><tspan class=\"note\" dx=\"10\">\(HTMLText.escape(bar.2))</tspan></text>"
    }
    svg += "</svg>"
    var failures = filterSamples(result)
    if !result.extractionFailures.isEmpty {
      failures += "<details><summary>\(result.extractionFailures.count) source file(s) gave no document</summary><ul>"
        + result.extractionFailures.prefix(50).map { "<li><code>\(HTMLText.escape($0))</code></li>" }.joined() + "</ul></details>"
    }
    return "<section><h2>Counts at each stage</h2>\(svg)\(failures)</section>\n"
  }

  /// The first documents the filter dropped for each reason: source, document number, rule set and reason.
  private static func filterSamples(_ result: BuildResult) -> String {
    guard let f = result.filtering, !f.samples.isEmpty else { return "" }
    return "<details><summary>Documents the filter dropped (the first of each reason)</summary><ul>"
      + f.samples.map {
        "<li><code>\(HTMLText.escape($0.path))</code> document \($0.line): \(HTMLText.escape($0.rules.rawValue)) <code>\(HTMLText.escape($0.reason))</code></li>"
      }.joined() + "</ul></details>"
  }

  private static func splits(_ result: BuildResult) -> String {
    let maxTokens = result.recipe.maxTokens
    var rows = ""
    for (i, name) in result.splitNames.enumerated() {
      let stats = result.statistics.indices.contains(i) ? result.statistics[i] : SplitStatistics(name: name)
      let over = stats.lengths.records(longerThan: maxTokens)
      rows += "<tr><th>\(HTMLText.escape(name))</th>"
      if result.incremental { rows += "<td>\(HTMLText.number(result.previousCounts[i]))</td><td>+\(HTMLText.number(result.addedCounts[i]))</td>" }
      rows += "<td><b>\(HTMLText.number(result.finalCounts[i]))</b></td><td>\(HTMLText.number(stats.lengths.totalTokens))</td>"
      rows += "<td>\(HTMLText.number(stats.lengths.percentile(50)))</td><td>\(HTMLText.number(stats.lengths.percentile(95)))</td><td>\(HTMLText.number(stats.lengths.longest))</td>"
      rows += "<td class=\"\(over > 0 ? "badcell" : "")\">\(HTMLText.number(over))</td><td>\(HTMLText.number(stats.groups.count))</td></tr>"
    }
    let previous = result.incremental ? "<th>previous</th><th>added</th>" : ""
    return """
      <section><h2>Splits</h2>
      <table><thead><tr><th>split</th>\(previous)<th>examples</th><th>tokens</th><th>median</th><th>p95</th><th>longest</th><th>over \(HTMLText.number(maxTokens))</th><th>groups</th></tr></thead><tbody>\(rows)</tbody></table>
      </section>

      """
  }

  private static func histograms(_ result: BuildResult) -> String {
    let maxTokens = result.recipe.maxTokens
    // The axis covers 99% of the examples (a few very long ones would squeeze the rest into
    // one bar); longer ones are counted in the last bar and named in the caption. It reaches
    // the max-tokens line when that is near.
    let clip = result.statistics.map { $0.lengths.percentile(TokenStatistics.histogramCoveragePercent) }.max() ?? 0
    var axis = max(Self.shortestAxis, clip)
    if maxTokens <= clip * 2 { axis = max(axis, maxTokens) }
    axis = TokenStatistics.roundWidth(Int(Double(axis) * Self.axisHeadroom))
    // Bins of a round width (1, 2 or 5 × 10^k), about `histogramBins` of them, ending at the axis.
    let binWidth = TokenStatistics.roundWidth(max(1, axis / Self.histogramBins))
    let bins = max(1, (axis + binWidth - 1) / binWidth)
    axis = binWidth * bins
    var charts = ""
    for stats in result.statistics {
      let counts = stats.lengths.bucketCounts(width: binWidth, count: bins)
      let top = max(1, counts.max() ?? 1)
      let (w, h, left, bottom) = (520, 200, 44, 30)
      let plotW = w - left - 10
      let plotH = h - bottom - 14
      var svg = "<svg class=\"hist\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-label=\"token lengths in \(HTMLText.escape(stats.name))\">"
      svg += "<line x1=\"\(left)\" y1=\"\(14 + plotH)\" x2=\"\(left + plotW)\" y2=\"\(14 + plotH)\" class=\"axis\"/>"
      svg += "<text x=\"\(left - 6)\" y=\"18\" text-anchor=\"end\" class=\"tick\">\(HTMLText.number(top))</text>"
      svg += "<text x=\"\(left - 6)\" y=\"\(14 + plotH)\" text-anchor=\"end\" class=\"tick\">0</text>"
      let barW = Double(plotW) / Double(bins)
      for (i, n) in counts.enumerated() where n > 0 {
        let bh = max(1.0, Double(plotH) * Double(n) / Double(top))
        let x = Double(left) + Double(i) * barW
        svg += "<rect x=\"\(HTMLText.decimal(x, digits: 1))\" y=\"\(HTMLText.decimal(Double(14 + plotH) - bh, digits: 1))\" width=\"\(HTMLText.decimal(barW - 1, digits: 1))\" height=\"\(HTMLText.decimal(bh, digits: 1))\" fill=\"#3f6fb5\"><title>\(HTMLText.number(i * binWidth))–\(HTMLText.number((i + 1) * binWidth - 1)) tokens: \(HTMLText.number(n))</title></rect>"
      }
      for tick in [0, axis / 2, axis] {
        let x = left + Int(Double(plotW) * Double(tick) / Double(axis))
        svg += "<text x=\"\(x)\" y=\"\(h - 10)\" text-anchor=\"middle\" class=\"tick\">\(HTMLText.number(tick))</text>"
      }
      if maxTokens <= axis {
        let x = left + Int(Double(plotW) * Double(maxTokens) / Double(axis))
        svg += "<line x1=\"\(x)\" y1=\"10\" x2=\"\(x)\" y2=\"\(14 + plotH)\" class=\"limit\"/>"
        svg += "<text x=\"\(x - 4)\" y=\"24\" text-anchor=\"end\" class=\"limitlbl\">max \(HTMLText.number(maxTokens))</text>"
      } else {
        svg += "<text x=\"\(left + plotW)\" y=\"24\" text-anchor=\"end\" class=\"limitlbl\">max \(HTMLText.number(maxTokens)) →</text>"
      }
      svg += "</svg>"
      let beyond = stats.lengths.records(longerThan: axis - 1)
      let clipped = beyond > 0 ? "; \(HTMLText.number(beyond)) longer than \(HTMLText.number(axis)) counted in the last bar" : ""
      charts += "<figure>\(svg)<figcaption><b>\(HTMLText.escape(stats.name))</b>: \(HTMLText.number(stats.records)) examples, median \(HTMLText.number(stats.lengths.percentile(50))), longest \(HTMLText.number(stats.lengths.longest)) tokens\(clipped)</figcaption></figure>"
    }
    return "<section><h2>Token lengths</h2><div class=\"grid\">\(charts)</div></section>\n"
  }

  private static func samples(_ result: BuildResult) -> String {
    guard !result.taskSamples.isEmpty else { return "" }
    var rows = ""
    for sample in result.taskSamples {
      rows += "<tr><td><code>\(HTMLText.escape(sample.task))</code></td><td class=\"text\">\(HTMLText.escape(sample.instruction))</td><td class=\"text\">\(HTMLText.escape(sample.answer))</td></tr>"
    }
    return """
      <section><h2>Sample examples</h2><p class="note">A few train examples of each task, cut short: what the model will learn from.</p>
      <table class="samples"><thead><tr><th>task</th><th>instruction</th><th>answer</th></tr></thead><tbody>\(rows)</tbody></table>
      </section>

      """
  }

  private static func groups(_ result: BuildResult) -> String {
    let scarce = scarceLimit(result)
    var html = "<section><h2>Examples per task, source and group</h2><p class=\"note\">Highlighted as scarce: rows with fewer than \(scarce) examples in all, and tasks missing from a held-out split (sources stay whole on one side, as groups do).</p><div class=\"grid\">"
    html += table(title: "task", result: result, values: result.statistics.map(\.tasks), scarce: scarce, limit: 40, needsEverySplit: true)
    html += table(title: "source", result: result, values: result.statistics.map(\.sources), scarce: scarce, limit: 40, needsEverySplit: false)
    html += "</div>"
    // Groups: the split's unit; show how many and the smallest.
    let groupBy = result.recipe.groupPath
    var all: [String: Int] = [:]
    for stats in result.statistics { for (g, n) in stats.groups { all[g, default: 0] += n } }
    let small = all.filter { $0.value < scarce }.count
    html += "<p>Split groups (<code>\(HTMLText.escape(groupBy))</code>): <b>\(HTMLText.number(all.count))</b>"
    html += ", " + result.statistics.map { "\(HTMLText.escape($0.name)) \(HTMLText.number($0.groups.count))" }.joined(separator: ", ")
    html += "; <span class=\"\(small > 0 ? "scarce" : "")\">\(HTMLText.number(small)) with fewer than \(scarce) examples</span>. A group never spans two splits.</p>"
    return html + "</section>\n"
  }

  private static func table(
    title: String, result: BuildResult, values: [[String: Int]], scarce: Int, limit: Int, needsEverySplit: Bool
  ) -> String {
    var totals: [String: Int] = [:]
    for split in values { for (key, n) in split { totals[key, default: 0] += n } }
    let keys = totals.keys.sorted { (totals[$0] ?? 0, $1) > (totals[$1] ?? 0, $0) }
    var rows = ""
    for key in keys.prefix(limit) {
      let perSplit = values.map { $0[key] ?? 0 }
      let isScarce = (totals[key] ?? 0) < scarce || (needsEverySplit && perSplit.dropFirst().contains(0))
      rows += "<tr class=\"\(isScarce ? "scarce" : "")\"><td class=\"key\">\(HTMLText.escape(key))</td>"
      rows += perSplit.map { "<td>\(HTMLText.number($0))</td>" }.joined() + "<td><b>\(HTMLText.number(totals[key] ?? 0))</b></td></tr>"
    }
    if keys.count > limit { rows += "<tr><td colspan=\"\(values.count + 2)\" class=\"note\">… \(keys.count - limit) more in report.json</td></tr>" }
    let head = result.splitNames.map { "<th>\(HTMLText.escape($0))</th>" }.joined()
    return "<table><thead><tr><th>\(title)</th>\(head)<th>all</th></tr></thead><tbody>\(rows)</tbody></table>"
  }

  private static func duplicates(_ result: BuildResult) -> String {
    var html = "<section><h2>Duplicates removed</h2>"
    html += "<p>Documents: \(HTMLText.number(result.documentDedup.exactDuplicates)) exact, \(HTMLText.number(result.documentDedup.nearDuplicates)) near, \(HTMLText.number(result.documentDedup.partialCopies)) partial. "
    html += "Examples: \(HTMLText.number(result.exampleDedup.exactDuplicates)) exact, \(HTMLText.number(result.exampleDedup.nearDuplicates)) near"
    if result.incremental {
      html += "; \(HTMLText.number(result.alreadyPresent)) made again were already in the dataset (kept where they were), \(HTMLText.number(result.duplicatesOfPrevious)) duplicated it"
    }
    html += ".</p>"
    if result.duplicateSamples.isEmpty { return html + "<p class=\"note\">No duplicate clusters to show.</p></section>\n" }
    for sample in result.duplicateSamples {
      html += "<div class=\"pair\"><div class=\"pairhead\">\(HTMLText.escape(sample.stage)) · \(HTMLText.escape(sample.kind)) · similarity \(HTMLText.decimal(sample.similarity))</div>"
      html += record("kept", sample.kept) + record("removed", sample.removed) + "</div>"
    }
    return html + "</section>\n"
  }

  private static func leaks(_ result: BuildResult) -> String {
    var html = "<section><h2>Leaks between splits</h2>"
    guard let leakage = result.leakage else { return html + "<p>Not checked.</p></section>\n" }
    let counts = LeakKind.allCases.map { "\(HTMLText.escape($0.rawValue)) \(HTMLText.number(leakage.counts[$0] ?? 0))" }.joined(separator: ", ")
    html += "<p>\(HTMLText.number(leakage.leakedHeldOut.count)) of \(HTMLText.number(leakage.heldOutRecords)) held-out examples share text with train: \(HTMLText.number(leakage.findings.count)) findings (\(counts)).\(leakage.findings.isEmpty ? "" : " One finding per held-out example is shown.")</p>"
    if result.leakSamples.isEmpty { return html + "<p class=\"note\">No held-out example was found in train.</p></section>\n" }
    for sample in result.leakSamples {
      var head = HTMLText.escape(sample.kind)
      if let s = sample.similarity { head += " · similarity \(HTMLText.decimal(s))" }
      html += "<div class=\"pair\"><div class=\"pairhead\">\(head)</div>"
      if let passage = sample.passage { html += "<div class=\"passage\">shared: “\(HTMLText.escape(passage))”</div>" }
      html += record("held out", sample.heldOut) + record("train", sample.train) + "</div>"
    }
    return html + "</section>\n"
  }

  private static func record(_ role: String, _ sample: RecordSample) -> String {
    let id = sample.id.map { " · " + HTMLText.escape($0) } ?? ""
    return "<div class=\"rec\"><div class=\"rechead\"><b>\(HTMLText.escape(role))</b> \(HTMLText.escape(sample.file)):\(sample.line)\(id)</div><pre>\(HTMLText.escape(sample.text))</pre></div>"
  }

  private static func findings(_ result: BuildResult) -> String {
    let report = result.validation
    var html = "<section><h2>Validation</h2><p>\(HTMLText.number(report.errorCount)) errors, \(HTMLText.number(report.warningCount)) warnings, \(HTMLText.number(report.noteCount)) notes over \(HTMLText.number(report.recordCount)) records.</p>"
    if report.findings.isEmpty { return html + "<p class=\"note\">No findings.</p></section>\n" }
    html += "<table class=\"findings\"><thead><tr><th>severity</th><th>check</th><th>where</th><th>message</th></tr></thead><tbody>"
    let ordered = report.findings.sorted { ($0.severity, $1.file, $1.line ?? 0) > ($1.severity, $0.file, $0.line ?? 0) }
    for finding in ordered.prefix(100) {
      let place = finding.line.map { "\(finding.file):\($0)" } ?? finding.file
      html += "<tr class=\"\(finding.severity.rawValue)\"><td>\(HTMLText.escape(finding.severity.rawValue))</td><td><code>\(HTMLText.escape(finding.check.rawValue))</code></td><td><code>\(HTMLText.escape(place))</code></td><td>\(HTMLText.escape(finding.message))</td></tr>"
    }
    html += "</tbody></table>"
    if report.findings.count > 100 { html += "<p class=\"note\">… \(report.findings.count - 100) more in report.json.</p>" }
    return html + "</section>\n"
  }

  /// The shortest histogram axis, in tokens.
  static let shortestAxis = 8
  /// Room left right of the longest bar the axis covers: 5%.
  static let axisHeadroom = 1.05
  /// About this many bars in a histogram.
  static let histogramBins = 30

  static let css = """
    :root{--ink:#1d2430;--muted:#5d6778;--line:#d9dee7;--bg:#f6f7fa;--good:#2f7d5b;--warn:#b7791f;--bad:#b83232}
    *{box-sizing:border-box}body{margin:0;padding:24px 32px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
    header h1{margin:0;font-size:24px}.sub{color:var(--muted);margin:4px 0 16px}
    section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin:0 0 16px}
    h2{font-size:17px;margin:0 0 10px}code{font:12px ui-monospace,Menlo,Consolas,monospace;background:#eef1f6;padding:1px 4px;border-radius:3px}
    .verdict{border-left:6px solid var(--good)}.verdict.warn{border-left-color:var(--warn)}.verdict.bad{border-left-color:var(--bad)}
    .verdict p{font-size:18px;font-weight:600;margin:0 0 8px}.verdict p.ratio{font-size:14px;font-weight:400;color:#8a5a12}
    .chip{display:inline-block;margin:0 8px 4px 0;padding:3px 10px;border-radius:12px;background:#eef1f6}.chip.bad{background:#f8dcdc;color:var(--bad)}.chip.warn{background:#fbeed5;color:#8a5a12}
    .chart{width:100%;height:auto}.chart .lbl{font-size:13px;fill:var(--ink)}.chart .val{font-size:13px;fill:var(--ink)}.chart .note,.note{fill:var(--muted);color:var(--muted);font-size:12px}
    table{border-collapse:collapse;margin:4px 0 8px;font-size:13px}th,td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:right}th:first-child,td.key,td:first-child{text-align:left}
    thead th{background:#f0f2f6}.key{max-width:420px;overflow-wrap:anywhere}
    tr.scarce td,span.scarce{background:#fff4d6}.badcell{background:#f8dcdc;color:var(--bad);font-weight:700}
    .grid{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}figure{margin:0;width:520px}figcaption{font-size:12px;color:var(--muted)}
    .hist{width:520px;height:200px;background:#fbfcfe;border:1px solid var(--line);border-radius:4px}.axis{stroke:#8892a3}.tick{font-size:10px;fill:var(--muted)}
    .limit{stroke:var(--bad);stroke-width:2;stroke-dasharray:5 3}.limitlbl{font-size:11px;fill:var(--bad);font-weight:600}
    .pair{display:grid;grid-template-columns:1fr 1fr;gap:8px;margin:0 0 12px;border:1px solid var(--line);border-radius:6px;padding:8px}
    .pairhead,.passage{grid-column:1 / span 2;font-size:12px;color:var(--muted)}.passage{color:var(--bad)}
    .rec{min-width:0}.rechead{font-size:12px;color:var(--muted);margin-bottom:2px;overflow-wrap:anywhere}
    pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;max-height:180px;overflow:auto;background:#f7f8fb;border:1px solid var(--line);border-radius:4px;padding:6px;font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
    table.findings td,table.findings th,table.samples td,table.samples th{text-align:left;vertical-align:top}td.text{white-space:pre-wrap;max-width:520px;overflow-wrap:anywhere}table.findings code{white-space:nowrap}tr.error td:first-child{color:var(--bad);font-weight:700}tr.warning td:first-child{color:var(--warn);font-weight:700}
    footer{color:var(--muted);font-size:12px;margin-top:8px}
    """
}
