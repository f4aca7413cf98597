/// How main-content extraction of HTML trades precision for recall, what it keeps besides prose,
/// and how its text is written: the `--favor`, `--include` and `--text-format` knobs of `extract`.
public struct HTMLContentOptions: Sendable, Hashable {
  /// Which side of the precision/recall trade-off main-content mode leans to.
  public enum Favor: String, Sendable, Hashable, CaseIterable {
    /// Leave out anything doubtful: link-heavy blocks, short metadata lines, captions.
    case precision
    /// The default: generic boilerplate out, the content block whole.
    case balanced
    /// Keep everything in the content block; only clear furniture (menus, footers) goes.
    case recall
  }

  /// Optional parts of the content.
  public enum Part: String, Sendable, Hashable, CaseIterable {
    /// Reader comments under an article (left out by default).
    case comments
    /// Data tables (kept by default).
    case tables
    /// Link targets, written `[text](url)` in Markdown (by default links are their text).
    case links
    /// Images, written `![alt](src)` in Markdown, their alt text in plain text (left out by default).
    case images
  }

  /// How the text is written.
  public enum TextFormat: String, Sendable, Hashable, CaseIterable {
    /// Markdown: `#` headings, fenced code, `>` quotes, pipe tables (the default).
    case markdown
    /// Plain text: the same lines without heading marks, fences, quote marks or backticks.
    case plain
  }

  /// The trade-off in main-content mode.
  public var favor: Favor
  /// The optional parts kept.
  public var include: Set<Part>
  /// How the text is written.
  public var textFormat: TextFormat

  /// The parts kept when the user names none: tables.
  public static let defaultParts: Set<Part> = [.tables]

  /// Options with the defaults: balanced, tables kept, Markdown.
  public init(favor: Favor = .balanced, include: Set<Part> = defaultParts, textFormat: TextFormat = .markdown) {
    self.favor = favor
    self.include = include
    self.textFormat = textFormat
  }
}
