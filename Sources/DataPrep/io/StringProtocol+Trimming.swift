extension StringProtocol {
  /// This text without the leading and trailing characters found in `set` (each `Character` of
  /// it): how the XML readers tidy a parser message or a declaration's attribute name.
  func trimming(charactersIn set: String) -> String {
    let chars = Set(set)
    guard let start = firstIndex(where: { !chars.contains($0) }),
      let end = lastIndex(where: { !chars.contains($0) })
    else { return "" }
    return String(self[start...end])
  }
}
