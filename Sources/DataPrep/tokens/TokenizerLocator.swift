import Foundation

/// Finds and loads the tokenizer a `--tokenizer NAME|FILE` option names; every command that
/// measures length uses this, so they all resolve names the same way.
///
/// A FILE is a path to a `.tiktoken`, `.tiktoken.gz` or `tokenizer.json` (any `.json`). A NAME
/// (`o200k_base`, `cl100k_base`, `p50k_base`, `r50k_base`) is looked up as `NAME.tiktoken` or
/// `NAME.tiktoken.gz` in, in order: `$DATAPREP_TOKENIZERS`, `<executable folder>/../share/dataprep/tokenizers`,
/// `<executable folder>`, `~/.cache/dataprep/tokenizers`. Any other name is also looked up
/// there as `NAME.json` or `NAME/tokenizer.json` (an installed Hugging Face tokenizer).
public struct TokenizerLocator: Sendable {
  /// The default tokenizer name.
  public static let defaultName = TiktokenEncoding.o200kBase.rawValue

  /// The folders searched for names, in order.
  public let searchFolders: [String]

  /// A locator with the standard search folders, from the environment, the running
  /// executable's location and the home folder.
  public init(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executablePath: String? = Bundle.main.executableURL?.resolvingSymlinksInPath().path,
    homeFolder: String? = ProcessInfo.processInfo.environment["HOME"]
  ) {
    var folders: [String] = []
    if let folder = environment["DATAPREP_TOKENIZERS"], !folder.isEmpty { folders.append(folder) }
    if let executablePath {
      let binFolder = URL(fileURLWithPath: executablePath).deletingLastPathComponent()
      folders.append(binFolder.deletingLastPathComponent().appendingPathComponent("share/dataprep/tokenizers").path)
      folders.append(binFolder.path)
    }
    if let homeFolder, !homeFolder.isEmpty {
      folders.append(URL(fileURLWithPath: homeFolder).appendingPathComponent(".cache/dataprep/tokenizers").path)
    }
    self.searchFolders = folders
  }

  /// A locator searching exactly `searchFolders`.
  public init(searchFolders: [String]) {
    self.searchFolders = searchFolders
  }

  /// The file `nameOrPath` stands for.
  /// - Throws: ``TokenizerError/notFound(name:searched:)`` for a built-in name in no folder,
  ///   ``TokenizerError/unknownName(_:)`` for anything else that is neither a name found in
  ///   the folders nor an existing file, ``TokenizerError/unreadable(path:reason:)`` for a path
  ///   that does not exist.
  public func locate(_ nameOrPath: String) throws(TokenizerError) -> String {
    let files = FileManager.default
    if Self.looksLikePath(nameOrPath) {
      guard files.fileExists(atPath: nameOrPath) else {
        throw .unreadable(path: nameOrPath, reason: "no such file")
      }
      return nameOrPath
    }
    let candidates =
      TiktokenEncoding(rawValue: nameOrPath) != nil
      ? ["\(nameOrPath).tiktoken", "\(nameOrPath).tiktoken.gz"]
      : ["\(nameOrPath).tiktoken", "\(nameOrPath).tiktoken.gz", "\(nameOrPath).json", "\(nameOrPath)/tokenizer.json"]
    for folder in searchFolders {
      for candidate in candidates {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(candidate).path
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue { return path }
      }
    }
    if TiktokenEncoding(rawValue: nameOrPath) != nil {
      throw .notFound(name: nameOrPath, searched: searchFolders)
    }
    if files.fileExists(atPath: nameOrPath) { return nameOrPath }
    throw .unknownName(nameOrPath)
  }

  /// Locates and loads the tokenizer `nameOrPath` names (see ``locate(_:)``).
  ///
  /// `.json` files load as Hugging Face `tokenizer.json`; anything else as a tiktoken rank
  /// file, whose encoding comes from the name asked for or the file name.
  /// - Throws: ``TokenizerError`` when it is not found or cannot be loaded.
  public func load(_ nameOrPath: String) throws(TokenizerError) -> Tokenizer {
    let path = try locate(nameOrPath)
    if path.lowercased().hasSuffix(".json") {
      return try Tokenizer(huggingFaceFile: path)
    }
    return try Tokenizer(tiktokenFile: path, encoding: TiktokenEncoding(rawValue: nameOrPath))
  }

  /// Whether `text` is meant as a path rather than a name.
  private static func looksLikePath(_ text: String) -> Bool {
    text.contains("/") || text.hasSuffix(".tiktoken") || text.hasSuffix(".gz") || text.lowercased().hasSuffix(".json")
  }
}
