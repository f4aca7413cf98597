import Foundation

/// Why an input gave no document; each case names the input so the user can find it.
///
/// `extract` reports these as `path: reason` and goes on with the next input (or stops at the
/// first one with `--strict`).
public enum ExtractError: Error, Sendable, Equatable, OptionNamingError {
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
  /// A field XPath does not compile (or cannot be evaluated); `reason` is libxml2's message.
  case badFieldXPath(name: String, xpath: String, reason: String = "")
  /// A `--field` argument is not `NAME=XPATH`.
  case badFieldSpec(String)
  /// The output file is also an input.
  case outputIsInput(path: String)
  /// The folder of a sharded run's parts is one of the input folders or inside one, so shards
  /// would read each other's parts.
  case partsInsideInput(folder: String, input: String)
  /// A document's JSONL line would be longer than the line limit (`--max-line-mb`); `source`
  /// names the file and, in record mode or for feeds, the record (`file#N`).
  case documentOverLineLimit(source: String, bytes: Int, limit: Int)
  /// A text or Markdown input holds more text than fits on one JSONL line (`--max-line-mb`);
  /// it is refused before it is read whole.
  case textOverLineLimit(path: String, limit: Int)

  /// `path: reason`.
  public func message(naming name: (OptionName) -> String) -> String {
    switch self {
    case .empty(let path): return "\(path): empty input, skipped"
    case .binary(let path, let offset):
      return "\(path): binary data (NUL byte at offset \(offset)), skipped"
    case .noText(let path): return "\(path): no text found, skipped"
    case .tooLarge(let path, let limit):
      return "\(path): larger than \(limit) bytes; split it or use \(name(.record)) for large XML exports"
    case .malformedXML(let path, let line, let message):
      return line > 0 ? "\(path):\(line): malformed XML: \(message)" : "\(path): malformed XML: \(message)"
    case .unsupportedRecordPath(let xpath, let reason):
      return "\(name(.record)) \(xpath): \(reason); use //name, /a/b/name or //name[@attr='value']"
    case .badFieldXPath(let fieldName, let xpath, let reason):
      return "\(name(.field)) \(fieldName)=\(xpath): not a valid XPath expression" + (reason.isEmpty ? "" : " (\(reason))")
    case .badFieldSpec(let spec):
      return "\(name(.field)) \(spec): expected NAME=XPATH, e.g. body=@Body"
    case .outputIsInput(let path):
      return "\(path): the output is also an input; choose another output path"
    case .partsInsideInput(let folder, let input):
      return "\(folder): the folder of the shards' parts is inside the input \(input), so shards would read each other's parts; choose a folder outside the inputs"
    case .documentOverLineLimit(let source, let bytes, let limit):
      return "\(source): the document would be a JSONL line of \(Self.mebibytes(bytes)), over the line limit of "
        + "\(Self.mebibytes(limit)) (\(name(.maximumLineBytes))); it is not written (raise the limit, or split the input)"
    case .textOverLineLimit(let path, let limit):
      return "\(path): more than \(Self.mebibytes(limit)) of text, which would be a JSONL line over the line limit "
        + "(\(name(.maximumLineBytes))); split the file or raise the limit"
    }
  }

  /// `n` bytes in MiB, one decimal (`256.0 MiB`).
  static func mebibytes(_ n: Int) -> String {
    let tenths = Int((Double(n) / Double(1 << 20) * 10).rounded())
    return "\(tenths / 10).\(tenths % 10) MiB"
  }
}
