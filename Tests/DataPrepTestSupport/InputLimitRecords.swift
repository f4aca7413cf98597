import Foundation

/// Records and documents at and past the input limits (``InputLimits``), shared by the library
/// and the command tests of the limits.
package enum InputLimitRecords {
  package static let chatLine = #"{"messages":[{"role":"user","content":"Hi there"},{"role":"assistant","content":"Hello, how can I help?"}]}"#

  /// A chat record with `depth` levels of nested arrays under an extra key.
  package static func deepRecord(depth: Int) -> String {
    #"{"messages":[{"role":"user","content":"Deep"},{"role":"assistant","content":"Nested"}],"extra":"#
      + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
  }

  /// A chat record about `bytes` long.
  package static func longRecord(bytes: Int) -> String {
    #"{"messages":[{"role":"user","content":""# + String(repeating: "long words ", count: bytes / 11)
      + #""},{"role":"assistant","content":"ok"}]}"#
  }

  /// An XML document whose one 2 kB entity is referenced 1,000 times (2 MB of entity text);
  /// with `records`, each reference sits in its own `<rec>` element.
  package static func entityDocument(records: Bool) -> String {
    let entity = String(repeating: "lorem ipsum dolor sit amet ", count: 80)
    let body = (0..<1000).map { records ? "<rec><p>&e; \($0)</p></rec>" : "<p>&e; \($0)</p>" }.joined()
    return "<?xml version=\"1.0\"?>\n<!DOCTYPE doc [<!ENTITY e \"\(entity)\">]>\n<doc><title>T</title>\(body)</doc>\n"
  }
}
