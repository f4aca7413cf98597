/// What one shard reads of a list of inputs: with one input, its byte range (``ShardByteRange``);
/// with several, the whole files at positions `index`, `index + count`, ... of the list (folders
/// already expanded, in byte order).
///
/// Each piece keeps the input's position in the list and its start, which is the order a single
/// process reads them in; ``ShardPartsMerger`` puts the parts back in that order.
public struct ShardInputs: Sendable, Equatable {
  /// One input, or one byte range of it, that the shard reads.
  public struct Piece: Sendable, Equatable {
    /// The input's position in the list.
    public var input: Int
    /// Its path as given.
    public var path: String
    /// The byte range read (`nil`: the whole file).
    public var range: ShardByteRange?
  }

  /// The pieces, in the order a single process reads them.
  public var pieces: [Piece]

  /// The share of `paths` that `shard` reads.
  /// - Throws: ``ShardError/cannotSplit(path:reason:)`` when one input must be cut by bytes but
  ///   cannot (standard input, gzip); ``InputError`` when it cannot be read.
  public static func plan(paths: [String], shard: Shard) throws -> ShardInputs {
    if paths.count == 1 && shard.count > 1 {
      return ShardInputs(pieces: [Piece(input: 0, path: paths[0], range: try ShardByteRange.of(path: paths[0], shard: shard))])
    }
    return ShardInputs(pieces: shard.positions(of: paths.count).map { Piece(input: $0, path: paths[$0], range: nil) })
  }

  /// The pieces of a whole, unsharded run: every input whole.
  public static func whole(paths: [String]) -> ShardInputs {
    ShardInputs(pieces: paths.indices.map { Piece(input: $0, path: paths[$0], range: nil) })
  }

  /// A reader over one piece's JSONL records (its range only), applying `limits`.
  public static func reader(for piece: Piece, limits: InputLimits) throws -> JSONLReader {
    if let range = piece.range { return try JSONLReader(path: piece.path, range: range, limits: limits) }
    return try JSONLReader(path: piece.path, limits: limits)
  }
}
