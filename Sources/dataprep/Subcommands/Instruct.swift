import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand {
  /// `dataprep instruct`: documents JSONL to fine-tuning examples.
  struct Instruct: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build instruction examples from documents: by rules (deterministic, no model) or with a chat model you run.",
      discussion: """
        Tasks: \(InstructTask.names.joined(separator: ", ")) (default: faq, section-qa, summary, \
        title; completion for --to text). Formats: \(ExampleFormat.names.joined(separator: ", ")) \
        (all but openai-preference). A summary of examples written and dropped goes to stderr. \
        With --generator openai-compatible --base-url URL --model NAME, a chat model writes \
        --model-tasks (\(ModelTask.names.joined(separator: ", "))), each answer kept only when \
        grounded in its chunk; rule-based tasks then run only when --tasks names them. See \
        docs/instruct.md, "Writing examples with a model".
        """
    )

    @Argument(help: "Documents JSONL, as `dataprep extract` writes (`-` for stdin; `.gz` read transparently).")
    var input: String

    @Option(name: .long, help: "The format to write.")
    var to: ExampleFormat

    @Option(name: .shortAndLong, help: "Output file (`-` for stdout).")
    var output: String = "-"

    @Option(name: .long, help: "Comma-separated tasks to run (\(InstructTask.names.joined(separator: ", "))).")
    var tasks: String?

    @Option(name: .long, help: "A YAML template of your own examples (see docs/instruct.md); runs instead of the default tasks unless --tasks is given.")
    var template: String?

    @Option(name: .long, help: "Drop examples whose response is shorter than this many characters.")
    var minChars: Int = 0

    @Option(name: .long, help: "Drop examples longer than this many characters (prompt and response).")
    var maxChars: Int?

    @Option(name: .long, help: "Drop examples over this many tokens, counted with --tokenizer as the services count the written record.")
    var maxTokens: Int?

    @Option(name: .long, help: "The most tokens of one answer, counted with --tokenizer; longer sections are cut into parts (default: half of --max-tokens, else 2048).")
    var answerTokens: Int?

    @Option(name: .long, help: "The most tokens in a completion chunk, counted with --tokenizer.")
    var chunkTokens: Int = 512

    @Option(name: .long, help: "Tokens shared by neighbouring completion chunks.")
    var overlap: Int = 64

    @Option(name: .long, help: "The shortest abstract or description the summary task uses, in characters.")
    var minSummaryChars: Int = 80

    @Option(name: .long, help: "The most StackExchange questions kept waiting for their accepted answer.")
    var maxPendingQuestions: Int = 100_000

    @Flag(name: .long, help: "Write the bare format without each example's `metadata` object.")
    var noMetadata = false

    @Flag(name: .long, help: "Write prompt-completion as TRL message lists instead of strings.")
    var conversational = false

    @OptionGroup var model: ModelGeneratorFlags

    @OptionGroup var tokenizerOptions: TokenizerOptions

    @OptionGroup var shard: ShardOptions

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    func run() throws {
      let options = try instructOptions()
      try OutputFile.requireDistinct(output, from: [input])
      let selection = try shard.selection()
      if model.generator == .openAICompatible {
        guard !selection.isSharded else {
          throw ValidationError("--shard runs the rules generator only; run --generator openai-compatible in one process (its cache makes a rerun free)")
        }
        try runModel(options: options)
        return
      }
      if selection.isSharded {
        try runShard(selection.shard, options: options)
        return
      }
      let reader = try JSONLReader(path: input, limits: limits.limits)
      let writer = try JSONLWriter(path: output)
      let summary = try Instructor(options: options).run(reader, to: writer)
      try writer.finish()
      if !common.quiet {
        FileHandle.standardError.write(Data((summary.report + "\n").utf8))
      }
    }

    /// The options the flags ask for (a merge of instruct shards rebuilds them from the shards' arguments).
    func instructOptions() throws -> InstructOptions {
      try model.check()
      // With a model generator, rule-based tasks run only when --tasks names them.
      let taskList = try tasks.map(CommaList.tasks) ?? (model.generator == .openAICompatible ? [] : nil)
      var tokenCounter = TokenCounter.wordEstimate
      // Built-in tasks cut long answers and chunks by tokens; templates alone need no counter.
      let needsTokens =
        maxTokens != nil || model.generator == .openAICompatible
        || !(taskList ?? (template == nil ? InstructTask.defaults(for: to) : [])).isEmpty
      if needsTokens || tokenizerOptions.tokenizer != nil {
        tokenCounter = try tokenizerOptions.counter(fallback: .wordEstimate, command: "instruct")
      }
      let templates = try template.map { try InstructTemplate.load(path: $0) } ?? []
      let options = InstructOptions(
        format: to, tasks: taskList, templates: templates,
        filter: ExampleFilter(minChars: minChars, maxChars: maxChars), chunkTokens: chunkTokens,
        overlapTokens: overlap, tokenCounter: tokenCounter, maxTokens: maxTokens, answerTokens: answerTokens, includeMetadata: !noMetadata, conversationalPrompts: conversational,
        minSummaryChars: minSummaryChars, maxPendingQuestions: maxPendingQuestions)
      try options.check()
      return options
    }

    /// The model generator: a dry run, or the run with the real client.
    private func runModel(options: InstructOptions) throws {
      let generator = try ValidationError.reporting { try model.generatorOptions() }
      let settings = model.clientSettings(output: output)
      if model.dryRun {
        let wiring = try? Self.makeChatClient(settings)
        let instructor = ModelInstructor(options: options, generator: generator, client: UnavailableChatClient())
        let plan = try instructor.dryRun(try JSONLReader(path: input, limits: limits.limits), isCached: wiring?.isCached)
        FileHandle.standardError.write(Data((plan.report + "\n").utf8))
        return
      }
      let wiring = try Self.makeChatClient(settings)
      let reader = try JSONLReader(path: input, limits: limits.limits)
      let writer = try JSONLWriter(path: output)
      let summary = try ModelInstructor(options: options, generator: generator, client: wiring.client).run(reader, to: writer)
      try writer.finish()
      if !common.quiet {
        FileHandle.standardError.write(Data((summary.report + "\n").utf8))
      }
    }

    /// THE ONE PLACE the real chat-completions client is made (issue 19), for `instruct` and
    /// `build`'s `generator:` section: the HTTP client of `Sources/DataPrep/chat/` with its reply
    /// cache in `settings.cacheFolder`, retries, `settings.timeout` per call and the budget
    /// (`maxRequests`, `maxTokensTotal`), the key read from the environment variable
    /// `settings.apiKeyEnv` (never from a flag value or a file). `isCached` answers `--dry-run`'s
    /// "already cached" count (nil: not known).
    /// - Throws: ``ChatError`` when the cache folder cannot be made or the base URL is not http(s).
    static func makeChatClient(_ settings: ModelEndpoint) throws -> ChatClientWiring {
      let cache = try ChatReplyCache(folder: settings.cacheFolder)
      let client = try ChatCompletionClient(
        settings: ChatClientSettings(baseURL: settings.baseURL, apiKey: settings.apiKey, timeout: settings.timeout),
        cache: cache,
        budget: ChatBudget(maxRequests: settings.maxRequests, maxTokensTotal: settings.maxTokensTotal))
      return ChatClientWiring(client: client, isCached: { cache.reply(for: $0) != nil })
    }

    /// One shard: its byte range of the input as candidate lines in `-o`'s folder; `dataprep
    /// merge` resolves them into the examples. The marker keeps the command's arguments, from
    /// which the merge rebuilds the options.
    private func runShard(_ shard: Shard, options: InstructOptions) throws {
      guard output != "-" else { throw ValidationError("with --shard, -o names the folder of the part files") }
      let instructor = Instructor(options: options)
      let settings = ShardOptions.settings
      var documents = 0
      let job = ShardJob(
        stage: "instruct", shard: shard, folder: output, inputs: [input], settings: settings, force: self.shard.force)
      let outcome = try job.run({ piece, part in
        let writer = try part.writer()
        let before = writer.count
        documents += try instructor.writeCandidates(
          try ShardInputs.reader(for: piece, limits: limits.limits), to: writer, startsInput: (piece.range?.start ?? 0) == 0)
        return [ShardPart.mainOutput: writer.count - before]
      }, report: { ["documents": .integer(Int64(documents)), "arguments": .array(settings.map { .string($0) })] })
      ShardOptions.report(outcome, folder: output, quiet: common.quiet)
    }
  }
}
