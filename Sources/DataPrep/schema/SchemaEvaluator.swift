/// Evaluates compiled ``SchemaNode``s against an instance.
///
/// With no ``ViolationCollector`` it answers valid/invalid and stops at the first failure,
/// allocating nothing for paths; with one it keeps going and records every violation (up to the
/// collector's limit). Annotations for `unevaluated*` are gathered only where a node needs them.
struct SchemaEvaluator {
  let nodes: [SchemaNode]

  func evaluate(
    _ index: Int, _ value: JSONValue, collect: Bool, _ annotations: inout SchemaAnnotations,
    _ errors: ViolationCollector?
  ) -> Bool {
    let node = nodes[index]
    if let boolean = node.boolean {
      if !boolean { errors?.add(node, "false", "no value is allowed here (the schema is false)") }
      return boolean
    }
    let local = collect || node.tracksAnnotations
    var mine = SchemaAnnotations()
    var valid = true

    if !node.types.isEmpty && !Self.typeMatches(node.types, value) {
      guard let errors else { return false }
      errors.add(node, "type", "expected \(node.types.names.joined(separator: " or ")), found \(Self.describeType(value))")
      valid = false
    }
    if let values = node.enumValues, !values.contains(where: { JSONEquality.equal($0, value) }) {
      guard let errors else { return false }
      let listed = values.prefix(8).map(Self.render).joined(separator: ", ")
      errors.add(node, "enum", "\(Self.render(value)) is not one of \(listed)\(values.count > 8 ? ", ..." : "")")
      valid = false
    }
    if let constant = node.constValue, !JSONEquality.equal(constant, value) {
      guard let errors else { return false }
      errors.add(node, "const", "must equal \(Self.render(constant)), found \(Self.render(value))")
      valid = false
    }

    switch value {
    case .object(let object) where node.hasObjectKeywords:
      if !checkObject(node, object, local, &mine, errors) {
        if errors == nil { return false }
        valid = false
      }
    case .array(let elements) where node.hasArrayKeywords:
      if !checkArray(node, elements, local, &mine, errors) {
        if errors == nil { return false }
        valid = false
      }
    case .string(let string) where node.hasStringKeywords:
      if !checkString(node, string, errors) {
        if errors == nil { return false }
        valid = false
      }
    case .integer, .double:
      if node.hasNumberKeywords && !checkNumber(node, value, errors) {
        if errors == nil { return false }
        valid = false
      }
    default:
      break
    }

    if node.hasInPlaceApplicators || !node.dependentSchemas.isEmpty {
      if !applyInPlace(node, value, local, &mine, errors) {
        if errors == nil { return false }
        valid = false
      }
    }

    if let unevaluated = node.unevaluatedProperties, case .object(let object) = value {
      for member in object.members where !mine.isEvaluated(property: member.key) {
        if nodes[unevaluated].boolean == false {
          guard let errors else { return false }
          errors.add(node, "unevaluatedProperties", "property '\(member.key)' is not allowed here")
          valid = false
          continue
        }
        var ignored = SchemaAnnotations()
        errors?.push(member.key)
        let ok = evaluate(unevaluated, member.value, collect: false, &ignored, errors)
        errors?.pop()
        if !ok {
          if errors == nil { return false }
          valid = false
        }
      }
      mine.allProperties = true
    }
    if let unevaluated = node.unevaluatedItems, case .array(let elements) = value {
      for (i, element) in elements.enumerated() where !mine.isEvaluated(item: i) {
        var ignored = SchemaAnnotations()
        errors?.push(i)
        let ok = evaluate(unevaluated, element, collect: false, &ignored, errors)
        errors?.pop()
        if !ok {
          if errors == nil { return false }
          valid = false
        }
      }
      mine.allItems = true
    }

    if valid && collect { annotations.merge(mine) }
    return valid
  }

  // MARK: - In-place applicators

