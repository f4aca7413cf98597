// libFuzzer target: the bounded YAML loader and every reader of YAML behind it (build recipes,
// validate configs, instruct templates, text front matter). The input is the YAML text; a
// crash, a timeout or libFuzzer's memory limit (an alias bomb getting through) is a finding.

/// One fuzz input; see FuzzMain.swift.
func fuzzYAML(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
  var loadError: BoundedYAML.Failure?
  var composeError: BoundedYAML.Failure?
  do { _ = try BoundedYAML.load(text) } catch { loadError = error }
  do { _ = try BoundedYAML.compose(text) } catch { composeError = error }
  // The two entry points must agree on what they refuse. Yams's own message for invalid YAML
  // may list duplicated keys in a different order on each call (found by this target), so an
  // invalid input is compared by its kind, not its text.
  func kind(_ failure: BoundedYAML.Failure?) -> BoundedYAML.Failure? {
    if case .invalid = failure { return .invalid("") }
    return failure
  }
  if kind(loadError) != kind(composeError) {
    fatalError("load and compose disagree: \(loadError?.reason ?? "accepted") / \(composeError?.reason ?? "accepted")")
  }
  _ = try? BuildRecipe.parse(yaml: text, path: "fuzz.yaml")
  var options = ValidationOptions()
  try? options.apply(yaml: text, path: "fuzz.yaml")
  _ = try? InstructTemplate.parse(yaml: text, path: "fuzz.yaml")
  _ = TextExtractor.frontMatter("---\n" + text + "\n---\nbody\n")
  return 0
}
