/// One shard's run of a record-by-record stage: its share of the inputs (``ShardInputs``), its
/// parts and marker (``ShardPart``), skipped when done, refused when stale.
///
/// The stage supplies a closure that reads one piece and writes its records; this type does
/// the rest the same way for every command, so a shard of `convert`, `instruct` or `tokens` is
/// retried, skipped and merged alike.
public struct ShardJob: Sendable {
  /// What happened to the shard.
  public enum Outcome: Sendable {
    /// The shard ran and its marker was written.
    case finished(ShardMarker)
    /// The shard had finished before with the same job; nothing was written.
    case skipped(ShardMarker)

    /// The marker either way.
    public var marker: ShardMarker {
      switch self {
      case .finished(let marker), .skipped(let marker): return marker
      }
    }
  }

  /// The stage name recorded in the marker (the command: `convert`, `instruct`, ...).
  public var stage: String
  /// The shard.
  public var shard: Shard
  /// The folder of the job's parts.
  public var folder: String
  /// The inputs of the whole job, in the order a single process reads them.
  public var inputs: [String]
  /// Settings that change the output (the command's flags), part of the fingerprint.
  public var settings: [String]
  /// Whether a finished shard runs again and stale parts are cleared.
  public var force: Bool

  /// A shard of `stage` over `inputs` writing into `folder`.
  public init(stage: String, shard: Shard, folder: String, inputs: [String], settings: [String], force: Bool) {
    self.stage = stage
    self.shard = shard
    self.folder = folder
    self.inputs = inputs
    self.settings = settings
    self.force = force
  }

  /// The job's fingerprint (see ``ShardPart/fingerprint(stage:count:settings:inputs:)``).
  public var fingerprint: String {
    ShardPart.fingerprint(stage: stage, count: shard.count, settings: settings, inputs: inputs)
  }

  /// Runs the shard unless it is done: calls `body` with each piece of input and the shard's
  /// parts (open outputs with ``ShardPart/output(_:extension:)``), which returns the records it
  /// wrote per output; then commits the parts and a marker holding `report()`.
  /// - Throws: ``ShardError`` for a stale folder or an input that cannot be cut; what `body` throws.
  public func run(
    _ body: (ShardInputs.Piece, ShardPart) throws -> [String: Int], report: () -> JSONValue
  ) throws -> Outcome {
    let part = ShardPart(folder: folder, stage: stage, shard: shard, fingerprint: fingerprint)
    if case .done(let marker) = try part.prepare(force: force) { return .skipped(marker) }
    let plan = try ShardInputs.plan(paths: inputs, shard: shard)
    var pieces: [ShardMarker.Piece] = []
    for piece in plan.pieces {
      let records = try body(piece, part)
      pieces.append(ShardMarker.Piece(input: piece.input, start: piece.range?.start ?? 0, records: records))
    }
    return .finished(try part.commit(pieces: pieces, report: report()))
  }
}
