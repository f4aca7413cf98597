/// How `extract` turns inputs into documents; every stage that extracts takes one of these.
public struct ExtractOptions: Sendable, Hashable {
  /// An input kind, decided by extension and content sniffing unless forced.
  public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    /// HTML pages.
    case html
    /// Any XML (dialects detected from the root element).
    case xml
    /// Plain text.
    case text
    /// Markdown.
    case markdown
  }

  /// Forces every input to be read as this kind; `nil` detects per file.
  public var format: InputFormat?
  /// Record mode: an XPath selecting the elements that become one document each.
  public var recordXPath: String?
  /// Record mode: named fields as (name, XPath relative to the record element).
  public var fields: [(name: String, xpath: String)]

  /// Which part of an HTML page becomes the text (the whole page unless set).
  public var htmlContent: HTMLExtractor.ContentScope = .wholePage
  /// Main-content trade-off, optional parts and text format for HTML pages.
  public var html: HTMLContentOptions = HTMLContentOptions()
  /// Limits on the input (the XML entity-expansion budget, tree and record mode).
  public var limits = InputLimits.standard

  /// Options with the defaults: detect formats, no record mode, whole HTML pages.
  public init(
    format: InputFormat? = nil, recordXPath: String? = nil, fields: [(name: String, xpath: String)] = [],
    htmlContent: HTMLExtractor.ContentScope = .wholePage, html: HTMLContentOptions = HTMLContentOptions()
  ) {
    self.format = format
    self.recordXPath = recordXPath
    self.fields = fields
    self.htmlContent = htmlContent
    self.html = html
  }

  /// Reads a record-mode field given as `NAME=XPATH` (both parts non-empty; the XPath may hold `=`).
  /// - Throws: ``ExtractError/badFieldSpec(_:)`` naming the spec.
  public static func field(parsing spec: String) throws(ExtractError) -> (name: String, xpath: String) {
    guard let eq = spec.firstIndex(of: "="), eq != spec.startIndex, spec.index(after: eq) != spec.endIndex else {
      throw .badFieldSpec(spec)
    }
    return (String(spec[..<eq]), String(spec[spec.index(after: eq)...]))
  }

  /// Whether both options extract the same way.
  public static func == (lhs: ExtractOptions, rhs: ExtractOptions) -> Bool {
    lhs.format == rhs.format && lhs.recordXPath == rhs.recordXPath && lhs.htmlContent == rhs.htmlContent && lhs.html == rhs.html
      && lhs.limits == rhs.limits
      && lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.xpath) == rhs.fields.map(\.xpath)
  }

  /// Hashes every option.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(format)
    hasher.combine(recordXPath)
    hasher.combine(htmlContent)
    hasher.combine(html)
    hasher.combine(limits)
    for field in fields {
      hasher.combine(field.name)
      hasher.combine(field.xpath)
    }
  }
}
