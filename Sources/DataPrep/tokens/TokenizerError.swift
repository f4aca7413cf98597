import Foundation

/// Why a tokenizer could not be found or loaded; each case names the file (and line) at fault.
public enum TokenizerError: Error, Sendable, Equatable, OptionNamingError {
  /// A tokenizer name names no built-in encoding and no existing file.
  case unknownName(String)
  /// A built-in encoding's rank file is in none of the folders searched.
  case notFound(name: String, searched: [String])
  /// The file could not be read.
  case unreadable(path: String, reason: String)
  /// A line of a tiktoken rank file is not `base64-token rank`.
  case badRankLine(path: String, line: Int, reason: String)
  /// A `tokenizer.json` is not valid or not a byte-level BPE.
  case badTokenizerJSON(path: String, reason: String)
  /// A `tokenizer.json` uses a feature dataprep does not implement.
  case unsupported(path: String, feature: String)
  /// The vocabulary lacks a token for a single byte, so some texts could not be encoded.
  case missingByteToken(path: String, byte: UInt8)

  /// A message that says what is wrong and what to do.
  public func message(naming wording: (OptionName) -> String) -> String {
    switch self {
    case .unknownName(let name):
      return "unknown tokenizer '\(name)': expected \(TiktokenEncoding.allCases.map(\.rawValue).joined(separator: ", ")) "
        + "or a path to a .tiktoken, .tiktoken.gz or tokenizer.json file"
    case .notFound(let name, let searched):
      let folders = searched.isEmpty ? "no folder" : searched.joined(separator: ", ")
      let bundle = TokenizerLocator.resourceBundleName
      let install: String
      if name == TiktokenEncoding.o200kBase.rawValue || name == TiktokenEncoding.cl100kBase.rawValue {
        install = ". dataprep ships this file in the folder \(bundle).resources (\(bundle).bundle on macOS) "
          + "beside its executable, which is missing: copy that folder along with the binary, or install the file by copying it (\(name).tiktoken.gz) into one of these folders"
      } else {
        install = ". Install it by copying the rank file (e.g. \(name).tiktoken.gz) into one of these folders"
      }
      let flag = wording(.tokenizer)
      return "tokenizer '\(name)' not found: looked for \(name).tiktoken and \(name).tiktoken.gz in \(folders)\(install)"
        + ", or set DATAPREP_TOKENIZERS to the folder holding it, or pass \(flag) PATH"
    case .unreadable(let path, let reason):
      return "\(path): cannot read tokenizer: \(reason)"
    case .badRankLine(let path, let line, let reason):
      return "\(path):\(line): bad rank file line: \(reason) (expected 'base64-token rank')"
    case .badTokenizerJSON(let path, let reason):
      return "\(path): not a usable tokenizer.json: \(reason)"
    case .unsupported(let path, let feature):
      return "\(path): unsupported tokenizer.json: \(feature) (dataprep reads byte-level BPE models only)"
    case .missingByteToken(let path, let byte):
      return "\(path): the vocabulary has no token for the single byte 0x\(String(byte, radix: 16, uppercase: true)), "
        + "which byte-level BPE needs"
    }
  }
}
