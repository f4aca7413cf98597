/// What one document gives `instruct` before the run's state is applied: its examples (for
/// each way its title can be cleaned, when that is not known yet), its title (which the run
/// learns site suffixes from) and its part in the StackExchange join.
///
/// The single process makes these with its state at hand (one title variant, nothing rendered
/// ahead); a shard makes them without the state of the documents before it, and
/// ``InstructResolver`` applies that state later in input order: the same examples either way.
struct DocumentCandidates {
  /// The document's title, as the run learns it.
  var title: String
  /// The examples, with the title's weak-separator suffix kept (or the only variant).
  var examples: [ExampleCandidate]
  /// The examples with that suffix dropped, when the run's titles decide between the two and
  /// the shard could not know which; `nil` otherwise.
  var examplesWithoutSuffix: [ExampleCandidate]?
  /// The document's part in the StackExchange join, when posts are joined.
  var post: StackExchangeJoin.Post?

  /// A document's candidates, when read back or made.
  init(title: String, examples: [ExampleCandidate], examplesWithoutSuffix: [ExampleCandidate]?, post: StackExchangeJoin.Post?) {
    self.title = title
    self.examples = examples
    self.examplesWithoutSuffix = examplesWithoutSuffix
    self.post = post
  }

  /// The candidates of `document`.
  /// - Parameters:
  ///   - titles: the titles learned so far, `document`'s included, or `nil` when they are not
  ///     known (a shard that does not start the input): then a title whose cleaning depends on
  ///     them gets both variants.
  ///   - rendering: renders each example at once (a shard), or `nil` (the resolver renders).
  init(
    document: Document, generator: ExampleGenerator, titles: TitleCleaner?, rendering: ExampleRendering?, joinsPosts: Bool
  ) {
    let filter = generator.options.filter
    func candidates(_ subject: String) -> [ExampleCandidate] {
      generator.examples(for: document, subject: subject).map { ExampleCandidate($0, filter: filter, rendering: rendering) }
    }
    title = document.title
    if let titles {
      examples = candidates(titles.clean(title: document.title))
      examplesWithoutSuffix = nil
    } else {
      let kept = TitleCleaner.clean(title: document.title, droppingWeakSuffix: false)
      let dropped = TitleCleaner.clean(title: document.title, droppingWeakSuffix: true)
      examples = candidates(kept)
      examplesWithoutSuffix = kept == dropped ? nil : candidates(dropped)
    }
    post = joinsPosts ? StackExchangeJoin.post(of: document) : nil
  }
}
