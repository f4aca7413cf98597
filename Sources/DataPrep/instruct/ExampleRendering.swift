/// Renders examples in the run's format and checks the rendered record against
/// ``InstructOptions/maxTokens``: the one place both the single process and a shard do it.
struct ExampleRendering {
  let options: InstructOptions
  let renderer: ExampleRenderer
  let counter: ExampleTokenCounter

  /// The rendering of `options`.
  init(options: InstructOptions) {
    self.options = options
    renderer = ExampleRenderer(includeMetadata: options.includeMetadata, conversationalPrompts: options.conversationalPrompts)
    counter = ExampleTokenCounter(textCounter: options.tokenCounter)
  }

  /// What writing `example` gives.
  func outcome(_ example: Example) -> RenderedExample.Outcome {
    guard let rendered = try? renderer.render(example, as: options.format) else { return .unrepresentable }
    if let maxTokens = options.maxTokens, let count = counter.count(rendered), count.total > maxTokens {
      return .tooManyTokens
    }
    return .record(rendered)
  }

  /// `example`'s key and outcome.
  func render(_ example: Example) -> RenderedExample {
    RenderedExample(key: PromptRegistry.Key(example), outcome: outcome(example))
  }
}