  private func applyInPlace(
    _ node: SchemaNode, _ value: JSONValue, _ local: Bool, _ mine: inout SchemaAnnotations,
    _ errors: ViolationCollector?
  ) -> Bool {
    var valid = true
    if let ref = node.ref {
      var sub = SchemaAnnotations()
      if evaluate(ref, value, collect: local, &sub, errors) {
        if local { mine.merge(sub) }
      } else {
        if errors == nil { return false }
        valid = false
      }
    }
    for child in node.allOf {
      var sub = SchemaAnnotations()
      if evaluate(child, value, collect: local, &sub, errors) {
        if local { mine.merge(sub) }
      } else {
        if errors == nil { return false }
        valid = false
      }
    }
    if !node.anyOf.isEmpty {
      var matched = false
      for child in node.anyOf {
        var sub = SchemaAnnotations()
        if evaluate(child, value, collect: local, &sub, nil) {
          matched = true
          if local { mine.merge(sub) } else { break }
        }
      }
      if !matched {
        guard let errors else { return false }
        explain(node, "anyOf", node.anyOf, value, errors)
        valid = false
      }
    }
    if !node.oneOf.isEmpty {
      var matches = 0
      var first = SchemaAnnotations()
      for child in node.oneOf {
        var sub = SchemaAnnotations()
        if evaluate(child, value, collect: local, &sub, nil) {
          matches += 1
          if matches == 1 { first = sub } else { break }
        }
      }
      if matches == 1 {
        if local { mine.merge(first) }
      } else {
        guard let errors else { return false }
        if matches == 0 {
          explain(node, "oneOf", node.oneOf, value, errors)
        } else {
          errors.add(node, "oneOf", "matches more than one of the \(node.oneOf.count) alternatives in oneOf")
        }
        valid = false
      }
    }
    if let not = node.not {
      var ignored = SchemaAnnotations()
      if evaluate(not, value, collect: false, &ignored, nil) {
        guard let errors else { return false }
        errors.add(node, "not", "must not match the schema under 'not'")
        valid = false
      }
    }
    if let condition = node.ifNode {
      var sub = SchemaAnnotations()
      let branch: Int?
      if evaluate(condition, value, collect: local, &sub, nil) {
        if local { mine.merge(sub) }
        branch = node.thenNode
      } else {
        branch = node.elseNode
      }
      if let branch {
        var branchAnnotations = SchemaAnnotations()
        if evaluate(branch, value, collect: local, &branchAnnotations, errors) {
          if local { mine.merge(branchAnnotations) }
        } else {
          if errors == nil { return false }
          valid = false
        }
      }
    }
    if !node.dependentSchemas.isEmpty, case .object(let object) = value {
      for (key, child) in node.dependentSchemas where object[key] != nil {
        var sub = SchemaAnnotations()
        if evaluate(child, value, collect: local, &sub, errors) {
          if local { mine.merge(sub) }
        } else {
          if errors == nil { return false }
          valid = false
        }
      }
    }
    return valid
  }

  /// Records why no alternative of `anyOf`/`oneOf` matched, quoting the closest one (fewest violations).
  private func explain(
    _ node: SchemaNode, _ keyword: String, _ alternatives: [Int], _ value: JSONValue, _ errors: ViolationCollector
  ) {
    var best: [SchemaViolation]?
    var bestIndex = 0
    for (i, child) in alternatives.enumerated() {
      let trial = errors.branch()
      var ignored = SchemaAnnotations()
      _ = evaluate(child, value, collect: false, &ignored, trial)
      let typeOnly = trial.violations.allSatisfy { $0.keyword == "type" || $0.keyword == "const" }
      let score = trial.violations.count + (typeOnly ? 1000 : 0)
      let bestScore = best.map { $0.count + ($0.allSatisfy { $0.keyword == "type" || $0.keyword == "const" } ? 1000 : 0) }
      if bestScore == nil || score < bestScore ?? 0 {
        best = trial.violations
        bestIndex = i
      }
    }
    var message = "matches none of the \(alternatives.count) alternatives in \(keyword)"
    if let first = best?.first {
      let detail = first.instancePath == errors.pointer ? "\(first.message) (\(first.keyword))" : first.description
      message += "; closest is #\(bestIndex): \(detail)"
    }
    errors.add(node, keyword, message)
  }

  // MARK: - Objects

