extension JSONLReader {
  /// Opens the lines of `path` in `range` (one shard's share of the file, see
  /// ``ShardByteRange``), applying `limits`. Line numbers are the file's own.
  public init(path: String, range: ShardByteRange, limits: InputLimits) throws(InputError) {
    self.init(
      try ByteSource(path: path, range: range.start..<range.end, firstLine: range.firstLine),
      parser: limits.jsonParser, maximumLineBytes: limits.maximumLineBytes)
  }
}
