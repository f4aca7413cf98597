import ArgumentParser

/// `text` for a person or `json` for a program: the format of `stats --output`,
/// `leakage --output` and `build --log-format`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}
