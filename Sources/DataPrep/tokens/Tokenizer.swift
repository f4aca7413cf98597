/// A byte-level BPE tokenizer: tiktoken encodings (cl100k_base, o200k_base, ...) and Hugging Face
/// `tokenizer.json` byte-level BPE models (GPT-2, Llama 3 style).
///
/// Encodes exactly as the reference does (tiktoken's `encode_ordinary`, Hugging Face's BPE
/// without added special tokens), token for token. Immutable and `Sendable`: share one across
/// tasks. Get one with ``TokenizerLocator/load(_:)`` (names and paths as `--tokenizer` takes
/// them), ``init(tiktokenFile:encoding:)`` or ``init(huggingFaceFile:)``.
public struct Tokenizer: Sendable {
  /// How the pre-tokenizer splits text before the merges: each step splits the pieces of the
  /// step before.
  enum SplitStep: Sendable {
    /// A pattern scanned by hand (fast).
    case pattern(SplitPattern)
    /// Any other regex, through `NSRegularExpression` (slower).
    case regex(RegexSplitter)
  }

  /// The encoding name (`o200k_base`) or the file the tokenizer came from.
  public let name: String
  /// The special tokens (text to id), recognised only when an encode call allows them.
  public let specialTokens: [String: Int]

  let table: TokenTable
  /// Hugging Face merges: `left << 32 | right` to `rank << 32 | merged`; `nil` for tiktoken ranks.
  let merges: [UInt64: UInt64]?
  let steps: [SplitStep]
  /// Emit a whole piece as one token when it is one (tiktoken; Hugging Face `ignore_merges`).
  let wholePieceFirst: Bool
  /// Hugging Face `ByteLevel` `add_prefix_space`: a space before text that lacks one.
  let addPrefixSpace: Bool
  /// Special tokens as byte sequences, longest first, for ``encode(_:allowingSpecialTokens:)``.
  private let specialSequences: [(bytes: [UInt8], id: UInt32)]

  init(
    name: String, table: TokenTable, merges: [UInt64: UInt64]?, steps: [SplitStep],
    wholePieceFirst: Bool, addPrefixSpace: Bool, specialTokens: [String: Int]
  ) {
    self.name = name
    self.table = table
    self.merges = merges
    self.steps = steps
    self.wholePieceFirst = wholePieceFirst
    self.addPrefixSpace = addPrefixSpace
    self.specialTokens = specialTokens
    self.specialSequences = specialTokens.map { (Array($0.key.utf8), UInt32($0.value)) }
      .sorted { $0.bytes.count != $1.bytes.count ? $0.bytes.count > $1.bytes.count : $0.bytes.lexicographicallyPrecedes($1.bytes) }
  }

  /// Loads a tiktoken rank file (`.tiktoken` or `.tiktoken.gz`).
  ///
  /// `encoding` gives the split pattern and special tokens; when `nil` it is taken from the
  /// file name (`cl100k_base...`), else from the vocabulary size (200k and more: o200k_base,
  /// 100k and more: cl100k_base, less: r50k_base).
  /// - Throws: ``TokenizerError`` when the file is unreadable or malformed (naming the line).
  public init(tiktokenFile path: String, encoding: TiktokenEncoding? = nil) throws(TokenizerError) {
    let table = try TiktokenRankFile.load(path: path)
    let encoding =
      encoding ?? TiktokenEncoding.named(byFile: path)
      ?? (table.count >= 199_000 ? .o200kBase : table.count >= 100_000 ? .cl100kBase : .r50kBase)
    self.init(
      name: encoding.rawValue, table: table, merges: nil, steps: [.pattern(encoding.pattern)],
      wholePieceFirst: true, addPrefixSpace: false, specialTokens: encoding.specialTokens)
  }

  /// Loads a Hugging Face `tokenizer.json` of a byte-level BPE model.
  /// - Throws: ``TokenizerError`` when the file is unreadable, not JSON, or not byte-level BPE.
  public init(huggingFaceFile path: String) throws(TokenizerError) {
    self = try HuggingFaceTokenizerFile.load(path: path)
  }

  /// How many ids the vocabulary spans (special tokens included).
  public var vocabularySize: Int {
    max(table.idLimit, (specialTokens.values.max() ?? -1) + 1)
  }

  /// The token ids of `text`.
  ///
  /// By default special-token text such as `<|endoftext|>` is encoded as ordinary text (like
  /// tiktoken's `encode_ordinary`), so data cannot inject control tokens; pass
  /// `allowingSpecialTokens: true` to encode it as the special token.
  public func encode(_ text: String, allowingSpecialTokens: Bool = false) -> [Int] {
    var sink = TokenIDSink()
    encode(text, allowingSpecialTokens: allowingSpecialTokens, into: &sink)
    return sink.ids
  }

  /// The number of tokens of `text`; the same as `encode(text).count`, without the array.
  public func count(_ text: String, allowingSpecialTokens: Bool = false) -> Int {
    var sink = TokenCountSink()
    encode(text, allowingSpecialTokens: allowingSpecialTokens, into: &sink)
    return sink.count
  }

