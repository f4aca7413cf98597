internal import CLibXML

/// Streams the records of an XML input with libxml2's xmlTextReader and evaluates named XPath
/// fields on each one, so memory stays flat whatever the input size.
///
/// Each element matching the ``XMLRecordPath`` is expanded (`xmlTextReaderExpand`), its fields are
/// evaluated relative to it with libxml2 XPath, and the reader then skips past it
/// (`xmlTextReaderNext`), which frees the subtree. The input comes through an
/// ``XMLRecordInput`` (`xmlReaderForIO`), so `.gz` and standard input work and bytes are
/// counted. Hostile input: no network (`XML_PARSE_NONET`), no DTD loading, no entity
/// substitution. libxml2's default limits (depth 256, 10 MB per text node, name or attribute
/// value) are lifted with `XML_PARSE_HUGE`, as the tree parser does, only when the first bytes
/// show that the input declares no entities (an internal DTD subset comes before the root
/// element), because that option also turns off libxml2's entity-amplification checks; a limit
/// that is hit is reported in plain words (``LibXMLLimit``).
///
/// Not `Sendable`: one reader per task; C pointers never leave this file.
final class XMLRecordReader {
  /// One named value to pull from each record.
  struct Field: Sendable, Equatable {
    /// The field's name.
    var name: String
    /// An XPath relative to the record element (`@Body`, `title`, `string(a/b)`).
    var xpath: String
    /// Whether an element result is returned as its inner markup (for HTML or XHTML content)
    /// rather than its text.
    var markup: Bool = false
  }

  private static let initialized: Void = { xmlInitParser() }()

  /// Where C callbacks report back; travels through the C `void*` slots.
  private final class CallbackState {
    let input: any XMLRecordInput
    var ioError: (any Error)?
    var parseError: (line: Int, message: String)?
    init(input: any XMLRecordInput) { self.input = input }
  }

  private let state: CallbackState
  private let path: String
  private let recordPath: XMLRecordPath
  private let fields: [Field]
  private var reader: xmlTextReaderPtr?
  private var context: xmlXPathContextPtr?
  private var compiled: [xmlXPathCompExprPtr?] = []
  private var predicate: xmlXPathCompExprPtr?
  private var registersNamespaces = false
  private var names: [(qualified: String, local: String)] = []
  private var skipCurrent = false
  private var finished = false
  private let lastStepIsWildcard: Bool
  private let lastStepName: [UInt8]
  private let lastStepQualified: Bool

