import Foundation

/// Finds and loads the tokenizer a `--tokenizer NAME|FILE` option names; every command that
/// measures length uses this, so they all resolve names the same way.
///
/// A FILE is a path to a `.tiktoken`, `.tiktoken.gz` or `tokenizer.json` (any `.json`). A NAME
/// (`o200k_base`, `cl100k_base`, `p50k_base`, `r50k_base`) is looked up as `NAME.tiktoken` or
/// `NAME.tiktoken.gz` in, in order: `$DATAPREP_TOKENIZERS`, `<executable folder>/../share/dataprep/tokenizers`,
/// `<executable folder>`, `~/.cache/dataprep/tokenizers`, and last the rank files bundled with
/// dataprep (o200k_base and cl100k_base, see ``bundledFolder(executablePath:)``), so counts are
/// exact with nothing installed and an installed file still overrides. Any other name is also
/// looked up there as `NAME.json` or `NAME/tokenizer.json` (an installed Hugging Face tokenizer).
///
/// Loaded tokenizers are kept for the life of the process (`TokenizerCache`): a rank file is
/// parsed at most once per process however many commands or counters ask for it.
public struct TokenizerLocator: Sendable {
  /// The default tokenizer name.
  public static let defaultName = TiktokenEncoding.o200kBase.rawValue

  /// The folders searched for names, in order.
  public let searchFolders: [String]

  /// The name of dataprep's SwiftPM resource bundle (`<package>_<target>`), beside the executable.
  static let resourceBundleName = "dataprep_DataPrep"

  /// A locator with the standard search folders, from the environment, the running
  /// executable's location and the home folder, then, with `includeBundled`, the rank files
  /// that ship with dataprep (``bundledFolder(executablePath:)``, when present).
  public init(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executablePath: String? = Bundle.main.executableURL?.resolvingSymlinksInPath().path,
    homeFolder: String? = ProcessInfo.processInfo.environment["HOME"],
    includeBundled: Bool = true
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
    if includeBundled, let bundled = Self.bundledFolder(executablePath: executablePath) {
      folders.append(bundled)
    }
    self.searchFolders = folders
  }

  /// The folder of the rank files bundled with dataprep, `nil` when the resource bundle is not
  /// where SwiftPM puts it.
  ///
  /// SwiftPM copies `Sources/DataPrep/Resources/tokenizers` into the bundle
  /// `dataprep_DataPrep.resources` (Linux, flat) or `dataprep_DataPrep.bundle` (Apple,
  /// `Contents/Resources` or flat) beside the executable, for `swift run`, `swift test` and
  /// `.build/release` alike. This looks there (beside `executablePath`, the main bundle and the
  /// bundle holding this code) instead of using `Bundle.module`, which stops the process when the
  /// bundle is missing (a binary copied without it): then this is `nil` and the other folders
  /// or the command's estimate apply.
  public static func bundledFolder(
    executablePath: String? = Bundle.main.executableURL?.resolvingSymlinksInPath().path
  ) -> String? {
    var places: [URL] = []
    if let executablePath { places.append(URL(fileURLWithPath: executablePath).deletingLastPathComponent()) }
    places.append(Bundle.main.bundleURL)
    if let resources = Bundle.main.resourceURL { places.append(resources) }
    let own = Bundle(for: BundleMarker.self)
    places.append(own.bundleURL.deletingLastPathComponent())
    if let resources = own.resourceURL { places.append(resources) }
    let files = FileManager.default
    for place in places {
      for bundle in ["\(resourceBundleName).resources", "\(resourceBundleName).bundle"] {
        for inside in ["tokenizers", "Contents/Resources/tokenizers"] {
          let folder = place.appendingPathComponent(bundle).appendingPathComponent(inside)
          var isFolder: ObjCBool = false
          if files.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue {
            return folder.path
          }
        }
      }
    }
    return nil
  }

  /// A class whose `Bundle(for:)` is the bundle holding this code (Apple test bundles).
  private final class BundleMarker {}

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
    let encoding = TiktokenEncoding(rawValue: nameOrPath)
    return try TokenizerCache.shared.tokenizer(path: path, encoding: encoding) { () throws(TokenizerError) in
      if path.lowercased().hasSuffix(".json") {
        return try Tokenizer(huggingFaceFile: path)
      }
      return try Tokenizer(tiktokenFile: path, encoding: encoding)
    }
  }

  /// Whether `text` is meant as a path rather than a name.
  private static func looksLikePath(_ text: String) -> Bool {
    text.contains("/") || text.hasSuffix(".tiktoken") || text.hasSuffix(".gz") || text.lowercased().hasSuffix(".json")
  }
}
