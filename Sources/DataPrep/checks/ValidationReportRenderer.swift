/// Renders a ``ValidationReport`` for people (`text`), programs (`json`), GitHub Actions
/// annotations (`github`) and CI test reports (`junit`).
public struct ValidationReportRenderer: Sendable {
  /// An output style.
  public enum Style: String, Sendable, CaseIterable {
    /// `file:line: severity: message [check]`, then counts per check.
    case text
    /// One JSON object: `files`, `findings` (`file`, `line`, `severity`, `check`, `message`), `summary`.
    case json
    /// `::error file=...,line=...::message` workflow commands.
    case github
    /// JUnit XML: a test suite per file, a test case per check.
    case junit
  }

  /// The style to render.
  public var style: Style
  /// With `strict`, warnings fail the run (shown in the summary).
  public var strict: Bool

  /// A renderer for `style`.
  public init(style: Style, strict: Bool = false) {
    self.style = style
    self.strict = strict
  }

  /// The rendered report, ending with a newline.
  public func render(_ report: ValidationReport) -> String {
    switch style {
    case .text: return text(report)
    case .json: return json(report)
    case .github: return github(report)
    case .junit: return junit(report)
    }
  }

  private func location(_ finding: ValidationFinding) -> String {
    finding.line.map { "\(finding.file):\($0)" } ?? finding.file
  }

  private func summaryLine(_ report: ValidationReport) -> String {
    let verdict = report.failed(strict: strict) ? "FAILED" : "passed"
    return "\(verdict): \(report.errorCount) \(plural(report.errorCount, "error")), \(report.warningCount) \(plural(report.warningCount, "warning")), \(report.noteCount) \(plural(report.noteCount, "note")) in \(report.files.count) \(plural(report.files.count, "file")) (\(report.recordCount) records)"
  }

  private func plural(_ n: Int, _ word: String) -> String { n == 1 ? word : word + "s" }

  private func text(_ report: ValidationReport) -> String {
    var out = ""
    for finding in report.findings {
      out += "\(location(finding)): \(finding.severity.rawValue): \(finding.message) [\(finding.check.rawValue)]\n"
    }
    let kept = Dictionary(grouping: report.findings, by: \.check).mapValues(\.count)
    for count in report.counts where count.total > kept[count.check, default: 0] {
      out += "... \(count.total - kept[count.check, default: 0]) more [\(count.check.rawValue)] findings not shown (raise \(OptionName.naming(.maxErrors)))\n"
    }
    out += summaryLine(report) + "\n"
    for count in report.counts {
      var parts: [String] = []
      if count.errors > 0 { parts.append("\(count.errors) \(plural(count.errors, "error"))") }
      if count.warnings > 0 { parts.append("\(count.warnings) \(plural(count.warnings, "warning"))") }
      if count.notes > 0 { parts.append("\(count.notes) \(plural(count.notes, "note"))") }
      out += "  \(count.check.rawValue): \(parts.joined(separator: ", "))\n"
    }
    return out
  }

  private func json(_ report: ValidationReport) -> String {
    var root = JSONObject()
    root.append("files", .array(report.files.map { file in
      var o = JSONObject()
      o.append("file", .string(file.path))
      o.append("role", .string(file.role.rawValue))
      o.append("format", file.format.map { .string($0.rawValue) } ?? .null)
      o.append("records", .integer(Int64(file.records)))
      o.append("bytes", .integer(file.bytes))
      return .object(o)
    }))
    root.append("findings", .array(report.findings.map { finding in
      var o = JSONObject()
      o.append("file", .string(finding.file))
      o.append("line", finding.line.map { .integer(Int64($0)) } ?? .null)
      o.append("severity", .string(finding.severity.rawValue))
      o.append("check", .string(finding.check.rawValue))
      o.append("message", .string(finding.message))
      return .object(o)
    }))
    var summary = JSONObject()
    summary.append("passed", .bool(!report.failed(strict: strict)))
    summary.append("errors", .integer(Int64(report.errorCount)))
    summary.append("warnings", .integer(Int64(report.warningCount)))
    summary.append("notes", .integer(Int64(report.noteCount)))
    summary.append("records", .integer(Int64(report.recordCount)))
    summary.append("files", .integer(Int64(report.files.count)))
    var checks = JSONObject()
    for count in report.counts {
      checks.append(count.check.rawValue, [
        "errors": .integer(Int64(count.errors)), "warnings": .integer(Int64(count.warnings)),
        "notes": .integer(Int64(count.notes)),
      ])
    }
    summary.append("checks", .object(checks))
    root.append("summary", .object(summary))
    return JSONWriter().string(of: .object(root)) + "\n"
  }

  private func github(_ report: ValidationReport) -> String {
    var out = ""
    for finding in report.findings {
      let command: String
      switch finding.severity {
      case .error: command = "error"
      case .warning: command = "warning"
      case .note: command = "notice"
      }
      var properties = "file=\(escapeProperty(finding.file))"
      if let line = finding.line { properties += ",line=\(line)" }
      properties += ",title=\(escapeProperty("dataprep " + finding.check.rawValue))"
      out += "::\(command) \(properties)::\(escapeData(finding.message))\n"
    }
    out += "dataprep validate: " + summaryLine(report) + "\n"
    return out
  }

  private func escapeData(_ s: String) -> String {
    s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  private func escapeProperty(_ s: String) -> String {
    escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }

  private func junit(_ report: ValidationReport) -> String {
    var suites = ""
    var totalTests = 0
    var totalFailures = 0
    for file in report.files {
      let findings = report.findings.filter { $0.file == file.path }
      var cases = ""
      var failures = 0
      for check in ValidationCheck.allCases {
        let mine = findings.filter { $0.check == check }
        let errors = mine.filter { $0.severity == .error || (strict && $0.severity == .warning) }
        let others = mine.filter { !errors.contains($0) }
        cases += "    <testcase classname=\"dataprep.validate\" name=\"\(xml(check.rawValue))\" file=\"\(xml(file.path))\">"
        if !errors.isEmpty {
          failures += 1
          let body = errors.map { "\(location($0)): \($0.message)" }.joined(separator: "\n")
          cases += "\n      <failure type=\"\(xml(check.rawValue))\" message=\"\(xml("\(errors.count) \(plural(errors.count, "problem")): \(errors[0].message)"))\">\(xml(body))</failure>"
        }
        if !others.isEmpty {
          let body = others.map { "\(location($0)): \($0.severity.rawValue): \($0.message)" }.joined(separator: "\n")
          cases += "\n      <system-out>\(xml(body))</system-out>"
        }
        cases += (errors.isEmpty && others.isEmpty ? "" : "\n    ") + "</testcase>\n"
      }
      totalTests += ValidationCheck.allCases.count
      totalFailures += failures
      suites += "  <testsuite name=\"\(xml(file.path))\" tests=\"\(ValidationCheck.allCases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n\(cases)  </testsuite>\n"
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dataprep validate\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\">\n\(suites)</testsuites>\n"
  }

  private func xml(_ s: String) -> String {
    HTMLText.escape(s, for: .xml)
  }
}

import Foundation
