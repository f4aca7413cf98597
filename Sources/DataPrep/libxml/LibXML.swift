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
  func parseError(fallback: String) -> MarkupParseError {
    guard let firstError else { return .malformed(message: fallback, line: 0) }
    return .malformed(message: firstError.message, line: firstError.line)
  }

  /// Whether any reported error asks for `XML_PARSE_HUGE` (a depth or size limit was hit).
  var hitHardLimit = false

  fileprivate func noteLimit(_ message: String) {
    if message.contains("XML_PARSE_HUGE") || message.contains("Excessive depth") { hitHardLimit = true }
  }
}

/// The C callback libxml2 calls for every error while a collector is installed.
private func collectError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
  guard let context, let error else { return }
  let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
  var message = error.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
  while message.last?.isWhitespace == true { message.removeLast() }
  collector.noteLimit(message)
  collector.record(message: message, line: Int(error.pointee.line), isWarning: error.pointee.level == XML_ERR_WARNING)
}
