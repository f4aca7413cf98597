/// What a model run carries from document to document: its counts, the grounding rule and the
/// index of the questions kept so far.
struct ModelRunState {
  /// The counts so far.
  var summary: ModelRunSummary
  /// The grounding rule.
  let grounding: GroundingCheck
  /// The questions kept so far.
  var questions: QuestionDedupIndex

  /// The state at the start of a run with `generator`.
  init(generator: ModelGeneratorOptions) {
    summary = ModelRunSummary(model: generator.model)
    grounding = GroundingCheck(minimum: generator.minGrounding)
    questions = QuestionDedupIndex(threshold: generator.questionSimilarity)
  }
}
