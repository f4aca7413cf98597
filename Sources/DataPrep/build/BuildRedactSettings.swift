import Foundation

/// The `redact:` section of a build recipe: what the build replaces in every extracted document
/// before anything is learned or made from it (see `docs/build.md`). On by default for secrets,
/// emails and phone numbers, masked, so no example is made from a key pasted into the docs.
public struct BuildRedactSettings: Sendable, Equatable {
  /// What is written in place of a finding (the key of `pseudonym` comes from ``keyEnvironment``).
  public enum Mode: String, Sendable, CaseIterable {
    /// The kind's mask (`<EMAIL>`, `<SECRET>`).
    case mask
    /// A keyed-hash stand-in, the same for the same value everywhere.
    case pseudonym
    /// The document is left out.
    case dropRecord = "drop-record"
  }

  /// The kinds redacted unless the recipe names others.
  public static let defaultKinds: Set<PIIKind> = [.email, .phone, .secret]
  /// The variable holding the pseudonym key unless the recipe names another (as `dataprep redact`).
  public static let defaultKeyEnvironment = "DATAPREP_REDACT_KEY"

  /// Whether the stage runs.
  public var enabled = true
  /// The kinds replaced.
  public var kinds = BuildRedactSettings.defaultKinds
  /// What replaces a finding.
  public var mode = Mode.mask
  /// The environment variable holding the pseudonym key: never the key itself, so the recipe,
  /// the card and a cluster plan can be shared.
  public var keyEnvironment = BuildRedactSettings.defaultKeyEnvironment
  /// Values kept although of a redacted kind (a project's public contact addresses); none by default.
  public var keep = PIIAllowlist()

  /// The defaults: secrets, emails and phone numbers masked.
  public init() {}

  /// The keys of the section.
  static let keys = ["enabled", "kinds", "mode", "key_env", "keep"]

  /// The settings as the card, the manifest and a plan record them (`enabled`, then the rest
  /// when on); ``BuildRecipe/redactSettings(_:path:)`` reads this form back.
  var json: JSONValue {
    var o = JSONObject()
    o.append("enabled", .bool(enabled))
    guard enabled else { return .object(o) }
    o.append("kinds", .array(kinds.sorted().map { .string($0.rawValue) }))
    o.append("mode", .string(mode.rawValue))
    o.append("key_env", .string(keyEnvironment))
    if !keep.isEmpty { o.append("keep", .array(keep.patterns.map { .string($0) })) }
    return .object(o)
  }

  /// The redactor's mode, `nil` when the stage is off; the pseudonym key read from
  /// `environment`.
  /// - Throws: ``BuildError/missingRedactKey(variable:)`` when pseudonym's variable is unset or empty.
  func redactionMode(environment: [String: String]) throws(BuildError) -> RedactionMode? {
    guard enabled else { return nil }
    switch mode {
    case .mask: return .mask
    case .dropRecord: return .dropRecord
    case .pseudonym:
      guard let key = environment[keyEnvironment], !key.isEmpty else { throw .missingRedactKey(variable: keyEnvironment) }
      return .pseudonym(key: Array(key.utf8))
    }
  }
}