  private func checkObject(
    _ node: SchemaNode, _ object: JSONObject, _ local: Bool, _ mine: inout SchemaAnnotations,
    _ errors: ViolationCollector?
  ) -> Bool {
    var valid = true
    if let minimum = node.minProperties, object.count < minimum {
      guard let errors else { return false }
      errors.add(node, "minProperties", "has \(object.count) properties, fewer than the minimum \(minimum)")
      valid = false
    }
    if let maximum = node.maxProperties, object.count > maximum {
      guard let errors else { return false }
      errors.add(node, "maxProperties", "has \(object.count) properties, more than the maximum \(maximum)")
      valid = false
    }
    for key in node.required where object[key] == nil {
      guard let errors else { return false }
      errors.add(node, "required", "missing required property '\(key)'")
      valid = false
    }
    for dependency in node.dependentRequired where object[dependency.key] != nil {
      for key in dependency.required where object[key] == nil {
        guard let errors else { return false }
        errors.add(node, "dependentRequired", "property '\(key)' is required when '\(dependency.key)' is present")
        valid = false
      }
    }
    guard node.hasMemberKeywords else { return valid }
    for member in object.members {
      var matched = false
      var ignored = SchemaAnnotations()
      if let child = node.propertySchema(member.key) {
        matched = true
        if nodes[child].boolean == false {
          guard let errors else { return false }
          errors.add(node, "properties", "property '\(member.key)' is not allowed here")
          valid = false
          continue
        }
        errors?.push(member.key)
        let ok = evaluate(child, member.value, collect: false, &ignored, errors)
        errors?.pop()
        if !ok {
          if errors == nil { return false }
          valid = false
        }
      }
      for entry in node.patternProperties {
        switch entry.pattern.match(member.key) {
        case .notMatched: continue
        case .matched: break
        case .abandoned(let steps):
          guard let errors else { return false }
          errors.add(node, "patternProperties", Self.abandonedMessage(entry.pattern, steps: steps, on: "property '\(member.key)'"))
          valid = false
          continue
        }
        matched = true
        errors?.push(member.key)
        let ok = evaluate(entry.node, member.value, collect: false, &ignored, errors)
        errors?.pop()
        if !ok {
          if errors == nil { return false }
          valid = false
        }
      }
      if !matched, let additional = node.additionalProperties {
        if nodes[additional].boolean == false {
          guard let errors else { return false }
          errors.add(node, "additionalProperties", "property '\(member.key)' is not allowed")
          valid = false
        } else {
          errors?.push(member.key)
          let ok = evaluate(additional, member.value, collect: false, &ignored, errors)
          errors?.pop()
          if !ok {
            if errors == nil { return false }
            valid = false
          }
        }
      }
      if local && (matched || node.additionalProperties != nil) { mine.properties.insert(member.key) }
      if let names = node.propertyNames {
        let trial = errors?.branch()
        if !evaluate(names, .string(member.key), collect: false, &ignored, trial) {
          guard let errors else { return false }
          let reason = trial?.violations.first?.message ?? "does not match propertyNames"
          errors.add(node, "propertyNames", "property name '\(member.key)': \(reason)")
          valid = false
        }
      }
    }
    return valid
  }

  // MARK: - Arrays

  private func checkArray(
    _ node: SchemaNode, _ elements: [JSONValue], _ local: Bool, _ mine: inout SchemaAnnotations,
    _ errors: ViolationCollector?
  ) -> Bool {
    var valid = true
    if let minimum = node.minItems, elements.count < minimum {
      guard let errors else { return false }
      errors.add(node, "minItems", "has \(elements.count) items, fewer than the minimum \(minimum)")
      valid = false
    }
    if let maximum = node.maxItems, elements.count > maximum {
      guard let errors else { return false }
      errors.add(node, "maxItems", "has \(elements.count) items, more than the maximum \(maximum)")
      valid = false
    }
    if node.uniqueItems, let (i, j) = JSONEquality.firstDuplicate(in: elements) {
      guard let errors else { return false }
      errors.add(node, "uniqueItems", "items \(i) and \(j) are equal; items must be unique")
      valid = false
    }
    var ignored = SchemaAnnotations()
    let prefixCount = min(node.prefixItems.count, elements.count)
    for i in 0..<prefixCount {
      errors?.push(i)
      let ok = evaluate(node.prefixItems[i], elements[i], collect: false, &ignored, errors)
      errors?.pop()
      if !ok {
        if errors == nil { return false }
        valid = false
      }
    }
    if local { mine.itemPrefix = prefixCount }
    if let items = node.items, elements.count > node.prefixItems.count {
      for i in node.prefixItems.count..<elements.count {
        errors?.push(i)
        let ok = evaluate(items, elements[i], collect: false, &ignored, errors)
        errors?.pop()
        if !ok {
          if errors == nil { return false }
          valid = false
        }
      }
      if local { mine.allItems = true }
    }
    if let contains = node.contains {
      let atLeast = node.minContains ?? 1
      var matches = 0
      for (i, element) in elements.enumerated() {
        if evaluate(contains, element, collect: false, &ignored, nil) {
          matches += 1
          if local {
            mine.items.insert(i)
          } else if node.maxContains == nil && matches >= atLeast {
            break
          }
        }
      }
      if matches < atLeast {
        guard let errors else { return false }
        let keyword = node.minContains == nil ? "contains" : "minContains"
        errors.add(node, keyword, "has \(matches) items matching 'contains', fewer than \(atLeast)")
        valid = false
      }
      if let atMost = node.maxContains, matches > atMost {
        guard let errors else { return false }
        errors.add(node, "maxContains", "has \(matches) items matching 'contains', more than \(atMost)")
        valid = false
      }
    }
    return valid
  }

  // MARK: - Strings and numbers

