import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand {
  /// `dataprep dedup`: removes exact duplicates, near duplicates and partial copies from a JSONL file.
  struct Dedup: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Remove exact duplicates, near duplicates and partial copies from a JSONL dataset.",
      discussion: """
        Records are written unchanged (the same bytes). Stages can run as separate jobs:

          dataprep dedup IN --stage signatures -o sigs.bin
          dataprep dedup --stage candidates --signatures sigs.bin --band-range 0-12 -o pairs-a.bin
          dataprep dedup IN --stage clusters --signatures sigs.bin --pairs pairs-*.bin -o out.jsonl

        See docs/dedup.md.
        """
    )

    enum Stage: String, ExpressibleByArgument, CaseIterable {
      case all, signatures, candidates, clusters
    }

    @Argument(help: "The JSONL to deduplicate (`-` for stdin). Not used by `--stage candidates`.")
    var input: String?

    @Option(name: .shortAndLong, help: "Output: kept records (or the stage's intermediate file); `-` for stdout.")
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

    @Option(name: .long, help: "Run one stage: all, signatures, candidates, clusters.")
    var stage: Stage = .all

    @Option(name: .long, help: "The signatures file of --stage signatures (stages candidates and clusters).")
    var signatures: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Pair files from --stage candidates (stage clusters).")
    var pairs: [String] = []

    @Option(name: .long, help: "LSH bands to use in --stage candidates, as FIRST-LAST (0-based, inclusive).")
    var bandRange: String?

    @OptionGroup var common: CommonOptions

    @OptionGroup var limits: LimitOptions

    func validate() throws {
      if stage != .candidates && input == nil { throw ValidationError("missing INPUT") }
      if (stage == .candidates || stage == .clusters) && signatures == nil {
        throw ValidationError("--stage \(stage.rawValue) needs --signatures FILE")
      }
      if stage == .clusters && pairs.isEmpty { throw ValidationError("--stage clusters needs --pairs FILE...") }
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
      let inputs = [input, signatures].compactMap { $0 } + against + pairs
      try OutputFile.requireDistinct(output, from: inputs)
      if let clusters { try OutputFile.requireDistinct(clusters, from: inputs) }
      let run = try Deduplicator(options: options).run(try job(), output: output, clusters: clusters)
      if let run, !common.quiet {
        FileHandle.standardError.write(Data((run.result.summary.description + "\n").utf8))
      }
    }

    /// The job the flags name (`validate()` has checked each stage has its files).
    private func job() throws -> DedupJob {
      switch stage {
      case .all: return .all(input: input ?? "-", against: against)
      case .signatures: return .signatures(input: input ?? "-", against: against)
      case .candidates:
        var range: Range<Int>?
        if let bandRange {
          range = DedupJob.bandRange(parsing: bandRange)
          if range == nil { throw ValidationError("--band-range must be FIRST-LAST, e.g. 0-12") }
        }
        return .candidates(signatures: signatures ?? "", bandRange: range)
      case .clusters: return .clusters(input: input ?? "-", signatures: signatures ?? "", pairs: pairs)
      }
    }
  }
}

extension NormalizationLevel: ExpressibleByArgument {}
extension DedupOptions.KeepPolicy: ExpressibleByArgument {}
extension DedupOptions.Verification: ExpressibleByArgument {}
extension DedupOptions.SignatureScheme: ExpressibleByArgument {}
