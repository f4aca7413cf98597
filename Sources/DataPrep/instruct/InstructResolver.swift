/// The sequential part of `instruct`: applies, in input order, what depends on the documents
/// before: the site suffixes learned from titles (``TitleCleaner``), the StackExchange join of
/// questions and accepted answers, and the prompts already written (``PromptRegistry``: a prompt
/// written with another answer is asked again with more context, or dropped).
///
/// The single process feeds it each document's candidates as it makes them; `dataprep merge`
/// feeds it the candidates the shards wrote. Either way it is the one place examples are
/// chosen, counted and written. Cost per example: hash lookups, plus a rendering when a
/// candidate was not rendered ahead or a context variant is needed.
struct InstructResolver {
  let options: InstructOptions
  let generator: ExampleGenerator
  let rendering: ExampleRendering
  /// The titles learned so far.
  private(set) var titles = TitleCleaner()
  private var join: StackExchangeJoin
  private var prompts = PromptRegistry()
  private var summary = Instructor.Summary()

  /// A resolver for a run with `options`.
  init(options: InstructOptions) {
    self.options = options
    generator = ExampleGenerator(options: options)
    rendering = ExampleRendering(options: options)
    join = StackExchangeJoin(maxPending: options.maxPendingQuestions)
  }

  /// Learns the title of the next document (before its candidates are made or resolved).
  mutating func learn(title: String) {
    titles.learn(title)
    summary.documents += 1
  }

  /// Chooses and writes the examples of one document (whose title was just learned).
  mutating func resolve(_ document: DocumentCandidates, write: (JSONObject) throws -> Void) rethrows {
    var examples = document.examples
    if let other = document.examplesWithoutSuffix, titles.dropsWeakSuffix(of: document.title) { examples = other }
    if let post = document.post, let pair = join.consume(post) {
      examples.append(ExampleCandidate(GeneratedExample(generator.example(for: pair)), filter: options.filter, rendering: nil))
    }
    for candidate in examples { try resolve(candidate, write: write) }
  }

  private mutating func resolve(_ candidate: ExampleCandidate, write: (JSONObject) throws -> Void) rethrows {
    if let reason = candidate.rejection {
      summary.dropped[reason, default: 0] += 1
      return
    }
    // A prompt already written with another answer is asked again with more context.
    var example = candidate.rendered == nil ? candidate.generated?.example : nil
    var key = candidate.rendered?.key ?? example.map(PromptRegistry.Key.init) ?? PromptRegistry.Key(prompt: nil, answer: 0)
    var contexts = candidate.generated?.contexts[...] ?? []
    while prompts.conflicts(key), let context = contexts.popFirst(), let generated = candidate.generated {
      let variant = generated.adding(context: context)
      example = variant
      key = PromptRegistry.Key(variant)
    }
    if prompts.conflicts(key) {
      summary.dropped[.conflictingPrompt, default: 0] += 1
      return
    }
    let outcome: RenderedExample.Outcome
    if let example {
      outcome = rendering.outcome(example)
    } else if let rendered = candidate.rendered {
      outcome = rendered.outcome
    } else {
      return
    }
    switch outcome {
    case .unrepresentable:
      summary.unrepresentable += 1
    case .tooManyTokens:
      summary.dropped[.tooManyTokens, default: 0] += 1
    case .record(let record):
      _ = prompts.register(key)
      try write(record)
      summary.countWritten(candidate.task)
    }
  }

  /// The run's counts.
  func finish() -> Instructor.Summary {
    var result = summary
    result.evictedQuestions = join.evicted
    return result
  }
}
