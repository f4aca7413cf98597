internal import CLibXML

/// Process-wide libxml2 setup and the error capture every parse uses.
///
/// libxml2 keeps its error handler per thread, so a parse installs ``ErrorCollector`` on its own
/// thread for its duration and removes it after: nothing is printed to stderr and concurrent
/// parses on other threads are unaffected. `xmlCleanupParser` is never called (FoundationXML in
/// the same process shares the library).
enum LibXML {
  /// Runs `xmlInitParser` exactly once, before the first parse.
  private static let initialized: Void = { xmlInitParser() }()

  /// Makes sure libxml2 is initialised; cheap after the first call.
  static func initialize() { _ = initialized }

  /// The largest input libxml2's memory parsers take (their size parameter is a C `int`).
  static let maximumInputSize = Int(Int32.max)

  /// Calls `body` with libxml2's errors on this thread routed into a fresh collector.
  static func capturingErrors<T, E: Error>(_ body: (ErrorCollector) throws(E) -> T) throws(E) -> T {
    initialize()
    let collector = ErrorCollector()
    let context = Unmanaged.passUnretained(collector).toOpaque()
    xmlSetStructuredErrorFunc(context, collectError)
    defer { xmlSetStructuredErrorFunc(nil, nil) }
    return try withExtendedLifetime(collector) { () throws(E) -> T in try body(collector) }
  }
}

/// The errors libxml2 reported during one parse; the first error is the one users see.
final class ErrorCollector {
  /// The first error (not warning) reported: its message and 1-based line (0 when unknown).
  private(set) var firstError: (message: String, line: Int)?
  /// All errors reported, warnings excluded.
  private(set) var errorCount = 0

  fileprivate func record(message: String, line: Int, isWarning: Bool) {
    guard !isWarning else { return }
    errorCount += 1
    if firstError == nil { firstError = (message, line) }
  }

  /// The first error as a ``MarkupParseError``, or a generic one when libxml2 gave no message.
  /// A libxml2 limit, when one was hit, is the error reported, explained (``LibXMLLimit``);
  /// `huge` says whether the parse ran with `XML_PARSE_HUGE`.
  func parseError(fallback: String, huge: Bool = false) -> MarkupParseError {
    if let limitHit {
      return .malformed(message: limitHit.limit.explanation(huge: huge, original: limitHit.message), line: limitHit.line)
    }
    guard let firstError else { return .malformed(message: fallback, line: 0) }
    return .malformed(message: firstError.message, line: firstError.line)
  }

  /// The first libxml2 safety limit reported (a depth or size limit), with its message and line.
  private(set) var limitHit: (limit: LibXMLLimit, message: String, line: Int)?

  /// Whether a libxml2 safety limit (lifted by `XML_PARSE_HUGE`) stopped the parse.
  var hitHardLimit: Bool { limitHit != nil }

  fileprivate func noteLimit(_ message: String, line: Int) {
    if limitHit == nil, let limit = LibXMLLimit(message: message) { limitHit = (limit, message, line) }
  }
}

/// The C callback libxml2 calls for every error while a collector is installed.
private func collectError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
  guard let context, let error else { return }
  let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
  let isWarning = error.pointee.level == XML_ERR_WARNING
  // Recovering HTML parses report thousands of errors: only build strings when they can matter.
  let code = error.pointee.code
  let mayBeALimit = code == Int32(XML_ERR_INTERNAL_ERROR.rawValue) || code == Int32(XML_ERR_NO_MEMORY.rawValue)
  guard collector.firstError == nil || mayBeALimit else {
    if !isWarning { collector.record(message: "", line: 0, isWarning: false) }
    return
  }
  var message = error.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
  while message.last?.isWhitespace == true { message.removeLast() }
  collector.noteLimit(message, line: Int(error.pointee.line))
  collector.record(message: message, line: Int(error.pointee.line), isWarning: isWarning)
}
