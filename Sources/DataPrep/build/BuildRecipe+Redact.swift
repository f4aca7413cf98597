import Foundation

extension BuildRecipe {
  /// Reads the recipe's `redact:` section (`null` keeps the defaults): `enabled`, `kinds` (a list
  /// or comma list of kinds, or `all`), `mode` (mask, pseudonym, drop-record), `key_env`, `keep`
  /// (values or `*` patterns left as they are).
  /// - Throws: ``BuildError`` naming `path` and the key that is wrong.
  static func redactSettings(_ value: Any, path: String) throws(BuildError) -> BuildRedactSettings {
    let reader = RecipeReader(path: path)
    var settings = BuildRedactSettings()
    for (key, subValue) in try reader.section(value, key: "redact", known: BuildRedactSettings.keys) {
      let name = "redact.\(key)"
      switch key {
      case "enabled":
        guard let flag = subValue as? Bool else { throw .badRecipeValue(path: path, key: name, expected: "true or false") }
        settings.enabled = flag
      case "kinds":
        let expected = "a list of \(PIIKind.allCases.map(\.rawValue).joined(separator: ", ")) (or all); enabled: false turns redact off"
        let names = try reader.strings(subValue, key: name)
        do {
          settings.kinds = try PIIKind.parseList(names.joined(separator: ","))
        } catch {
          throw .badRecipeValue(path: path, key: name, expected: expected)
        }
      case "mode":
        guard let mode = BuildRedactSettings.Mode(rawValue: try reader.string(subValue, key: name)) else {
          throw .badRecipeValue(path: path, key: name, expected: BuildRedactSettings.Mode.allCases.map(\.rawValue).joined(separator: ", "))
        }
        settings.mode = mode
      case "keep":
        let patterns = try reader.strings(subValue, key: name)
        do {
          settings.keep = try PIIAllowlist(patterns: patterns)
        } catch {
          throw .badRecipeValue(path: path, key: name, expected: "a list of values or patterns with * (\(error.localizedDescription))")
        }
      default:
        let variable = try reader.string(subValue, key: name)
        guard Self.isVariableName(variable) else {
          throw .badRecipeValue(path: path, key: name, expected: "the name of an environment variable holding the key (letters, digits, _), never the key itself")
        }
        settings.keyEnvironment = variable
      }
    }
    return settings
  }

  /// Whether `name` is a portable environment variable name (`[A-Za-z_][A-Za-z0-9_]*`).
  static func isVariableName(_ name: String) -> Bool {
    guard let first = name.utf8.first, !(0x30...0x39).contains(first) else { return false }
    return name.utf8.allSatisfy { $0 == 0x5F || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
  }
}

extension BuildRecipe {
  /// validate's `pii` check in a build reports what survived redact: on when redact is, for
  /// the kinds redact replaces. A `rules: {pii: ...}` in the validate section wins (its
  /// severity, or off); with redact off the check stays off unless that rule turns it on.
  func applyRedactToPIICheck(_ options: inout ValidationOptions) {
    if redact.enabled {
      options.piiKinds = redact.kinds
      options.piiAllowlist = redact.keep
    }
    if options.rules.index(forKey: .pii) == nil && !redact.enabled { options.rules.updateValue(nil, forKey: .pii) }
  }
}