  /// Opens a reader over `input`.
  /// - Throws: ``XMLRecordError/badFieldXPath(name:xpath:)`` when a field does not compile,
  ///   ``XMLRecordError/badPredicate(xpath:)`` when the record path's predicate does not.
  init(
    input: any XMLRecordInput, recordPath: XMLRecordPath, fields: [Field], entityTextLimit: Int = MarkupTree.defaultEntityTextLimit
  ) throws(XMLRecordError) {
    _ = Self.initialized
    self.entityTextLimit = entityTextLimit
    self.state = CallbackState(input: input)
    self.path = input.path
    self.recordPath = recordPath
    self.fields = fields
    let last = recordPath.steps.last ?? "*"
    lastStepIsWildcard = last == "*"
    lastStepQualified = last.contains(":")
    lastStepName = Array(last.utf8) + [0]

    context = xmlXPathNewContext(nil)
    if let context {
      context.pointee.error = { _, _ in }
    }
    for field in fields {
      guard let expression = xmlXPathCtxtCompile(context, field.xpath) else {
        throw .badFieldXPath(name: field.name, xpath: field.xpath)
      }
      compiled.append(expression)
      if field.xpath.contains(":") { registersNamespaces = true }
    }
    if let test = recordPath.predicate {
      guard let expression = xmlXPathCtxtCompile(context, "boolean(self::node()[\(test)])") else {
        throw .badPredicate(xpath: recordPath.text)
      }
      predicate = expression
      if test.contains(":") { registersNamespaces = true }
    }

    let readCallback: xmlInputReadCallback = { context, buffer, length in
      guard let context, let buffer, length > 0 else { return -1 }
      let state = Unmanaged<CallbackState>.fromOpaque(context).takeUnretainedValue()
      do {
        let n = try state.input.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length)))
        return Int32(n)
      } catch {
        state.ioError = error
        return -1
      }
    }
    huge = Self.declaresNoEntities(input.peekedHead, wholeInput: input.endSeen)
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | (huge ? XML_PARSE_HUGE.rawValue : 0))
    let opaque = Unmanaged.passUnretained(state).toOpaque()
    reader = xmlReaderForIO(readCallback, nil, opaque, nil, nil, options)
    if let reader {
      xmlTextReaderSetStructuredErrorHandler(
        reader,
        { userData, error in
          guard let userData, let error else { return }
          let state = Unmanaged<CallbackState>.fromOpaque(userData).takeUnretainedValue()
          guard state.parseError == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
          let message = error.pointee.message.map { String(cString: $0) } ?? "parse error"
          state.parseError = (Int(error.pointee.line), message.trimming(charactersIn: " \n"))
        }, opaque)
    }
  }

  /// Whether the parse runs with `XML_PARSE_HUGE` (the input declares no entities).
  private let huge: Bool

  /// Whether the first bytes of an input show it declares no entities: no `<!ENTITY`, and any
  /// internal DTD subset (`<!DOCTYPE x [ ... ]>`) closed within them.
  static func declaresNoEntities(_ head: [UInt8], wholeInput: Bool) -> Bool {
    guard !head.isEmpty else { return false }
    let declares = head.withUnsafeBufferPointer { XMLDocumentParser.declaresEntities($0) }
    if declares { return false }
    if wholeInput { return true }
    guard let doctype = firstIndex(of: Array("<!DOCTYPE".utf8), in: head) else { return true }
    let rest = Array(head[doctype...])
    guard let open = rest.firstIndex(of: UInt8(ascii: "[")), let close = rest.firstIndex(of: UInt8(ascii: ">")),
      open < close
    else { return true }  // no internal subset
    return firstIndex(of: Array("]>".utf8), in: rest) != nil
  }

  private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
    guard bytes.count >= needle.count else { return nil }
    for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
      if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
    }
    return nil
  }

  /// Whether `xpath` compiles as an XPath 1.0 expression.
  static func compiles(_ xpath: String) -> Bool { xpathProblem(xpath) == nil }

  /// Why `xpath` is not a usable XPath 1.0 expression (libxml2's message), or `nil` when it is.
  ///
  /// Compiling alone lets some errors through (`count(` with no argument, an unknown function, an
  /// undefined variable, a wrong type), which would then select nothing in every record; so the
  /// compiled expression is also evaluated once on an empty element, where only such errors can
  /// occur. An undeclared namespace prefix is accepted: prefixes come from each input.
  static func xpathProblem(_ xpath: String) -> String? {
    LibXML.capturingErrors { collector in
      // Some evaluation errors ("function f not found") are printed through the generic handler.
      clibxml_silence_generic_errors(1)
      defer { clibxml_silence_generic_errors(0) }
      guard let document = xmlNewDoc("1.0") else { return "out of memory" }
      defer { xmlFreeDoc(document) }
      let root = xmlNewDocNode(document, nil, "record", nil)
      xmlDocSetRootElement(document, root)
      guard let context = xmlXPathNewContext(document) else { return "out of memory" }
      defer { xmlXPathFreeContext(context) }
      context.pointee.node = root
      guard let expression = xmlXPathCtxtCompile(context, xpath) else {
        return collector.firstError?.message ?? "invalid expression"
      }
      defer { xmlXPathFreeCompExpr(expression) }
      guard let result = xmlXPathCompiledEval(expression, context) else {
        if context.pointee.lastError.code == Int32(XML_XPATH_UNDEF_PREFIX_ERROR.rawValue) { return nil }
        return collector.firstError?.message ?? "cannot be evaluated"
      }
      xmlXPathFreeObject(result)
      return nil
    }
  }

  deinit {
    for expression in compiled { xmlXPathFreeCompExpr(expression) }
    if let predicate { xmlXPathFreeCompExpr(predicate) }
    if let context { xmlXPathFreeContext(context) }
    if let reader { xmlFreeTextReader(reader) }
  }

  /// The field values of the next record, in field order (`nil` where the XPath selected
  /// nothing), or `nil` after the last record.
  /// - Throws: the input's error or ``XMLRecordError/malformed(path:line:message:)``.
  func next() throws -> [String?]? {
    if finished { return nil }
    guard let reader else {
      finished = true
      throw XMLRecordError.malformed(path: path, line: 0, message: "cannot create an XML reader")
    }
    let needsNames = recordPath.steps.count > 1 || recordPath.anchored
    while true {
      let status = skipCurrent ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader)
      skipCurrent = false
      if status <= 0 {
        finished = true
        try checkErrors(status: status)
        return nil
      }
      guard xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) else { continue }
      if needsNames { trackName(reader, depth: Int(xmlTextReaderDepth(reader))) }
      guard lastStepMatches(reader) else { continue }
      if needsNames && !recordPath.matches(names) { continue }
      guard let node = xmlTextReaderExpand(reader) else {
        finished = true
        try checkErrors(status: -1)
        return nil
      }
      try checkEntityExpansion(node)
      prepareContext(reader: reader, node: node)
      if let predicate, xmlXPathCompiledEvalToBoolean(predicate, context) != 1 {
        continue
      }
      let values = compiled.enumerated().map { index, expression in
        evaluate(expression, markup: fields[index].markup, document: xmlTextReaderCurrentDoc(reader))
      }
      skipCurrent = true
      return values
    }
  }

  /// Entity text expanded so far in this input, across records.
  private var entityTextExpanded = 0
  /// The fixed part of the entity budget (``InputLimits/maximumEntityBytes``).
  private let entityTextLimit: Int

  /// Refuses a record whose entity references expand past the budget: XPath string values
  /// expand references recursively, so a small input ("quadratic blow-up": one large entity
  /// referenced many times) could otherwise produce gigabytes. The budget is the tree parser's
  /// limit (`entityTextLimit`, by default ``MarkupTree/defaultEntityTextLimit``) plus four times the bytes read so far, for
  /// the whole input, so real documents that use entities throughout still pass.
  private func checkEntityExpansion(_ record: xmlNodePtr) throws {
    let budget = entityTextLimit + 4 * state.input.bytesRead
    var stack: [(node: xmlNodePtr?, inEntity: Bool)] = [(record.pointee.children, false)]
    if let attributes = record.pointee.properties {
      stack.append((UnsafeMutableRawPointer(attributes).assumingMemoryBound(to: xmlNode.self), false))
    }
    while !stack.isEmpty {
      guard let node = stack[stack.count - 1].node else {
        stack.removeLast()
        continue
      }
      let inEntity = stack[stack.count - 1].inEntity
      stack[stack.count - 1].node = node.pointee.next
      switch node.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if inEntity, let content = node.pointee.content {
          entityTextExpanded += Int(xmlStrlen(content))
          if entityTextExpanded > budget {
            throw XMLRecordError.malformed(
              path: path, line: Int(xmlGetLineNo(record)),
              message: MarkupParseError.entityExpansionTooLarge(limit: budget).localizedDescription)
          }
        }
      case XML_ENTITY_REF_NODE:
        if let declaration = node.pointee.children, declaration.pointee.type == XML_ENTITY_DECL {
          stack.append((declaration.pointee.children, true))
        }
      case XML_ELEMENT_NODE:
        stack.append((node.pointee.children, inEntity))
        if let attributes = node.pointee.properties {
          stack.append((UnsafeMutableRawPointer(attributes).assumingMemoryBound(to: xmlNode.self), inEntity))
        }
      case XML_ATTRIBUTE_NODE:
        stack.append((node.pointee.children, inEntity))
      default:
        break
      }
    }
  }

  /// Turns the state after the last read into an error, if there was one.
  private func checkErrors(status: Int32) throws {
    if let ioError = state.ioError { throw ioError }
    if let parseError = state.parseError {
      var message = parseError.message
      if let limit = LibXMLLimit(message: message) { message = limit.explanation(huge: huge, original: message) }
      throw XMLRecordError.malformed(path: path, line: parseError.line, message: message)
    }
    if status < 0 { throw XMLRecordError.malformed(path: path, line: 0, message: "unreadable XML") }
  }

  /// Whether the current element's name matches the last step of the record path.
  private func lastStepMatches(_ reader: xmlTextReaderPtr) -> Bool {
    if lastStepIsWildcard { return true }
    let name = lastStepQualified ? xmlTextReaderConstName(reader) : xmlTextReaderConstLocalName(reader)
    guard let name else { return false }
    return lastStepName.withUnsafeBufferPointer { step in
      guard let base = step.baseAddress else { return false }
      return xmlStrEqual(name, base) == 1
    }
  }

  /// Keeps ``names`` as the ancestors-and-self of the current element (anchored or multi-step paths).
  private func trackName(_ reader: xmlTextReaderPtr, depth: Int) {
    if names.count > depth { names.removeLast(names.count - depth) }
    while names.count < depth { names.append(("", "")) }
    let qualified = xmlTextReaderConstName(reader).map { String(cString: $0) } ?? ""
    let local = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? qualified
    names.append((qualified, local))
  }

  /// Points the XPath context at the record, with its in-scope namespace prefixes registered
  /// when a field or the predicate uses prefixes.
  private func prepareContext(reader: xmlTextReaderPtr, node: xmlNodePtr) {
    guard let context else { return }
    context.pointee.doc = xmlTextReaderCurrentDoc(reader)
    context.pointee.node = node
    guard registersNamespaces, let list = xmlGetNsList(node.pointee.doc, node) else { return }
    var index = 0
    while let namespace = list[index] {
      if let prefix = namespace.pointee.prefix, let href = namespace.pointee.href {
        xmlXPathRegisterNs(context, prefix, href)
      }
      index += 1
    }
    clibxml_free(list)
  }

  /// The string value of an XPath result: node sets join their nodes' values with newlines.
  private func evaluate(_ expression: xmlXPathCompExprPtr?, markup: Bool, document: xmlDocPtr?) -> String? {
    guard let expression, let result = xmlXPathCompiledEval(expression, context) else { return nil }
    defer { xmlXPathFreeObject(result) }
    guard result.pointee.type == XPATH_NODESET else {
      guard let string = xmlXPathCastToString(result) else { return nil }
      defer { clibxml_free(string) }
      return String(cString: string)
    }
    guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else {
      return nil
    }
    var parts: [String] = []
    for index in 0..<Int(set.pointee.nodeNr) {
      guard let node = table[index] else { continue }
      if markup, node.pointee.type == XML_ELEMENT_NODE, Self.hasElementChildren(node) {
        parts.append(Self.innerMarkup(node, document: document))
      } else if let string = xmlXPathCastNodeToString(node) {
        parts.append(String(cString: string))
        clibxml_free(string)
      }
    }
    return parts.joined(separator: "\n")
  }

  /// Whether `node` has an element among its children (XHTML content rather than escaped HTML).
  private static func hasElementChildren(_ node: xmlNodePtr) -> Bool {
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE { return true }
      child = current.pointee.next
    }
    return false
  }

  /// The serialised children of `node` (`xmlNodeDump`).
  private static func innerMarkup(_ node: xmlNodePtr, document: xmlDocPtr?) -> String {
    guard let buffer = xmlBufferCreate() else { return "" }
    defer { xmlBufferFree(buffer) }
    var child = node.pointee.children
    while let current = child {
      xmlNodeDump(buffer, document, current, 0, 0)
      child = current.pointee.next
    }
    guard let content = xmlBufferContent(buffer) else { return "" }
    return String(cString: content)
  }
}
