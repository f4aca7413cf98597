import Yams

/// The one way dataprep reads YAML (`dataprep.yaml`, `--config`, instruct templates, text
/// front matter): with limits, so a hostile or mistaken file is an error, never an abort.
///
/// YAML aliases (`*name`) repeat a node without repeating its text, so nine lines of nested
/// aliases ("billion laughs") describe a billion nodes. Yams composes aliases as shared nodes
/// (cheap); what explodes is turning the graph into Swift values. So the document's size is
/// checked before parsing, an alias in a mapping key is refused from the text (Yams hashes
/// keys in full while composing, see ``YAMLAliasKeyScan``), and the composed graph is walked
/// counting every node as often as aliases repeat it, stopping at ``maximumNodes``, before
/// anything is converted. Nesting is bounded by libyaml itself (1,000 levels).
enum BoundedYAML {
  /// The largest YAML text read: 4 MiB, hundreds of times any config or template.
  static let maximumBytes = 4 << 20
  /// The most nodes the document may hold once aliases are expanded: 200,000, hundreds of
  /// times a real config, while the values built stay in the tens of megabytes.
  static let maximumNodes = 200_000

  /// Why a YAML text was refused; ``reason`` is the message without the file name.
  enum Failure: Error, Sendable, Equatable {
    /// Larger than ``BoundedYAML/maximumBytes``.
    case tooLarge(bytes: Int, limit: Int)
    /// More than ``BoundedYAML/maximumNodes`` nodes with aliases expanded.
    case tooManyNodes(limit: Int)
    /// An alias (`*name`) in a mapping key, on this 1-based line (see ``YAMLAliasKeyScan``).
    case aliasInKey(line: Int)
    /// A mapping key that is a sequence or a mapping, on this 1-based line (Yams would abort
    /// turning it into a dictionary key).
    case collectionKey(line: Int)
    /// Not valid YAML (Yams's message).
    case invalid(String)

    /// What is wrong and what to do, for the caller's error that names the file.
    var reason: String {
      switch self {
      case .tooLarge(let bytes, let limit):
        return "the YAML is \(bytes) bytes, over the \(limit >> 20) MiB limit for a YAML file"
      case .tooManyNodes(let limit):
        return "the YAML expands to more than \(limit) nodes once its aliases (*name) are expanded "
          + "(an alias bomb?); write the values out or use fewer nested aliases"
      case .aliasInKey(let line):
        return "line \(line): an alias (*name) in a mapping key is not supported (checking keys would expand it "
          + "in full); write the key out"
      case .collectionKey(let line):
        return "line \(line): a mapping key is a list or a mapping; keys must be plain values"
      case .invalid(let message):
        return "not valid YAML: \(message)"
      }
    }
  }

  /// The composed node tree of the single document in `text` (`nil` when it is empty).
  /// - Throws: ``Failure`` when the text is too large, invalid, or expands past the node limit.
  static func compose(_ text: String) throws(Failure) -> Node? {
    let bytes = text.utf8.count
    guard bytes <= maximumBytes else { throw .tooLarge(bytes: bytes, limit: maximumBytes) }
    if let line = YAMLAliasKeyScan.firstAliasKeyLine(in: text) { throw .aliasInKey(line: line) }
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch {
      throw .invalid("\(error)")
    }
    if let node { try checkExpandedSize(node) }
    return node
  }

  /// The Swift value (`[String: Any]`, `[Any]`, `String`, `Int`, ...) of the document in
  /// `text`, as `Yams.load` gives it, once ``compose(_:)`` accepted it.
  /// - Throws: ``Failure`` as ``compose(_:)`` does.
  static func load(_ text: String) throws(Failure) -> Any? {
    try compose(text)?.any
  }

  /// The mapping of a config file's section: `root[name]` when the document has that key, else
  /// the whole document (a file holding only the section); `nil` for an empty document.
  /// - Returns: `.failure(reason)` when the YAML is refused or its top level is not a mapping.
  static func section(_ name: String, of text: String) -> Result<[String: Any]?, SectionFailure> {
    let node: Any?
    do {
      node = try load(text)
    } catch {
      return .failure(SectionFailure(reason: error.reason))
    }
    guard let root = node as? [String: Any] else {
      return node == nil ? .success(nil) : .failure(SectionFailure(reason: "expected a mapping at the top level"))
    }
    return .success((root[name] as? [String: Any]) ?? root)
  }

  /// Why ``section(_:of:)`` refused a text: the message without the file name.
  struct SectionFailure: Error {
    /// What is wrong.
    var reason: String
  }

  /// Counts the nodes of `root` with aliases expanded, without recursion, stopping past the
  /// limit, and checks that every mapping key is a scalar.
  static func checkExpandedSize(_ root: Node, limit: Int = maximumNodes) throws(Failure) {
    var pending: [Node] = [root]
    var count = 0
    while let node = pending.popLast() {
      count += 1
      if count > limit { throw .tooManyNodes(limit: limit) }
      switch node {
      case .scalar, .alias: break
      case .sequence(let sequence): pending.append(contentsOf: sequence)
      case .mapping(let mapping):
        for pair in mapping {
          guard case .scalar = pair.key else { throw .collectionKey(line: (pair.key.mark?.line ?? 0)) }
          pending.append(pair.key)
          pending.append(pair.value)
        }
      }
    }
  }
}
