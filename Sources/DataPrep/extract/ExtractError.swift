import Foundation

/// Why an input gave no document; each case names the input so the user can find it.
///
/// `extract` reports these as `path: reason` and goes on with the next input (or stops at the
/// first one with `--strict`).
public enum ExtractError: Error, Sendable, Equatable, LocalizedError {
  /// The input holds no bytes, or only whitespace.
  case empty(path: String)
  /// The input holds NUL bytes (and no UTF-16 byte-order mark): it is not text.
  case binary(path: String, offset: Int)
  /// The input parsed but holds no text (a page of scripts, an empty root element).
  case noText(path: String)
  /// The input is larger than a single document may be (2 GiB); use record mode for exports.
  case tooLarge(path: String, limit: Int)
  /// The XML is not well-formed; `line` is libxml2's line (0 when unknown).
  case malformedXML(path: String, line: Int, message: String)
  /// The record XPath is not one of the supported forms.
  case unsupportedRecordPath(xpath: String, reason: String)
  /// A field XPath does not compile.
  case badFieldXPath(name: String, xpath: String)
  /// A `--field` argument is not `NAME=XPATH`.
  case badFieldSpec(String)
  /// The output file is also an input.
  case outputIsInput(path: String)

  /// `path: reason`.
  public var errorDescription: String? {
    switch self {
    case .empty(let path): return "\(path): empty input, skipped"
    case .binary(let path, let offset):
      return "\(path): binary data (NUL byte at offset \(offset)), skipped"
    case .noText(let path): return "\(path): no text found, skipped"
    case .tooLarge(let path, let limit):
      return "\(path): larger than \(limit) bytes; split it or use --record for large XML exports"
    case .malformedXML(let path, let line, let message):
      return line > 0 ? "\(path):\(line): malformed XML: \(message)" : "\(path): malformed XML: \(message)"
    case .unsupportedRecordPath(let xpath, let reason):
      return "--record \(xpath): \(reason); use //name, /a/b/name or //name[@attr='value']"
    case .badFieldXPath(let name, let xpath):
      return "--field \(name)=\(xpath): not a valid XPath expression"
    case .badFieldSpec(let spec):
      return "--field \(spec): expected NAME=XPATH, e.g. body=@Body"
    case .outputIsInput(let path):
      return "\(path): the output is also an input; choose another output path"
    }
  }
}
