/// One example of a document before the run's state is applied: what the generator made,
/// whether the filter already rejects it (that depends on the example alone), and, when a shard
/// made it, its base form already rendered (see ``RenderedExample``).
///
/// ``InstructResolver`` decides what becomes of it against the prompts written before it.
struct ExampleCandidate {
  /// Why it is dropped whatever came before (a filter reason, or not an answer); `nil` otherwise.
  var rejection: ExampleFilter.Reason?
  /// The task it counts under (`metadata.task`).
  var task: String
  /// The example and the contexts that can tell its prompt apart. A stored candidate without
  /// contexts keeps only ``rendered``.
  var generated: GeneratedExample?
  /// The base example rendered (a shard computes it); `nil`: the resolver renders it.
  var rendered: RenderedExample?

  /// The candidate of `generated`, filtered by `filter`; rendered at once when `rendering` is given.
  init(_ generated: GeneratedExample, filter: ExampleFilter, rendering: ExampleRendering?) {
    rejection = filter.rejection(of: generated.example) ?? generated.rejection
    task = generated.example.metadata?["task"]?.stringValue ?? "?"
    self.generated = generated
    if rejection == nil, let rendering { rendered = rendering.render(generated.example) }
  }

  /// A candidate read back from a shard's part.
  init(rejection: ExampleFilter.Reason?, task: String, generated: GeneratedExample?, rendered: RenderedExample?) {
    self.rejection = rejection
    self.task = task
    self.generated = generated
    self.rendered = rendered
  }
}
