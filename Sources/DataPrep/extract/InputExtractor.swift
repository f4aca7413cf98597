/// Extracts the documents of one input file of any kind: opens it, skips empty and binary
/// inputs, decides the kind, and hands it to the HTML, XML or text extractor.
struct InputExtractor: Sendable {
  /// How many first bytes are looked at to decide the kind and spot binary data.
  static let headLength = 1 << 16

  /// The run's options.
  let options: ExtractOptions
  /// Threads that may convert the records of one file in record mode (1 when files already
  /// run in parallel).
  var parallelism = 1

  /// Streams the documents of the input at `path` to `body`; returns the bytes read.
  /// - Throws: ``InputError`` or ``ExtractError`` naming the path.
  func extract(path: String, _ body: (Document) throws -> Void) throws -> Int {
    try extract(input: InputPath(path), body)
  }

  /// Streams the documents of `path` (opened by its bytes) to `body`; returns the bytes read.
  /// - Throws: ``InputError`` or ``ExtractError`` naming the path's printable form.
  func extract(input path: InputPath, _ body: (Document) throws -> Void) throws -> Int {
    let input = try ExtractionInput(input: path)
    do {
      try extract(input: input, body)
    } catch {
      // Keep the byte count of a failed input too.
      throw CountedFailure(error: error, bytesRead: input.bytesRead)
    }
    return input.bytesRead
  }

  private func extract(input: ExtractionInput, _ body: (Document) throws -> Void) throws {
    let path = input.path
    let head = try input.peek(Self.headLength)
    if head.isEmpty || (input.endSeen && head.allSatisfy(Self.isASCIIWhitespace)) {
      throw ExtractError.empty(path: path)
    }
    if TextDecoding.looksBinary(head), let offset = head.prefix(1024).firstIndex(of: 0) {
      throw ExtractError.binary(path: path, offset: offset)
    }
    let kind = options.format ?? InputKind.detect(path: path, head: head)
    switch kind {
    case .xml:
      try XMLExtractor(options: options).forEachDocument(
        input: input, source: path, parallelism: parallelism, body)
    case .html:
      let bytes = try input.readAll()
      let document = try HTMLExtractor(options: options, contentScope: options.htmlContent, content: options.html).document(from: bytes, source: path)
      guard !document.text.isEmpty || !document.title.isEmpty else { throw ExtractError.noText(path: path) }
      try body(document)
    case .text, .markdown:
      // The text is at least half the input (line ends) and the line holds it twice (text and
      // sections), so an input over the line limit cannot fit: refuse it before holding it all.
      let lineLimit = options.limits.maximumLineBytes
      let bytes: [UInt8]
      do {
        bytes = try input.readAll(limit: min(lineLimit, Int(Int32.max) - 1))
      } catch ExtractError.tooLarge where lineLimit < Int(Int32.max) - 1 {
        throw ExtractError.textOverLineLimit(path: path, limit: lineLimit)
      }
      try body(try TextExtractor().document(from: bytes, markdown: kind == .markdown, source: path))
    }
  }

  private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C
  }
}

/// An input's failure with the bytes read before it.
struct CountedFailure: Error {
  /// The underlying error.
  var error: any Error
  /// The bytes read from the input before it failed.
  var bytesRead: Int
}
