import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand {
  /// `dataprep dedup`: removes exact duplicates, near duplicates and partial copies from a JSONL file.
  struct Dedup: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Remove exact duplicates, near duplicates and partial copies from a JSONL dataset.",
      discussion: """
        Records are written unchanged (the same bytes). Stages run as job arrays (--shard I/N, or the \
        scheduler's array index), each writing parts into a folder:

          dataprep dedup IN --stage signatures --shard I/N -o sigs/
          dataprep dedup --stage candidates --signatures sigs/ --shard I/N -o pairs/
          dataprep dedup --stage clusters --signatures sigs/ --pairs pairs/ -o decisions/ [--clusters FILE]
          dataprep dedup IN --stage filter --decisions decisions/ --shard I/N -o kept/
          dataprep merge kept/ -o kept.jsonl

        See docs/dedup.md.
        """
    )

    enum Stage: String, ExpressibleByArgument, CaseIterable {
      case all, signatures, candidates, clusters, filter
    }

    @Argument(help: "The JSONL to deduplicate (`-` for stdin). Read by stages signatures and filter only.")
    var input: String?

    @Option(name: .shortAndLong, help: "Output: kept records (`-` for stdout); with --stage, the folder of the stage's parts.")
    var output: String = "-"

    @Option(name: .long, help: "Write the clusters found (JSONL) to this file, for auditing.")
    var clusters: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Existing datasets: input records duplicating any of their records are removed.")
    var against: [String] = []

    @Option(name: .long, help: "Dotted path to the text to compare (default: document text or the messages of an example).")
    var field: String?

    @Option(name: .long, help: "Text normalisation: none, basic (NFKC, case, punctuation, whitespace), aggressive (+ diacritics, digits).")
    var normalize: NormalizationLevel = .basic

    @Option(name: .long, help: "Words per shingle.")
    var ngram: Int = 5

    @Option(name: .long, help: "MinHash permutations.")
    var permutations: Int = 128

    @Option(name: .long, help: "Jaccard similarity for near duplicates.")
    var threshold: Double = 0.8

    @Option(name: .long, help: "Confirm LSH candidates by estimated (signatures) or exact (shingle sets) Jaccard.")
    var verify: DedupOptions.Verification = .exact

    @Option(name: .long, help: "Signatures: one-permutation (one hash per shingle, densified) or minhash (one hash per permutation).")
    var signature: DedupOptions.SignatureScheme = .onePermutation

    @Flag(inversion: .prefixedNo, help: "Detect partial copies (default: on when the records are documents).")
    var partial: Bool?

    @Option(name: .long, help: "Fraction of a record's shingles found elsewhere to call it a partial copy.")
    var containment: Double = 0.8

    @Option(name: .long, help: "Index one shingle in N for partial copies (1 = all; larger saves memory).")
    var partialSampling: Int = 4

    @Option(name: .long, help: "Judge records with fewer distinct shingles than this on all of them for partial copies, not a sample (0: always sample).")
    var partialWholeBelow: Int = 1024

    @Option(name: .long, help: "Which record of a cluster is kept: first, longest, shortest.")
    var keep: DedupOptions.KeepPolicy = .first

    @Flag(name: .long, help: "Remove every member of a duplicate cluster, the kept one too.")
    var dropAll = false

    @Option(name: .long, help: "LSH bands (default: chosen from --threshold).")
    var bands: Int?

    @Option(name: .long, help: "LSH rows per band (default: chosen from --threshold).")
    var rows: Int?

    @Option(name: .long, help: "Run one stage: all, signatures, candidates, clusters, filter.")
    var stage: Stage = .all

    @Option(name: .long, help: "The folder of --stage signatures' parts (stages candidates and clusters).")
    var signatures: String?

    @Option(name: .long, help: "The folder of --stage candidates' parts (stage clusters).")
    var pairs: String?

    @Option(name: .long, help: "The folder of --stage clusters' decisions (stage filter).")
    var decisions: String?

    @OptionGroup var shard: ShardOptions

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    func validate() throws {
      if (stage == .all || stage == .signatures || stage == .filter) && input == nil { throw ValidationError("missing INPUT") }
      if (stage == .candidates || stage == .clusters) && signatures == nil {
        throw ValidationError("--stage \(stage.rawValue) needs --signatures FOLDER")
      }
      if stage == .clusters && pairs == nil { throw ValidationError("--stage clusters needs --pairs FOLDER") }
      if stage == .filter && decisions == nil { throw ValidationError("--stage filter needs --decisions FOLDER") }
      if stage != .all && output == "-" { throw ValidationError("--stage \(stage.rawValue): -o names the folder of the stage's parts") }
      try ValidationError.reporting { try options.validate() }
    }

    var options: DedupOptions {
      var o = DedupOptions()
      o.field = field
      o.normalization = normalize
      o.ngram = ngram
      o.permutations = permutations
      o.threshold = threshold
      o.verification = verify
      o.signatureScheme = signature
      o.partial = partial
      o.containment = containment
      o.partialSampling = partialSampling
      o.partialWholeBelow = partialWholeBelow
      o.keep = keep
      o.dropAll = dropAll
      o.jobs = common.jobs
      o.limits = limits.limits
      o.bands = bands
      o.rows = rows
      return o
    }

    func run() throws {
      let inputs = [input, signatures, pairs, decisions].compactMap { $0 } + against
      try OutputFile.requireDistinct(output, from: inputs)
      if let clusters { try OutputFile.requireDistinct(clusters, from: inputs) }
      let selection = try shard.selection()
      if stage == .all && selection.isSharded {
        throw ValidationError(
          "shard \(selection.shard) (from \(selection.source == .flag ? "--shard" : "the scheduler's array variables")) runs one stage of a job array: "
            + "pass --stage signatures, candidates, clusters or filter (see docs/dedup.md)")
      }
      if stage == .clusters && selection.shard.count > 1 {
        throw ValidationError("--stage clusters runs as one task over every candidate pair; run it without --shard")
      }
      let settings = DedupStageSettings(shard: selection.shard, settings: ShardOptions.settings, force: shard.force)
      let outcome = try Deduplicator(options: options).run(try job(), output: output, clusters: clusters, stage: settings)
      if let stageOutcome = outcome.stage { ShardOptions.report(stageOutcome, folder: output, quiet: common.quiet) }
      if stage == .all || stage == .clusters, let summary = outcome.summary, !common.quiet {
        FileHandle.standardError.write(Data((summary.description + "\n").utf8))
      }
    }

    /// The job the flags name (`validate()` has checked each stage has its files).
    private func job() throws -> DedupJob {
      switch stage {
      case .all: return .all(input: input ?? "-", against: against)
      case .signatures: return .signatures(input: input ?? "-", against: against)
      case .candidates: return .candidates(signatures: signatures ?? "")
      case .clusters: return .clusters(signatures: signatures ?? "", pairs: pairs ?? "")
      case .filter: return .filter(input: input ?? "-", decisions: decisions ?? "")
      }
    }
  }
}

extension NormalizationLevel: ExpressibleByArgument {}
extension DedupOptions.KeepPolicy: ExpressibleByArgument {}
extension DedupOptions.Verification: ExpressibleByArgument {}
extension DedupOptions.SignatureScheme: ExpressibleByArgument {}