  private func checkString(_ node: SchemaNode, _ string: String, _ errors: ViolationCollector?) -> Bool {
    var valid = true
    if node.minLength != nil || node.maxLength != nil {
      // Length counts Unicode scalars; the UTF-8 byte count bounds it (1 to 4 bytes a scalar),
      // so most strings are decided without counting.
      let bytes = string.utf8.count
      var scalars: Int?
      func scalarCount() -> Int {
        if let scalars { return scalars }
        let n = string.unicodeScalars.count
        scalars = n
        return n
      }
      if let minimum = node.minLength, bytes / 4 < minimum, bytes < minimum || scalarCount() < minimum {
        guard let errors else { return false }
        errors.add(node, "minLength", "is \(scalarCount()) characters long, shorter than the minimum \(minimum)")
        valid = false
      }
      if let maximum = node.maxLength, bytes > maximum, scalarCount() > maximum {
        guard let errors else { return false }
        errors.add(node, "maxLength", "is \(scalarCount()) characters long, longer than the maximum \(maximum)")
        valid = false
      }
    }
    if let pattern = node.pattern {
      switch pattern.match(string) {
      case .matched: break
      case .notMatched:
        guard let errors else { return false }
        errors.add(node, "pattern", "\(Self.render(.string(string))) does not match the pattern '\(pattern.source)'")
        valid = false
      case .abandoned(let steps):
        guard let errors else { return false }
        errors.add(node, "pattern", Self.abandonedMessage(pattern, steps: steps, on: Self.render(.string(string))))
        valid = false
      }
    }
    return valid
  }

  /// The violation for a match the regex engine gave up on: the value is not accepted, since
  /// whether it matches is unknown.
  private static func abandonedMessage(_ pattern: SchemaPattern, steps: Int, on subject: String) -> String {
    "matching the pattern '\(pattern.source)' against \(subject) was abandoned after \(steps) steps "
      + "(the pattern backtracks catastrophically, as nested quantifiers like (a+)+ do); simplify the pattern"
  }

  private func checkNumber(_ node: SchemaNode, _ value: JSONValue, _ errors: ViolationCollector?) -> Bool {
    guard let number = value.doubleValue else { return true }
    var valid = true
    let shown = Self.render(value)
    if let minimum = node.minimum, number < minimum {
      guard let errors else { return false }
      errors.add(node, "minimum", "\(shown) is less than the minimum \(Self.render(.double(minimum)))")
      valid = false
    }
    if let maximum = node.maximum, number > maximum {
      guard let errors else { return false }
      errors.add(node, "maximum", "\(shown) is greater than the maximum \(Self.render(.double(maximum)))")
      valid = false
    }
    if let bound = node.exclusiveMinimum, number <= bound {
      guard let errors else { return false }
      errors.add(node, "exclusiveMinimum", "\(shown) must be greater than \(Self.render(.double(bound)))")
      valid = false
    }
    if let bound = node.exclusiveMaximum, number >= bound {
      guard let errors else { return false }
      errors.add(node, "exclusiveMaximum", "\(shown) must be less than \(Self.render(.double(bound)))")
      valid = false
    }
    if let divisor = node.multipleOf, !Self.isMultiple(value, of: divisor) {
      guard let errors else { return false }
      errors.add(node, "multipleOf", "\(shown) is not a multiple of \(Self.render(.double(divisor)))")
      valid = false
    }
    return valid
  }

  static func isMultiple(_ value: JSONValue, of divisor: Double) -> Bool {
    if case .integer(let i) = value, let d = Int64(exactly: divisor), d > 0 { return i % d == 0 }
    guard let number = value.doubleValue else { return true }
    let quotient = number / divisor
    guard quotient.isFinite else { return false }
    return abs(quotient - quotient.rounded()) <= 1e-9 * max(1, abs(quotient))
  }

  // MARK: - Helpers

  static func typeMatches(_ types: SchemaNode.TypeSet, _ value: JSONValue) -> Bool {
    switch value {
    case .null: return types.contains(.null)
    case .bool: return types.contains(.boolean)
    case .integer: return types.contains(.integer) || types.contains(.number)
    case .double(let d):
      return types.contains(.number) || (types.contains(.integer) && d.isFinite && d.rounded() == d)
    case .string: return types.contains(.string)
    case .array: return types.contains(.array)
    case .object: return types.contains(.object)
    }
  }

  static func describeType(_ value: JSONValue) -> String {
    if case .double = value { return "number" }
    return value.typeName
  }

  /// A short JSON rendering of `value` for messages (at most 60 characters).
  static func render(_ value: JSONValue) -> String {
    if case .double(let d) = value, d.isFinite, d.rounded() == d, abs(d) < 1e15 { return String(Int64(d)) }
    let text = JSONWriter().string(of: value)
    guard text.count > 60 else { return text }
    return String(text.prefix(57)) + "..."
  }
}
