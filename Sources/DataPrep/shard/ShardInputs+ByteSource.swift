extension ShardInputs.Piece {
  /// The bytes of the piece: its range of the file (lines numbered as in the file), or the whole
  /// file, for stages that read a ``ByteSource`` rather than records.
  /// - Throws: ``InputError`` when the file cannot be opened.
  package func source() throws(InputError) -> ByteSource {
    guard let range else { return try ByteSource(path: path) }
    return try ByteSource(path: path, range: range.start..<range.end, firstLine: range.firstLine)
  }
}