  /// The bytes of the tokens `ids` in order, or `nil` when an id is not in the vocabulary.
  public func decodeBytes(_ ids: [Int]) -> [UInt8]? {
    var out: [UInt8] = []
    for id in ids {
      if let bytes = table.bytes(of: id) {
        out.append(contentsOf: bytes)
      } else if let special = specialTokens.first(where: { $0.value == id }) {
        out.append(contentsOf: special.key.utf8)
      } else {
        return nil
      }
    }
    return out
  }

  /// The text of the tokens `ids` (invalid UTF-8 repaired with U+FFFD), or `nil` when an id
  /// is not in the vocabulary.
  public func decode(_ ids: [Int]) -> String? {
    decodeBytes(ids).map { String(decoding: $0, as: UTF8.self) }
  }

  // MARK: - Encoding

  /// Encodes `text` into `sink`; `continuing` when it follows earlier parts of the same text
  /// (no prefix space is added then).
  func encode<Sink: TokenSink>(
    _ text: String, allowingSpecialTokens: Bool, continuing: Bool = false, into sink: inout Sink
  ) {
    var text = text
    if addPrefixSpace && !continuing && !text.isEmpty && !text.hasPrefix(" ") { text = " " + text }
    text.withUTF8 { bytes in
      guard let base = bytes.baseAddress, bytes.count > 0 else { return }
      if allowingSpecialTokens && !specialSequences.isEmpty {
        encodeWithSpecials(base, bytes.count, into: &sink)
      } else {
        encodeOrdinary(base, bytes.count, into: &sink)
      }
    }
  }

  /// Encodes the ordinary text between special-token matches, and the matches as their ids.
  private func encodeWithSpecials<Sink: TokenSink>(
    _ bytes: UnsafePointer<UInt8>, _ count: Int, into sink: inout Sink
  ) {
    var segmentStart = 0
    var i = 0
    while i < count {
      var matched: (length: Int, id: UInt32)?
      for special in specialSequences where special.bytes.count <= count - i && special.bytes[0] == bytes[i] {
        let equal = special.bytes.withUnsafeBufferPointer { s in
          guard let s = s.baseAddress else { return false }
          return memcmp(s, bytes + i, special.bytes.count) == 0
        }
        if equal {
          matched = (special.bytes.count, special.id)
          break
        }
      }
      if let matched {
        if i > segmentStart { encodeOrdinary(bytes + segmentStart, i - segmentStart, into: &sink) }
        sink.append(matched.id)
        i += matched.length
        segmentStart = i
      } else {
        i += 1
      }
    }
    if count > segmentStart { encodeOrdinary(bytes + segmentStart, count - segmentStart, into: &sink) }
  }

  /// Pre-tokenizes and merges `bytes[0..<count]`.
  func encodeOrdinary<Sink: TokenSink>(_ bytes: UnsafePointer<UInt8>, _ count: Int, into sink: inout Sink) {
    ScalarClass.table.withUnsafeBufferPointer { table in
      guard let table = table.baseAddress else { return }
      split(bytes, count, step: 0, classes: table, into: &sink)
    }
  }

  private func split<Sink: TokenSink>(
    _ bytes: UnsafePointer<UInt8>, _ count: Int, step: Int, classes: UnsafePointer<UInt8>, into sink: inout Sink
  ) {
    if step == steps.count {
      encodePiece(bytes, count, readable: count, into: &sink)
      return
    }
    let last = step == steps.count - 1
    switch steps[step] {
    case .pattern(let pattern):
      let scanner = PieceScanner(bytes: bytes, count: count, table: classes, pattern: pattern)
      var start = 0
      while start < count {
        let end = scanner.pieceEnd(from: start)
        if last {
          encodePiece(bytes + start, end - start, readable: count - start, into: &sink)
        } else {
          split(bytes + start, end - start, step: step + 1, classes: classes, into: &sink)
        }
        start = end
      }
    case .regex(let regex):
      for range in regex.pieces(UnsafeBufferPointer(start: bytes, count: count)) {
        split(bytes + range.lowerBound, range.count, step: step + 1, classes: classes, into: &sink)
      }
    }
  }

  /// Encodes one piece; `readable` bytes may be read from `piece` (at least `length`).
  @inline(__always)
  private func encodePiece<Sink: TokenSink>(
    _ piece: UnsafePointer<UInt8>, _ length: Int, readable: Int, into sink: inout Sink
  ) {
    if length == 1 {
      sink.append(table.byteIDs[Int(piece[0])])
      return
    }
    if let merges {
      if wholePieceFirst, let id = table.lookup(piece, length, readable: readable) {
        sink.append(id)
        return
      }
      BytePairMerge.mergeByPairRank(piece, length, table: table, merges: merges, into: &sink)
    } else {
      if let id = table.lookup(piece, length, readable: readable) {
        sink.append(id)
        return
      }
      BytePairMerge.mergeByTokenRank(piece, length, readable: readable, table: table, into: &sink)
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
