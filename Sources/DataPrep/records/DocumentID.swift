/// The stable document identifier every extractor uses.
///
/// An id is the first 16 hexadecimal digits (64 bits) of the SHA-256 of the document's
/// `source` (the path as given, plus `#N` in record mode), so the same input always gets the
/// same id, whatever the machine, the run or `--jobs`.
enum DocumentID {
  /// The id of the document whose `source` is `source`.
  static func make(source: String) -> String {
    HexBytes.encode(Array(SHA256Digest.hash(source.utf8).prefix(8)))
  }
}
