/// One value found in a text: its kind and where it is, as UTF-8 byte offsets. The value itself
/// is never kept in reports.
public struct PIIFinding: Sendable, Hashable {
  /// What was found.
  public var kind: PIIKind
  /// Byte offsets of the value in the text's UTF-8 (the part to replace).
  public var range: Range<Int>

  /// A finding of `kind` over `range`.
  public init(kind: PIIKind, range: Range<Int>) {
    self.kind = kind
    self.range = range
  }
}
