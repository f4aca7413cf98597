/// The limits every reader applies to untrusted input, in one value the commands share: how
/// deep JSON may nest, how much text XML entities may expand to, and how long one JSONL line
/// may be. Each is a guard against memory or stack exhaustion, set high enough that no real
/// dataset meets it; `dataprep` exposes them as `--max-json-depth`, `--max-entity-mb` and
/// `--max-line-mb`.
public struct InputLimits: Sendable, Hashable {
  /// The longest JSONL line read by default: 256 MiB. The longest record any model trains on
  /// today (a context of one or two million tokens) is under 10 MB of UTF-8, so this is over
  /// 25 times that, while the memory one line costs (about four times its length: the line
  /// buffer's doubling, the parsed value and the written copy) stays near 1 GB.
  public static let defaultMaximumLineBytes = 256 << 20
  /// The default XML entity-expansion budget: 16 MiB of entity text per document (tree mode);
  /// record mode allows this plus four times the bytes read so far.
  public static let defaultMaximumEntityBytes = 16 << 20

  /// The deepest nesting of JSON arrays and objects (JSONL records); deeper is an error.
  /// At most ``JSONParser/maximumSafeDepth``.
  public var maximumJSONDepth: Int
  /// The XML entity-expansion budget in bytes; past it a document is refused as a possible
  /// entity-expansion attack.
  public var maximumEntityBytes: Int
  /// The longest JSONL line in bytes (without its line end); a longer line is an error naming
  /// the file and line, noticed before more than about this many bytes are held.
  public var maximumLineBytes: Int

  /// Limits with the given values (defaults: 512 levels, 16 MiB, 256 MiB).
  public init(
    maximumJSONDepth: Int = JSONParser.defaultMaximumDepth,
    maximumEntityBytes: Int = InputLimits.defaultMaximumEntityBytes,
    maximumLineBytes: Int = InputLimits.defaultMaximumLineBytes
  ) {
    self.maximumJSONDepth = min(max(1, maximumJSONDepth), JSONParser.maximumSafeDepth)
    self.maximumEntityBytes = max(0, maximumEntityBytes)
    self.maximumLineBytes = max(1, maximumLineBytes)
  }

  /// The defaults.
  public static let standard = InputLimits()

  /// A JSON parser with this nesting limit.
  public var jsonParser: JSONParser { JSONParser(maximumDepth: maximumJSONDepth) }
}
